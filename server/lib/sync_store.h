#pragma once

// The sync feed: actions pushed by devices are applied one by one, each as in its own transaction,
// with the domain engine; accepted actions get a server sequence number from a gap-free feed (a
// change never commits after a later one is visible) and extend the per-agency audit chain.
#include "blob_store.h"
#include "database.h"
#include "feed_ranges.h"
#include "piece_cache.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QThreadPool>

#include <domain/action.h>
#include <domain/directory.h>
#include <domain/documenttypes.h>
#include <domain/entities.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace motcua::server {

struct PushOutcome
{
    enum class Status {
        Accepted,
        Duplicate,
        Rejected
    };
    QUuid actionId;
    Status status = Status::Rejected;
    qint64 seq = 0;     // accepted / duplicate
    int version = 0;    // the dossier's version after the action
    QString reasonCode; // rejected
    QString message;    // rejected, Vietnamese
    QString field;      // rejected
};
QString pushStatusKey(PushOutcome::Status status); // "accepted", "duplicate", "rejected"
// Not a verdict: the database could not write the action (code server.unavailable). push() stops
// there; the device sends it, and the actions after it, again later.
bool isUnavailable(const PushOutcome &outcome);

struct Change
{
    qint64 seq = 0;
    domain::Action action;
    domain::Dossier dossier; // the dossier as it stood after the action
};

class SyncStore
{
public:
    SyncStore(Database &db, const domain::Directory &directory);
    ~SyncStore();
    SyncStore(const SyncStore &) = delete;
    SyncStore &operator=(const SyncStore &) = delete;

    // The province's document types (R05.1b). With them, a receive or a supplement whose new or
    // changed components lack the data their type's form requires is rejected
    // (action.component_data), as the counter's form refuses it; without (a store judging the
    // feed alone), not checked.
    using DocumentTypes = std::function<std::optional<domain::DocumentType>(const QString &code)>;
    void setDocumentTypes(DocumentTypes types) { m_documentTypes = std::move(types); }

    // Applies `actions` in order, each as if in its own transaction (a batch is committed once,
    // see sync_store.cpp). `actor` is the authenticated
    // officer: an action whose actorId is not the actor is rejected (action.actor_mismatch). A
    // re-sent UUID gets the first answer again (accepted → duplicate with the same seq and version;
    // rejected → the same rejection). A database failure on one action is reported as rejected with
    // reasonCode "server.unavailable" and nothing of it is written.
    QList<PushOutcome> push(const QList<domain::Action> &actions, const domain::Officer &actor);

    // Committed changes after `after`, in order, that `viewer` may see (the dossier's receiving or
    // handling agency is the viewer's), at most `limit`.
    struct Page
    {
        QList<Change> changes;
        qint64 nextAfter = 0; // pass as `after` for the next page
        bool more = false;
    };
    Result<Page> changes(qint64 after, int limit, const domain::Officer &viewer);

    Result<std::optional<domain::Dossier>> dossier(const QUuid &id);
    Result<std::optional<domain::Dossier>> dossierByCode(const QString &code);

    // Additions:
    // One action (what push() does for each). Also rejects action.duplicate_code: the dossier code
    // is already another dossier's.
    PushOutcome pushOne(const domain::Action &action, const domain::Officer &actor);

    // changes() without parsing: each change as the stored JSON text (the action with its "seq";
    // the dossier after it), for an HTTP layer that passes them through without re-encoding.
    struct RawChange
    {
        qint64 seq = 0;
        QByteArray actionJson;  // canonical JSON of the action, with "seq"
        QByteArray dossierJson; // compact JSON of the dossier after the action
        // With `gzip`: the change's gzip piece (gzip_splice.h); actionJson and dossierJson are
        // read only for a change that has none.
        QByteArray changeGzip;
    };
    struct RawPage
    {
        QList<RawChange> changes;
        qint64 nextAfter = 0;
        bool more = false;
    };
    Result<RawPage> rawChanges(qint64 after, int limit, const domain::Officer &viewer,
                               bool gzip = false);
    // A change as a page of the feed writes it, up to its seq: {"action":…,"dossier":…,"seq":
    // with the action's canonical JSON without its "seq" as `actionHead` then `actionTail`. A
    // change's gzip piece holds this text, so plain and compressed pages are the same bytes.
    static void appendChangeHead(QByteArray &out, QByteArrayView actionHead,
                                 QByteArrayView actionTail, QByteArrayView dossierJson);

    // A workstation's first sync: the dossiers `viewer`'s agency receives or handles, as they
    // stand, in id order after `afterId` (empty: from the first), at most `limit`, each with the
    // seq of its last change. `seq` is the feed's committed number when the page was read: the
    // first page's is where the feed continues once every page is stored (a dossier changed
    // since is read newer, and its changes come again from the feed and are skipped).
    struct RawDossier
    {
        qint64 seq = 0;
        QByteArray json; // compact JSON of the dossier
    };
    struct RawSnapshot
    {
        qint64 seq = 0;
        QList<RawDossier> dossiers;
        QString next; // pass as `afterId` for the next page
        bool more = false;
    };
    Result<RawSnapshot> rawSnapshot(const QString &afterId, int limit,
                                    const domain::Officer &viewer);

    // Batches written in one transaction, and those rolled back by a database error
    // and written one transaction per action instead: many of these tell of races or deadlocks.
    struct BatchStats
    {
        qint64 together = 0;
        qint64 rolledBack = 0;
    };
    [[nodiscard]] BatchStats batchStats() const { return {m_together.load(), m_rolledBack.load()}; }
    // The pieces rawChanges() read, kept in memory (off until given a capacity; motcua-server
    // sets its --feed-cache).
    PieceCache &pieceCache() { return m_pieces; }
    // What the pages read tell of each agency's feed (feed_ranges.h), used with the pieces kept
    // (off until given a capacity; motcua-server gives it one seq per 256 bytes of --feed-cache).
    FeedRanges &feedRanges() { return m_ranges; }

    static constexpr int kMaxPageSize = 1000; // larger limits are clamped
    static constexpr int kMaxSnapshotPage = 2000;

private:
    // An accepted action's rows, encoded before its feed number is known: the canonical action
    // JSON around the number ("…"seq":" + N + ",…"), the dossier's JSON, its code.
    struct Encoded
    {
        QByteArray jsonHead;
        QByteArray jsonTail;
        QByteArray dossierJson;
        // The change as a page of the feed holds it, up to its seq, as a gzip piece
        // (gzip_splice.h): {"action":…,"dossier":…,"seq":
        QByteArray changeGzip;
        QVariant code;
        // The handling agency a transfer takes the dossier from, when that agency neither
        // receives nor handles it afterwards (NULL otherwise): the change is in its feed too.
        QVariant departedAgency;
        bool creating = false;
    };
    static Encoded encode(const domain::Action &a, const domain::Dossier &before,
                          const domain::Dossier &after);
    // The engine's judgement of an action against `before` (and, when accepted, the rows).
    struct Judgement
    {
        domain::Dossier before;
        domain::Result<domain::Dossier> next;
        Encoded encoded;
    };
    domain::Result<domain::Dossier> checkComponentData(const domain::Action &a,
                                                       const domain::Dossier &before,
                                                       domain::Dossier after) const;
    // The engine's directory for one push, with the pushing officer as authenticated for this
    // request (sync_store.cpp).
    class PushDirectory;
    Result<Judgement> judge(QSqlDatabase &c, const domain::Action &a, const PushDirectory &pusher,
                            bool forUpdate);
    Judgement judgeAgainst(domain::Dossier before, const domain::Action &a,
                           const PushDirectory &pusher) const;
    std::optional<Judgement> judgeAhead(const domain::Action &a, const PushDirectory &pusher);
    std::vector<std::optional<Judgement>> judgeBatch(const QList<domain::Action> &actions,
                                                     const PushDirectory &pusher);
    class Lookahead; // a batch's actions judged ahead, on other threads (sync_store.cpp)
    PushOutcome pushOne(const domain::Action &a, const PushDirectory &pusher);
    PushOutcome pushOne(const domain::Action &a, const PushDirectory &pusher,
                        std::optional<Judgement> ahead);
    // The whole batch in one transaction; nullopt when it rolled back.
    std::optional<QList<PushOutcome>> pushTogether(const QList<domain::Action> &actions,
                                                   const PushDirectory &pusher);
    // An accepted action's rows, waiting for their feed number (PostgreSQL: motcua_append();
    // SQLite: append()).
    struct PendingAppend
    {
        const domain::Action *action = nullptr;
        domain::Dossier after;
        Encoded encoded;
        QString actorId;
        qint64 now = 0;
        qsizetype answer = 0; // its answer's index in the batch's answers
        qint64 seq = 0;       // set when written
    };
    // A batch in one transaction (pushTogether): what it read for all its actions at once, kept
    // up to date as it goes, and the accepted actions whose rows are written together — before
    // any statement that could read them, and at the end.
    struct Batch
    {
        QHash<QUuid, int> versions; // the batch's stored dossiers, as locked
        QSet<QUuid> written;        // dossiers an action of the batch has changed
        QSet<QString> codesRead;    // the codes the batch's judgements give, whose owners were read
        QHash<QString, QUuid> codeOwners;
        QList<PendingAppend> pending;
        QList<PushOutcome> answers;
        QList<BlobGrant> grants; // the accepted dossiers' files to share, written at the end
    };
    Check writePending(QSqlDatabase &c, Batch &batch);
    // One action's part of a transaction: its stored answer if it was seen before, else the
    // engine's judgement (`ahead` if the dossier is still at its version) and its rows. With
    // `batch`, the dossier's version and its new code's owner come from it when it has them, and
    // an accepted action's rows wait in it (its answer's seq is set when they are written). A
    // database error is returned as is and the transaction must roll back.
    Check applyOne(QSqlDatabase &c, const domain::Action &a, const PushDirectory &pusher,
                   const std::optional<Judgement> &ahead, Batch *batch, bool retried, qint64 now,
                   PushOutcome &outcome);
    static Check storeOutcome(QSqlDatabase &c, const PushOutcome &o, const QString &actorId,
                              qint64 now);
    Check append(QSqlDatabase &c, const domain::Action &a, const domain::Dossier &after,
                 const Encoded &e, const QString &actorId, qint64 now, PushOutcome &outcome);
    // Writes `appends` in order with one call of motcua_append() each, in one statement.
    static Check appendOnPostgres(QSqlDatabase &c, QList<PendingAppend> &appends);
    Database &m_db;
    const domain::Directory &m_directory;
    DocumentTypes m_documentTypes;
    PieceCache m_pieces;
    FeedRanges m_ranges;
    std::unique_ptr<QThreadPool> m_judges; // judges a batch's next actions ahead
    std::atomic<qint64> m_together{0};
    std::atomic<qint64> m_rolledBack{0};
};

// Leased blocks of daily sequence numbers, unique per agency and day, so counters can issue final
// dossier codes offline (R12.3a).
struct CodeBlock
{
    QString agencyCode;
    QDate date;
    int first = 0;
    int last = 0;
};
Result<CodeBlock> leaseCodeBlock(Database &db, const QString &agencyCode, const QDate &date,
                                 int count, const QString &leasedBy);

// Tamper-evident audit (R08.1): accepted actions chained per agency,
// hash = SHA-256(previous hash ‖ canonical action JSON). canonicalJson sorts keys, compact UTF-8.
QByteArray canonicalJson(const QJsonObject &object);
struct AuditFinding
{
    QString agencyCode;
    qint64 seq = 0;
    QString problem; // "modified", "deleted", "reordered"
    QString message; // Vietnamese
};
Result<std::optional<AuditFinding>> verifyAuditChain(Database &db); // nullopt: the chain is intact

// Addition: the same check with what was checked, for `motcuactl audit verify`.
struct AuditReport
{
    qint64 actions = 0; // actions checked
    int agencies = 0;   // chains checked
    std::optional<AuditFinding> finding;
};
Result<AuditReport> auditReport(Database &db);

} // namespace motcua::server
