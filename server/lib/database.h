#pragma once

// The server's database: SQLite (embedded default) or PostgreSQL, through QtSql. One QSqlDatabase
// connection per thread (QSqlDatabase objects must not cross threads); every unit of work runs in
// a transaction.
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <domain/result.h>

#include <functional>
#include <memory>

namespace motcua::server {

using domain::Check;
using domain::Error;
using domain::Result;

// "sqlite:/var/lib/motcua/motcua.db" or "postgresql://user[:password]@host[:port]/dbname".
// A password in the URL is accepted for scripts, but MOTCUA_DB_PASSWORD (or PGPASSWORD) is
// preferred; the password is never logged (toDisplayString() masks it).
struct DbUrl
{
    enum class Kind {
        Sqlite,
        Postgres
    };
    Kind kind = Kind::Sqlite;
    QString path;     // sqlite
    QString user;     // postgres
    QString password; // postgres
    QString host;     // postgres
    int port = 5432;  // postgres
    QString database; // postgres

    static Result<DbUrl> parse(const QString &url);
    [[nodiscard]] QString toDisplayString() const;
};

// The statements prepared on the server (by name) for this thread's connection `db` of a Database
// (null for another connection): forgotten with the connection, as the server forgets them.
QSet<QByteArray> *serverPreparedStatements(const QSqlDatabase &db);

class Database
{
public:
    explicit Database(DbUrl url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    [[nodiscard]] const DbUrl &url() const { return m_url; }
    [[nodiscard]] bool isPostgres() const { return m_url.kind == DbUrl::Kind::Postgres; }

    // Opens (and for SQLite creates) the database from this thread, to fail early with a clear
    // error.
    Check open();

    // This thread's connection, opened on first use (SQLite: WAL, foreign keys, busy timeout).
    Result<QSqlDatabase> connection();

    // Runs `work` in a transaction on this thread's connection: commits when it returns ok, rolls
    // back otherwise (and on a database error). SQLite transactions start IMMEDIATE (one writer).
    // Called inside another transaction of this database on the same thread, `work` joins it.
    Check transaction(const std::function<Check(QSqlDatabase &)> &work);

    // Additions:
    // Runs `work` on one consistent snapshot without writing (SQLite: a deferred transaction;
    // PostgreSQL: REPEATABLE READ, READ ONLY). Inside a transaction, `work` joins it; a
    // transaction() inside a read() is refused (db.nested_write).
    Check read(const std::function<Check(QSqlDatabase &)> &work);
    // Runs `work`, a read that is one statement, outside a transaction: the statement is its own
    // consistent snapshot on both backends, without BEGIN and COMMIT around it (on PostgreSQL two
    // round trips of three). Inside a transaction, `work` joins it. A lost connection is dropped,
    // as by read().
    Check readOne(const std::function<Check(QSqlDatabase &)> &work);
    // True while this thread runs a transaction() or read() of this database.
    [[nodiscard]] bool inTransaction() const;
    // SQLite only: does the linked SQLite understand UPDATE … RETURNING (3.35+)? PostgreSQL: true.
    [[nodiscard]] bool supportsReturning();
    // Closes and forgets this thread's connection (the next call opens a new one).
    void closeThreadConnection();

private:
    struct Shared;
    Check runInTransaction(const std::function<Check(QSqlDatabase &)> &work, bool write);
    DbUrl m_url;
    QString m_prefix; // connection names: prefix + thread id
    std::shared_ptr<Shared> m_shared;
};

// A failed statement as callers see it: code db.error, a Vietnamese message, the driver's text in
// `field` (for logs only), details.sqlState, and details.connection when the connection is lost
// (`connectionError`: the driver says so, and there is no SQLSTATE or it is of class 08 or 57P).
// Logged, constraint violations at debug level.
Error databaseError(const QString &what, const QString &sqlState, const QString &driverText,
                    const QString &databaseText, bool connectionError);

// Additions: classifying database errors (Error::details.sqlState carries the driver's code).
// Unique, primary key, check or foreign key violation (e.g. a race two writers both lost or won).
bool isConstraintViolation(const Error &error);
// Serialization failure, deadlock, busy database, lost connection: worth trying again.
bool isTransientDbError(const Error &error);
// Instants are stored as milliseconds since the epoch (UTC) in BIGINT columns.
qint64 toDbTime(const QDateTime &instant);
QDateTime fromDbTime(qint64 msecs);

// A prepared query: prepare, bind in order, exec; errors become Error with the driver's text in
// `field` only for logs, never the SQL values. Use for every statement (no string-built SQL).
// Prepared statements are cached per connection (PostgreSQL: PREPARE once, EXECUTE many), so a
// statement text must be a constant, never built from values.
class Sql
{
public:
    Sql(QSqlDatabase &db, const QString &statement);
    Sql &bind(const QVariant &value); // a null QString binds as '', a null QVariant as NULL
    Check exec();
    bool next() { return m_query.next(); }
    [[nodiscard]] QVariant value(int i) const { return m_query.value(i); }
    [[nodiscard]] qint64 numRowsAffected() const { return m_query.numRowsAffected(); }
    QSqlQuery &query() { return m_query; }

    // Additions:
    ~Sql();
    Sql(const Sql &) = delete;
    Sql &operator=(const Sql &) = delete;
    [[nodiscard]] QString text(int i) const { return m_query.value(i).toString(); }
    [[nodiscard]] qint64 integer(int i) const { return m_query.value(i).toLongLong(); }
    struct Slot;

private:
    Sql(QSqlDatabase &db, const QString &statement, std::shared_ptr<Slot> slot);
    QSqlQuery m_query;
    bool m_prepared = false;
    QString m_statement;
    std::shared_ptr<Slot> m_slot; // the cached statement, returned when this object dies
    int m_bound = 0;
    Error m_prepareError;
};

} // namespace motcua::server
