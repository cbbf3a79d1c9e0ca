// Migrations from every old schema version to the latest, with data written at that version;
// migrations only add; a newer file is refused untouched.
#include "storetest.h"

#include <store/cache_private.h>
#include <store/database.h>
#include <store/offlineauth.h>
#include <store/schema.h>

using namespace motcua;
using namespace motcua::store;
using namespace motcua::store::test;

namespace {

// Tables and their columns, "table.column".
QStringList columnsOf(Database &db)
{
    QStringList tables;
    {
        Statement q(db,
                    QByteArray("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                               "NOT LIKE 'dossier_search_%' ORDER BY name"));
        while (q.step().value())
            tables.append(q.text(0));
    }
    QStringList out;
    for (const QString &t : tables) {
        Statement q(db, QStringLiteral("PRAGMA table_info(%1)").arg(t).toUtf8());
        while (q.step().value())
            out.append(t + QLatin1Char('.') + q.text(1));
    }
    return out;
}

// A cache file at schema `version`, holding one confirmed dossier written with that version's
// columns (as that version's code wrote it).
void makeOldCache(const QString &dir, const QByteArray &key, int version, const domain::Dossier &d)
{
    QDir().mkpath(dir);
    auto db = Database::open(QDir(dir).filePath(QStringLiteral("cache.db")), key, true);
    QVERIFY2(db, why(db).constData());
    Database &c = *db.value();
    QVERIFY(schema::migrate(c, version));
    QCOMPARE(schema::version(c).value(), version);
    QVERIFY(detail::setSetting(c, detail::kDeviceIdKey, QStringLiteral("old-device")));
    QVERIFY(detail::setSetting(c, detail::kNextDeviceSeqKey, QStringLiteral("7")));
    QVERIFY(detail::setSetting(c, detail::kCursorKey, QStringLiteral("42")));
    Statement ins(c, QByteArray(R"sql(INSERT INTO dossiers (id, code, agency_code,
        handling_agency_code, department_id, handler_id, procedure_code, procedure_name,
        applicant_name, organisation_name, stage, status, received_at, due_at, version,
        has_pending, confirmed_seq, confirmed_version, updated_at)
        VALUES (?, ?, ?, ?, '', '', ?, ?, ?, '', ?, ?, 0, 0, ?, 0, 42, ?, 0))sql"));
    ins.bind(d.id.toString(QUuid::WithoutBraces)).bind(d.code).bind(d.agencyCode);
    ins.bind(d.handlingAgencyCode).bind(d.procedureCode).bind(d.procedureName);
    ins.bind(d.applicant.fullName).bind(domain::stageKey(d.stage));
    ins.bind(domain::statusKey(d.status())).bind(d.version).bind(d.version);
    QVERIFY(ins.exec());
    Statement doc(c, QByteArray("INSERT INTO dossier_docs (rowid, json) VALUES (?, ?)"));
    doc.bind(c.lastInsertRowId()).bindText(detail::dossierJson(d));
    QVERIFY(doc.exec());
    const qint64 rowid = c.lastInsertRowId();
    if (version >= 2)
        QVERIFY(detail::indexDossier(c, rowid, d, {}));
    if (version >= 4) { // version 4 wrote the work columns and the counts with the row
        QVERIFY(detail::writeWorkColumns(c, rowid, d, true));
        QVERIFY(c.exec("INSERT INTO dossier_counts SELECT agency_code, handling_agency_code, "
                       "stage, COUNT(*) FROM dossiers GROUP BY 1, 2, 3"));
    }
}

} // namespace

class TestStoreMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromEveryOldVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v < schema::kLatest; ++v)
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(v))) << v;
    }

    void fromEveryOldVersion()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QByteArray key = randomKey();
        const auto directory = domain::demo::directory();
        auto d = serverDossier(receive(QUuid::createUuid(), code(5), QStringLiteral("Đỗ Thị Ánh")),
                               directory);
        // Work state only the JSON held before version 4 (which puts it in columns).
        domain::SupplementRequest supplement;
        supplement.requestedAt = d.receivedAt.addDays(1);
        supplement.requestedBy = QStringLiteral("appraiser1");
        supplement.receivedAt = d.receivedAt.addDays(2);
        d.supplements = {supplement};
        d.participants = {QStringLiteral("head1"), QStringLiteral("appraiser1")};
        d.submittedBy = QStringLiteral("appraiser1");
        d.signOffs = {{QStringLiteral("head1"), d.receivedAt.addDays(3), {}, false}};
        makeOldCache(dir.path(), key, version, d);
        if (QTest::currentTestFailed())
            return;

        auto cache = Cache::open(dir.path(), key);
        QVERIFY2(cache, why(cache).constData());
        Cache &c = *cache.value();
        QCOMPARE(c.schemaVersion(), schema::kLatest);
        QCOMPARE(c.deviceId(), QStringLiteral("old-device"));
        QCOMPARE(c.cursor().value(), 42);
        QCOMPARE(c.dossier(d.id).value().value(), d);
        // Version 2's search finds the old dossier, by folded name and by code.
        QCOMPARE(c.search(SearchQuery::forText(QStringLiteral("do thi anh"))).value().items.size(),
                 1);
        QCOMPARE(c.search(SearchQuery::forText(code(5))).value().items.size(), 1);
        // Version 4's work columns were filled from the old dossier's JSON.
        SearchQuery work;
        work.onlySupplementReceived = true;
        work.supplementRequestedBy = QStringLiteral("appraiser1");
        work.submittedBy = QStringLiteral("appraiser1");
        work.signOffs = SearchQuery::SignOffs::Some;
        work.participantId = QStringLiteral("head1");
        QCOMPARE(c.count(work).value(), 1);
        QCOMPARE(c.search(work).value().items.size(), 1);
        work.participantId = QStringLiteral("counter1");
        QCOMPARE(c.count(work).value(), 0);
        // …and its per-stage counts from the old rows.
        QCOMPARE(c.count({}).value(), 1);
        SearchQuery byStage;
        byStage.agencyCode = d.agencyCode;
        byStage.stages = {d.stage};
        QCOMPARE(c.count(byStage).value(), 1);
        work.participantId.clear();
        work.signOffs = SearchQuery::SignOffs::None;
        QCOMPARE(c.count(work).value(), 0);
        // Version 6's report facts were made from the old dossier.
        const auto facts = c.dossierFacts(0, 10);
        QVERIFY2(facts, why(facts).constData());
        QCOMPARE(facts.value().facts.size(), 1);
        const auto expected = reports::DossierFacts::of(d);
        QCOMPARE(facts.value().facts.first().id, d.id);
        QCOMPARE(facts.value().facts.first().receivedMs, expected.receivedMs);
        QCOMPARE(facts.value().facts.first().pauses, expected.pauses);
        QCOMPARE(facts.value().facts.first().officerId, QStringLiteral("appraiser1"));
        QCOMPARE(c.applicantFacts(0, 10).value().applicants.first().applicant.fullName,
                 QStringLiteral("Đỗ Thị Ánh"));
        // Version 3's offline login works.
        MemorySecretStore secrets;
        OfflineAuth auth(c, secrets);
        const auto officer = directory.officer(QStringLiteral("counter1")).value();
        QVERIFY(auth.rememberOnlineLogin(officer, QStringLiteral("Mật-khẩu-2026"), {}));
        QVERIFY(auth.loginOffline(officer.username, QStringLiteral("Mật-khẩu-2026")));
        // New actions continue the old device sequence.
        auto next
            = c.recordAction(receive(QUuid::createUuid(), code(6), QStringLiteral("B")), directory);
        QVERIFY2(next, why(next).constData());
        QCOMPARE(c.pendingActions().value().first().action.deviceSeq, 7);
        QCOMPARE(c.count({}).value(), 2);
        const QStringList problems = c.integrityCheck().value();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void migrationsOnlyAdd()
    {
        QStringList previous;
        for (int v = 1; v <= schema::kLatest; ++v) {
            QTemporaryDir dir;
            auto db = Database::open(QDir(dir.path()).filePath(QStringLiteral("c.db")), randomKey(),
                                     true);
            QVERIFY(db);
            QVERIFY(schema::migrate(*db.value(), v));
            const QStringList columns = columnsOf(*db.value());
            for (const QString &column : std::as_const(previous))
                QVERIFY2(columns.contains(column), qPrintable(column));
            // Each version adds tables or columns, except version 5, which rebuilt the search
            // index and an index in place.
            if (v != 5)
                QVERIFY(columns.size() > previous.size());
            previous = columns;
        }
    }

    void aNewerCacheIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QByteArray key = randomKey();
        {
            auto cache = Cache::open(dir.path(), key);
            QVERIFY(cache);
            QVERIFY(cache.value()->database().exec("PRAGMA user_version = 99"));
            QVERIFY(cache.value()->database().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        const QString path = QDir(dir.path()).filePath(QStringLiteral("cache.db"));
        const QByteArray before = readAll(path);
        auto cache = Cache::open(dir.path(), key);
        QVERIFY(!cache);
        QCOMPARE(cache.error().code, QStringLiteral("cache.too_new"));
        QCOMPARE(readAll(path), before);
    }
};

QTEST_GUILESS_MAIN(TestStoreMigrations)
#include "test_store_migrations.moc"
