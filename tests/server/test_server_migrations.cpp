// Migrations: an empty database is brought to the latest schema, a second run changes nothing,
// older databases are brought up with their data, and a database newer than the program is
// refused.
#include "testdb.h"

#include <QSqlQuery>
#include <QTest>

#include <blob_store.h>
#include <migrations.h>
#include <slip_templates.h>

using namespace motcua::server;

class TestServerMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { motcua::test::addBackends(); }

    void migratesAnEmptyDatabase()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open(false);
        QCOMPARE(currentSchemaVersion(*db).value(), 0);
        auto st = requireCurrentSchema(*db);
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("db.not_initialised"));

        auto version = migrate(*db);
        QVERIFY2(version, qPrintable(version ? QString() : version.error().toString()));
        QCOMPARE(version.value(), latestSchemaVersion());
        QCOMPARE(currentSchemaVersion(*db).value(), latestSchemaVersion());
        QVERIFY(requireCurrentSchema(*db));

        auto conn = db->connection();
        const QStringList tables = conn->tables();
        for (const char *table :
             {"agencies",         "officers",      "procedures",     "workflows",
              "calendar_years",   "tokens",        "login_failures", "dossiers",
              "actions",          "push_outcomes", "feed_counter",   "audit_heads",
              "code_counters",    "code_blocks",   "blobs",          "blob_chunks",
              "blob_grants",      "blob_uploads",  "slip_templates", "schema_migrations",
              "calendar_settings"}) {
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        }
        QSqlQuery q(conn.value());
        QVERIFY(q.exec(QStringLiteral("SELECT seq FROM feed_counter WHERE id = 1")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), 0);
    }

    void secondRunChangesNothing()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open(false);
        QVERIFY(migrate(*db));
        QVERIFY(t.exec(QStringLiteral(
            "INSERT INTO blobs (sha256, size, media_type, created_at) VALUES ('ab', 1, 'x', 0)")));
        auto again = migrate(*db);
        QVERIFY(again);
        QCOMPARE(again.value(), latestSchemaVersion());
        auto conn = db->connection();
        QSqlQuery q(conn.value());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")) && q.next());
        QCOMPARE(q.value(0).toInt(), latestSchemaVersion());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM blobs")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // A second program (connection) sees the same.
        auto other = t.open(false);
        QCOMPARE(currentSchemaVersion(*other).value(), latestSchemaVersion());
    }

    // A database of schema version 1 (blobs outside the database, no slip templates) is brought
    // to the latest version with its data, and gets the national default slip templates once.
    void upgradesVersion1()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open(false);
        auto one = migrateTo(*db, 1);
        QVERIFY2(one, qPrintable(one ? QString() : one.error().toString()));
        QCOMPARE(one.value(), 1);
        QCOMPARE(currentSchemaVersion(*db).value(), 1);
        {
            auto conn = db->connection();
            QVERIFY(!conn->tables().contains(QStringLiteral("slip_templates")));
        }
        const QString legacy = QString(64, QLatin1Char('b'));
        QVERIFY(t.exec(QStringLiteral("INSERT INTO blobs (sha256, size, media_type, received, "
                                      "complete, created_at) VALUES ('%1', 10, 'x', 10, 1, 0)")
                           .arg(legacy)));

        auto latest = migrate(*db);
        QVERIFY2(latest, qPrintable(latest ? QString() : latest.error().toString()));
        QCOMPARE(latest.value(), latestSchemaVersion());
        auto conn = db->connection();
        QSqlQuery q(conn.value());
        QVERIFY(q.exec(QStringLiteral("SELECT content_id FROM blobs")) && q.next());
        QCOMPARE(q.value(0).toString(), QString());
        // Its bytes were never in the database: nobody can read it.
        BlobStore blobs(*db);
        QCOMPARE(blobs.view(legacy, QStringLiteral("000.17.22.H56"))->state, BlobView::State::None);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM slip_templates WHERE agency_code = ''"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), int(slipKinds().size()));
        QVERIFY(migrate(*db));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM slip_templates")) && q.next());
        QCOMPARE(q.value(0).toInt(), int(slipKinds().size()));
        auto installed = installDefaultSlipTemplates(*db);
        QVERIFY(installed);
        QCOMPARE(installed.value(), 0);
    }

    // Version 11 puts the feed written before it into each agency's feed: a change under its
    // receiving agency, its handling agency and the agency a transfer took it from, once each.
    void upgradesTheFeedIntoAgencyFeeds()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open(false);
        auto ten = migrateTo(*db, 10);
        QVERIFY2(ten, qPrintable(ten ? QString() : ten.error().toString()));
        // seq, receiving, handling, departed
        const QList<std::tuple<int, const char *, const char *, const char *>> rows{
            {1, "A", "A", nullptr},
            {2, "A", "B", nullptr},
            {3, "C", "D", "B"},
            {4, "B", "B", nullptr}};
        for (const auto &[seq, agency, handling, departed] : rows) {
            QVERIFY(
                t.exec(QStringLiteral(
                           "INSERT INTO actions (seq, id, dossier_id, agency_code, "
                           "handling_agency_code, actor_id, device_id, accepted_at, json, "
                           "dossier_json, audit_prev, audit_hash, departed_agency_code) VALUES "
                           "(%1, 'a%1', 'd%1', '%2', '%3', 'x', 'x', 0, '{}', '{}', '', '', %4)")
                           .arg(seq)
                           .arg(QLatin1String(agency), QLatin1String(handling),
                                departed ? QStringLiteral("'%1'").arg(QLatin1String(departed))
                                         : QStringLiteral("NULL"))));
        }
        auto latest = migrate(*db);
        QVERIFY2(latest, qPrintable(latest ? QString() : latest.error().toString()));
        auto conn = db->connection();
        QSqlQuery q(conn.value());
        QVERIFY(q.exec(
            QStringLiteral("SELECT agency_code, seq FROM agency_feed ORDER BY agency_code, seq")));
        QStringList feed;
        while (q.next())
            feed.append(q.value(0).toString() + QLatin1Char(':') + q.value(1).toString());
        QCOMPARE(feed,
                 (QStringList{QStringLiteral("A:1"), QStringLiteral("A:2"), QStringLiteral("B:2"),
                              QStringLiteral("B:3"), QStringLiteral("B:4"), QStringLiteral("C:3"),
                              QStringLiteral("D:3")}));
    }

    // PostgreSQL: the dossier JSON in `actions` and `dossiers` is compressed with lz4 when the
    // server has it (pglz otherwise, and the migration still succeeds).
    void longTextsCompressedWithLz4OnPostgres()
    {
        MOTCUA_TEST_DB(t);
        if (!t.isPostgres())
            QSKIP("SQLite does not compress");
        auto db = t.open(false);
        QVERIFY(migrate(*db));
        auto conn = db->connection();
        QSqlQuery q(conn.value());
        QVERIFY(q.exec(QStringLiteral("SELECT 'lz4' = ANY (enumvals) FROM pg_settings WHERE name "
                                      "= 'default_toast_compression'"))
                && q.next());
        const bool lz4 = q.value(0).toBool();
        QVERIFY(q.exec(QStringLiteral(
            "SELECT attrelid::regclass::text || '.' || attname, attcompression FROM pg_attribute "
            "WHERE (attrelid = 'actions'::regclass AND attname IN ('json', 'dossier_json')) OR "
            "(attrelid = 'dossiers'::regclass AND attname = 'json') ORDER BY 1")));
        QStringList columns;
        while (q.next()) {
            columns.append(q.value(0).toString());
            QCOMPARE(q.value(1).toString(), lz4 ? QStringLiteral("l") : QString());
        }
        QCOMPARE(columns,
                 (QStringList{QStringLiteral("actions.dossier_json"),
                              QStringLiteral("actions.json"), QStringLiteral("dossiers.json")}));
        // A long row is compressed so (and read back as written).
        QVERIFY(t.exec(QStringLiteral(
            "INSERT INTO dossiers (id, code, agency_code, handling_agency_code, stage, version, "
            "json, updated_seq) VALUES ('d1', NULL, 'A', 'A', 'received', 1, '{\"note\":\"' "
            "|| repeat('hồ sơ ', 2000) || '\"}', 1)")));
        QVERIFY(
            q.exec(QStringLiteral(
                "SELECT pg_column_compression(json), length(json) FROM dossiers WHERE id = 'd1'"))
            && q.next());
        QCOMPARE(q.value(0).toString(), lz4 ? QStringLiteral("lz4") : QStringLiteral("pglz"));
        QCOMPARE(q.value(1).toInt(), 12000 + 11);
    }

    void refusesANewerDatabase()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open(false);
        QVERIFY(migrate(*db));
        QVERIFY(t.exec(QStringLiteral("INSERT INTO schema_migrations (version, description, "
                                      "applied_at) VALUES (%1, 'future', 0)")
                           .arg(latestSchemaVersion() + 1)));
        auto version = migrate(*db);
        QVERIFY(!version);
        QCOMPARE(version.error().code, QStringLiteral("db.schema_too_new"));
        QVERIFY(version.error().message.contains(QStringLiteral("mới hơn")));
        auto st = requireCurrentSchema(*db);
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("db.schema_too_new"));
    }
};

QTEST_GUILESS_MAIN(TestServerMigrations)
#include "test_server_migrations.moc"
