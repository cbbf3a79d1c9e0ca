#include "sync_fixture.h"

#include <QTimeZone>

#include <domain/demo.h>
#include <domain/dossiercode.h>
#include <domain/workcalendar.h>

namespace motcua::test {

QList<domain::Action> freshJourney()
{
    QList<domain::Action> journey = domain::demo::exampleJourney();
    const QUuid dossier = QUuid::createUuid();
    for (auto &a : journey) {
        a.id = QUuid::createUuid();
        a.dossierId = dossier;
    }
    return journey;
}

QString centreCode(const QDate &date, int sequence)
{
    return domain::DossierCodePattern::standard()
        .make({domain::demo::kCentreCode, date, sequence})
        .value();
}

QDate vietnamToday()
{
    return domain::toVietnamTime(QDateTime::currentDateTimeUtc()).date();
}

domain::Action freshReceive(const QString &code, const QUuid &dossierId)
{
    domain::Action a = domain::demo::exampleReceive();
    a.id = QUuid::createUuid();
    a.dossierId = dossierId;
    a.payload.insert(QStringLiteral("code"), code);
    return a;
}

bool SyncServer::start(const QString &backend)
{
    m_db = TestDatabase::create(backend, &m_error);
    if (!m_db || !m_db->seedDemo(&m_error))
        return false;
    // A second counter officer at the centre: two workstations, two people.
    domain::Officer second = *domain::demo::directory().officer(QStringLiteral("counter1"));
    second.id = second.username = QStringLiteral("counter2");
    second.fullName = QStringLiteral("Trần Thị Bích");
    if (!m_db->putOfficer(second, kDemoPassword, &m_error))
        return false;
    m_process = std::make_unique<ServerProcess>();
    if (!m_process->start(m_db->url())) {
        m_error = m_process->startError();
        return false;
    }
    m_port = m_process->port();
    return true;
}

bool SyncServer::stop()
{
    const bool ok = m_process && m_process->stop();
    m_process.reset();
    return ok;
}

bool SyncServer::restart()
{
    if (m_process)
        m_process->stop();
    m_process = std::make_unique<ServerProcess>();
    if (!m_process->start(
            m_db->url(),
            {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)})) {
        m_error = m_process->startError();
        return false;
    }
    return true;
}

QUrl SyncServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

sync::ApiClient::Options SyncServer::clientOptions(int timeoutMs) const
{
    sync::ApiClient::Options o;
    o.baseUrl = baseUrl();
    o.timeoutMs = timeoutMs;
    return o;
}

std::unique_ptr<sync::ApiClient> loggedInClient(const SyncServer &server, const QString &username,
                                                QString *error)
{
    auto client = std::make_unique<sync::ApiClient>(server.clientOptions());
    auto session = await(client->login(username, kDemoPassword));
    if (!session) {
        *error = session.error().code + QStringLiteral(": ") + session.error().message;
        return nullptr;
    }
    return client;
}

} // namespace motcua::test
