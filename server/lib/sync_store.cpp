// SyncStore::push: each action in its own transaction, judged by the domain engine, appended to
// the gap-free feed and the agency's audit chain.
//
// Why the feed has no gaps a reader could skip: the seq comes from one counter row, updated as
// late as possible in the transaction (after the engine has judged the action). On PostgreSQL the
// row lock is held to COMMIT, so the next transaction gets its number only after this one is
// committed and visible; on SQLite writers are serialised (BEGIN IMMEDIATE and a per-file lock).
// A reader that sees seq N+1 therefore also sees N. A transaction that rolls back gives its
// number back (the counter update is undone), so the feed is dense: 1, 2, 3…
#include "sync_store.h"

#include "audit_chain.h"
#include "logging.h"

#include <QJsonDocument>

#include <domain/engine.h>
#include <domain/json.h>

namespace motcua::server {
namespace {

using domain::makeError;

constexpr int kAttempts = 5; // a transaction that hit a race or a transient error is tried again

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

PushOutcome rejected(const QUuid &id, const Error &error, int version)
{
    PushOutcome out;
    out.actionId = id;
    out.status = PushOutcome::Status::Rejected;
    out.version = version;
    out.reasonCode = error.code;
    out.message = error.message;
    out.field = error.field;
    return out;
}

// The first answer to this action id, if any, and who pushed it.
struct StoredOutcome
{
    PushOutcome outcome;
    QString actorId;
};

Result<std::optional<StoredOutcome>> findOutcome(QSqlDatabase &c, const QUuid &id)
{
    Sql q(
        c,
        QStringLiteral(
            "SELECT actor_id, status, seq, version, reason_code, message, field FROM push_outcomes "
            "WHERE action_id = ?"));
    q.bind(uuidText(id));
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return std::optional<StoredOutcome>();
    StoredOutcome stored;
    stored.actorId = q.text(0);
    PushOutcome &o = stored.outcome;
    o.actionId = id;
    o.status = q.text(1) == QLatin1String("accepted") ? PushOutcome::Status::Duplicate
                                                      : PushOutcome::Status::Rejected;
    o.seq = q.integer(2);
    o.version = int(q.integer(3));
    o.reasonCode = q.text(4);
    o.message = q.text(5);
    o.field = q.text(6);
    return std::optional<StoredOutcome>(stored);
}

Check storeOutcome(QSqlDatabase &c, const PushOutcome &o, const QString &actorId, qint64 now)
{
    Sql q(c,
          QStringLiteral("INSERT INTO push_outcomes (action_id, actor_id, status, seq, version, "
                         "reason_code, message, "
                         "field, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(uuidText(o.actionId))
        .bind(actorId)
        .bind(o.status == PushOutcome::Status::Rejected ? QStringLiteral("rejected")
                                                        : QStringLiteral("accepted"));
    q.bind(o.seq).bind(o.version).bind(o.reasonCode).bind(o.message).bind(o.field).bind(now);
    return q.exec();
}

Result<domain::Dossier> parseDossier(const QString &json, const QString &id)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    auto dossier = domain::dossierFromJson(doc.object());
    if (!doc.isObject() || !dossier) {
        qCWarning(lcSync) << "unreadable dossier row" << id;
        return makeError(QStringLiteral("db.corrupt_row"),
                         QStringLiteral("Dữ liệu hồ sơ trong cơ sở dữ liệu bị hỏng."));
    }
    return dossier;
}

// The dossier as stored (locked for this transaction on PostgreSQL), or a new one.
Result<domain::Dossier> loadForUpdate(QSqlDatabase &c, const QUuid &id, bool pg)
{
    Sql q(c,
          pg ? QStringLiteral("SELECT json FROM dossiers WHERE id = ? FOR UPDATE")
             : QStringLiteral("SELECT json FROM dossiers WHERE id = ?"));
    q.bind(uuidText(id));
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return domain::Dossier{};
    return parseDossier(q.text(0), uuidText(id));
}

// Is `code` another dossier's?
Result<bool> codeTaken(QSqlDatabase &c, const QString &code, const QUuid &dossierId)
{
    Sql q(c, QStringLiteral("SELECT id FROM dossiers WHERE code = ? AND id <> ?"));
    q.bind(code).bind(uuidText(dossierId));
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next();
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

// The accepted action's rows: the feed number, the chain's next link, the action, the dossier and
// the stored answer. Everything after allocateSeq() runs while other pushes wait for the counter.
Check SyncStore::append(QSqlDatabase &c, const domain::Action &a, const domain::Dossier &before,
                        const domain::Dossier &after, const QString &actorId, qint64 now,
                        PushOutcome &outcome)
{
    QJsonObject actionJson = domain::toJson(a);
    const QString dossierJson
        = QString::fromUtf8(QJsonDocument(domain::toJson(after)).toJson(QJsonDocument::Compact));
    const QVariant code
        = after.code.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(after.code);
    const bool creating = before.version == 0;
    if (m_db.isPostgres())
        return appendOnPostgres(c, a, after, actionJson, dossierJson, code, creating, actorId, now,
                                outcome);

    // SQLite: the writer lock is held anyway; the same steps, statement by statement.
    auto seq = allocateSeq(c, m_db.supportsReturning());
    if (!seq)
        return seq.error();
    auto previous = readAuditHead(c, after.agencyCode);
    if (!previous)
        return previous.error();
    actionJson.insert(QStringLiteral("seq"), seq.value());
    const QByteArray canonical = canonicalJson(actionJson);
    const QString hash = audit::chainHash(previous.value(), canonical);
    outcome.seq = seq.value();

    Sql insert(c,
               QStringLiteral("INSERT INTO actions (seq, id, dossier_id, agency_code, "
                              "handling_agency_code, actor_id, device_id, accepted_at, json, "
                              "dossier_json, audit_prev, audit_hash) VALUES (?, ?, ?, ?, ?, ?, ?, "
                              "?, ?, ?, ?, ?)"));
    insert.bind(seq.value())
        .bind(uuidText(a.id))
        .bind(uuidText(a.dossierId))
        .bind(after.agencyCode);
    insert.bind(after.handlingAgencyCode).bind(a.actorId).bind(a.deviceId).bind(now);
    insert.bind(QString::fromUtf8(canonical)).bind(dossierJson).bind(previous.value()).bind(hash);
    if (auto st = insert.exec(); !st)
        return st;
    Sql head(c,
             QStringLiteral("UPDATE audit_heads SET seq = ?, hash = ?, count = count + 1 WHERE "
                            "agency_code = ?"));
    head.bind(seq.value()).bind(hash).bind(after.agencyCode);
    if (auto st = head.exec(); !st)
        return st;
    Sql row(c,
            creating ? QStringLiteral("INSERT INTO dossiers (code, agency_code, "
                                      "handling_agency_code, stage, version, json, updated_seq, "
                                      "id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                     : QStringLiteral("UPDATE dossiers SET code = ?, agency_code = ?, "
                                      "handling_agency_code = ?, stage = ?, version = ?, json = "
                                      "?, updated_seq = ? WHERE id = ?"));
    row.bind(code).bind(after.agencyCode).bind(after.handlingAgencyCode);
    row.bind(domain::stageKey(after.stage)).bind(after.version).bind(dossierJson).bind(seq.value());
    row.bind(uuidText(after.id));
    if (auto st = row.exec(); !st)
        return st;
    return storeOutcome(c, outcome, actorId, now);
}

// PostgreSQL: one call of motcua_append() (schema.cpp) does the counter, the chain and the rows,
// so that the part holding the counter's lock is that statement and the COMMIT.
Check SyncStore::appendOnPostgres(QSqlDatabase &c, const domain::Action &a,
                                  const domain::Dossier &after, QJsonObject actionJson,
                                  const QString &dossierJson, const QVariant &code, bool creating,
                                  const QString &actorId, qint64 now, PushOutcome &outcome)
{
    // The canonical JSON around the seq: top-level keys are sorted, and only "type" follows
    // "seq", so the last "seq":0 is the top-level one (inside strings quotes are escaped).
    actionJson.insert(QStringLiteral("seq"), 0);
    const QByteArray canonical = canonicalJson(actionJson);
    const qsizetype at = canonical.lastIndexOf(QByteArrayLiteral("\"seq\":0"));
    Sql q(c, QStringLiteral("SELECT motcua_append(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(QString::fromUtf8(canonical.left(at + 6)))
        .bind(QString::fromUtf8(canonical.mid(at + 7)));
    q.bind(uuidText(a.id)).bind(uuidText(a.dossierId)).bind(after.agencyCode);
    q.bind(after.handlingAgencyCode).bind(actorId).bind(a.deviceId).bind(now).bind(dossierJson);
    q.bind(after.version).bind(creating ? 1 : 0).bind(code).bind(domain::stageKey(after.stage));
    if (auto st = q.exec(); !st)
        return st;
    if (!q.next())
        return makeError(QStringLiteral("db.error"), QStringLiteral("Không ghi được thao tác."));
    outcome.seq = q.integer(0);
    return {};
}

QString pushStatusKey(PushOutcome::Status status)
{
    switch (status) {
    case PushOutcome::Status::Accepted:
        return QStringLiteral("accepted");
    case PushOutcome::Status::Duplicate:
        return QStringLiteral("duplicate");
    case PushOutcome::Status::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

SyncStore::SyncStore(Database &db, const domain::Directory &directory)
    : m_db(db)
    , m_directory(directory)
{}

QList<PushOutcome> SyncStore::push(const QList<domain::Action> &actions,
                                   const domain::Officer &actor)
{
    QList<PushOutcome> out;
    out.reserve(actions.size());
    for (const auto &action : actions)
        out.append(pushOne(action, actor));
    return out;
}

PushOutcome SyncStore::pushOne(const domain::Action &a, const domain::Officer &actor)
{
    const Error mismatch = makeError(
        QStringLiteral("action.actor_mismatch"),
        QStringLiteral("Thao tác được lập bằng tài khoản khác với tài khoản đang đồng bộ."),
        QStringLiteral("actorId"));
    // Not stored: the answer is about this request, not about the action.
    if (a.actorId != actor.id || actor.id.isEmpty())
        return rejected(a.id, mismatch, 0);
    if (a.id.isNull())
        return rejected(a.id,
                        makeError(QStringLiteral("action.bad_payload"),
                                  QStringLiteral("Thao tác thiếu mã định danh (UUID)."),
                                  QStringLiteral("id")),
                        0);

    const bool pg = m_db.isPostgres();
    (void)m_db.supportsReturning(); // asked once, before the first transaction
    Error lastError;
    for (int attempt = 1; attempt <= kAttempts; ++attempt) {
        PushOutcome outcome;
        const qint64 now = toDbTime(QDateTime::currentDateTimeUtc());
        auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
            // 1. Seen before: the first answer again. Looked up only when it may be so: a new
            // action (the common case) costs no lookup, and a resent one that got past this
            // collides with its stored answer (push_outcomes' key) and comes back here.
            const auto answerFromStore = [&]() -> Result<bool> {
                auto stored = findOutcome(c, a.id);
                if (!stored)
                    return stored.error();
                if (!stored.value())
                    return false;
                outcome = stored.value()->actorId == actor.id ? stored.value()->outcome
                                                              : rejected(a.id, mismatch, 0);
                return true;
            };
            if (attempt > 1) {
                auto answered = answerFromStore();
                if (!answered)
                    return answered.error();
                if (answered.value())
                    return {};
            }
            // 2. Judge it with the engine against the dossier as committed.
            auto current = loadForUpdate(c, a.dossierId, pg);
            if (!current)
                return current.error();
            const domain::Dossier &before = current.value();
            if (attempt == 1 && before.version > 0 && before.hasApplied(a.id)) {
                auto answered = answerFromStore();
                if (!answered)
                    return answered.error();
                if (answered.value())
                    return {};
            }
            auto next = domain::apply(before, a, m_directory);
            if (next && !next.value().code.isEmpty() && next.value().code != before.code) {
                auto taken = codeTaken(c, next.value().code, a.dossierId);
                if (!taken)
                    return taken.error();
                if (taken.value()) {
                    next = makeError(QStringLiteral("action.duplicate_code"),
                                     QStringLiteral("Mã số hồ sơ %1 đã được cấp cho hồ sơ khác.")
                                         .arg(next.value().code),
                                     QStringLiteral("payload.code"));
                }
            }
            if (!next) {
                outcome = rejected(a.id, next.error(), before.version);
                return storeOutcome(c, outcome, actor.id, now);
            }
            const domain::Dossier &after = next.value();

            // 3. Append to the feed and the audit chain.
            outcome
                = PushOutcome{a.id, PushOutcome::Status::Accepted, 0, after.version, {}, {}, {}};
            return append(c, a, before, after, actor.id, now, outcome);
        });
        if (st)
            return outcome;
        lastError = st.error();
        // A race (two pushes creating the same dossier or code, or the same action twice) shows
        // as a constraint violation: the next attempt sees the winner's row and answers from it.
        if (!isTransientDbError(lastError) && !isConstraintViolation(lastError))
            break;
        qCDebug(lcSync) << "push attempt" << attempt << "failed with"
                        << lastError.details.value(QStringLiteral("sqlState")).toString();
    }
    qCWarning(lcSync) << "push failed:" << lastError.code
                      << lastError.details.value(QStringLiteral("sqlState")).toString();
    return rejected(
        a.id,
        makeError(QStringLiteral("server.unavailable"),
                  QStringLiteral(
                      "Máy chủ tạm thời không ghi được thao tác; thao tác sẽ được gửi lại sau.")),
        0);
}

} // namespace motcua::server
