#pragma once

// A thin RAII layer over the SQLCipher C API (internal to the store). One Database per file, used
// from one thread; statements are prepared once and cached.
#include <QByteArray>
#include <QString>

#include <domain/result.h>

#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace motcua::store {

using domain::Check;
using domain::Result;

class Database;

// A prepared statement: bind() in order, then step()/exec(). Reset on destruction.
class Statement
{
public:
    Statement(Database &db, const char *sql);       // a literal: prepared once, cached
    Statement(Database &db, const QByteArray &sql); // built at run time: finalized after use
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(qint64 value);
    Statement &bind(int value) { return bind(qint64(value)); }
    Statement &bind(const QString &value);
    Statement &bind(const QByteArray &value); // as a BLOB
    Statement &bindText(const QByteArray &utf8);
    Statement &bindNull();

    Result<bool> step(); // true: a row is there
    Check exec();        // steps to the end

    [[nodiscard]] qint64 integer(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] QByteArray bytes(int column) const;
    // The column's bytes without a copy; valid until the next step().
    [[nodiscard]] QByteArrayView view(int column) const;
    [[nodiscard]] bool isNull(int column) const;

private:
    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    domain::Error m_prepareError;
    bool m_failed = false;
    bool m_owned = false;
    int m_index = 0;
};

class Database
{
public:
    // Opens `path` with the raw 256-bit key and verifies that it is SQLCipher and readable. Does
    // not write to an existing file. See Cache::open for the error codes.
    static Result<std::unique_ptr<Database>> open(const QString &path, const QByteArray &key,
                                                  bool create);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Check exec(const char *sql); // one or more statements, no results
    Check exec(const QString &sql);
    Result<qint64> scalar(const char *sql); // the first column of the first row (0 when none)
    Result<QString> text(const char *sql);

    // One transaction (BEGIN IMMEDIATE), or a savepoint inside one; rolled back on failure.
    Check transaction(const std::function<Check()> &work);
    [[nodiscard]] bool inTransaction() const { return m_depth > 0; }

    [[nodiscard]] qint64 lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] QString path() const { return m_path; }

    // The Error for the connection's last failure, with `context` (what was being done).
    [[nodiscard]] domain::Error error(int rc, const QString &context) const;

    sqlite3_stmt *prepareCached(const char *sql, domain::Error &error);
    sqlite3 *handle() { return m_db; }

private:
    Database(sqlite3 *db, QString path);
    sqlite3 *m_db = nullptr;
    QString m_path;
    int m_depth = 0;
    struct StatementCache;
    std::unique_ptr<StatementCache> m_statements;
};

} // namespace motcua::store
