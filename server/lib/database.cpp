#include "database.h"

#include "logging.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QThreadStorage>
#include <QTimeZone>
#include <QVersionNumber>

#include <atomic>
#include <map>
#include <mutex>

namespace motcua::server {

// Info and above by default; debug with QT_LOGGING_RULES="motcua.server.*.debug=true".
Q_LOGGING_CATEGORY(lcStorage, "motcua.server.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "motcua.server.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "motcua.server.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "motcua.server.audit", QtInfoMsg)

using domain::makeError;

struct Sql::Slot
{
    QSqlQuery query;
    bool prepared = false;
    bool busy = false;
};

namespace {

// One connection of this thread: its name, whether a transaction is open, its cached statements.
struct ConnectionEntry
{
    int depth = 0;
    bool writable = false; // the open transaction may write
    QHash<QString, std::shared_ptr<Sql::Slot>> statements;
    QSet<QByteArray> serverPrepared; // names prepared on the server by pg_rows (PQprepare)
};

// This thread's connections; removed when the thread finishes.
struct ThreadConnections
{
    quint64 tag = 0;
    std::map<QString, ConnectionEntry> entries; // by connection name

    ~ThreadConnections()
    {
        for (auto &[name, entry] : entries) {
            entry.statements.clear();
            QSqlDatabase::removeDatabase(name);
        }
    }
};

std::atomic<quint64> g_nextThreadTag{1};
std::atomic<quint64> g_nextDatabaseSerial{1};

ThreadConnections &threadConnections()
{
    static QThreadStorage<ThreadConnections *> storage;
    if (!storage.hasLocalData()) {
        auto *connections = new ThreadConnections;
        connections->tag = g_nextThreadTag.fetch_add(1);
        storage.setLocalData(connections);
    }
    return *storage.localData();
}

ConnectionEntry *entryFor(const QString &connectionName)
{
    auto &entries = threadConnections().entries;
    const auto it = entries.find(connectionName);
    return it == entries.end() ? nullptr : &it->second;
}

// One writer lock per SQLite file in this process: writers queue here instead of polling the
// busy handler (SQLite allows one writer at a time anyway).
std::shared_ptr<QMutex> sqliteWriterLock(const QString &path)
{
    static QMutex registryMutex;
    static QHash<QString, std::shared_ptr<QMutex>> registry;
    const QMutexLocker locker(&registryMutex);
    const QString key = QFileInfo(path).absoluteFilePath();
    auto &lock = registry[key];
    if (!lock)
        lock = std::make_shared<QMutex>();
    return lock;
}

Error driverError(const QSqlError &error, const QString &what)
{
    // QSQLITE reports every failed step as a ConnectionError: only PostgreSQL's lost connections
    // (no SQLSTATE, or class 08 / 57P) count as such (databaseError()).
    return databaseError(what, error.nativeErrorCode(), error.text(), error.databaseText(),
                         error.type() == QSqlError::ConnectionError);
}

bool execPlain(QSqlDatabase &db, const QString &statement, Error *error)
{
    QSqlQuery q(db);
    if (q.exec(statement))
        return true;
    if (error)
        *error = driverError(q.lastError(), statement);
    return false;
}

// BEGIN, COMMIT and ROLLBACK: prepared once per connection on SQLite (PostgreSQL cannot prepare
// them, and QPSQL would send them as they are anyway).
bool execControl(QSqlDatabase &db, const QString &statement, bool postgres, Error *error)
{
    if (postgres)
        return execPlain(db, statement, error);
    Sql q(db, statement);
    if (auto st = q.exec(); !st) {
        if (error)
            *error = st.error();
        return false;
    }
    return true;
}

} // namespace

struct Database::Shared
{
    std::shared_ptr<QMutex> writerLock; // SQLite
    std::atomic<int> returning{-1};     // -1 unknown, 0 no, 1 yes
};

// ---- Database ---------------------------------------------------------------------------------

Database::Database(DbUrl url)
    : m_url(std::move(url))
    , m_prefix(QStringLiteral("motcua-db-%1").arg(g_nextDatabaseSerial.fetch_add(1)))
    , m_shared(std::make_shared<Shared>())
{
    if (m_url.kind == DbUrl::Kind::Sqlite)
        m_shared->writerLock = sqliteWriterLock(m_url.path);
}

Database::~Database()
{
    closeThreadConnection();
}

Check Database::open()
{
    auto db = connection();
    if (!db)
        return db.error();
    return {};
}

Result<QSqlDatabase> Database::connection()
{
    auto &connections = threadConnections();
    const QString name = m_prefix + QLatin1Char('/') + QString::number(connections.tag);
    if (connections.entries.count(name)) {
        {
            QSqlDatabase existing = QSqlDatabase::database(name, false);
            if (existing.isOpen())
                return existing;
        }
        closeThreadConnection();
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(
        isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return makeError(
            QStringLiteral("db.driver_missing"),
            QStringLiteral("Thiếu trình điều khiển Qt SQL %1 (cài gói %2).")
                .arg(isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"),
                     isPostgres() ? QStringLiteral("libqt6sql6-psql")
                                  : QStringLiteral("libqt6sql6-sqlite")));
    }
    if (isPostgres()) {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setDatabaseName(m_url.database);
        if (!m_url.user.isEmpty())
            db.setUserName(m_url.user);
        // MOTCUA_DB_PASSWORD, then PGPASSWORD, then the URL's (kept out of process lists).
        QString password = qEnvironmentVariable("MOTCUA_DB_PASSWORD");
        if (password.isEmpty())
            password = qEnvironmentVariable("PGPASSWORD");
        if (password.isEmpty())
            password = m_url.password;
        if (!password.isEmpty())
            db.setPassword(password);
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=motcua-server"));
    } else {
        const QFileInfo file(m_url.path);
        if (!file.absoluteDir().exists())
            QDir().mkpath(file.absolutePath());
        db.setDatabaseName(m_url.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open()) {
        const QSqlError error = db.lastError();
        qCWarning(lcStorage).noquote()
            << "cannot open" << m_url.toDisplayString() << ":"
            << error.databaseText().section(QLatin1Char('\n'), 0, 0).left(300);
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        Error e = makeError(
            QStringLiteral("db.unavailable"),
            QStringLiteral("Không mở được cơ sở dữ liệu %1.").arg(m_url.toDisplayString()),
            error.text());
        e.details.insert(QStringLiteral("connection"), true);
        return e;
    }
    Error error;
    const QStringList setup = isPostgres()
        ? QStringList{QStringLiteral("SET TIME ZONE 'UTC'")}
        : QStringList{QStringLiteral("PRAGMA busy_timeout = 10000"),
                      QStringLiteral("PRAGMA journal_mode = WAL"),
                      QStringLiteral("PRAGMA synchronous = NORMAL"),
                      QStringLiteral("PRAGMA foreign_keys = ON"),
                      // Pages are read from the mapped file, not copied by a read() each (the
                      // feed is read far more than written). Writes and durability are the same.
                      QStringLiteral("PRAGMA mmap_size = 268435456")};
    for (const QString &statement : setup) {
        if (!execPlain(db, statement, &error)) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return error;
        }
    }
    connections.entries.emplace(name, ConnectionEntry{});
    qCDebug(lcStorage).noquote() << "opened" << m_url.toDisplayString() << "as" << name;
    return db;
}

void Database::closeThreadConnection()
{
    auto &entries = threadConnections().entries;
    const QString name = m_prefix + QLatin1Char('/') + QString::number(threadConnections().tag);
    const auto it = entries.find(name);
    if (it == entries.end())
        return;
    it->second.statements.clear();
    entries.erase(it);
    QSqlDatabase::removeDatabase(name);
}

bool Database::inTransaction() const
{
    const QString name = m_prefix + QLatin1Char('/') + QString::number(threadConnections().tag);
    const ConnectionEntry *entry = entryFor(name);
    return entry && entry->depth > 0;
}

bool Database::supportsReturning()
{
    if (isPostgres())
        return true;
    int known = m_shared->returning.load();
    if (known >= 0)
        return known == 1;
    auto db = connection();
    if (!db)
        return false;
    QSqlQuery q(db.value());
    if (!q.exec(QStringLiteral("SELECT sqlite_version()")) || !q.next())
        return false;
    const auto version = QVersionNumber::fromString(q.value(0).toString());
    known = version >= QVersionNumber(3, 35, 0) ? 1 : 0;
    m_shared->returning.store(known);
    qCInfo(lcStorage).noquote() << "SQLite" << version.toString() << (known ? "supports" : "lacks")
                                << "RETURNING";
    return known == 1;
}

Check Database::transaction(const std::function<Check(QSqlDatabase &)> &work)
{
    return runInTransaction(work, true);
}

Check Database::read(const std::function<Check(QSqlDatabase &)> &work)
{
    return runInTransaction(work, false);
}

QSet<QByteArray> *serverPreparedStatements(const QSqlDatabase &db)
{
    ConnectionEntry *entry = entryFor(db.connectionName());
    return entry ? &entry->serverPrepared : nullptr;
}

Check Database::readOne(const std::function<Check(QSqlDatabase &)> &work)
{
    QSqlDatabase db;
    {
        auto conn = connection();
        if (!conn)
            return conn.error();
        db = conn.value();
    }
    Check result = work(db);
    const ConnectionEntry *entry = entryFor(db.connectionName());
    if (!result && result.error().details.contains(QStringLiteral("connection"))
        && (!entry || entry->depth == 0)) {
        db = QSqlDatabase();
        closeThreadConnection();
    }
    return result;
}

Check Database::runInTransaction(const std::function<Check(QSqlDatabase &)> &work, bool write)
{
    QSqlDatabase db;
    {
        auto conn = connection();
        if (!conn)
            return conn.error();
        db = conn.value();
    }
    ConnectionEntry *entry = entryFor(db.connectionName());
    if (entry->depth > 0) {
        if (write && !entry->writable) {
            return makeError(QStringLiteral("db.nested_write"),
                             QStringLiteral("Không thể ghi dữ liệu bên trong một lượt chỉ đọc."));
        }
        return work(db); // joins the enclosing transaction
    }
    const auto dropConnection = [&] {
        db = QSqlDatabase();
        closeThreadConnection();
    };

    std::unique_lock<QMutex> writer;
    if (write && !isPostgres())
        writer = std::unique_lock<QMutex>(*m_shared->writerLock);
    const QString begin = isPostgres()
        ? (write ? QStringLiteral("BEGIN")
                 : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
        : (write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN DEFERRED"));
    Error error;
    if (!execControl(db, begin, isPostgres(), &error)) {
        if (error.details.contains(QStringLiteral("connection")))
            dropConnection();
        return error;
    }
    entry->depth = 1;
    entry->writable = write;
    const QString name = db.connectionName();
    Check result = work(db);
    if (ConnectionEntry *still = entryFor(name)) // looked up again: `work` may have lost it
        still->depth = 0;
    if (result) {
        if (execControl(db, QStringLiteral("COMMIT"), isPostgres(), &error))
            return {};
        execControl(db, QStringLiteral("ROLLBACK"), isPostgres(), nullptr);
        if (error.details.contains(QStringLiteral("connection")))
            dropConnection();
        return error;
    }
    execControl(db, QStringLiteral("ROLLBACK"), isPostgres(), nullptr);
    if (result.error().details.contains(QStringLiteral("connection")))
        dropConnection();
    return result;
}

// ---- Sql --------------------------------------------------------------------------------------

namespace {

// SQLite steps through rows as they are read. QPSQL's forward-only mode (single-row mode) would
// lose a result set as soon as another statement runs on the connection, so PostgreSQL results are
// fetched whole (statements here return bounded row counts).
bool forwardOnly(const QSqlDatabase &db)
{
    return db.driverName() != QLatin1String("QPSQL");
}

std::shared_ptr<Sql::Slot> acquireSlot(QSqlDatabase &db, const QString &statement)
{
    ConnectionEntry *entry = entryFor(db.connectionName());
    if (!entry)
        return {};
    auto &slot = entry->statements[statement];
    if (slot) {
        if (slot->busy)
            return {}; // the same statement is in use further up this thread's stack
        slot->busy = true;
        return slot;
    }
    auto fresh = std::make_shared<Sql::Slot>();
    fresh->query = QSqlQuery(db);
    fresh->query.setForwardOnly(forwardOnly(db));
    fresh->prepared = fresh->query.prepare(statement);
    if (!fresh->prepared) {
        entry->statements.remove(statement);
        return fresh; // not cached: the caller reports the error
    }
    fresh->busy = true;
    slot = fresh;
    return fresh;
}

} // namespace

Sql::Sql(QSqlDatabase &db, const QString &statement)
    : Sql(db, statement, acquireSlot(db, statement))
{}

// A cached statement is moved into the Sql object and moved back when it dies.
Sql::Sql(QSqlDatabase &db, const QString &statement, std::shared_ptr<Slot> slot)
    : m_query(slot ? std::move(slot->query) : QSqlQuery(db))
    , m_statement(statement)
    , m_slot(std::move(slot))
{
    if (m_slot) {
        m_prepared = m_slot->prepared;
        if (!m_prepared) {
            m_prepareError = driverError(m_query.lastError(), QStringLiteral("prepare"));
            m_slot.reset(); // a failed statement is not cached
        }
        return;
    }
    m_query.setForwardOnly(forwardOnly(db));
    m_prepared = m_query.prepare(statement);
    if (!m_prepared)
        m_prepareError = driverError(m_query.lastError(), QStringLiteral("prepare"));
}

Sql::~Sql()
{
    m_query.finish();
    if (m_slot) {
        m_slot->query = std::move(m_query);
        m_slot->busy = false;
    }
}

Sql &Sql::bind(const QVariant &value)
{
    // A null QString would be bound as SQL NULL: text columns get '' instead. An SQL NULL is
    // asked for with a null QVariant (QVariant(QMetaType::fromType<QString>())).
    if (!value.isNull() && value.typeId() == QMetaType::QString && value.toString().isNull())
        m_query.bindValue(m_bound++, QVariant(QString::fromLatin1("")));
    else
        m_query.bindValue(m_bound++, value);
    return *this;
}

Check Sql::exec()
{
    m_bound = 0;
    if (!m_prepared)
        return m_prepareError;
    if (!m_query.exec())
        return driverError(m_query.lastError(), QStringLiteral("statement"));
    return {};
}

// ---- Errors and time --------------------------------------------------------------------------

Error databaseError(const QString &what, const QString &sqlState, const QString &driverText,
                    const QString &databaseText, bool connectionError)
{
    Error e = makeError(
        QStringLiteral("db.error"),
        QStringLiteral("Cơ sở dữ liệu gặp lỗi, thao tác chưa được thực hiện. Hãy thử lại sau."),
        driverText);
    e.details.insert(QStringLiteral("sqlState"), sqlState);
    if (connectionError
        && (sqlState.isEmpty() || sqlState.startsWith(QLatin1String("08"))
            || sqlState.startsWith(QLatin1String("57P")))) {
        e.details.insert(QStringLiteral("connection"), true);
    }
    // Constraint violations are expected (races the callers retry, resent actions): debug only.
    const QString text = databaseText.section(QLatin1Char('\n'), 0, 0).left(200);
    if (isConstraintViolation(e))
        qCDebug(lcStorage).noquote() << what << "failed: sqlState" << sqlState << text;
    else
        qCWarning(lcStorage).noquote() << what << "failed: sqlState" << sqlState << text;
    return e;
}

bool isConstraintViolation(const Error &error)
{
    const QString state = error.details.value(QStringLiteral("sqlState")).toString();
    if (state.startsWith(QLatin1String("23")) && state.size() == 5)
        return true; // PostgreSQL class 23: integrity constraint violation
    bool ok = false;
    const int code = state.toInt(&ok);
    return ok && (code & 0xff) == 19; // SQLITE_CONSTRAINT and its extended codes
}

bool isTransientDbError(const Error &error)
{
    if (error.details.contains(QStringLiteral("connection")))
        return true;
    const QString state = error.details.value(QStringLiteral("sqlState")).toString();
    if (state == QLatin1String("40001") || state == QLatin1String("40P01")
        || state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01")) {
        return true;
    }
    bool ok = false;
    const int code = state.toInt(&ok);
    return ok && ((code & 0xff) == 5 || (code & 0xff) == 6); // SQLITE_BUSY, SQLITE_LOCKED
}

qint64 toDbTime(const QDateTime &instant)
{
    return instant.isValid() ? instant.toMSecsSinceEpoch() : 0;
}

QDateTime fromDbTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc());
}

} // namespace motcua::server
