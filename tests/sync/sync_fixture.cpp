#include "sync_fixture.h"

#include "testpaths.h"

#include <QRegularExpression>
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

ServerRun::~ServerRun()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ServerRun::start(const QString &dbUrl, quint16 port)
{
    const QString program
        = qEnvironmentVariable("MOTCUA_SYNC_TEST_SERVER", motcua::testing::serverPath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"MOTCUA_DB", "MOTCUA_LISTEN", "MOTCUA_DEMO_PASSWORD"})
        env.remove(QString::fromLatin1(name));
    m_process.setProcessEnvironment(env);
    m_process.start(program,
                    {QStringLiteral("--db"), dbUrl, QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(port)});
    if (!m_process.waitForStarted(10000)) {
        m_error = program + QStringLiteral(" did not start");
        return false;
    }
    static const QRegularExpression listening(
        QStringLiteral("^listening on 127\\.0\\.0\\.1:([0-9]+)$"),
        QRegularExpression::MultilineOption);
    const bool ok = waitFor(
        [&] {
            m_stdout += m_process.readAllStandardOutput();
            const auto m = listening.match(QString::fromUtf8(m_stdout));
            if (m.hasMatch())
                m_port = quint16(m.captured(1).toUInt());
            return m_port != 0 || m_process.state() == QProcess::NotRunning;
        },
        60000);
    if (!ok || m_port == 0) {
        m_error
            = QStringLiteral("%1 did not print \"listening on\"; stderr:\n%2")
                  .arg(program, QString::fromUtf8(m_process.readAllStandardError().right(3000)));
        return false;
    }
    return true;
}

bool ServerRun::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return false;
    m_process.terminate();
    const bool finished = m_process.waitForFinished(15000);
    return finished && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
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
    m_process = std::make_unique<ServerRun>();
    if (!m_process->start(m_db->url())) {
        m_error = m_process->error();
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
    m_process = std::make_unique<ServerRun>();
    if (!m_process->start(m_db->url(), m_port)) {
        m_error = m_process->error();
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
