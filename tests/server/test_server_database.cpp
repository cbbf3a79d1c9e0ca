// The database layer: URLs, per-thread connections, transactions, prepared statements, on SQLite
// and PostgreSQL.
#include "testdb.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <database.h>
#include <pg_rows.h>

using namespace motcua::server;

class TestServerDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { motcua::test::addBackends(); }

    void parsesUrls()
    {
        auto sqlite = DbUrl::parse(QStringLiteral("sqlite:/var/lib/motcua/motcua.db"));
        QVERIFY(sqlite);
        QCOMPARE(sqlite->kind, DbUrl::Kind::Sqlite);
        QCOMPARE(sqlite->path, QStringLiteral("/var/lib/motcua/motcua.db"));
        QCOMPARE(DbUrl::parse(QStringLiteral("sqlite:///tmp/x.db"))->path,
                 QStringLiteral("/tmp/x.db"));
        QCOMPARE(DbUrl::parse(QStringLiteral("sqlite:data/x.db"))->path,
                 QStringLiteral("data/x.db"));

        auto pg = DbUrl::parse(
            QStringLiteral("postgresql://motcua:s%40cret@db.example.vn:6543/motcua_prod"));
        QVERIFY(pg);
        QCOMPARE(pg->kind, DbUrl::Kind::Postgres);
        QCOMPARE(pg->user, QStringLiteral("motcua"));
        QCOMPARE(pg->password, QStringLiteral("s@cret"));
        QCOMPARE(pg->host, QStringLiteral("db.example.vn"));
        QCOMPARE(pg->port, 6543);
        QCOMPARE(pg->database, QStringLiteral("motcua_prod"));
        // The password never shows.
        QVERIFY(!pg->toDisplayString().contains(QStringLiteral("cret")));
        QCOMPARE(pg->toDisplayString(),
                 QStringLiteral("postgresql://motcua:***@db.example.vn:6543/motcua_prod"));
        QCOMPARE(DbUrl::parse(QStringLiteral("postgres://u@h/d"))->port, 5432);
    }

    void refusesBadUrlsInVietnamese_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("empty") << QString();
        QTest::newRow("no scheme") << QStringLiteral("/var/lib/motcua.db");
        QTest::newRow("mysql") << QStringLiteral("mysql://u:secret@h/d");
        QTest::newRow("sqlite without path") << QStringLiteral("sqlite:");
        QTest::newRow("sqlite memory") << QStringLiteral("sqlite::memory:");
        QTest::newRow("pg without host") << QStringLiteral("postgresql:///motcua");
        QTest::newRow("pg without database") << QStringLiteral("postgresql://u@host:5432/");
        QTest::newRow("pg with parameters")
            << QStringLiteral("postgresql://u@host/db?sslmode=disable");
        QTest::newRow("pg bad port") << QStringLiteral("postgresql://u@host:99999/db");
    }
    void refusesBadUrlsInVietnamese()
    {
        QFETCH(QString, url);
        auto parsed = DbUrl::parse(url);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, QStringLiteral("db.bad_url"));
        QVERIFY(!parsed.error().message.isEmpty());
        QVERIFY(!parsed.error().message.contains(QStringLiteral("secret")));
    }

    void opensWithThePragmas()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open(false);
        QVERIFY(db->open());
        if (t.isPostgres()) {
            QVERIFY(db->supportsReturning());
            return;
        }
        auto conn = db->connection();
        QVERIFY(conn);
        QSqlQuery q(conn.value());
        const auto pragma = [&](const QString &name) {
            return q.exec(QStringLiteral("PRAGMA ") + name) && q.next() ? q.value(0).toString()
                                                                        : QString();
        };
        QCOMPARE(pragma(QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(pragma(QStringLiteral("foreign_keys")), QStringLiteral("1"));
        QCOMPARE(pragma(QStringLiteral("busy_timeout")), QStringLiteral("10000"));
        QCOMPARE(pragma(QStringLiteral("synchronous")), QStringLiteral("1")); // NORMAL
        QVERIFY(db->supportsReturning()); // Debian 12: SQLite 3.40
    }

    void unreachableServerIsAClearError()
    {
        QFETCH_GLOBAL(QString, backend);
        const QString url = backend == QLatin1String("sqlite")
            ? QStringLiteral("sqlite:/proc/motcua/none.db")
            : QStringLiteral("postgresql://nobody@127.0.0.1:1/none");
        Database db(DbUrl::parse(url).value());
        auto st = db.open();
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("db.unavailable"));
        QVERIFY(st.error().message.startsWith(QStringLiteral("Không mở được cơ sở dữ liệu")));
    }

    void eachThreadHasItsOwnConnection()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open(false);
        auto mine = db->connection();
        QVERIFY(mine);
        const QString myName = mine->connectionName();
        QString otherName;
        bool otherOk = false;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            auto conn = db->connection();
            otherOk = conn && conn->isOpen();
            if (conn)
                otherName = conn->connectionName();
        }));
        thread->start();
        QVERIFY(thread->wait(30000));
        QVERIFY(otherOk);
        QVERIFY(!otherName.isEmpty());
        QVERIFY(otherName != myName);
        // The finished thread's connection is gone.
        QVERIFY(!QSqlDatabase::contains(otherName));
        QVERIFY(QSqlDatabase::contains(myName));
    }

    void transactionCommitsOrRollsBack()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open(false);
        QVERIFY(db->transaction([](QSqlDatabase &c) {
            QSqlQuery q(c);
            return q.exec(QStringLiteral("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)"))
                ? Check{}
                : Check{
                    motcua::domain::makeError(QStringLiteral("test.ddl"), q.lastError().text())};
        }));
        QVERIFY(db->transaction([](QSqlDatabase &c) {
            Sql q(c, QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"));
            q.bind(QStringLiteral("a")).bind(1);
            return q.exec();
        }));
        // A failing unit of work leaves nothing behind.
        auto failed = db->transaction([](QSqlDatabase &c) -> Check {
            Sql q(c, QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"));
            q.bind(QStringLiteral("b")).bind(2);
            if (auto st = q.exec(); !st)
                return st;
            return motcua::domain::makeError(QStringLiteral("test.failed"),
                                             QStringLiteral("thất bại"));
        });
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, QStringLiteral("test.failed"));
        // A database error rolls back too, and is classified.
        auto duplicate = db->transaction([](QSqlDatabase &c) -> Check {
            Sql q(c, QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"));
            q.bind(QStringLiteral("c")).bind(3);
            if (auto st = q.exec(); !st)
                return st;
            q.bind(QStringLiteral("a")).bind(4);
            return q.exec();
        });
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, QStringLiteral("db.error"));
        QVERIFY(isConstraintViolation(duplicate.error()));
        QVERIFY(!isTransientDbError(duplicate.error()));
        QCOMPARE(count(*db), 1);
    }

    void nestedTransactionJoinsTheOuterOne()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open(false);
        QVERIFY(t.exec(QStringLiteral("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)")));
        bool joined = false;
        bool sawInner = false;
        auto st = db->transaction([&](QSqlDatabase &c) -> Check {
            auto inner = db->transaction([&](QSqlDatabase &innerConnection) {
                joined = db->inTransaction();
                Sql q(innerConnection, QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"));
                q.bind(QStringLiteral("inner")).bind(1);
                return q.exec();
            });
            if (!inner)
                return inner;
            Sql q(c, QStringLiteral("SELECT COUNT(*) FROM t"));
            if (auto done = q.exec(); !done)
                return done;
            sawInner = q.next() && q.integer(0) == 1;
            return motcua::domain::makeError(QStringLiteral("test.rollback"),
                                             QStringLiteral("hủy"));
        });
        QVERIFY(joined);
        QVERIFY(sawInner);
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("test.rollback"));
        QCOMPARE(count(*db), 0); // the inner insert went with the outer rollback
        QVERIFY(!db->inTransaction());
    }

    void preparedStatementsAreReusedAndReentrant()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open(false);
        QVERIFY(t.exec(QStringLiteral("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)")));
        auto conn = db->connection();
        QVERIFY(conn);
        const QString insert = QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)");
        for (int i = 0; i < 20; ++i) {
            Sql q(conn.value(), insert);
            q.bind(QStringLiteral("k%1").arg(i)).bind(i);
            QVERIFY(q.exec());
        }
        // The same statement twice at once (e.g. a recursive lookup) works.
        const QString select = QStringLiteral("SELECT v FROM t WHERE k = ?");
        Sql outer(conn.value(), select);
        outer.bind(QStringLiteral("k3"));
        QVERIFY(outer.exec());
        Sql inner(conn.value(), select);
        inner.bind(QStringLiteral("k4"));
        QVERIFY(inner.exec());
        QVERIFY(inner.next());
        QCOMPARE(inner.integer(0), 4);
        QVERIFY(outer.next());
        QCOMPARE(outer.integer(0), 3);
        // SQL metacharacters in values are data.
        Sql tricky(conn.value(), insert);
        tricky.bind(QStringLiteral("x'); DROP TABLE t; --")).bind(99);
        QVERIFY(tricky.exec());
        QCOMPARE(count(*db), 21);
        // A bad statement is a clean error.
        Sql bad(conn.value(), QStringLiteral("SELECT nothing FROM nowhere WHERE x = ?"));
        bad.bind(1);
        auto st = bad.exec();
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("db.error"));
    }

    void reconnectsAfterTheConnectionIsLost()
    {
        MOTCUA_TEST_DB(t);
        if (!t.isPostgres())
            QSKIP("PostgreSQL only: the server ends the session");
        auto db = t.open(false);
        QVERIFY(t.exec(QStringLiteral("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)")));
        const auto insert = [&](const QString &key) {
            return db->transaction([&](QSqlDatabase &c) {
                Sql q(c, QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"));
                q.bind(key).bind(1);
                return q.exec();
            });
        };
        const auto read = [&]() -> Check {
            auto conn = db->connection();
            if (!conn)
                return conn.error();
            Sql q(conn.value(), QStringLiteral("SELECT COUNT(*) FROM t"));
            return q.exec();
        };
        QVERIFY(insert(QStringLiteral("a")));
        QVERIFY(read());
        QVERIFY(endOtherSessions(t));
        auto lost = read();
        if (!lost)
            QVERIFY2(isTransientDbError(lost.error()), qPrintable(lost.error().toString()));
        // The next unit of work gets a new connection.
        QVERIFY(read());
        QVERIFY(insert(QStringLiteral("b")));
        QCOMPARE(count(*db), 2);
    }

    // pg_rows prepares its statements on the server once per connection and runs them by name;
    // a new connection (after the server ended the old one) prepares them again.
    void binaryReadsArePreparedOncePerConnection()
    {
        MOTCUA_TEST_DB(t);
        if (!t.isPostgres())
            QSKIP("PostgreSQL only: libpq's binary reads");
        auto db = t.open(false);
        QVERIFY(t.exec(QStringLiteral("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)")));
        QVERIFY(t.exec(QStringLiteral("INSERT INTO t (k, v) VALUES ('a', 7), ('b', 8)")));
        const auto value = [&](const QByteArray &key, qint64 *out) {
            return db->readOne([&](QSqlDatabase &c) -> Check {
                auto rows = pg::BinaryRows::exec(c, "SELECT v FROM t WHERE k = $1", {key});
                if (!rows)
                    return rows.error();
                *out = rows->size() == 1 ? rows->integer(0, 0) : -1;
                return {};
            });
        };
        const auto preparedOnServer = [&]() -> int {
            auto conn = db->connection();
            Sql q(conn.value(),
                  QStringLiteral("SELECT COUNT(*) FROM pg_prepared_statements "
                                 "WHERE name LIKE 'motcua_%' AND NOT from_sql"));
            return q.exec() && q.next() ? int(q.integer(0)) : -1;
        };
        qint64 v = 0;
        QVERIFY(value("a", &v));
        QCOMPARE(v, 7);
        QVERIFY(value("b", &v));
        QCOMPARE(v, 8);
        QCOMPARE(preparedOnServer(), 1);
        {
            auto conn = db->connection();
            QCOMPARE(serverPreparedStatements(conn.value())->size(), 1);
        }
        QVERIFY(endOtherSessions(t));
        auto lost = value("a", &v);
        if (!lost)
            QVERIFY2(isTransientDbError(lost.error()), qPrintable(lost.error().toString()));
        v = 0;
        QVERIFY(value("a", &v));
        QCOMPARE(v, 7);
        QCOMPARE(preparedOnServer(), 1);
    }

    // An integer array in libpq's binary format comes back element by element; what is not a
    // one-dimensional array of integers without NULLs is refused, not misread.
    void binaryIntegerArrays()
    {
        MOTCUA_TEST_DB(t);
        if (!t.isPostgres())
            QSKIP("PostgreSQL only: libpq's binary reads");
        auto db = t.open(false);
        const auto read = [&](const char *expression, QList<qint64> *out) {
            bool wellFormed = false;
            auto st = db->readOne([&](QSqlDatabase &c) -> Check {
                auto rows = pg::BinaryRows::exec(c, QByteArray("SELECT ") + expression, {});
                if (!rows)
                    return rows.error();
                wellFormed = rows->size() == 1 && rows->integers(0, 0, *out);
                return {};
            });
            return st && wellFormed;
        };
        QList<qint64> got{99};
        QVERIFY(read("ARRAY[3, 1, 9007199254740993, -5]::int8[]", &got));
        QCOMPARE(got, (QList<qint64>{3, 1, 9007199254740993LL, -5}));
        QVERIFY(read("ARRAY[2147483647, -7]::int4[]", &got));
        QCOMPARE(got, (QList<qint64>{2147483647, -7}));
        QVERIFY(
            read("ARRAY(SELECT g FROM generate_series(1, 501) g ORDER BY g DESC)::int8[]", &got));
        QCOMPARE(got.size(), 501);
        QCOMPARE(got.first(), 501);
        QCOMPARE(got.last(), 1);
        QVERIFY(read("'{}'::int8[]", &got));
        QVERIFY(got.isEmpty());
        got = {1};
        QVERIFY(read("NULL::int8[]", &got));
        QVERIFY(got.isEmpty());
        QVERIFY(!read("ARRAY[1, NULL]::int8[]", &got));
        QVERIFY(!read("ARRAY[[1, 2], [3, 4]]::int8[]", &got));
        QVERIFY(!read("ARRAY['a', 'b']::text[]", &got));
    }

    void noWritesInsideARead()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open(false);
        auto st = db->read([&](QSqlDatabase &) {
            return db->transaction([](QSqlDatabase &) { return Check{}; });
        });
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("db.nested_write"));
        // A read inside a transaction joins it.
        QVERIFY(db->transaction(
            [&](QSqlDatabase &) { return db->read([](QSqlDatabase &) { return Check{}; }); }));
    }

private:
    // The server ends every other session of the test's database (a restart, a failover…).
    static bool endOtherSessions(const motcua::test::TestDb &t)
    {
        return t.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                     "datname = current_database() AND pid <> pg_backend_pid()"));
    }

    static int count(Database &db)
    {
        auto conn = db.connection();
        QSqlQuery q(conn.value());
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM t")) && q.next() ? q.value(0).toInt()
                                                                            : -1;
    }
};

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "test_server_database.moc"
