// The sync engine's life cycle and rounds: when a round starts, how it ends, what a failure does.
#include "sync_engine.h"

#include "api_errors.h"
#include "logging.h"

namespace motcua::sync {

Q_LOGGING_CATEGORY(lcEngine, "motcua.sync.engine")

using domain::Error;

SyncEngine::SyncEngine(SyncOptions options, CacheOpener openCache, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_openCache(std::move(openCache))
    , m_poll(this)
    , m_localDelay(this)
    , m_stuck(m_options.stuckThreshold)
{
    m_poll.setTimerType(Qt::CoarseTimer);
    m_localDelay.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(&m_localDelay, &QTimer::timeout, this, &SyncEngine::syncNow);
}

SyncEngine::~SyncEngine()
{
    stop();
}

void SyncEngine::start()
{
    if (m_cache)
        return;
    auto cache = m_openCache();
    if (!cache) {
        qCWarning(lcEngine) << "cannot open the cache:" << cache.error().code;
        Q_EMIT startFailed(cache.error());
        return;
    }
    m_cache = std::move(cache).value();
    ensureClient();
    if (auto st = loadDirectory(); !st)
        qCInfo(lcEngine) << "no usable catalogues in the cache yet:" << st.error().code;
    if (auto last = m_cache->lastSync(); last && last.value() != m_lastSync) {
        m_lastSync = last.value();
        Q_EMIT lastSyncChanged(m_lastSync);
    }
    refreshPendingCount();
    reportConflicts({});
    if (m_options.pollIntervalMs > 0)
        m_poll.start(m_options.pollIntervalMs);
    qCInfo(lcEngine) << "started; device" << m_cache->deviceId() << "pending" << m_pending;
    syncNow();
}

void SyncEngine::stop()
{
    ++m_generation; // the aborted calls below answer nobody
    m_poll.stop();
    m_localDelay.stop();
    if (m_retry)
        m_retry->cancel();
    if (m_prefetch)
        m_prefetch->abort();
    m_snapshot.reset();
    if (m_inflight)
        m_inflight->abort();
    m_inRound = false;
    m_again = false;
    setPhase(Phase::Idle);
    m_cache.reset();
}

// Made on the engine's thread, on first use: a QNetworkAccessManager belongs to its thread.
void SyncEngine::ensureClient()
{
    if (m_api)
        return;
    m_api = new ApiClient(m_options.api, this);
    connect(m_api, &ApiClient::sessionChanged, this, &SyncEngine::sessionChanged);
    connect(m_api, &ApiClient::sessionEnded, this, &SyncEngine::sessionEnded);
    m_retry = new RetryTimer(Backoff(m_options.backoff), this);
    connect(m_retry, &RetryTimer::due, this, &SyncEngine::syncNow);
}

void SyncEngine::setSession(const Session &session)
{
    ensureClient();
    m_api->setSession(session);
    m_cataloguesAt = {}; // another officer may see other catalogues
    m_retry->succeeded();
    syncNow();
}

void SyncEngine::clearSession()
{
    if (m_inflight)
        m_inflight->abort();
    if (m_api)
        m_api->clearSession();
}

void SyncEngine::syncNow()
{
    if (!m_cache || !m_api || !m_api->hasSession())
        return;
    if (m_inRound) {
        m_again = true;
        return;
    }
    beginRound();
}

void SyncEngine::localActionsRecorded()
{
    refreshPendingCount();
    if (m_cache && !m_localDelay.isActive())
        m_localDelay.start(m_options.localChangeDelayMs);
}

void SyncEngine::setNetworkReachable(bool reachable)
{
    const bool cameBack = reachable && !m_networkUp;
    m_networkUp = reachable;
    qCInfo(lcRetry) << "system network" << (reachable ? "up" : "down");
    if (!reachable) {
        setOnline(false);
        return;
    }
    if (cameBack || (m_retry && m_retry->isScheduled())) {
        if (m_retry)
            m_retry->cancel();
        syncNow(); // do not wait for the backoff
    }
}

// ---- rounds -------------------------------------------------------------------------------------

void SyncEngine::beginRound()
{
    ++m_generation;
    m_inRound = true;
    m_again = false;
    m_pulledThisRound = 0;
    m_blobsFailed.clear();
    m_heldBack.clear();
    if (m_retry)
        m_retry->cancel();
    stepCatalogues();
}

void SyncEngine::endRound()
{
    ++m_generation;
    m_inRound = false;
    setPhase(Phase::Idle);
    setOnline(true);
    m_retry->succeeded();
    // Everything tried this round went through, except blobs that could not be uploaded: their
    // count goes on.
    const auto &counted = m_stuck.current();
    const bool blobHeld = counted && counted->key.startsWith(QLatin1String("blob:"))
        && m_blobsFailed.contains(counted->key.mid(5));
    if (!blobHeld) {
        const bool wasStuck = m_stuck.stuck().has_value();
        m_stuck.clear();
        if (wasStuck)
            Q_EMIT unstuck();
    }
    m_lastSync = QDateTime::currentDateTimeUtc();
    if (auto st = m_cache->setLastSync(m_lastSync); !st)
        qCWarning(lcEngine) << "cannot store the last sync time:" << st.error().code;
    Q_EMIT lastSyncChanged(m_lastSync);
    refreshPendingCount();
    qCDebug(lcEngine) << "round done; pending" << m_pending << "pulled" << m_pulledThisRound;
    Q_EMIT roundFinished(true, {});
    if (m_again)
        QMetaObject::invokeMethod(this, &SyncEngine::syncNow, Qt::QueuedConnection);
}

void SyncEngine::fail(const QString &item, const Error &error)
{
    ++m_generation; // answers still on their way belong to this round: ignore them
    m_inRound = false;
    if (m_prefetch)
        m_prefetch->abort();
    m_snapshot.reset();
    setPhase(Phase::Idle);
    refreshPendingCount();
    if (error.code == QLatin1String("sync.cancelled")) {
        Q_EMIT roundFinished(false, error);
        return;
    }
    if (isSessionError(error)) {
        // No retry until somebody logs in again (sessionEnded was emitted by the client).
        qCWarning(lcEngine) << "sync paused:" << error.code;
        Q_EMIT roundFinished(false, error);
        return;
    }
    setOnline(!isUnreachable(error));
    if (m_stuck.failed(item, error))
        Q_EMIT stuck(*m_stuck.stuck());
    if (m_cache) // still running
        m_retry->failed(error);
    qCInfo(lcEngine).noquote() << "round failed at" << item << ":" << error.code;
    Q_EMIT roundFinished(false, error);
}

// ---- status -------------------------------------------------------------------------------------

void SyncEngine::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

void SyncEngine::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    qCInfo(lcEngine) << (online ? "online" : "offline");
    Q_EMIT onlineChanged(online);
}

void SyncEngine::refreshPendingCount()
{
    if (!m_cache)
        return;
    auto count = m_cache->pendingCount();
    if (!count || count.value() == m_pending)
        return;
    m_pending = count.value();
    Q_EMIT pendingCountChanged(m_pending);
}

void SyncEngine::reportConflicts(const QSet<QUuid> &rejectedActions)
{
    auto open = m_cache->conflicts(false);
    if (!open) {
        qCWarning(lcEngine) << "cannot read conflicts:" << open.error().code;
        return;
    }
    QList<store::Conflict> added;
    for (const auto &c : open.value()) {
        if (rejectedActions.contains(c.action.id))
            added.append(c);
    }
    if (!added.isEmpty())
        Q_EMIT conflictsAdded(added);
    if (open->size() != m_openConflicts) {
        m_openConflicts = open->size();
        Q_EMIT openConflictsChanged(m_openConflicts);
    }
}

} // namespace motcua::sync
