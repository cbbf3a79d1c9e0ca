// Reading the feed and the dossiers.
#include "logging.h"
#include "pg_rows.h"
#include "sync_store.h"

#include <QJsonDocument>

#include <domain/json.h>

namespace motcua::server {
namespace {

using domain::makeError;

Error corrupt(qint64 seq)
{
    qCWarning(lcSync) << "unreadable feed row" << seq;
    return makeError(QStringLiteral("db.corrupt_row"),
                     QStringLiteral("Thay đổi số %1 trong cơ sở dữ liệu bị hỏng.").arg(seq));
}

// A text column as UTF-8: SQLite's BLOB as it is, PostgreSQL's text encoded.
QByteArray bytes(const QVariant &value)
{
    return value.typeId() == QMetaType::QByteArray ? value.toByteArray()
                                                   : value.toString().toUtf8();
}

Result<std::optional<domain::Dossier>> dossierWhere(Database &db, const QString &statement,
                                                    const QString &key)
{
    using R = Result<std::optional<domain::Dossier>>;
    auto conn = db.connection();
    if (!conn)
        return conn.error();
    Sql q(conn.value(), statement);
    q.bind(key);
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return std::optional<domain::Dossier>();
    const QJsonDocument doc = QJsonDocument::fromJson(q.text(0).toUtf8());
    auto dossier = domain::dossierFromJson(doc.object());
    if (!doc.isObject() || !dossier) {
        qCWarning(lcSync) << "unreadable dossier row";
        return R(makeError(QStringLiteral("db.corrupt_row"),
                           QStringLiteral("Dữ liệu hồ sơ trong cơ sở dữ liệu bị hỏng.")));
    }
    return std::optional<domain::Dossier>(std::move(dossier).value());
}

// The feed counter as this read sees it: every seq up to it is committed (see sync_store.cpp).
Result<qint64> committedSeq(QSqlDatabase &c)
{
    Sql counter(c, QStringLiteral("SELECT seq FROM feed_counter WHERE id = 1"));
    if (auto done = counter.exec(); !done)
        return done.error();
    return counter.next() ? counter.integer(0) : 0;
}

} // namespace

Result<SyncStore::RawPage> SyncStore::rawChanges(qint64 after, int limit,
                                                 const domain::Officer &viewer, bool gzip)
{
    limit = std::clamp(limit, 1, kMaxPageSize);
    after = std::max<qint64>(after, 0);
    RawPage page;
    page.nextAfter = after;
    const bool pg = m_db.isPostgres();
    auto st = m_db.read([&](QSqlDatabase &c) -> Check {
        // One snapshot: a short page may move the cursor to the committed counter past rows this
        // viewer may not see.
        auto counter = committedSeq(c);
        if (!counter)
            return counter.error();
        const qint64 committed = counter.value();
        // The viewer's rows are the union of three index ranges (receiving agency, handling
        // agency, and the transfers that took a dossier from it), each read in seq order and cut
        // at the page size, so a page costs the page and not the feed after it (an OR of them
        // makes both planners sort every later row). SQLite hands the stored text over as bytes
        // (a BLOB), PostgreSQL in libpq's binary format (pg_rows.h, an unnamed statement planned
        // for its values): not decoded to UTF-16 and back, no bytea in hex.
        static const QString ranges = QStringLiteral(
            " IN (SELECT seq FROM (SELECT seq FROM actions WHERE agency_code = ? AND seq > ? AND "
            "seq <= ? ORDER BY seq LIMIT ?) AS r UNION ALL SELECT seq FROM (SELECT seq FROM "
            "actions WHERE handling_agency_code = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT "
            "?) AS h UNION ALL SELECT seq FROM (SELECT seq FROM actions WHERE "
            "departed_agency_code = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?) AS t) ORDER "
            "BY a.seq LIMIT ?");
        // With gzip, each change's piece, and its JSON only when it has none (accepted before
        // version 10).
        static const QString plain[2] = {
            QStringLiteral("SELECT a.seq, CAST(a.json AS BLOB), CAST(a.dossier_json AS BLOB), "
                           "NULL FROM actions a WHERE a.seq")
                + ranges,
            QStringLiteral("SELECT a.seq, a.json, a.dossier_json, NULL FROM actions a WHERE a.seq")
                + ranges,
        };
        static const QString compressed[2] = {
            QStringLiteral("SELECT a.seq, CASE WHEN p.piece IS NULL THEN CAST(a.json AS BLOB) END, "
                           "CASE WHEN p.piece IS NULL THEN CAST(a.dossier_json AS BLOB) END, "
                           "p.piece FROM actions a LEFT JOIN change_pieces p ON p.seq = a.seq "
                           "WHERE a.seq")
                + ranges,
            QStringLiteral("SELECT a.seq, CASE WHEN p.piece IS NULL THEN a.json END, CASE WHEN "
                           "p.piece IS NULL THEN a.dossier_json END, p.piece FROM actions a LEFT "
                           "JOIN change_pieces p ON p.seq = a.seq WHERE a.seq")
                + ranges,
        };
        page.changes.reserve(limit);
        const auto add = [&](RawChange change) {
            if (page.changes.size() == limit) {
                page.more = true;
                return false;
            }
            page.changes.append(std::move(change));
            return true;
        };
        if (pg) {
            static const QByteArray statements[2]
                = {pg::numbered(plain[1]), pg::numbered(compressed[1])};
            const QByteArray agency = viewer.agencyCode.toUtf8();
            const QByteArray from = QByteArray::number(after);
            const QByteArray to = QByteArray::number(committed);
            const QByteArray count = QByteArray::number(limit + 1);
            // The three ranges (agency, after, committed seq, page size), then the page size.
            const QByteArrayList parameters{agency, from,   to,   count, agency, from, to,
                                            count,  agency, from, to,    count,  count};
            auto rows = pg::BinaryRows::exec(c, statements[gzip ? 1 : 0], parameters);
            if (!rows)
                return rows.error();
            for (int i = 0; i < rows->size(); ++i) {
                if (!add(RawChange{rows->integer(i, 0), rows->bytes(i, 1), rows->bytes(i, 2),
                                   rows->bytes(i, 3)}))
                    break;
            }
        } else {
            Sql q(c, (gzip ? compressed : plain)[0]);
            for (int range = 0; range < 3; ++range)
                q.bind(viewer.agencyCode).bind(after).bind(committed).bind(limit + 1);
            q.bind(limit + 1);
            if (auto done = q.exec(); !done)
                return done;
            while (q.next()) {
                if (!add(RawChange{q.integer(0), bytes(q.value(1)), bytes(q.value(2)),
                                   bytes(q.value(3))}))
                    break;
            }
        }
        page.nextAfter = page.more ? page.changes.constLast().seq : std::max(after, committed);
        return {};
    });
    if (!st)
        return st.error();
    return page;
}

Result<SyncStore::RawSnapshot> SyncStore::rawSnapshot(const QString &afterId, int limit,
                                                      const domain::Officer &viewer)
{
    limit = std::clamp(limit, 1, kMaxSnapshotPage);
    RawSnapshot page;
    const bool pg = m_db.isPostgres();
    auto st = m_db.read([&](QSqlDatabase &c) -> Check {
        auto counter = committedSeq(c);
        if (!counter)
            return counter.error();
        page.seq = counter.value();
        // As for the feed: two index ranges (receiving, handling agency) each cut at the page
        // size, so a page reads its own rows and not every later dossier of the agency; the JSON
        // as bytes (SQLite's BLOB, PostgreSQL's binary format).
        static const QString rows = QStringLiteral(
            " FROM dossiers WHERE id IN (SELECT id FROM (SELECT id FROM dossiers WHERE "
            "agency_code = ? AND id > ? ORDER BY id LIMIT ?) AS r UNION ALL SELECT id FROM "
            "(SELECT id FROM dossiers WHERE handling_agency_code = ? AND id > ? ORDER BY id "
            "LIMIT ?) AS h) ORDER BY id LIMIT ?");
        const auto add = [&](const QString &id, qint64 seq, QByteArray json) {
            if (page.dossiers.size() == limit) {
                page.more = true;
                return false;
            }
            page.next = id;
            page.dossiers.append(RawDossier{seq, std::move(json)});
            return true;
        };
        if (pg) {
            static const QByteArray statement
                = pg::numbered(QStringLiteral("SELECT id, updated_seq, json") + rows);
            const QByteArray agency = viewer.agencyCode.toUtf8();
            const QByteArray from = afterId.toUtf8();
            const QByteArray count = QByteArray::number(limit + 1);
            auto found = pg::BinaryRows::exec(c, statement,
                                              {agency, from, count, agency, from, count, count});
            if (!found)
                return found.error();
            for (int i = 0; i < found->size(); ++i) {
                if (!add(QString::fromUtf8(found->bytes(i, 0)), found->integer(i, 1),
                         found->bytes(i, 2)))
                    break;
            }
            return {};
        }
        Sql q(c, QStringLiteral("SELECT id, updated_seq, CAST(json AS BLOB)") + rows);
        q.bind(viewer.agencyCode).bind(afterId).bind(limit + 1);
        q.bind(viewer.agencyCode).bind(afterId).bind(limit + 1);
        q.bind(limit + 1);
        if (auto done = q.exec(); !done)
            return done;
        while (q.next()) {
            if (!add(q.text(0), q.integer(1), bytes(q.value(2))))
                break;
        }
        return {};
    });
    if (!st)
        return st.error();
    return page;
}

Result<SyncStore::Page> SyncStore::changes(qint64 after, int limit, const domain::Officer &viewer)
{
    auto raw = rawChanges(after, limit, viewer);
    if (!raw)
        return raw.error();
    Page page;
    page.nextAfter = raw.value().nextAfter;
    page.more = raw.value().more;
    page.changes.reserve(raw.value().changes.size());
    for (const RawChange &row : raw.value().changes) {
        QJsonObject actionJson = QJsonDocument::fromJson(row.actionJson).object();
        actionJson.remove(QStringLiteral("seq"));
        auto action = domain::actionFromJson(actionJson);
        auto dossier = domain::dossierFromJson(QJsonDocument::fromJson(row.dossierJson).object());
        if (!action || !dossier)
            return corrupt(row.seq);
        page.changes.append(Change{row.seq, std::move(action).value(), std::move(dossier).value()});
    }
    return page;
}

Result<std::optional<domain::Dossier>> SyncStore::dossier(const QUuid &id)
{
    return dossierWhere(m_db, QStringLiteral("SELECT json FROM dossiers WHERE id = ?"),
                        id.toString(QUuid::WithoutBraces));
}

Result<std::optional<domain::Dossier>> SyncStore::dossierByCode(const QString &code)
{
    return dossierWhere(m_db, QStringLiteral("SELECT json FROM dossiers WHERE code = ?"), code);
}

} // namespace motcua::server
