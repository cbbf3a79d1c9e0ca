// SyncStore's writes of an accepted action: the feed number, the agency's audit chain, the action,
// the dossier and the stored answer (see sync_store.cpp for why the feed has no gaps).
#include "audit_chain.h"
#include "gzip_splice.h"
#include "pg_rows.h"
#include "sync_store.h"

#include <QJsonDocument>

#include <domain/json.h>

#include <array>

namespace motcua::server {
namespace {

using domain::makeError;

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// The agency's chain head; created on the agency's first action. SQLite only (PostgreSQL:
// motcua_append); the single writer serialises every append.
Result<QString> readAuditHead(QSqlDatabase &c, const QString &agencyCode)
{
    const QString select = QStringLiteral("SELECT hash FROM audit_heads WHERE agency_code = ?");
    for (int round = 0; round < 2; ++round) {
        {
            Sql q(c, select);
            q.bind(agencyCode);
            if (auto st = q.exec(); !st)
                return st.error();
            if (q.next())
                return q.text(0);
        }
        Sql create(
            c,
            QStringLiteral(
                "INSERT INTO audit_heads (agency_code, seq, hash, count) VALUES (?, 0, ?, 0) "
                "ON CONFLICT (agency_code) DO NOTHING"));
        create.bind(agencyCode).bind(audit::genesis());
        if (auto st = create.exec(); !st)
            return st.error();
    }
    return makeError(QStringLiteral("db.error"),
                     QStringLiteral("Không khởi tạo được chuỗi kiểm toán của cơ quan."));
}

// The next feed number. Keep what follows it in the transaction short: on PostgreSQL every other
// push waits here until this transaction commits.
Result<qint64> allocateSeq(QSqlDatabase &c, bool returning)
{
    if (returning) {
        Sql q(c,
              QStringLiteral("UPDATE feed_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq"));
        if (auto st = q.exec(); !st)
            return st.error();
        if (q.next())
            return q.integer(0);
    } else {
        Sql bump(c, QStringLiteral("UPDATE feed_counter SET seq = seq + 1 WHERE id = 1"));
        if (auto st = bump.exec(); !st)
            return st.error();
        Sql q(c, QStringLiteral("SELECT seq FROM feed_counter WHERE id = 1"));
        if (auto st = q.exec(); !st)
            return st.error();
        if (q.next())
            return q.integer(0);
    }
    return makeError(QStringLiteral("db.error"),
                     QStringLiteral("Thiếu bộ đếm thứ tự đồng bộ trong cơ sở dữ liệu."));
}

} // namespace

void SyncStore::appendChangeHead(QByteArray &out, QByteArrayView actionHead,
                                 QByteArrayView actionTail, QByteArrayView dossierJson)
{
    out += "{\"action\":";
    out += actionHead;
    out += actionTail;
    out += ",\"dossier\":";
    out += dossierJson;
    out += ",\"seq\":";
}

// The canonical JSON around the seq: top-level keys are sorted, and only "type" follows "seq", so
// the last "seq":0 is the top-level one (inside strings quotes are escaped).
SyncStore::Encoded SyncStore::encode(const domain::Action &a, const domain::Dossier &before,
                                     const domain::Dossier &after)
{
    Encoded e;
    QJsonObject actionJson = domain::toJson(a);
    actionJson.insert(QStringLiteral("seq"), 0);
    const QByteArray canonical = canonicalJson(actionJson);
    const qsizetype at = canonical.lastIndexOf(QByteArrayLiteral("\"seq\":0"));
    e.jsonHead = canonical.left(at + 6);
    e.jsonTail = canonical.mid(at + 7);
    e.dossierJson = QJsonDocument(domain::toJson(after)).toJson(QJsonDocument::Compact);
    // The change's part of a feed page: the action without `,"seq":0`.
    QByteArray change;
    change.reserve(canonical.size() + e.dossierJson.size() + 32);
    appendChangeHead(change, canonical.first(at - 1), canonical.sliced(at + 7), e.dossierJson);
    e.changeGzip = gzip::piece(change);
    e.code = after.code.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(after.code);
    e.creating = before.version == 0;
    const bool leaves = !e.creating && before.handlingAgencyCode != after.handlingAgencyCode
        && before.handlingAgencyCode != after.agencyCode;
    e.departedAgency
        = leaves ? QVariant(before.handlingAgencyCode) : QVariant(QMetaType::fromType<QString>());
    return e;
}

// Everything after allocateSeq() runs while other pushes wait for the counter.
Check SyncStore::append(QSqlDatabase &c, const domain::Action &a, const domain::Dossier &after,
                        const Encoded &e, const QString &actorId, qint64 now, PushOutcome &outcome)
{
    if (m_db.isPostgres()) {
        QList<PendingAppend> one{PendingAppend{&a, after, e, actorId, now, 0, 0}};
        if (auto st = appendOnPostgres(c, one); !st)
            return st;
        outcome.seq = one.constFirst().seq;
        return {};
    }

    // SQLite: the writer lock is held anyway; the same steps, statement by statement.
    auto seq = allocateSeq(c, m_db.supportsReturning());
    if (!seq)
        return seq.error();
    auto previous = readAuditHead(c, after.agencyCode);
    if (!previous)
        return previous.error();
    const QByteArray canonical = e.jsonHead + QByteArray::number(seq.value()) + e.jsonTail;
    const QString hash = audit::chainHash(previous.value(), canonical);
    outcome.seq = seq.value();

    Sql insert(c,
               QStringLiteral("INSERT INTO actions (seq, id, dossier_id, agency_code, "
                              "handling_agency_code, actor_id, device_id, accepted_at, json, "
                              "dossier_json, audit_prev, audit_hash, departed_agency_code) VALUES "
                              "(?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, "
                              "?)"));
    insert.bind(seq.value())
        .bind(uuidText(a.id))
        .bind(uuidText(a.dossierId))
        .bind(after.agencyCode);
    insert.bind(after.handlingAgencyCode).bind(a.actorId).bind(a.deviceId).bind(now);
    // The JSON texts are bound as their UTF-8 bytes, as they are: the statement casts them to TEXT.
    insert.bind(canonical)
        .bind(e.dossierJson)
        .bind(previous.value())
        .bind(hash)
        .bind(e.departedAgency);
    if (auto st = insert.exec(); !st)
        return st;
    // The change in the feed of each agency that sees it (as motcua_append() does on PostgreSQL),
    // in one statement.
    QVariantList agencies{after.agencyCode};
    if (after.handlingAgencyCode != after.agencyCode)
        agencies.append(after.handlingAgencyCode);
    if (!e.departedAgency.isNull())
        agencies.append(e.departedAgency);
    static const QString feedRows[3] = {
        QStringLiteral("INSERT INTO agency_feed (agency_code, seq) VALUES (?, ?)"),
        QStringLiteral("INSERT INTO agency_feed (agency_code, seq) VALUES (?, ?), (?, ?)"),
        QStringLiteral("INSERT INTO agency_feed (agency_code, seq) VALUES (?, ?), (?, ?), (?, ?)"),
    };
    Sql feed(c, feedRows[agencies.size() - 1]);
    for (const QVariant &agency : std::as_const(agencies))
        feed.bind(agency).bind(seq.value());
    if (auto st = feed.exec(); !st)
        return st;
    if (!e.changeGzip.isEmpty()) {
        Sql piece(c, QStringLiteral("INSERT INTO change_pieces (seq, piece) VALUES (?, ?)"));
        piece.bind(seq.value()).bind(e.changeGzip);
        if (auto st = piece.exec(); !st)
            return st;
    }
    Sql head(c,
             QStringLiteral("UPDATE audit_heads SET seq = ?, hash = ?, count = count + 1 WHERE "
                            "agency_code = ?"));
    head.bind(seq.value()).bind(hash).bind(after.agencyCode);
    if (auto st = head.exec(); !st)
        return st;
    Sql row(c,
            e.creating ? QStringLiteral("INSERT INTO dossiers (code, agency_code, "
                                        "handling_agency_code, stage, version, json, updated_seq, "
                                        "id) VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?)")
                       : QStringLiteral("UPDATE dossiers SET code = ?, agency_code = ?, "
                                        "handling_agency_code = ?, stage = ?, version = ?, json = "
                                        "CAST(? AS TEXT), updated_seq = ? WHERE id = ?"));
    row.bind(e.code).bind(after.agencyCode).bind(after.handlingAgencyCode);
    row.bind(domain::stageKey(after.stage)).bind(after.version);
    row.bind(e.dossierJson).bind(seq.value()).bind(uuidText(after.id));
    if (auto st = row.exec(); !st)
        return st;
    return storeOutcome(c, outcome, actorId, now);
}

// PostgreSQL: motcua_append() (schema.cpp) does the counter, the chain and the rows of one action;
// one statement calls it for each of `appends` in order (ORDER BY: PostgreSQL evaluates a SELECT's
// volatile output after sorting), so that the part of a push holding the counter's lock is that
// statement and the COMMIT. The values go through libpq as parameters, arrays of text
// (pg_rows.h): QPSQL would write them into the statement's text, which PostgreSQL's parser then
// scans character by character (≈ 5 KB an action).
Check SyncStore::appendOnPostgres(QSqlDatabase &c, QList<PendingAppend> &appends)
{
    if (appends.isEmpty())
        return {};
    static const QByteArray call = pg::numbered(QStringLiteral(
        "SELECT motcua_append(h, t, a, d, ag, ha, ac, dev, n, dj, v, c, NULLIF(code, ''), st, "
        "CAST(NULLIF(p, '') AS BYTEA)) FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), "
        "CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS "
        "TEXT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS "
        "INTEGER[]), CAST(? AS INTEGER[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS "
        "TEXT[])) WITH ORDINALITY AS x(h, t, a, d, ag, ha, ac, dev, n, dj, v, c, code, st, p, i) "
        "ORDER BY i"));
    constexpr int kColumns = 15;
    std::array<QByteArrayList, kColumns> columns;
    for (const PendingAppend &pending : std::as_const(appends)) {
        const domain::Action &a = *pending.action;
        const domain::Dossier &after = pending.after;
        const Encoded &e = pending.encoded;
        const std::array<QByteArray, kColumns> values{
            e.jsonHead,
            e.jsonTail,
            uuidText(a.id).toLatin1(),
            uuidText(a.dossierId).toLatin1(),
            after.agencyCode.toUtf8(),
            after.handlingAgencyCode.toUtf8(),
            pending.actorId.toUtf8(),
            a.deviceId.toUtf8(),
            QByteArray::number(pending.now),
            e.dossierJson,
            QByteArray::number(after.version),
            e.creating ? QByteArrayLiteral("1") : QByteArrayLiteral("0"),
            e.code.toString().toUtf8(), // '': no code yet (NULL)
            domain::stageKey(after.stage).toUtf8(),
            e.changeGzip.isEmpty() ? QByteArray()
                                   : QByteArrayLiteral("\\x") + e.changeGzip.toHex(), // '': NULL
        };
        for (int k = 0; k < kColumns; ++k)
            columns[size_t(k)].append(values[size_t(k)]);
    }
    QByteArrayList parameters;
    parameters.reserve(kColumns);
    for (const QByteArrayList &column : columns)
        parameters.append(pg::arrayLiteral(column));
    auto rows = pg::BinaryRows::exec(c, call, parameters);
    if (!rows)
        return rows.error();
    if (rows->size() != appends.size())
        return makeError(QStringLiteral("db.error"), QStringLiteral("Không ghi được thao tác."));
    for (int row = 0; row < rows->size(); ++row) {
        PendingAppend &pending = appends[row];
        pending.seq = rows->integer(row, 0);
        const QVariant &departed = pending.encoded.departedAgency;
        if (departed.isNull())
            continue;
        // A transfer that leaves its handling agency (rare): marked for that agency's feed here
        // rather than through a new signature of motcua_append().
        Sql mark(c, QStringLiteral("UPDATE actions SET departed_agency_code = ? WHERE seq = ?"));
        mark.bind(departed).bind(pending.seq);
        if (auto st = mark.exec(); !st)
            return st;
        Sql feed(c, QStringLiteral("INSERT INTO agency_feed (agency_code, seq) VALUES (?, ?)"));
        feed.bind(departed).bind(pending.seq);
        if (auto st = feed.exec(); !st)
            return st;
    }
    return {};
}

} // namespace motcua::server
