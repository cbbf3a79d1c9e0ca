// Reading the feed and the dossiers.
#include "feed_ranges.h"
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

// One read of a page of an agency's feed: the changes after `after` (at most limit + 1: the last
// one only says there is more), in seq order, and the committed counter they were read under.
enum class PageKind {
    Plain,   // each change's JSON
    Pieces,  // each change's gzip piece (its JSON only when it has none)
    Numbers, // the seqs alone
};
struct PageRead
{
    qint64 committed = 0;
    QList<SyncStore::RawChange> changes;
};

// The agency's changes are one range of agency_feed (a change once for each agency that sees it),
// read in seq order and cut at the page size, so a page costs the page and not the feed after
// it; with its pieces, not the changes' rows in `actions` (≈ 3.2 KB, a database page each; the
// pieces ≈ 1.2 KB, three to a page). SQLite hands the stored text over as bytes (a BLOB),
// PostgreSQL in libpq's binary format (pg_rows.h, prepared once per connection): not decoded to
// UTF-16 and back, no bytea in hex. Columns: seq, action JSON, dossier JSON, piece.
QString pageColumns(PageKind kind, bool pg)
{
    const QString json = pg ? QStringLiteral("%1") : QStringLiteral("CAST(%1 AS BLOB)");
    switch (kind) {
    case PageKind::Plain:
        return QStringLiteral("f.seq, ") + json.arg(QLatin1String("a.json")) + QStringLiteral(", ")
            + json.arg(QLatin1String("a.dossier_json")) + QStringLiteral(", NULL");
    case PageKind::Pieces: {
        const QString unlessPiece = QStringLiteral(
            "CASE WHEN p.piece IS NULL THEN (SELECT %1 FROM actions WHERE seq = f.seq) END");
        return QStringLiteral("f.seq, ") + unlessPiece.arg(json.arg(QLatin1String("json")))
            + QStringLiteral(", ") + unlessPiece.arg(json.arg(QLatin1String("dossier_json")))
            + QStringLiteral(", p.piece");
    }
    case PageKind::Numbers:
        break; // readNumbers()
    }
    return {};
}

QString pageJoins(PageKind kind)
{
    switch (kind) {
    case PageKind::Plain:
        return QStringLiteral(" JOIN actions a ON a.seq = f.seq");
    case PageKind::Pieces:
        return QStringLiteral(" LEFT JOIN change_pieces p ON p.seq = f.seq");
    case PageKind::Numbers:
        break;
    }
    return {};
}

// "1,2,3": group_concat's text, the numbers in the order given.
bool parseNumbers(QByteArrayView text, QList<qint64> &out)
{
    out.clear();
    if (text.isEmpty())
        return true;
    out.reserve(text.size() / 4 + 1);
    qint64 n = 0;
    bool digits = false;
    for (const char ch : text) {
        if (ch >= '0' && ch <= '9' && n < (qint64(1) << 58)) {
            n = n * 10 + (ch - '0');
            digits = true;
        } else if (ch == ',' && digits) {
            out.append(n);
            n = 0;
            digits = false;
        } else {
            return false;
        }
    }
    if (!digits)
        return false;
    out.append(n);
    return true;
}

// The page's numbers alone, as one row from one statement (one snapshot, no transaction): the
// committed counter and the page's seqs aggregated (PostgreSQL: an int8[] in binary; SQLite:
// group_concat's text). Read as 501 rows, the numbers cost more in the drivers' row machinery
// (QSqlQuery's values, libpq's tuples) than in the databases' index range.
Result<PageRead> readNumbers(Database &db, const QString &agency, qint64 after, int limit)
{
    PageRead read;
    QList<qint64> numbers;
    bool wellFormed = true;
    auto st = db.readOne([&](QSqlDatabase &c) -> Check {
        if (db.isPostgres()) {
            static const QByteArray statement = pg::numbered(QStringLiteral(
                "SELECT c.seq, ARRAY(SELECT f.seq FROM agency_feed f WHERE f.agency_code = ? AND "
                "f.seq > ? AND f.seq <= c.seq ORDER BY f.seq LIMIT ?) FROM feed_counter c WHERE "
                "c.id = 1"));
            auto rows = pg::BinaryRows::exec(
                c, statement,
                {agency.toUtf8(), QByteArray::number(after), QByteArray::number(limit + 1)});
            if (!rows)
                return rows.error();
            if (rows->size() > 0) {
                read.committed = rows->integer(0, 0);
                wellFormed = rows->integers(0, 1, numbers);
            }
            return {};
        }
        Sql q(c,
              QStringLiteral(
                  "SELECT c.seq, CAST((SELECT group_concat(s) FROM (SELECT f.seq AS s FROM "
                  "agency_feed f WHERE f.agency_code = ? AND f.seq > ? AND f.seq <= c.seq "
                  "ORDER BY f.seq LIMIT ?)) AS BLOB) FROM feed_counter c WHERE c.id = 1"));
        q.bind(agency).bind(after).bind(limit + 1);
        if (auto done = q.exec(); !done)
            return done;
        if (q.next()) {
            read.committed = q.integer(0);
            wellFormed = parseNumbers(bytes(q.value(1)), numbers);
        }
        return {};
    });
    if (!st)
        return st.error();
    if (!wellFormed)
        return corrupt(after);
    std::sort(numbers.begin(), numbers.end());
    read.changes.reserve(numbers.size());
    for (const qint64 seq : std::as_const(numbers))
        read.changes.append(SyncStore::RawChange{seq, {}, {}, {}});
    return read;
}

Result<PageRead> readPage(Database &db, PageKind kind, const QString &agency, qint64 after,
                          int limit)
{
    if (kind == PageKind::Numbers)
        return readNumbers(db, agency, after, limit);
    PageRead read;
    read.changes.reserve(limit + 1);
    const auto bySeq = [](const SyncStore::RawChange &x, const SyncStore::RawChange &y) {
        return x.seq < y.seq;
    };
    if (db.isPostgres()) {
        // One statement, so one snapshot without a transaction around it: the counter, then the
        // range up to it (LATERAL), a row with the counter alone when the page is empty.
        static const auto statement = [](PageKind k) {
            return pg::numbered(
                QStringLiteral("SELECT c.seq, x.* FROM feed_counter c LEFT JOIN LATERAL "
                               "(SELECT %1 FROM agency_feed f%2 WHERE f.agency_code = ? AND "
                               "f.seq > ? AND f.seq <= c.seq ORDER BY f.seq LIMIT ?) x ON "
                               "true WHERE c.id = 1")
                    .arg(pageColumns(k, true), pageJoins(k)));
        };
        static const QByteArray statements[2]
            = {statement(PageKind::Plain), statement(PageKind::Pieces)};
        auto st = db.readOne([&](QSqlDatabase &c) -> Check {
            auto rows = pg::BinaryRows::exec(
                c, statements[int(kind)],
                {agency.toUtf8(), QByteArray::number(after), QByteArray::number(limit + 1)});
            if (!rows)
                return rows.error();
            for (int i = 0; i < rows->size(); ++i) {
                read.committed = rows->integer(i, 0);
                if (rows->isNull(i, 1))
                    continue;
                read.changes.append(SyncStore::RawChange{rows->integer(i, 1), rows->bytes(i, 2),
                                                         rows->bytes(i, 3), rows->bytes(i, 4)});
            }
            return {};
        });
        if (!st)
            return st.error();
    } else {
        auto st = db.read([&](QSqlDatabase &c) -> Check {
            auto counter = committedSeq(c);
            if (!counter)
                return counter.error();
            read.committed = counter.value();
            static const auto statement = [](PageKind k) {
                return QStringLiteral("SELECT %1 FROM agency_feed f%2 WHERE f.agency_code = ? AND "
                                      "f.seq > ? AND f.seq <= ? ORDER BY f.seq LIMIT ?")
                    .arg(pageColumns(k, false), pageJoins(k));
            };
            static const QString statements[2]
                = {statement(PageKind::Plain), statement(PageKind::Pieces)};
            Sql q(c, statements[int(kind)]);
            q.bind(agency).bind(after).bind(read.committed).bind(limit + 1);
            if (auto done = q.exec(); !done)
                return done;
            while (q.next()) {
                read.changes.append(SyncStore::RawChange{q.integer(0), bytes(q.value(1)),
                                                         bytes(q.value(2)), bytes(q.value(3))});
            }
            return {};
        });
        if (!st)
            return st.error();
    }
    if (!std::is_sorted(read.changes.cbegin(), read.changes.cend(), bySeq))
        std::sort(read.changes.begin(), read.changes.end(), bySeq);
    return read;
}

} // namespace

Result<SyncStore::RawPage> SyncStore::rawChanges(qint64 after, int limit,
                                                 const domain::Officer &viewer, bool gzip)
{
    limit = std::clamp(limit, 1, kMaxPageSize);
    after = std::max<qint64>(after, 0);
    const QString &agency = viewer.agencyCode;
    Result<PageRead> read = PageRead{};
    if (!gzip) {
        read = readPage(m_db, PageKind::Plain, agency, after, limit);
    } else if (m_pieces.capacity() == 0) {
        read = readPage(m_db, PageKind::Pieces, agency, after, limit);
    } else {
        // The page's numbers first: from memory when a page read before knew them (a full page
        // only: a short one needs the committed counter), else from the agency's feed, and what
        // that read tells is kept. When every piece is kept in memory too, that is the whole
        // read. Otherwise the page is read again with its pieces (a snapshot of its own, as
        // complete as the first), which are kept.
        //
        // What a read of the feed tells: the agency's changes in (after, the last one read]
        // when the page is full, in (after, the committed counter] when it is not, are exactly
        // these. Returns the read's numbers.
        const auto remember = [&](const PageRead &done) {
            QList<qint64> seqs;
            seqs.reserve(done.changes.size());
            for (const RawChange &change : done.changes)
                seqs.append(change.seq);
            m_ranges.insert(agency, after, seqs.size() > limit ? seqs.at(limit) : done.committed,
                            seqs);
            return seqs;
        };
        QList<qint64> numbers;
        if (m_ranges.find(agency, after, limit + 1, numbers)) {
            read.value().changes.reserve(numbers.size());
            for (const qint64 seq : std::as_const(numbers))
                read.value().changes.append(RawChange{seq, {}, {}, {}});
        } else {
            read = readPage(m_db, PageKind::Numbers, agency, after, limit);
            if (!read)
                return read.error();
            numbers = remember(read.value());
        }
        QList<QByteArray> cached;
        if (m_pieces.find(numbers.first(std::min<qsizetype>(numbers.size(), limit)), cached) == 0) {
            for (qsizetype i = 0; i < cached.size(); ++i)
                read.value().changes[i].changeGzip = std::move(cached[i]);
        } else {
            read = readPage(m_db, PageKind::Pieces, agency, after, limit);
            if (!read)
                return read.error();
            remember(read.value()); // a snapshot of its own: it may reach further
            QList<std::pair<qint64, QByteArray>> pieces;
            pieces.reserve(read->changes.size());
            for (const RawChange &change : std::as_const(read->changes)) {
                if (gzip::isPiece(change.changeGzip))
                    pieces.append({change.seq, change.changeGzip});
            }
            m_pieces.insert(pieces);
        }
    }
    if (!read)
        return read.error();
    RawPage page;
    page.changes = std::move(read.value().changes);
    if (page.changes.size() > limit) {
        page.more = true;
        page.changes.resize(limit);
    }
    // A short page moves the cursor to the committed counter, past rows this viewer may not see.
    page.nextAfter = page.more ? page.changes.constLast().seq : std::max(after, read->committed);
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
