// The tamper-evident audit chain (R08.1) on SQLite and PostgreSQL: intact chains verify; a
// modified, deleted or reordered record is found (the tests tamper with the tables directly).
#include "fixtures.h"
#include "testdb.h"

#include <QJsonArray>
#include <QTest>

#include <catalogue_store.h>
#include <domain/demo.h>
#include <sync_store.h>

using namespace motcua;
using namespace motcua::server;
namespace demo = motcua::domain::demo;

namespace {

// Two dossiers at the centre (16 actions) and one at the commune (1 action).
struct Chains
{
    std::unique_ptr<Database> db;
    bool ok = false;

    explicit Chains(const test::TestDb &t)
    {
        db = t.open();
        CatalogueStore catalogue(*db);
        if (!test::seedCatalogue(catalogue))
            return;
        DbDirectory directory(catalogue);
        SyncStore sync(*db, directory);
        ok = true;
        const auto a = test::journey(1);
        const auto b = test::journey(2);
        for (int step = 0; step < a.size(); ++step) {
            for (const auto &action : {a.at(step), b.at(step)}) {
                const auto outcome
                    = sync.push({action}, test::demoOfficer(action.actorId)).constFirst();
                ok = ok && outcome.status == PushOutcome::Status::Accepted;
            }
        }
        domain::Action commune = demo::exampleReceive();
        commune.id = QUuid::createUuid();
        commune.dossierId = QUuid::createUuid();
        commune.actorId = QStringLiteral("counter9");
        commune.payload.insert(QStringLiteral("code"), QStringLiteral("000.21.22.H56-261128-0001"));
        commune.payload.insert(QStringLiteral("procedureCode"), QStringLiteral("2.000815"));
        commune.payload.insert(
            QStringLiteral("components"),
            QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("c1")},
                                   {QStringLiteral("documentTypeCode"), QStringLiteral("BC")},
                                   {QStringLiteral("name"), QStringLiteral("Bản chính")},
                                   {QStringLiteral("original"), true},
                                   {QStringLiteral("copies"), 1}}});
        const auto outcome
            = sync.push({commune}, test::demoOfficer(QStringLiteral("counter9"))).constFirst();
        ok = ok && outcome.status == PushOutcome::Status::Accepted && outcome.seq == 17;
    }
};

} // namespace

class TestServerAudit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { test::addBackends(); }

    void canonicalJsonSortsKeysAndIsCompact()
    {
        const QJsonObject object{{QStringLiteral("b"), 1},
                                 {QStringLiteral("a"), QJsonArray{true, QJsonValue(), 2.5, -3}},
                                 {QStringLiteral("é"), QStringLiteral("Nguyễn \"Văn\"\n\\")},
                                 {QStringLiteral("A"),
                                  QJsonObject{{QStringLiteral("z"), 9007199254740992.0},
                                              {QStringLiteral("y"), QString()}}}};
        QCOMPARE(canonicalJson(object),
                 QByteArray(
                     "{\"A\":{\"y\":\"\",\"z\":9007199254740992},\"a\":[true,null,2.5,-3],\"b\":1,"
                     "\"\xc3\xa9\":\"Nguy\xe1\xbb\x85n \\\"V\xc4\x83n\\\"\\n\\\\\"}"));
        QCOMPARE(canonicalJson(QJsonObject{{QStringLiteral("c"), QStringLiteral("\x01")}}),
                 QByteArray("{\"c\":\"\\u0001\"}"));
        QCOMPARE(canonicalJson({}), QByteArray("{}"));
    }

    void intactChainsVerify()
    {
        MOTCUA_TEST_DB(t);
        Chains chains(t);
        QVERIFY(chains.ok);
        auto report = auditReport(*chains.db);
        QVERIFY(report);
        QVERIFY(!report->finding);
        QCOMPARE(report->actions, 17);
        QCOMPARE(report->agencies, 2);
        QVERIFY(verifyAuditChain(*chains.db).value() == std::nullopt);
        // An empty database is intact too.
        test::TestDb empty(backend);
        auto none = auditReport(*empty.open());
        QVERIFY(none && !none->finding && none->actions == 0);
    }

    void findsAModifiedRecord()
    {
        MOTCUA_TEST_DB(t);
        Chains chains(t);
        QVERIFY(chains.ok);
        QVERIFY(t.exec(QStringLiteral("UPDATE actions SET json = replace(json, 'counter-pc-01', "
                                      "'counter-pc-66') WHERE seq = 5")));
        auto finding = verifyAuditChain(*chains.db);
        QVERIFY(finding && finding.value());
        QCOMPARE(finding.value()->problem, QStringLiteral("modified"));
        QCOMPARE(finding.value()->seq, 5);
        QCOMPARE(finding.value()->agencyCode, demo::kCentreCode);
        QVERIFY(finding.value()->message.contains(QStringLiteral("bị sửa")));
    }

    void findsADeletedRecord()
    {
        MOTCUA_TEST_DB(t);
        Chains chains(t);
        QVERIFY(chains.ok);
        QVERIFY(t.exec(QStringLiteral("DELETE FROM actions WHERE seq = 7")));
        auto finding = verifyAuditChain(*chains.db);
        QVERIFY(finding && finding.value());
        QCOMPARE(finding.value()->problem, QStringLiteral("deleted"));
        QCOMPARE(finding.value()->seq, 8); // the chain breaks just before the next record
        QVERIFY(finding.value()->message.contains(QStringLiteral("bị xóa")));
    }

    void findsADeletedLastRecord()
    {
        MOTCUA_TEST_DB(t);
        Chains chains(t);
        QVERIFY(chains.ok);
        QVERIFY(t.exec(
            QStringLiteral("DELETE FROM actions WHERE seq = 17"))); // the commune's only action
        auto finding = verifyAuditChain(*chains.db);
        QVERIFY(finding && finding.value());
        QCOMPARE(finding.value()->problem, QStringLiteral("deleted"));
        QCOMPARE(finding.value()->agencyCode, demo::kCommuneCode);
        QCOMPARE(finding.value()->seq, 17);
    }

    void findsReorderedRecords()
    {
        MOTCUA_TEST_DB(t);
        Chains chains(t);
        QVERIFY(chains.ok);
        QVERIFY(t.exec(QStringLiteral("UPDATE actions SET seq = -1 WHERE seq = 3")));
        QVERIFY(t.exec(QStringLiteral("UPDATE actions SET seq = 3 WHERE seq = 9")));
        QVERIFY(t.exec(QStringLiteral("UPDATE actions SET seq = 9 WHERE seq = -1")));
        auto finding = verifyAuditChain(*chains.db);
        QVERIFY(finding && finding.value());
        QCOMPARE(finding.value()->problem, QStringLiteral("reordered"));
        QCOMPARE(finding.value()->seq, 3);
        QVERIFY(finding.value()->message.contains(QStringLiteral("thứ tự")));
    }

    void findsARewrittenSeq()
    {
        MOTCUA_TEST_DB(t);
        Chains chains(t);
        QVERIFY(chains.ok);
        // The last centre record moved to a later number: its JSON still says 16.
        QVERIFY(t.exec(QStringLiteral("UPDATE actions SET seq = 99 WHERE seq = 16")));
        auto finding = verifyAuditChain(*chains.db);
        QVERIFY(finding && finding.value());
        QCOMPARE(finding.value()->problem, QStringLiteral("reordered"));
        QCOMPARE(finding.value()->seq, 99);
    }
};

QTEST_GUILESS_MAIN(TestServerAudit)
#include "test_server_audit.moc"
