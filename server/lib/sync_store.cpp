// SyncStore::push: each action judged by the domain engine in turn, appended to the gap-free feed
// and the agency's audit chain — a batch in one transaction (see pushTogether), a single action or
// a batch rolled back by a database error one transaction each.
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
// (judgeBatch on several threads; one action at a time: judgeAhead) and, inside the transaction,
// used only if the dossier is still at the version they were made against (versions grow with
// every accepted action; PostgreSQL reads it with the row locked); otherwise the action is judged
// again there. The judgement still rests on the dossier as committed when the
// action is written.
#include "sync_store.h"

#include "blob_store.h"
#include "logging.h"
#include "pg_rows.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSet>
#include <QThread>

#include <domain/engine.h>
#include <domain/json.h>

#include <atomic>
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

} // namespace

// The engine's directory for one push, shared by the threads that judge its actions. The pushing
// officer is the one this request authenticated (read from the database for it, so a deactivation
// or a role change counts at once), not read again for each action; the latest version of a
// workflow (what a receive pins) is read once for the push — a batch of 50 receives asked the
// database 50 times; everything else comes from the server's directory.
class SyncStore::PushDirectory final : public domain::ForwardingDirectory
{
public:
    PushDirectory(const domain::Directory &base, const domain::Officer &actor)
        : ForwardingDirectory(base)
        , m_actor(actor)
    {}
    [[nodiscard]] const domain::Officer &actor() const { return m_actor; }
    [[nodiscard]] std::optional<domain::Officer> officer(const QString &id) const override
    {
        if (!id.isEmpty() && id == m_actor.id)
            return m_actor;
        return ForwardingDirectory::officer(id);
    }
    [[nodiscard]] std::optional<domain::Workflow> workflow(const QString &id,
                                                           int version) const override
    {
        if (version > 0)
            return ForwardingDirectory::workflow(id, version);
        // Held while the first asks: the other threads judging the push wait for its answer.
        const QMutexLocker locked(&m_lock);
        const auto it = m_latest.constFind(id);
        if (it != m_latest.constEnd())
            return *it;
        auto latest = ForwardingDirectory::workflow(id, version);
        if (latest) // a failed read is not kept: the next action asks again
            m_latest.insert(id, *latest);
        return latest;
    }

private:
    const domain::Officer &m_actor;
    mutable QMutex m_lock;
    mutable QHash<QString, domain::Workflow> m_latest;
};

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
                                              const PushDirectory &pusher, bool forUpdate)
{
    auto current = loadForUpdate(c, a.dossierId, forUpdate);
    if (!current)
        return current.error();
    return judgeAgainst(std::move(current).value(), a, pusher);
}

SyncStore::Judgement SyncStore::judgeAgainst(domain::Dossier before, const domain::Action &a,
                                             const PushDirectory &pusher) const
{
    Judgement j{std::move(before), domain::Dossier{}, {}};
    j.next = domain::apply(j.before, a, pusher);
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
                                                          const PushDirectory &pusher)
{
    auto conn = m_db.connection();
    if (!conn)
        return std::nullopt;
    auto j = judge(conn.value(), a, pusher, false);
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

namespace {

Error actorMismatch()
{
    return makeError(
        QStringLiteral("action.actor_mismatch"),
        QStringLiteral("Thao tác được lập bằng tài khoản khác với tài khoản đang đồng bộ."),
        QStringLiteral("actorId"));
}

// Refused before any judgement, and not stored: the answer is about this request, not about the
// action.
std::optional<PushOutcome> refusedAsSent(const domain::Action &a, const domain::Officer &actor)
{
    if (a.actorId != actor.id || actor.id.isEmpty())
        return rejected(a.id, actorMismatch(), 0);
    if (a.id.isNull())
        return rejected(a.id,
                        makeError(QStringLiteral("action.bad_payload"),
                                  QStringLiteral("Thao tác thiếu mã định danh (UUID)."),
                                  QStringLiteral("id")),
                        0);
    return std::nullopt;
}

PushOutcome unavailable(const QUuid &id)
{
    return rejected(
        id,
        makeError(QStringLiteral("server.unavailable"),
                  QStringLiteral(
                      "Máy chủ tạm thời không ghi được thao tác; thao tác sẽ được gửi lại sau.")),
        0);
}

// For each of a batch's actions: not refused as sent, and of a dossier no earlier action of the
// batch touches — what can be judged against the dossier as committed.
std::vector<bool> independentOf(const QList<domain::Action> &actions, const domain::Officer &actor)
{
    std::vector<bool> independent(size_t(actions.size()));
    QSet<QUuid> touched;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const domain::Action &a = actions.at(i);
        independent[size_t(i)] = !refusedAsSent(a, actor) && !touched.contains(a.dossierId);
        touched.insert(a.dossierId);
    }
    return independent;
}

// A list of texts as one parameter of a statement: `column IN (…)` with inTexts(pg), the list
// bound as textsParameter(texts, pg) — a PostgreSQL array, or a JSON array that SQLite reads with
// json_each.
QString inTexts(bool pg)
{
    return pg ? QStringLiteral("= ANY (CAST(? AS TEXT[]))")
              : QStringLiteral("IN (SELECT value FROM json_each(?))");
}

QString textsParameter(const QStringList &texts, bool pg)
{
    return pg ? pg::arrayLiteral(texts)
              : QString::fromUtf8(
                  QJsonDocument(QJsonArray::fromStringList(texts)).toJson(QJsonDocument::Compact));
}

// The stored dossiers among `ids` with their versions; on PostgreSQL locked for this transaction
// in id order (SQLite's writer holds the whole database). Every batch takes its locks in that one
// order, and before the feed counter's: two batches sharing dossiers wait for each other instead
// of deadlocking.
Check lockDossiers(QSqlDatabase &c, const QList<QUuid> &ids, bool pg, QHash<QUuid, int> &versions)
{
    QStringList texts;
    texts.reserve(ids.size());
    for (const QUuid &id : ids)
        texts.append(uuidText(id));
    Sql q(c,
          QStringLiteral("SELECT id, version FROM dossiers WHERE id ") + inTexts(pg)
              + (pg ? QStringLiteral(" ORDER BY id FOR UPDATE") : QString()));
    q.bind(textsParameter(texts, pg));
    if (auto st = q.exec(); !st)
        return st;
    while (q.next())
        versions.insert(QUuid::fromString(q.text(0)), int(q.integer(1)));
    return {};
}

// The dossiers that hold `codes` now.
Check readCodeOwners(QSqlDatabase &c, const QSet<QString> &codes, bool pg,
                     QHash<QString, QUuid> &owners)
{
    if (codes.isEmpty())
        return {};
    Sql q(c, QStringLiteral("SELECT code, id FROM dossiers WHERE code ") + inTexts(pg));
    q.bind(textsParameter(codes.values(), pg));
    if (auto st = q.exec(); !st)
        return st;
    while (q.next())
        owners.insert(q.text(0), QUuid::fromString(q.text(1)));
    return {};
}

} // namespace

// A batch written one transaction per action (after its one transaction rolled back): while an
// action is written, the next few are judged on other threads, each on its own connection — those
// of a dossier no earlier action of the batch touches (the others are judged in their turn,
// against what the earlier ones wrote). `take(i)` returns action i's judgement, made
// ahead or, with `judgeHere` (SQLite: just before the writer lock), made now on this thread
// outside any transaction; without, the rest is judged inside the transaction (PostgreSQL).
class SyncStore::Lookahead
{
public:
    Lookahead(SyncStore &store, const QList<domain::Action> &actions, const PushDirectory &pusher,
              bool judgeHere)
        : m_store(store)
        , m_actions(actions)
        , m_pusher(pusher)
        , m_judgeHere(judgeHere)
        , m_ahead(size_t(actions.size()))
        , m_independent(independentOf(actions, pusher.actor()))
        , m_window(2 * size_t(store.m_judges->maxThreadCount()))
    {}
    // The judgements still running read `actions`: wait for them.
    ~Lookahead()
    {
        for (auto &judgement : m_ahead) {
            if (judgement.valid())
                judgement.wait();
        }
    }
    Lookahead(const Lookahead &) = delete;
    Lookahead &operator=(const Lookahead &) = delete;

    std::optional<Judgement> take(size_t i)
    {
        for (; m_launched < m_ahead.size() && m_launched <= i + m_window; ++m_launched) {
            if (!m_independent[m_launched])
                continue;
            auto task = std::make_shared<std::packaged_task<std::optional<Judgement>()>>(
                [this, &a = m_actions.at(qsizetype(m_launched))] {
                    return m_store.judgeAhead(a, m_pusher);
                });
            m_ahead[m_launched] = task->get_future();
            m_store.m_judges->start([task] { (*task)(); });
        }
        if (m_ahead[i].valid())
            return m_ahead[i].get();
        const domain::Action &a = m_actions.at(qsizetype(i));
        return m_judgeHere && !refusedAsSent(a, m_pusher.actor()) ? m_store.judgeAhead(a, m_pusher)
                                                                  : std::nullopt;
    }

private:
    SyncStore &m_store;
    const QList<domain::Action> &m_actions;
    const PushDirectory &m_pusher;
    const bool m_judgeHere;
    std::vector<std::future<std::optional<Judgement>>> m_ahead;
    const std::vector<bool> m_independent;
    const size_t m_window;
    size_t m_launched = 1; // the first is judged in take(0)
};

QList<PushOutcome> SyncStore::push(const QList<domain::Action> &actions,
                                   const domain::Officer &actor)
{
    QList<PushOutcome> out;
    out.reserve(actions.size());
    const PushDirectory pusher(m_directory, actor);
    if (m_db.inTransaction() || actions.size() < 2) {
        for (const auto &action : actions) {
            out.append(pushOne(action, pusher));
            if (isUnavailable(out.constLast()))
                break;
        }
        return out;
    }
    const bool pg = m_db.isPostgres();
    if (auto together = pushTogether(actions, pusher))
        return std::move(together).value();
    Lookahead ahead(*this, actions, pusher, !pg);
    for (qsizetype i = 0; i < actions.size(); ++i) {
        out.append(pushOne(actions.at(i), pusher, ahead.take(size_t(i))));
        // The later actions may build on this one: they wait for the device's next try.
        if (isUnavailable(out.constLast()))
            break;
    }
    return out;
}

// A batch's actions judged before its transaction: those of a dossier no earlier action of the
// batch touches, against the dossiers as committed, read in one statement; on this thread and the
// judges' pool together. The others (nullopt) are judged in the transaction, after the earlier
// actions on their dossier.
std::vector<std::optional<SyncStore::Judgement>>
SyncStore::judgeBatch(const QList<domain::Action> &actions, const PushDirectory &pusher)
{
    std::vector<std::optional<Judgement>> judged(size_t(actions.size()));
    const std::vector<bool> independent = independentOf(actions, pusher.actor());
    std::vector<size_t> todo;
    QStringList ids;
    for (size_t i = 0; i < independent.size(); ++i) {
        if (independent[i]) {
            todo.push_back(i);
            ids.append(uuidText(actions.at(qsizetype(i)).dossierId));
        }
    }
    if (todo.empty())
        return judged;
    QHash<QUuid, domain::Dossier> stored;
    QSet<QUuid> unreadable;
    const bool pg = m_db.isPostgres();
    const auto read = m_db.readOne([&](QSqlDatabase &c) -> Check {
        Sql q(c, QStringLiteral("SELECT id, json FROM dossiers WHERE id ") + inTexts(pg));
        q.bind(textsParameter(ids, pg));
        if (auto st = q.exec(); !st)
            return st;
        while (q.next()) {
            const QUuid id = QUuid::fromString(q.text(0));
            if (auto dossier = parseDossier(q.text(1), q.text(0)))
                stored.insert(id, std::move(dossier).value());
            else
                unreadable.insert(id);
        }
        return {};
    });
    if (!read)
        return judged; // judged in the transaction
    std::atomic<size_t> next{0};
    const auto work = [&] {
        for (size_t k = next++; k < todo.size(); k = next++) {
            const domain::Action &a = actions.at(qsizetype(todo[k]));
            if (unreadable.contains(a.dossierId))
                continue; // judged in the transaction, which reports the damaged row
            judged[todo[k]] = judgeAgainst(stored.value(a.dossierId), a, pusher);
        }
    };
    std::vector<std::future<void>> helpers;
    for (int t = 0; t < m_judges->maxThreadCount() && size_t(t + 1) < todo.size(); ++t) {
        auto task = std::make_shared<std::packaged_task<void()>>(work);
        helpers.push_back(task->get_future());
        m_judges->start([task] { (*task)(); });
    }
    work();
    for (auto &helper : helpers)
        helper.wait(); // they read this frame
    return judged;
}

// A batch is committed once. On PostgreSQL one transaction per action made every action wait,
// holding the feed counter's lock, for its own commit to reach the disk: pushes could not go faster
// than one WAL flush per action, whatever the number of connections. On SQLite each commit wrote
// the pages it changed to the WAL again (the counter's, the indexes' last pages…): a fifth of the
// server's CPU at 1,000 actions/s, all of it under the one writer's lock. In one transaction each
// action is still judged in turn against the dossier as the earlier ones left it, and a rejection
// is still a stored answer; the batch's changes become visible together, with consecutive
// numbers. The independent actions are judged before the transaction (on other threads), so that
// what runs under the counter's lock (SQLite: the writer's) is the writing. Any database error (a
// race with another push, a deadlock, a lost connection) rolls the whole batch back: push() then
// applies the actions one transaction each, where races are tried again and answered one by one.
std::optional<QList<PushOutcome>> SyncStore::pushTogether(const QList<domain::Action> &actions,
                                                          const PushDirectory &pusher)
{
    const domain::Officer &actor = pusher.actor();
    const bool pg = m_db.isPostgres();
    auto judged = judgeBatch(actions, pusher);
    QList<QUuid> ids;
    ids.reserve(actions.size());
    QSet<QString> codes; // the new codes the judgements give
    for (qsizetype i = 0; i < actions.size(); ++i) {
        if (!refusedAsSent(actions.at(i), actor))
            ids.append(actions.at(i).dossierId);
        if (const auto &j = judged[size_t(i)]; j && j->next) {
            const QString &code = j->next.value().code;
            if (!code.isEmpty() && code != j->before.code)
                codes.insert(code);
        }
    }
    Batch batch;
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        batch = Batch{};
        if (auto locked = lockDossiers(c, ids, pg, batch.versions); !locked)
            return locked;
        if (auto read = readCodeOwners(c, codes, pg, batch.codeOwners); !read)
            return read;
        batch.codesRead = codes;
        for (qsizetype i = 0; i < actions.size(); ++i) {
            const domain::Action &a = actions.at(i);
            if (auto refused = refusedAsSent(a, actor)) {
                batch.answers.append(*refused);
                continue;
            }
            PushOutcome outcome;
            const qint64 now = toDbTime(QDateTime::currentDateTimeUtc());
            if (auto done = applyOne(c, a, pusher, judged[size_t(i)], &batch, false, now, outcome);
                !done)
                return done;
            batch.answers.append(outcome);
        }
        if (auto written = writePending(c, batch); !written)
            return written;
        return grantBlobs(c, batch.grants, actor, toDbTime(QDateTime::currentDateTimeUtc()), pg);
    });
    if (st) {
        ++m_together;
        return batch.answers;
    }
    ++m_rolledBack;
    qCDebug(lcSync) << "batch of" << actions.size()
                    << "rolled back, one transaction each:" << st.error().code
                    << st.error().details.value(QStringLiteral("sqlState")).toString();
    return std::nullopt;
}

PushOutcome SyncStore::pushOne(const domain::Action &a, const domain::Officer &actor)
{
    return pushOne(a, PushDirectory(m_directory, actor));
}

PushOutcome SyncStore::pushOne(const domain::Action &a, const PushDirectory &pusher)
{
    const bool ahead
        = !m_db.isPostgres() && !m_db.inTransaction() && !refusedAsSent(a, pusher.actor());
    return pushOne(a, pusher, ahead ? judgeAhead(a, pusher) : std::nullopt);
}

PushOutcome SyncStore::pushOne(const domain::Action &a, const PushDirectory &pusher,
                               std::optional<Judgement> ahead)
{
    if (auto refused = refusedAsSent(a, pusher.actor()))
        return *refused;
    (void)m_db.supportsReturning(); // asked once, before the first transaction
    // `ahead`: judged before the transaction (see the top of this file). A single action on
    // PostgreSQL is judged inside it, with the dossier's row locked (one round trip fewer).
    Error lastError;
    for (int attempt = 1; attempt <= kAttempts; ++attempt) {
        PushOutcome outcome;
        const qint64 now = toDbTime(QDateTime::currentDateTimeUtc());
        auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
            return applyOne(c, a, pusher, ahead, nullptr, attempt > 1, now, outcome);
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
    return unavailable(a.id);
}

Check SyncStore::writePending(QSqlDatabase &c, Batch &batch)
{
    if (m_db.isPostgres()) {
        if (auto st = appendOnPostgres(c, batch.pending); !st)
            return st;
        for (const PendingAppend &pending : std::as_const(batch.pending))
            batch.answers[pending.answer].seq = pending.seq;
    } else {
        // SQLite: statement by statement; append() gives each answer its seq.
        for (const PendingAppend &pending : std::as_const(batch.pending)) {
            if (auto st = append(c, *pending.action, pending.after, pending.encoded,
                                 pending.actorId, pending.now, batch.answers[pending.answer]);
                !st)
                return st;
        }
    }
    batch.pending.clear();
    return {};
}

Check SyncStore::applyOne(QSqlDatabase &c, const domain::Action &a, const PushDirectory &pusher,
                          const std::optional<Judgement> &ahead, Batch *batch, bool retried,
                          qint64 now, PushOutcome &outcome)
{
    const domain::Officer &actor = pusher.actor();
    const bool pg = m_db.isPostgres();
    // In a batch, the rows still waiting are written before any statement that could read them.
    const auto writeFirst = [&]() -> Check { return batch ? writePending(c, *batch) : Check{}; };
    // 1. Seen before: the first answer again. Looked up only when it may be so: a new action (the
    // common case) costs no lookup, and a resent one that got past this collides with its stored
    // answer (push_outcomes' key) and comes back here.
    const auto answerFromStore = [&]() -> Result<bool> {
        if (auto written = writeFirst(); !written)
            return written.error();
        auto stored = findOutcome(c, a.id);
        if (!stored)
            return stored.error();
        if (!stored.value())
            return false;
        outcome = stored.value()->actorId == actor.id ? stored.value()->outcome
                                                      : rejected(a.id, actorMismatch(), 0);
        return true;
    };
    if (retried) {
        auto answered = answerFromStore();
        if (!answered)
            return answered.error();
        if (answered.value())
            return {};
    }
    // 2. Judge it with the engine against the dossier as committed: the judgement made ahead if
    // the dossier has not moved since.
    std::optional<Judgement> judged;
    if (ahead) {
        int version = 0;
        if (batch && !batch->written.contains(a.dossierId)) {
            version = batch->versions.value(a.dossierId, 0); // as locked
        } else {
            if (auto written = writeFirst(); !written)
                return written;
            auto stored = storedVersion(c, a.dossierId, pg);
            if (!stored)
                return stored.error();
            version = stored.value();
        }
        if (version == ahead->before.version)
            judged = *ahead;
    }
    if (!judged) {
        if (auto written = writeFirst(); !written)
            return written;
        auto j = judge(c, a, pusher, pg);
        if (!j)
            return j.error();
        judged = std::move(j).value();
    }
    const domain::Dossier &before = judged->before;
    if (!retried && before.version > 0 && before.hasApplied(a.id)) {
        auto answered = answerFromStore();
        if (!answered)
            return answered.error();
        if (answered.value())
            return {};
    }
    auto &next = judged->next;
    if (next && !next.value().code.isEmpty() && next.value().code != before.code) {
        const QString &code = next.value().code;
        const bool known = batch && batch->codesRead.contains(code);
        if (!known) {
            if (auto written = writeFirst(); !written)
                return written;
        }
        auto taken = known ? Result<bool>(batch->codeOwners.value(code, a.dossierId) != a.dossierId)
                           : codeTaken(c, code, a.dossierId);
        if (!taken)
            return taken.error();
        if (taken.value()) {
            next = makeError(
                QStringLiteral("action.duplicate_code"),
                QStringLiteral("Mã số hồ sơ %1 đã được cấp cho hồ sơ khác.").arg(next.value().code),
                QStringLiteral("payload.code"));
        }
    }
    if (!next) {
        outcome = rejected(a.id, next.error(), before.version);
        // A rejection sent again (its answer lost on the way) is refused again here: the stored
        // answer stands, and the transaction goes on (in a batch, the other actions with it).
        Sql q(c,
              QStringLiteral("INSERT INTO push_outcomes (action_id, actor_id, status, seq, "
                             "version, reason_code, message, field, decided_at) VALUES (?, ?, "
                             "'rejected', 0, ?, ?, ?, ?, ?) ON CONFLICT (action_id) DO NOTHING"));
        q.bind(uuidText(a.id)).bind(actor.id).bind(outcome.version).bind(outcome.reasonCode);
        q.bind(outcome.message).bind(outcome.field).bind(now);
        if (auto st = q.exec(); !st)
            return st;
        if (q.numRowsAffected() == 0) {
            auto answered = answerFromStore();
            if (!answered)
                return answered.error();
        }
        return {};
    }
    const domain::Dossier &after = next.value();

    // 3. Append to the feed and the audit chain (in a batch, with the batch's next accepted
    // actions).
    outcome = PushOutcome{a.id, PushOutcome::Status::Accepted, 0, after.version, {}, {}, {}};
    if (!batch) {
        if (auto appended = append(c, a, after, judged->encoded, actor.id, now, outcome); !appended)
            return appended;
    } else {
        batch->pending.append(
            PendingAppend{&a, after, judged->encoded, actor.id, now, batch->answers.size(), 0});
        batch->written.insert(a.dossierId);
        if (batch->codesRead.contains(before.code)
            && batch->codeOwners.value(before.code) == a.dossierId)
            batch->codeOwners.remove(before.code);
        if (batch->codesRead.contains(after.code))
            batch->codeOwners.insert(after.code, a.dossierId);
    }
    if (batch) {
        batch->grants += dossierFileGrants(after, actor);
        return {};
    }
    return shareDossierFiles(c, after, actor, now, pg);
}

} // namespace motcua::server
