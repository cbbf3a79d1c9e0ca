#pragma once

// A fresh database for each storage test, on SQLite (a temporary file) and on PostgreSQL (a
// database with a random name on the server of MOTCUA_TEST_PG_URL, dropped afterwards).
//
//   void initTestCase_data() { motcua::test::addBackends(); }
//   void someTest()
//   {
//       MOTCUA_TEST_DB(db);             // skips (or, with MOTCUA_REQUIRE_PG=1, fails) without
//       PostgreSQL auto database = db.open();      // a migrated motcua::server::Database …
//   }
#include <QString>
#include <QTemporaryDir>

#include <database.h>

#include <memory>

namespace motcua::test {

// Adds the global "backend" column with the rows "sqlite" and "postgresql".
void addBackends();

class TestDb
{
public:
    explicit TestDb(const QString &backend);
    ~TestDb();
    TestDb(const TestDb &) = delete;
    TestDb &operator=(const TestDb &) = delete;

    [[nodiscard]] bool skipped() const { return !m_skipReason.isEmpty(); }
    [[nodiscard]] const QString &skipReason() const { return m_skipReason; }
    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] bool isPostgres() const { return m_postgres; }

    [[nodiscard]] QString url() const; // for motcuactl --db
    [[nodiscard]] server::DbUrl dbUrl() const;
    // A Database on it; migrated to the latest schema unless `migrate` is false.
    [[nodiscard]] std::unique_ptr<server::Database> open(bool migrate = true) const;

    // Runs one statement directly (test set-up and tampering); false on error.
    bool exec(const QString &statement) const;

private:
    bool m_postgres = false;
    QString m_skipReason;
    QString m_error;
    QTemporaryDir m_dir;
    server::DbUrl m_url;
    QString m_adminConnection; // PostgreSQL: the connection that created the database
    QString m_databaseName;
};

} // namespace motcua::test

// Declares `var` for the current global "backend" row; skips or fails the test when needed.
#define MOTCUA_TEST_DB(var) \
    QFETCH_GLOBAL(QString, backend); \
    motcua::test::TestDb var(backend); \
    if (var.skipped()) \
        QSKIP(qPrintable(var.skipReason())); \
    if (!var.ok()) \
    QFAIL(qPrintable(var.error()))
