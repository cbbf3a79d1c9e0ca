#pragma once

// Internals shared by the cache_*.cpp files and the migrations. Not a public header.
#include "cache.h"
#include "database.h"

#include <domain/entities.h>

namespace motcua::store {

struct Cache::Private
{
    std::unique_ptr<Database> db;
    QString dir;
    QByteArray blobKey; // HKDF(cache key, "motcua blobs v1"); the cache key itself is not kept
    QString deviceId;
    int schemaVersion = 0;
};

namespace detail {

inline constexpr auto kCursorKey = "sync.cursor";
inline constexpr auto kSnapshotSeqKey = "sync.snapshot_seq";
inline constexpr auto kSnapshotAfterKey = "sync.snapshot_after";
inline constexpr auto kLastSyncKey = "sync.last_success";
inline constexpr auto kDeviceIdKey = "device.id";
inline constexpr auto kNextDeviceSeqKey = "device.next_seq";

qint64 nowMs();
QDateTime fromMs(qint64 ms);
qint64 toMs(const QDateTime &at);

QByteArray dossierJson(const domain::Dossier &dossier);
Result<domain::Dossier> parseDossier(const QByteArray &json);
QByteArray actionJson(const domain::Action &action);
Result<domain::Action> parseAction(const QByteArray &json);

Result<QString> setting(Database &db, const char *key, const QString &fallback = {});
Check setSetting(Database &db, const char *key, const QString &value);

// Tests: search several words by checking them on the rarest word's dossiers whatever the cost
// estimate says (at a test's size FTS4 alone is always cheaper).
extern bool alwaysCheckWords;
// The search index's docid of a dossier row: its rowid negated, so that FTS4, which reads a list
// incrementally in ascending docid order, reads the newest dossiers first (schema version 5).
inline qint64 searchDocid(qint64 rowid)
{
    return -rowid;
}
// Writes the folded search text of `dossier` (plus `ocr`) for docid `rowid` (replacing it).
// `knownNew`: the dossier's row was just inserted, so it has no index entry to compare with.
Check indexDossier(Database &db, qint64 rowid, const domain::Dossier &dossier, const QString &ocr,
                   bool knownNew = false);
Check unindexDossier(Database &db, qint64 rowid);

// Writes the visible state of a dossier (insert or update), with its filter columns and index.
// `json`: the dossier's JSON when the caller has it (the server's), else encoded here.
// `confirmed`: also the confirmed seq and version (a pulled dossier without pending actions),
// in the same row write.
struct ConfirmedAt
{
    qint64 seq = 0;
    int version = 0;
};
Check writeVisible(Database &db, const domain::Dossier &visible, bool hasPending,
                   const QByteArray &json = {}, const ConfirmedAt *confirmed = nullptr);
// The work columns of a visible dossier that the queues filter on (schema version 4): the last
// supplement request's state and requester, the submitter, the sign-offs, and its participants
// (dossier_participants). Used by writeVisible() and by the migration that fills them.
Check writeWorkColumns(Database &db, qint64 rowid, const domain::Dossier &dossier,
                       bool replaceParticipants);
Check deleteParticipants(Database &db, qint64 rowid);
// The report facts and applicant of a visible dossier (schema version 6), replacing the old ones.
Check writeFacts(Database &db, qint64 rowid, const domain::Dossier &dossier);
Check deleteFacts(Database &db, qint64 rowid);
// Rebuilds the visible state: the confirmed state with this device's Pending and Accepted actions
// replayed on top; sets replay_error on those that no longer apply. A dossier left with no state
// (only local, its creating action gone) is removed.
Check rebuildVisible(Database &db, const QUuid &dossierId, const domain::Directory &directory);

// Steps a keyset page query bound with LIMIT `limit` + 1, whose column 0 is the key: `row` reads
// each of the first `limit` rows, `next` becomes the last key read (left as it is when there is
// none), `more` tells whether a further row exists.
template<typename RowFn>
Check readPage(Statement &q, qsizetype limit, qint64 &next, bool &more, RowFn &&row)
{
    for (qsizetype read = 0;; ++read) {
        auto stepped = q.step();
        if (!stepped)
            return stepped.error();
        if (!stepped.value())
            return {};
        if (read == limit) {
            more = true;
            return {};
        }
        next = q.integer(0);
        row(q);
    }
}

} // namespace detail
} // namespace motcua::store
