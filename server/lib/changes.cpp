// Reading the feed and the dossiers.
#include "gzip_splice.h"
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
        const auto threeRanges = [](const QString &join) -> QString {
            static const QString range = QStringLiteral(
                "SELECT seq FROM (SELECT seq FROM actions WHERE %1 = ? AND seq > ? AND seq <= ? "
                "ORDER BY seq LIMIT ?) AS %2");
            return range.arg(QLatin1String("agency_code"), QLatin1String("r")) + join
                + range.arg(QLatin1String("handling_agency_code"), QLatin1String("h")) + join
                + range.arg(QLatin1String("departed_agency_code"), QLatin1String("t"));
        };
        static const QString ranges = QStringLiteral(" IN (")
            + threeRanges(QStringLiteral(" UNION ALL "))
            + QStringLiteral(") ORDER BY a.seq LIMIT ?");
        static const QString merged
            = threeRanges(QStringLiteral(" UNION ")) + QStringLiteral(" ORDER BY 1 LIMIT ?");
        static const QString plain[2] = {
            QStringLiteral("SELECT a.seq, CAST(a.json AS BLOB), CAST(a.dossier_json AS BLOB), "
                           "NULL FROM actions a WHERE a.seq")
                + ranges,
            QStringLiteral("SELECT a.seq, a.json, a.dossier_json, NULL FROM actions a WHERE a.seq")
                + ranges,
        };
        // With gzip, each change's piece and not its row in `actions`: a page reads the three
        // index ranges and the pieces (≈ 1.2 KB each, three to a database page), not the changes'
        // rows (≈ 3.2 KB: one page each); the JSON only for a change that has no piece (accepted
        // before version 10). The ranges are merged (UNION drops a change seen in two) and cut
        // before the join; the rows come in no stated order and are sorted below.
        static const QString pieces[2] = {
            QStringLiteral("SELECT s.seq, CASE WHEN p.piece IS NULL THEN (SELECT CAST(json AS "
                           "BLOB) FROM actions WHERE seq = s.seq) END, CASE WHEN p.piece IS NULL "
                           "THEN (SELECT CAST(dossier_json AS BLOB) FROM actions WHERE seq = "
                           "s.seq) END, p.piece FROM (")
                + merged + QStringLiteral(") AS s LEFT JOIN change_pieces p ON p.seq = s.seq"),
            QStringLiteral("SELECT s.seq, CASE WHEN p.piece IS NULL THEN (SELECT json FROM actions "
                           "WHERE seq = s.seq) END, CASE WHEN p.piece IS NULL THEN (SELECT "
                           "dossier_json FROM actions WHERE seq = s.seq) END, p.piece FROM (")
                + merged + QStringLiteral(") AS s LEFT JOIN change_pieces p ON p.seq = s.seq"),
        };
        // Each statement: the three ranges (agency, after, committed seq, page size), then the
        // page size; at most limit + 1 rows, the last one only saying there is more.
        const auto run = [&](int statement, const auto &row) -> Check {
            if (pg) {
                static const QByteArray statements[3]
                    = {pg::numbered(plain[1]), pg::numbered(pieces[1]), pg::numbered(merged)};
                const QByteArray agency = viewer.agencyCode.toUtf8();
                const QByteArray from = QByteArray::number(after);
                const QByteArray to = QByteArray::number(committed);
                const QByteArray count = QByteArray::number(limit + 1);
                const QByteArrayList parameters{agency, from,   to,   count, agency, from, to,
                                                count,  agency, from, to,    count,  count};
                auto rows = pg::BinaryRows::exec(c, statements[statement], parameters);
                if (!rows)
                    return rows.error();
                for (int i = 0; i < rows->size(); ++i) {
                    row([&](int column) { return rows->integer(i, column); },
                        [&](int column) { return rows->bytes(i, column); });
                }
                return {};
            }
            static const QString statements[3] = {plain[0], pieces[0], merged};
            Sql q(c, statements[statement]);
            for (int range = 0; range < 3; ++range)
                q.bind(viewer.agencyCode).bind(after).bind(committed).bind(limit + 1);
            q.bind(limit + 1);
            if (auto done = q.exec(); !done)
                return done;
            while (q.next()) {
                row([&](int column) { return q.integer(column); },
                    [&](int column) { return bytes(q.value(column)); });
            }
            return {};
        };
        const auto readChanges = [&](int statement) -> Check {
            page.changes.clear();
            page.changes.reserve(limit + 1);
            auto done = run(statement, [&](const auto &integer, const auto &text) {
                page.changes.append(RawChange{integer(0), text(1), text(2), text(3)});
            });
            if (!done)
                return done;
            const auto bySeq = [](const RawChange &x, const RawChange &y) { return x.seq < y.seq; };
            if (!std::is_sorted(page.changes.cbegin(), page.changes.cend(), bySeq))
                std::sort(page.changes.begin(), page.changes.end(), bySeq);
            return {};
        };
        if (!gzip) {
            if (auto done = readChanges(0); !done)
                return done;
        } else if (m_pieces.capacity() == 0) {
            if (auto done = readChanges(1); !done)
                return done;
        } else {
            // The page's numbers first (the index ranges only); when every piece is cached, that
            // is the whole read. Otherwise the page is read as without the cache and its pieces
            // are kept.
            QList<qint64> seqs;
            seqs.reserve(limit + 1);
            auto done = run(2, [&](const auto &integer, const auto &) { seqs.append(integer(0)); });
            if (!done)
                return done;
            std::sort(seqs.begin(), seqs.end());
            QList<QByteArray> cached;
            if (m_pieces.find(seqs.first(std::min<qsizetype>(seqs.size(), limit)), cached) == 0) {
                page.changes.reserve(seqs.size());
                for (qsizetype i = 0; i < seqs.size(); ++i) {
                    page.changes.append(RawChange{
                        seqs.at(i), {}, {}, i < cached.size() ? cached.at(i) : QByteArray()});
                }
            } else {
                if (done = readChanges(1); !done)
                    return done;
                QList<std::pair<qint64, QByteArray>> read;
                read.reserve(page.changes.size());
                for (const RawChange &change : std::as_const(page.changes)) {
                    if (gzip::isPiece(change.changeGzip))
                        read.append({change.seq, change.changeGzip});
                }
                m_pieces.insert(read);
            }
        }
        if (page.changes.size() > limit) {
            page.more = true;
            page.changes.resize(limit);
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
