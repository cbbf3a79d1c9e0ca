// Leased blocks of daily dossier numbers (R12.3a): never overlapping, also under concurrency.
#include "fixtures.h"
#include "testdb.h"

#include <QSet>
#include <QTest>
#include <QThread>

#include <catalogue_store.h>
#include <domain/demo.h>
#include <sync_store.h>

#include <vector>

using namespace motcua;
using namespace motcua::server;
namespace demo = motcua::domain::demo;

class TestServerCodes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { test::addBackends(); }

    void leasesConsecutiveBlocksPerAgencyAndDay()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        const QDate day(2026, 11, 28);
        auto first = leaseCodeBlock(*db, demo::kCentreCode, day, 20, QStringLiteral("counter1"));
        QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
        QCOMPARE(first->first, 1);
        QCOMPARE(first->last, 20);
        QCOMPARE(first->agencyCode, demo::kCentreCode);
        QCOMPARE(first->date, day);
        auto second = leaseCodeBlock(*db, demo::kCentreCode, day, 5, QStringLiteral("counter1"));
        QCOMPARE(second->first, 21);
        QCOMPARE(second->last, 25);
        // Each agency and each day counts from 1.
        QCOMPARE(leaseCodeBlock(*db, demo::kCommuneCode, day, 3, QStringLiteral("counter9"))->first,
                 1);
        QCOMPARE(
            leaseCodeBlock(*db, demo::kCentreCode, day.addDays(1), 1, QStringLiteral("counter1"))
                ->first,
            1);
        QCOMPARE(leaseCodeBlock(*db, demo::kCentreCode, day, 1, QStringLiteral("counter1"))->first,
                 26);
    }

    void validatesCountAndAgency()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        const QDate day(2026, 11, 28);
        for (const int count : {0, -1, 1001}) {
            auto r = leaseCodeBlock(*db, demo::kCentreCode, day, count, QStringLiteral("counter1"));
            QVERIFY(!r);
            QCOMPARE(r.error().code, QStringLiteral("code.bad_count"));
            QCOMPARE(r.error().field, QStringLiteral("count"));
        }
        QVERIFY(leaseCodeBlock(*db, demo::kCentreCode, day, 1000, QStringLiteral("counter1")));
        auto bad = leaseCodeBlock(*db, QStringLiteral("000.17.22.H56'; DROP TABLE code_blocks; --"),
                                  day, 1, QStringLiteral("x"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("code.invalid_agency"));
        QCOMPARE(
            leaseCodeBlock(*db, demo::kCentreCode, QDate(), 1, QStringLiteral("x")).error().code,
            QStringLiteral("code.invalid_date"));
    }

    void refusesPastTheLargestNumber()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        const QDate day(2026, 11, 28);
        for (int i = 0; i < 9; ++i)
            QVERIFY(leaseCodeBlock(*db, demo::kCentreCode, day, 1000, QStringLiteral("counter1")));
        QCOMPARE(leaseCodeBlock(*db, demo::kCentreCode, day, 999, QStringLiteral("counter1"))->last,
                 9999);
        auto full = leaseCodeBlock(*db, demo::kCentreCode, day, 1, QStringLiteral("counter1"));
        QVERIFY(!full);
        QCOMPARE(full.error().code, QStringLiteral("code.exhausted"));
        QCOMPARE(full.error().details.value(QStringLiteral("remaining")).toInt(), 0);

        // An agency whose pattern has six digits goes further.
        CatalogueStore store(*db);
        auto agency = *demo::directory().agency(demo::kCommuneCode);
        agency.codePattern = QStringLiteral("{agency}-{yyMMdd}-{seq:6}");
        QVERIFY(store.putAgency(agency));
        for (int i = 0; i < 10; ++i)
            QVERIFY(leaseCodeBlock(*db, demo::kCommuneCode, day, 1000, QStringLiteral("counter9")));
        QCOMPARE(leaseCodeBlock(*db, demo::kCommuneCode, day, 1, QStringLiteral("counter9"))->first,
                 10001);
    }

    void concurrentLeasesNeverOverlap()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        const QDate day(2026, 11, 28);
        constexpr int kThreads = 8;
        constexpr int kLeases = 25;
        std::vector<QList<CodeBlock>> blocks(kThreads);
        std::vector<int> failures(kThreads, 0);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back(QThread::create([&, i] {
                for (int n = 0; n < kLeases; ++n) {
                    auto block = leaseCodeBlock(*db, demo::kCentreCode, day, 1 + (i + n) % 7,
                                                QStringLiteral("device-%1").arg(i));
                    if (block)
                        blocks[i].append(block.value());
                    else
                        ++failures[i];
                }
            }));
        }
        for (auto &thread : threads)
            thread->start();
        for (auto &thread : threads)
            QVERIFY(thread->wait(120000));
        QSet<int> numbers;
        int expected = 0;
        for (int i = 0; i < kThreads; ++i) {
            QCOMPARE(failures[i], 0);
            for (const auto &b : blocks[i]) {
                QVERIFY(b.first <= b.last);
                for (int n = b.first; n <= b.last; ++n) {
                    QVERIFY2(!numbers.contains(n),
                             qPrintable(QStringLiteral("number %1 leased twice").arg(n)));
                    numbers.insert(n);
                }
                expected += b.last - b.first + 1;
            }
        }
        QCOMPARE(numbers.size(), expected);
        // No number lost either: 1..N.
        QCOMPARE(*std::max_element(numbers.cbegin(), numbers.cend()), expected);
    }
};

QTEST_GUILESS_MAIN(TestServerCodes)
#include "test_server_codes.moc"
