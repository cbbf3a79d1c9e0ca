#include "testdb.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <migrations.h>

namespace motcua::test {
namespace {

QString randomSuffix()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16);
}

void configure(QSqlDatabase &db, const server::DbUrl &url)
{
    if (url.kind == server::DbUrl::Kind::Sqlite) {
        db.setDatabaseName(url.path);
        return;
    }
    db.setHostName(url.host);
    db.setPort(url.port);
    db.setUserName(url.user);
    db.setPassword(url.password);
    db.setDatabaseName(url.database);
}

} // namespace

void addBackends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

TestDb::TestDb(const QString &backend)
{
    if (backend == QLatin1String("sqlite")) {
        m_url.kind = server::DbUrl::Kind::Sqlite;
        m_url.path = m_dir.filePath(QStringLiteral("motcua.db"));
        return;
    }
    m_postgres = true;
    const QString admin = qEnvironmentVariable("MOTCUA_TEST_PG_URL");
    if (admin.isEmpty()) {
        const QString why = QStringLiteral(
            "no PostgreSQL: set MOTCUA_TEST_PG_URL or run the tests under scripts/with-postgres");
        if (qEnvironmentVariable("MOTCUA_REQUIRE_PG") == QLatin1String("1"))
            m_error = why + QStringLiteral(" (MOTCUA_REQUIRE_PG=1)");
        else
            m_skipReason = why;
        return;
    }
    auto parsed = server::DbUrl::parse(admin);
    if (!parsed || parsed.value().kind != server::DbUrl::Kind::Postgres) {
        m_error = QStringLiteral("MOTCUA_TEST_PG_URL is not a postgresql:// URL");
        return;
    }
    m_url = parsed.value();
    m_databaseName = QStringLiteral("motcua_test_") + randomSuffix();
    m_adminConnection = QStringLiteral("motcua-test-admin-") + m_databaseName;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_adminConnection);
        configure(db, m_url);
        QSqlQuery q(db);
        // The name is made of our random hex digits only.
        if (!db.open() || !q.exec(QStringLiteral("CREATE DATABASE ") + m_databaseName)) {
            m_error = QStringLiteral("cannot create the test database: ")
                + (db.isOpen() ? q.lastError().text() : db.lastError().text());
            return;
        }
    }
    m_url.database = m_databaseName;
}

TestDb::~TestDb()
{
    if (m_adminConnection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_adminConnection, false);
        if (db.isOpen()) {
            QSqlQuery q(db);
            if (!q.exec(
                    QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_databaseName)))
                qWarning("cannot drop the test database: %s", qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_adminConnection);
}

QString TestDb::url() const
{
    if (!m_postgres)
        return QStringLiteral("sqlite:") + m_url.path;
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(m_url.user, m_url.host)
        .arg(m_url.port)
        .arg(m_url.database);
}

server::DbUrl TestDb::dbUrl() const
{
    return m_url;
}

std::unique_ptr<server::Database> TestDb::open(bool migrate) const
{
    auto db = std::make_unique<server::Database>(m_url);
    if (migrate) {
        auto done = server::migrate(*db);
        if (!done)
            qWarning("migration failed: %s", qPrintable(done.error().toString()));
    }
    return db;
}

bool TestDb::exec(const QString &statement) const
{
    const QString name = QStringLiteral("motcua-test-exec-") + randomSuffix();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(
            m_postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        configure(db, m_url);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(statement);
            if (!ok)
                qWarning("statement failed: %s", qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace motcua::test
