#pragma once

// The client's encrypted local cache: one SQLCipher database (cache.db) and a folder of encrypted,
// content-addressed blobs (blobs/) inside a profile directory.
//
// THE CONTRACT THE SYNC ENGINE USES (core/sync)
// - Every fallible call returns a Result/Check with a typed error (codes "cache.*", "blob.*",
//   "code.*") and a Vietnamese message. Nothing throws. A Cache is used from one thread.
// - Local writes: the UI/services make one user action = one recordAction() (wrap several steps,
//   e.g. takeNextCode() + recordAction(), in transaction()). recordAction() fills deviceId, a
//   device sequence number (increasing, never reused) and deviceTime, runs the domain engine on
//   the VISIBLE dossier, and stores the action as Pending. An action the engine refuses is not
//   stored (its Error is returned).
// - Visible state = the confirmed dossier (the server's dossier from the last pulled change) with
//   this device's not-yet-confirmed actions (Pending and Accepted) replayed on top, in device
//   order, by domain::apply(). An action that no longer applies on the newer confirmed state stays
//   where it is (the server decides) and is skipped in the replay, with LocalAction::replayError
//   set. dossier()/search() answer from the visible state; confirmedDossier() from the confirmed.
// - Push: pendingActions(limit) in device order. For each answer of the server:
//     accepted/duplicate → markAccepted(id, seq, version): the action leaves the push queue and
//       stays in the replay until the pulled change with that action id arrives;
//     rejected → markRejected(id, reason…): the action is removed from the replay, the dossier's
//       visible state is rebuilt, and a Conflict record (dossier, action, server reason) is kept
//       for the UI until resolveConflict(). Nothing is dropped silently.
//     transport failure → recordPushFailure(id, error): attempts+1, lastError kept (for "stuck").
// - Pull: applyChanges(changes, nextCursor) in ONE transaction: each change's dossier becomes the
//   confirmed state (a change with seq ≤ the dossier's confirmed seq is ignored), a change whose
//   action is ours turns that action Confirmed (also if it was still Pending: pushed, answer lost),
//   visible states are rebuilt, the FTS index follows, and the cursor advances to nextCursor.
//   cursor() is where the next pull starts. A crash between push and markAccepted is safe: the
//   action stays Pending and is pushed again (the server answers duplicate).
// - Codes: addCodeBlock() stores a block leased from the server; takeNextCode() hands out the next
//   unused sequence of (agency, day), never twice, even across restarts.
// - Blobs: putBlob() encrypts (AES-256-GCM, key = HKDF(cache key)) into blobs/<aa>/<sha256>;
//   blob(sha) decrypts and verifies the hash; blobsToUpload()/markBlobUploaded() for the queue.
#include "search.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <domain/action.h>
#include <domain/directory.h>
#include <domain/dossiercode.h>
#include <domain/entities.h>
#include <domain/result.h>
#include <reports/applicants.h>
#include <reports/statistics.h>

#include <functional>
#include <memory>
#include <optional>

namespace motcua::store {

using domain::Check;
using domain::Error;
using domain::Result;

class Database;

enum class ActionState {
    Pending,   // made on this device, not yet answered by the server
    Accepted,  // the server accepted it (seq known); waiting for the pulled change
    Confirmed, // part of the confirmed state (pulled); kept as the dossier's trail
    Rejected,  // the server refused it; see conflicts()
};
QString actionStateKey(ActionState state);

struct LocalAction
{
    domain::Action action;
    ActionState state = ActionState::Pending;
    qint64 seq = 0;        // server seq (Accepted, Confirmed)
    int serverVersion = 0; // the dossier's version after it on the server
    int attempts = 0;      // failed push attempts (transport)
    QString lastError;     // the last transport error, for the "stuck" display
    QString replayError;   // set when it no longer applies on the confirmed state
    QDateTime recordedAt;  // when it was recorded on this device
};

// A change of the server's feed (GET /api/v1/sync/changes).
struct PulledChange
{
    qint64 seq = 0;
    domain::Action action;
    domain::Dossier dossier; // the dossier after the action
    // The server's JSON of `action` and text of `dossier`, when the puller has them: stored as
    // they came instead of encoding the parsed values again (empty: encoded here).
    QJsonObject actionObject = {};
    QByteArray dossierJson = {};
};

// A dossier of the server's snapshot (GET /api/v1/sync/snapshot): as it stands after the change
// numbered `seq`.
struct PulledDossier
{
    qint64 seq = 0;
    domain::Dossier dossier;
    QByteArray json = {}; // the server's text of `dossier` as it came (empty: encoded here)
};

// How far a workstation's first sync has read the server's snapshot: the feed's seq it continues
// from once every page is stored, and the last dossier id stored.
struct SnapshotProgress
{
    qint64 seq = 0;
    QString after;
    bool operator==(const SnapshotProgress &) const = default;
};

// A rejected action, for the UI to resolve (ARCHITECTURE: never silently dropped).
struct Conflict
{
    qint64 id = 0;
    QUuid dossierId;
    QString dossierCode;
    domain::Action action;
    QString reasonCode; // the server's, e.g. "action.stale_version"
    QString message;    // the server's Vietnamese message
    QString field;
    QDateTime at;
    bool resolved = false;
};

// A block of daily sequence numbers leased from the server.
struct CodeBlockLease
{
    QString agencyCode;
    QDate date;
    int first = 0;
    int last = 0;
    int next = 0; // the next sequence to hand out; > last when used up
};

struct IssuedCode
{
    QString code; // made with the agency's pattern
    domain::DossierCode parts;
};

struct BlobInfo
{
    QString sha256;
    qint64 size = 0;
    QString mediaType;
    bool uploaded = false;
    QDateTime createdAt;
};

// One catalogue entry as the server sent it: kind ("agency", "officer", "procedure",
// "workflow", "calendar"), key, and the domain's JSON.
struct CatalogueEntry
{
    QString kind;
    QString key;
    QJsonObject json;
};

struct CacheStats
{
    int schemaVersion = 0;
    qint64 dossiers = 0;
    qint64 actionsConfirmed = 0;
    qint64 actionsPending = 0;
    qint64 actionsAccepted = 0; // accepted, waiting for the pull
    qint64 conflictsOpen = 0;
    qint64 blobs = 0;
    qint64 blobsToUpload = 0;
    qint64 codesLeft = 0; // unused codes in blocks of today and later
    qint64 cursor = 0;
    QDateTime lastSync; // invalid: never synced
    qint64 fileBytes = 0;
};

// A page of report facts (Cache::dossierFacts), in rowid order.
struct DossierFactsPage
{
    QList<reports::DossierFacts> facts;
    qint64 next = 0; // pass as `after` for the next page
    bool more = false;
};

// A page of the applicants served (Cache::applicantFacts), in rowid order.
struct ApplicantFactsPage
{
    QList<reports::ApplicantFacts> applicants;
    qint64 next = 0;
    bool more = false;
};

class Cache
{
public:
    static constexpr auto kFileName = "cache.db";
    static constexpr auto kBlobDir = "blobs";
    static constexpr int kKeyBytes = 32;

    enum class OpenMode {
        OpenOrCreate, // create the profile's cache when there is none
        OpenExisting, // cache.missing when there is none
    };

    // Opens (or creates) the cache in `profileDir` with the raw 256-bit `key`; migrates the schema.
    // Errors: cache.bad_key_length, cache.missing, cache.plaintext (the file is an unencrypted
    // SQLite database), cache.no_cipher (the SQLite linked is not SQLCipher), cache.wrong_key (the
    // key does not open the file, or the file is not a cache), cache.corrupt, cache.too_new (made
    // by a newer MotCua), cache.io. A failed open never writes to an existing file.
    static Result<std::unique_ptr<Cache>> open(const QString &profileDir, const QByteArray &key,
                                               OpenMode mode = OpenMode::OpenOrCreate);
    ~Cache();
    Cache(const Cache &) = delete;
    Cache &operator=(const Cache &) = delete;

    [[nodiscard]] QString profileDir() const;
    [[nodiscard]] QString filePath() const;
    [[nodiscard]] QString deviceId() const; // random, made when the cache was created
    [[nodiscard]] int schemaVersion() const;

    // Runs `work` in one transaction (a savepoint when nested); rolls back when it fails.
    Check transaction(const std::function<Check()> &work);

    // ---- Settings (key/value, inside the encrypted database) ----------------------------------
    Result<QString> setting(const QString &key, const QString &fallback = {});
    Check setSetting(const QString &key, const QString &value);

    // ---- Sync cursor and status ----------------------------------------------------------------
    Result<qint64> cursor();
    Result<QDateTime> lastSync();
    Check setLastSync(const QDateTime &at);

    // ---- Dossiers --------------------------------------------------------------------------
    Result<std::optional<domain::Dossier>> dossier(const QUuid &id); // visible
    Result<std::optional<domain::Dossier>> dossierByCode(const QString &code);
    Result<std::optional<domain::Dossier>> confirmedDossier(const QUuid &id);
    // This device's actions on a dossier that are not yet confirmed, in device order.
    Result<QList<LocalAction>> unconfirmedActions(const QUuid &dossierId);
    Result<SearchPage> search(const SearchQuery &query);
    // How many dossiers search() would list for `query` over all its pages (limit and after are
    // ignored): one SQL COUNT over the filter indexes, no dossier read.
    Result<qint64> count(const SearchQuery &query);
    // The report facts of every visible dossier (reports::DossierFacts::of, kept as columns when
    // the dossier is written), and the applicants served (reports::ApplicantFacts::of): what the
    // Reports section reads, without parsing dossiers. A page of `limit` (≤ 100,000) at a time in
    // storage order, `after` = the previous page's `next` (0: the first).
    Result<DossierFactsPage> dossierFacts(qint64 after, int limit);
    Result<ApplicantFactsPage> applicantFacts(qint64 after, int limit);
    // OCR text of a dossier's scanned pages, indexed for search (not part of the dossier).
    Check setOcrText(const QUuid &dossierId, const QString &text);

    // ---- Local actions (one user action each) -------------------------------------------------
    Result<domain::Dossier> recordAction(domain::Action action, const domain::Directory &directory);

    // ---- Push ------------------------------------------------------------------------------
    Result<QList<LocalAction>> pendingActions(int limit = 100); // device order
    Result<qint64> pendingCount();
    Check markAccepted(const QUuid &actionId, qint64 seq, int version); // also for "duplicate"
    Check markRejected(const QUuid &actionId, const QString &reasonCode, const QString &message,
                       const QString &field, const domain::Directory &directory);
    Check recordPushFailure(const QUuid &actionId, const QString &error);

    // ---- Pull ------------------------------------------------------------------------------
    Check applyChanges(const QList<PulledChange> &changes, qint64 nextCursor,
                       const domain::Directory &directory);
    // A first sync reads the agency's dossiers as they stand instead of the whole feed: each page
    // is stored in one transaction with the progress, so an interrupted snapshot goes on where it
    // stopped. `last`: the final page — the cursor becomes progress.seq (the feed continues from
    // there) and the progress is cleared. A dossier already held at a newer seq is kept.
    Check applySnapshot(const QList<PulledDossier> &dossiers, const SnapshotProgress &progress,
                        bool last, const domain::Directory &directory);
    // The snapshot under way, if any (none before it starts and once it is done).
    Result<std::optional<SnapshotProgress>> snapshotProgress();

    // ---- Conflicts -------------------------------------------------------------------------
    Result<QList<Conflict>> conflicts(bool includeResolved = false);
    Check resolveConflict(qint64 id);

    // ---- Catalogues ------------------------------------------------------------------------
    Check putCatalogueEntries(const QList<CatalogueEntry> &entries); // insert or replace
    Check removeCatalogueEntry(const QString &kind, const QString &key);
    // `entries` become the whole of `kind`, in one transaction (a group deleted on the server
    // leaves the cache too).
    Check replaceCatalogueKind(const QString &kind, const QList<CatalogueEntry> &entries);
    Result<QList<CatalogueEntry>> catalogueEntries(const QString &kind);
    // Officers, procedures and agencies from the catalogues, with `calendar` for every agency.
    Result<std::unique_ptr<domain::InMemoryDirectory>>
    directory(const domain::WorkCalendar &calendar = {});

    // ---- Dossier code blocks -----------------------------------------------------------------
    Check addCodeBlock(const QString &agencyCode, const QDate &date, int first, int last);
    Result<QList<CodeBlockLease>> codeBlocks(const QDate &from);
    Result<int> codesLeft(const QString &agencyCode, const QDate &date);
    // The next unused code of (agency, date). Error code.no_block when every leased number is used.
    Result<IssuedCode> takeNextCode(const QString &agencyCode, const QDate &date,
                                    const domain::DossierCodePattern &pattern
                                    = domain::DossierCodePattern::standard());
    Check dropCodeBlocksBefore(const QDate &date);

    // ---- Blobs -----------------------------------------------------------------------------
    // Stores bytes made on this device (scans, files): queued for upload.
    Result<BlobInfo> putBlob(const QByteArray &bytes, const QString &mediaType);
    // Stores bytes downloaded for `sha256`; blob.hash_mismatch when they do not hash to it.
    Result<BlobInfo> putDownloadedBlob(const QString &sha256, const QByteArray &bytes,
                                       const QString &mediaType);
    // Decrypts and verifies. Errors: blob.missing, blob.corrupt (tampered or damaged file).
    Result<QByteArray> blob(const QString &sha256);
    Result<std::optional<BlobInfo>> blobInfo(const QString &sha256);
    Result<QList<BlobInfo>> blobsToUpload();
    Check markBlobUploaded(const QString &sha256);

    // ---- Maintenance -------------------------------------------------------------------------
    Result<CacheStats> stats();
    // Refreshes the query planner's statistics (ANALYZE) and merges the search index's segments.
    // Run after a large pull (the initial sync), off the GUI thread: it takes seconds on 1M.
    Check optimize();
    // PRAGMA integrity_check, cipher_integrity_check-like HMAC pass, and every blob decrypted.
    // An empty list: intact.
    Result<QStringList> integrityCheck(bool withBlobs = true);

    // For the store's own helpers (offline login, key slots). Not for other libraries.
    Database &database();

private:
    struct Private;
    explicit Cache(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
    friend struct CacheInternals;
};

} // namespace motcua::store
