// SyncStore::push: each action in its own transaction, judged by the domain engine, appended to
// the gap-free feed and the agency's audit chain.
//
// Why the feed has no gaps a reader could skip: the seq comes from one counter row, updated as
// late as possible in the transaction (after the engine has judged the action). On PostgreSQL the
// row lock is held to COMMIT, so the next transaction gets its number only after this one is
// committed and visible; on SQLite writers are serialised (BEGIN IMMEDIATE and a per-file lock).
// A reader that sees seq N+1 therefore also sees N. A transaction that rolls back gives its
// number back (the counter update is undone), so the feed is dense: 1, 2, 3…
//
// SQLite has one writer at a time, so what a push does while it is the writer bounds the push
// rate. The engine's judgement and the JSON it leads to are therefore made before the writer lock
// (judgeAhead; in a batch, for the next actions on other threads while one is written) and, inside
// the transaction, used only if the dossier is still at the version they were made against
// (versions grow with every accepted action; PostgreSQL reads it with the row locked); otherwise
// the action is judged again there. The judgement still rests on the dossier as committed when the
// action is written.
#include "sync_store.h"

#include "blob_store.h"
#include "logging.h"

#include <QJsonDocument>
#include <QSet>
#include <QThread>

#include <domain/engine.h>
#include <domain/json.h>

#include <future>
#include <vector>

namespace motcua::server {
namespace {

using domain::makeError;

constexpr int kAttempts = 5; // a transaction that hit a race or a transient error is tried again

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// The engine's directory for one push: the pushing officer is the one this request authenticated
// (read from the database for it, so a deactivation or a role change counts at once), not read
// again for each of the batch's actions; everything else comes from the server's directory.
class ActorDirectory final : public domain::ForwardingDirectory
{
public:
    ActorDirectory(const domain::Directory &base, const domain::Officer &actor)
        : ForwardingDirectory(base)
        , m_actor(actor)
    {}
    [[nodiscard]] std::optional<domain::Officer> officer(const QString &id) const override
    {
        if (!id.isEmpty() && id == m_actor.id)
            return m_actor;
        return ForwardingDirectory::officer(id);
    }

private:
    const domain::Officer &m_actor;
};

} // namespace

bool isUnavailable(const PushOutcome &outcome)
{
    return outcome.status == PushOutcome::Status::Rejected
        && outcome.reasonCode == QLatin1String("server.unavailable");
}

namespace {

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

// The stored dossier's version (0: none yet), locked for this transaction on PostgreSQL.
Result<int> storedVersion(QSqlDatabase &c, const QUuid &id, bool pg)
{
    Sql q(c,
          pg ? QStringLiteral("SELECT version FROM dossiers WHERE id = ? FOR UPDATE")
             : QStringLiteral("SELECT version FROM dossiers WHERE id = ?"));
    q.bind(uuidText(id));
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next() ? int(q.integer(0)) : 0;
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

} // namespace

Check SyncStore::storeOutcome(QSqlDatabase &c, const PushOutcome &o, const QString &actorId,
                              qint64 now)
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

Result<SyncStore::Judgement> SyncStore::judge(QSqlDatabase &c, const domain::Action &a,
                                              const domain::Officer &actor, bool forUpdate)
{
    auto current = loadForUpdate(c, a.dossierId, forUpdate);
    if (!current)
        return current.error();
    Judgement j{std::move(current).value(), domain::Dossier{}, {}};
    const ActorDirectory directory(m_directory, actor);
    j.next = domain::apply(j.before, a, directory);
    if (j.next)
        j.next = checkComponentData(a, j.before, std::move(j.next).value());
    if (j.next)
        j.encoded = encode(a, j.before, j.next.value());
    return j;
}

// R05.1b: the components a receive or a supplement brings (new, or changed from `before`) carry
// the data their document type's form requires, judged on the action's day.
domain::Result<domain::Dossier> SyncStore::checkComponentData(const domain::Action &a,
                                                              const domain::Dossier &before,
                                                              domain::Dossier after) const
{
    if (!m_documentTypes
        || (a.type != domain::ActionType::Receive
            && a.type != domain::ActionType::RecordSupplement))
        return after;
    const QDate today = domain::toVietnamTime(a.deviceTime).date();
    for (const domain::Component &c : after.components) {
        const auto old = std::find_if(before.components.cbegin(), before.components.cend(),
                                      [&c](const domain::Component &b) { return b.id == c.id; });
        if (old != before.components.cend() && *old == c)
            continue;
        const auto type = m_documentTypes(c.documentTypeCode);
        if (!type)
            continue;
        const QStringList problems = domain::componentDataProblems(c, *type, today);
        if (!problems.isEmpty()) {
            return makeError(
                QStringLiteral("action.component_data"),
                QStringLiteral("Thông tin của giấy tờ \"%1\" chưa đủ hoặc chưa đúng: %2")
                    .arg(c.name.isEmpty() ? type->name : c.name, problems.join(QLatin1Char(' '))),
                QStringLiteral("payload.components"));
        }
    }
    return after;
}

// Outside any transaction, on this thread's connection: one statement reads a committed state.
std::optional<SyncStore::Judgement> SyncStore::judgeAhead(const domain::Action &a,
                                                          const domain::Officer &actor)
{
    auto conn = m_db.connection();
    if (!conn)
        return std::nullopt;
    auto j = judge(conn.value(), a, actor, false);
    if (!j)
        return std::nullopt;
    return std::move(j).value();
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
    , m_judges(std::make_unique<QThreadPool>())
{
    m_judges->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_judges->setExpiryTimeout(-1); // keep the threads and their connections
}

SyncStore::~SyncStore()
{
    m_judges->waitForDone();
}

QList<PushOutcome> SyncStore::push(const QList<domain::Action> &actions,
                                   const domain::Officer &actor)
{
    QList<PushOutcome> out;
    out.reserve(actions.size());
    if (m_db.inTransaction() || actions.size() < 2) {
        for (const auto &action : actions) {
            out.append(pushOne(action, actor));
            if (isUnavailable(out.constLast()))
                break;
        }
        return out;
    }
    // While an action is written, the next few are judged on other threads, each on its own
    // connection — those of a dossier no earlier action of the batch touches (the others are
    // judged in their turn, against what the earlier ones wrote).
    using Ahead = std::optional<Judgement>;
    const bool pg = m_db.isPostgres();
    const size_t n = size_t(actions.size());
    std::vector<std::future<Ahead>> ahead(n);
    std::vector<bool> eligible(n);    // not refused before judging
    std::vector<bool> independent(n); // and no earlier action of the batch has its dossier
    QSet<QUuid> touched;
    for (size_t i = 0; i < n; ++i) {
        const domain::Action &a = actions.at(qsizetype(i));
        eligible[i] = a.actorId == actor.id && !actor.id.isEmpty() && !a.id.isNull();
        independent[i] = eligible[i] && !touched.contains(a.dossierId);
        touched.insert(a.dossierId);
    }
    const size_t window = 2 * size_t(m_judges->maxThreadCount());
    size_t launched = 1; // the first is judged here
    for (size_t i = 0; i < n; ++i) {
        for (; launched < n && launched <= i + window; ++launched) {
            if (!independent[launched])
                continue;
            auto task = std::make_shared<std::packaged_task<Ahead()>>(
                [this, &a = actions.at(qsizetype(launched)), &actor] {
                    return judgeAhead(a, actor);
                });
            ahead[launched] = task->get_future();
            m_judges->start([task] { (*task)(); });
        }
        const domain::Action &a = actions.at(qsizetype(i));
        // Not judged ahead: on SQLite just before the writer lock, on PostgreSQL in the
        // transaction.
        Ahead judged = ahead[i].valid() ? ahead[i].get()
            : eligible[i] && !pg        ? judgeAhead(a, actor)
                                        : std::nullopt;
        out.append(pushOne(a, actor, std::move(judged)));
        if (isUnavailable(out.constLast())) {
            // The later actions may build on this one: they wait for the device's next try.
            // The judgements still running read `actions`: wait for them before returning.
            for (size_t j = i + 1; j < n; ++j) {
                if (ahead[j].valid())
                    ahead[j].wait();
            }
            break;
        }
    }
    return out;
}

PushOutcome SyncStore::pushOne(const domain::Action &a, const domain::Officer &actor)
{
    const bool ahead = !m_db.isPostgres() && !m_db.inTransaction() && a.actorId == actor.id
        && !actor.id.isEmpty() && !a.id.isNull();
    return pushOne(a, actor, ahead ? judgeAhead(a, actor) : std::nullopt);
}

PushOutcome SyncStore::pushOne(const domain::Action &a, const domain::Officer &actor,
                               std::optional<Judgement> ahead)
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
    // `ahead`: judged before the transaction (see the top of this file). A single action on
    // PostgreSQL is judged inside it, with the dossier's row locked (one round trip fewer).
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
            // 2. Judge it with the engine against the dossier as committed: the judgement made
            // ahead if the dossier has not moved since.
            std::optional<Judgement> judged;
            if (ahead) {
                auto version = storedVersion(c, a.dossierId, pg);
                if (!version)
                    return version.error();
                if (version.value() == ahead->before.version)
                    judged = *ahead;
            }
            if (!judged) {
                auto j = judge(c, a, actor, pg);
                if (!j)
                    return j.error();
                judged = std::move(j).value();
            }
            const domain::Dossier &before = judged->before;
            if (attempt == 1 && before.version > 0 && before.hasApplied(a.id)) {
                auto answered = answerFromStore();
                if (!answered)
                    return answered.error();
                if (answered.value())
                    return {};
            }
            auto &next = judged->next;
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
            if (auto appended = append(c, a, after, judged->encoded, actor.id, now, outcome);
                !appended)
                return appended;
            return shareDossierFiles(c, after, actor, now);
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
