#include "desk.h"

#include <QRandomGenerator>

#include <domain/demo.h>

namespace motcua::test {

using domain::Result;

Desk::Desk(QString name, quint16 serverPort)
    : m_name(std::move(name))
    , m_link(std::make_unique<LinkProxy>(serverPort))
{
    m_key.resize(store::Cache::kKeyBytes);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_key.data()),
                                          m_key.size() / 4);
}

Desk::~Desk()
{
    m_engine.reset();
    m_cache.reset();
}

bool Desk::open(QString *error)
{
    if (!m_dir.isValid() || !m_link->listen()) {
        *error = QStringLiteral("%1: no profile directory or proxy port").arg(m_name);
        return false;
    }
    auto cache = store::Cache::open(m_dir.path(), m_key);
    if (!cache) {
        *error = cache.error().code + QStringLiteral(": ") + cache.error().message;
        return false;
    }
    m_cache = std::move(cache).value();
    return true;
}

sync::SyncOptions Desk::fastOptions()
{
    sync::SyncOptions o;
    o.api.timeoutMs = 15000;
    o.backoff = {20, 200, 2.0, 0.5};
    o.pollIntervalMs = 0; // rounds only when a test asks, or after a failure
    o.localChangeDelayMs = 10;
    o.stuckThreshold = 3;
    return o;
}

bool Desk::startEngine(const QString &username, QString *error, sync::SyncOptions options)
{
    options.api.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_link->port()));
    sync::ApiClient login(options.api);
    auto session = await(login.login(username, kDemoPassword));
    if (!session) {
        *error = session.error().code + QStringLiteral(": ") + session.error().message;
        return false;
    }
    m_officer = session->officer.id;
    const QString dir = m_dir.path();
    const QByteArray key = m_key;
    m_engine = std::make_unique<sync::SyncEngine>(
        options, [dir, key] { return store::Cache::open(dir, key); });
    QSignalSpy failed(m_engine.get(), &sync::SyncEngine::startFailed);
    m_engine->start();
    if (!failed.isEmpty()) {
        *error = failed.first().first().value<domain::Error>().message;
        return false;
    }
    m_engine->setSession(session.value());
    return true;
}

bool Desk::syncOnce(int timeoutMs)
{
    QSignalSpy rounds(m_engine.get(), &sync::SyncEngine::roundFinished);
    m_engine->syncNow();
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const bool ok
            = std::any_of(rounds.cbegin(), rounds.cend(),
                          [](const QList<QVariant> &args) { return args.at(0).toBool(); });
        if (ok && !m_engine->isBusy())
            return true;
        if (deadline.hasExpired() || !rounds.wait(int(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
    }
}

Result<domain::Dossier> Desk::record(domain::Action action)
{
    auto directory = sync::directoryFromCache(*m_cache);
    if (!directory)
        return directory.error();
    if (action.id.isNull())
        action.id = QUuid::createUuid();
    action.actorId = m_officer;
    auto current = m_cache->dossier(action.dossierId);
    if (!current)
        return current.error();
    action.baseVersion = current.value() ? current.value()->version : 0;
    auto dossier = m_cache->recordAction(action, *directory.value());
    if (dossier && m_engine)
        m_engine->localActionsRecorded();
    return dossier;
}

Result<domain::Dossier> Desk::receive(const QUuid &dossierId)
{
    Result<domain::Dossier> out = domain::makeError(QStringLiteral("test.none"), {});
    auto st = m_cache->transaction([&]() -> domain::Check {
        auto code = m_cache->takeNextCode(domain::demo::kCentreCode, vietnamToday());
        if (!code)
            return code.error();
        domain::Action a = freshReceive(code->code, dossierId);
        a.deviceTime = {};
        a.payload.insert(QStringLiteral("publicToken"),
                         QString::number(QRandomGenerator::global()->generate64(), 36));
        out = record(a);
        if (!out)
            return out.error();
        return {};
    });
    if (!st)
        return st.error();
    return out;
}

Result<domain::Dossier> Desk::transfer(const QUuid &dossierId, const QString &agencyCode,
                                       const QString &departmentId)
{
    domain::Action a;
    a.dossierId = dossierId;
    a.type = domain::ActionType::Transfer;
    a.payload = {{QStringLiteral("agencyCode"),
                  agencyCode.isEmpty() ? domain::demo::kJusticeCode : agencyCode},
                 {QStringLiteral("departmentId"),
                  agencyCode.isEmpty() ? QStringLiteral("HCTP") : departmentId}};
    return record(a);
}

Result<QHash<QUuid, domain::Dossier>> serverDossiers(const SyncServer &server,
                                                     const QString &username)
{
    QString error;
    auto client = loggedInClient(server, username, &error);
    if (!client)
        return domain::makeError(QStringLiteral("test.login"), error);
    QHash<QUuid, domain::Dossier> out;
    qint64 after = 0;
    for (;;) {
        auto page = await(client->changes(after, 1000));
        if (!page)
            return page.error();
        for (const auto &c : page->changes)
            out.insert(c.dossier.id, c.dossier);
        after = page->nextAfter;
        if (!page->more)
            return out;
    }
}

QString compareWithServer(store::Cache &cache, const QHash<QUuid, domain::Dossier> &server)
{
    auto stats = cache.stats();
    if (!stats)
        return stats.error().message;
    if (stats->dossiers != server.size())
        return QStringLiteral("the cache holds %1 dossiers, the server %2")
            .arg(stats->dossiers)
            .arg(server.size());
    for (auto it = server.cbegin(); it != server.cend(); ++it) {
        auto local = cache.dossier(it.key());
        if (!local)
            return local.error().message;
        if (!local.value())
            return QStringLiteral("dossier %1 is missing").arg(it.key().toString());
        if (!(*local.value() == it.value()))
            return QStringLiteral("dossier %1 differs: version %2 here, %3 on the server")
                .arg(it.key().toString())
                .arg(local.value()->version)
                .arg(it.value().version);
    }
    return {};
}

} // namespace motcua::test
