#pragma once

// The sync engine (ARCHITECTURE.md, Sync; issue 4 items 6–11): a QObject without widgets that
// lives on a worker thread and keeps the encrypted cache and the server in step.
//
// One sync round: catalogues (when stale) → blobs waiting for upload → push the outbox in batches,
// in device order → pull the change feed from the stored cursor, page by page → lease dossier code
// blocks for today and the next working days. The cache rebuilds the visible state (confirmed state
// plus this device's pending actions replayed on top) after every answer: that is the rebase.
//   accepted / duplicate → markAccepted; rejected → markRejected: rolled back, a conflict record
//   for the UI (conflictsAdded) — nothing is dropped silently;
//   no answer (offline, timeout, 5xx) → the item's attempt is recorded, the round is retried with
//   exponential backoff and jitter on a timer; the same item failing `stuckThreshold` times in a
//   row is exposed as stuck with its error.
// A round starts on start(), on setSession(), after local actions (localActionsRecorded), on a
// network change, every `pollIntervalMs`, and on syncNow(); a request during a round runs another
// round right after it.
//
// Only the session officer's actions are pushed (the server refuses others'); an action waits
// behind an earlier pending action on the same dossier by another officer, and behind a blob of
// its own that is not uploaded yet.
//
// Tokens: the server rotates the refresh token at each refresh and ends the session when an old
// one is presented again. Give the engine's client and the UI's the same SessionHolder
// (SyncOptions::api.session): one refreshes, the other waits. Persist sessionChanged (keychain);
// on sessionEnded the officer must log in again (the engine pauses until setSession()).
#include "api_client.h"
#include "blob_transfer.h"
#include "catalogues.h"
#include "retry_policy.h"
#include "snapshot_reader.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <domain/json.h>
#include <store/cache.h>

#include <functional>
#include <memory>
#include <optional>

namespace motcua::sync {

struct SyncOptions
{
    ApiClient::Options api;
    int pushBatch = 100; // actions per push request (the server takes ≤ 500)
    int pullPage = 500;  // changes per page (≤ 1000)
    // A first sync (empty cursor) reads the agency's dossiers as they stand, this many per page
    // (≤ 2000), then the feed from the snapshot's seq; false: the whole feed from the start.
    bool snapshot = true;
    int snapshotPage = 1000;
    int pollIntervalMs = 60000;   // pull this often even without local changes; 0: never
    int localChangeDelayMs = 300; // gather local actions this long before pushing
    int catalogueMaxAgeMs = 60 * 60 * 1000;
    int stuckThreshold = 5;
    BackoffOptions backoff;
    BlobUploadOptions blobs;
    // Dossier code blocks (counter and admin officers only).
    bool leaseCodes = true;
    int leaseWorkingDaysAhead = 1; // today and the next N working days
    int leaseBlockSize = 50;       // numbers per block
    int leaseLowWater = 20;        // lease another block when fewer are left for a day
};

class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class Phase {
        Idle,
        Catalogues,
        Blobs,
        Pushing,
        Pulling,
        Leasing,
    };
    Q_ENUM(Phase)

    // Opens the engine's own connection to the cache; called on the engine's thread by start().
    using CacheOpener = std::function<domain::Result<std::unique_ptr<store::Cache>>()>;

    SyncEngine(SyncOptions options, CacheOpener openCache, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Status as last reported by the signals (read on the engine's thread).
    [[nodiscard]] std::optional<bool> isOnline() const { return m_online; }
    [[nodiscard]] qint64 pendingCount() const { return m_pending; }
    [[nodiscard]] QDateTime lastSync() const { return m_lastSync; }
    [[nodiscard]] std::optional<StuckItem> stuckItem() const { return m_stuck.stuck(); }
    [[nodiscard]] Phase phase() const { return m_phase; }
    [[nodiscard]] bool isRunning() const { return m_cache != nullptr; }
    // A round is running or asked for.
    [[nodiscard]] bool isBusy() const { return m_inRound || m_again; }
    [[nodiscard]] const SyncOptions &options() const { return m_options; }
    // For tests and motcuactl on the engine's thread: the engine's cache connection.
    [[nodiscard]] store::Cache *cache() const { return m_cache.get(); }

public Q_SLOTS:
    // From other threads call these through queued connections or QMetaObject::invokeMethod.
    void start();
    void stop();
    void setSession(const motcua::sync::Session &session);
    void clearSession();
    void syncNow();
    void localActionsRecorded();
    void setNetworkReachable(bool reachable);

Q_SIGNALS:
    void startFailed(const motcua::domain::Error &error); // the cache did not open
    void onlineChanged(bool online);
    void pendingCountChanged(qint64 count);
    void lastSyncChanged(const QDateTime &at);
    void phaseChanged(motcua::sync::SyncEngine::Phase phase);
    // A long pull: changes applied in this round so far, and the cursor reached.
    void pullProgress(qint64 applied, qint64 cursor);
    void dossiersChanged(const QList<QUuid> &dossierIds); // visible states changed: refresh views
    void conflictsAdded(const QList<motcua::store::Conflict> &conflicts);
    void openConflictsChanged(qint64 count);
    void stuck(const motcua::sync::StuckItem &item);
    void unstuck();
    void codesLeased(const QString &agencyCode, const QDate &date, int first, int last);
    void sessionChanged(const motcua::sync::Session &session);
    void sessionEnded(const motcua::domain::Error &reason);
    // One round ended: ok, or the error that stopped it (a retry is scheduled when transient).
    void roundFinished(bool ok, const motcua::domain::Error &error);

private:
    // Round steps (sync_engine.cpp, sync_push.cpp, sync_pull.cpp, code_leaser.cpp).
    void beginRound();
    void stepCatalogues();
    void stepBlobs();
    void uploadNextBlob(QList<store::BlobInfo> queue);
    void stepPush();
    void pushAnswered(const QList<store::LocalAction> &batch,
                      const domain::Result<QList<PushOutcome>> &answer);
    void stepPull();
    void requestPage(qint64 after);
    void pullAnswered(qint64 after, const domain::Result<ChangesPage> &page);
    void startSnapshot(const QString &after, qint64 seq);
    void snapshotAnswered(const QString &after, qint64 seq,
                          const domain::Result<SnapshotPage> &page);
    void stepLease();
    void leaseNext(QList<QDate> days);
    void endRound();
    void fail(const QString &item, const domain::Error &error);

    void ensureClient();
    domain::Check loadDirectory();
    // The actions to push next: the session officer's, in device order, not waiting on another
    // officer's action or on a blob.
    domain::Result<QList<store::LocalAction>> nextBatch();
    void setPhase(Phase phase);
    void setOnline(bool online);
    void refreshPendingCount();
    void reportConflicts(const QSet<QUuid> &rejectedActions);
    void track(ApiCall *call) { m_inflight = call; }
    // Callbacks of an older round (before stop() or a restart) are ignored.
    [[nodiscard]] bool current(quint64 generation) const
    {
        return m_cache && generation == m_generation;
    }

    SyncOptions m_options;
    CacheOpener m_openCache;
    std::unique_ptr<store::Cache> m_cache;
    std::unique_ptr<domain::InMemoryDirectory> m_directory;
    ApiClient *m_api = nullptr;
    RetryTimer *m_retry = nullptr;
    QTimer m_poll;
    QTimer m_localDelay;
    StuckTracker m_stuck;
    QPointer<ApiCall> m_inflight;
    QDateTime m_cataloguesAt;
    QSet<QString> m_blobsFailed; // this round: their actions wait
    QSet<QUuid> m_heldBack;      // this round: pushed, refused as another officer's
    Phase m_phase = Phase::Idle;
    quint64 m_generation = 0;
    bool m_inRound = false;
    bool m_again = false;
    bool m_networkUp = true;
    std::optional<bool> m_online;
    qint64 m_pending = -1;
    qint64 m_openConflicts = -1;
    qint64 m_pulledThisRound = 0;
    bool m_initialPull = false; // this round's pull started from an empty cursor
    QDateTime m_lastSync;
    // A pull page requested ahead while the previous one is applied.
    QPointer<ApiCall> m_prefetch;
    // A first sync's snapshot pages, read on a thread of their own while they are stored.
    std::unique_ptr<SnapshotReader> m_snapshot;
    quint64 m_snapshotRun = 0;
};

} // namespace motcua::sync
