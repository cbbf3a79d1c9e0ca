// Dossier code blocks: the days to hold codes for follow the work calendar; two counters offline
// for a day issue final codes from their own leased blocks and never the same one (real server,
// SQLite and PostgreSQL).
#include "desk.h"

#include <domain/demo.h>
#include <sync/code_blocks.h>

using namespace motcua;
using namespace motcua::test;

class TestSyncCodes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void leaseDaysFollowTheWorkCalendar()
    {
        const domain::WorkCalendar calendar;
        // Friday: today and Monday.
        QCOMPARE(sync::leaseDays(QDate(2026, 11, 27), 1, calendar),
                 (QList<QDate>{QDate(2026, 11, 27), QDate(2026, 11, 30)}));
        // A Saturday at a counter that opens: today still counts.
        QCOMPARE(sync::leaseDays(QDate(2026, 11, 28), 2, calendar),
                 (QList<QDate>{QDate(2026, 11, 28), QDate(2026, 11, 30), QDate(2026, 12, 1)}));
        // Across 30/4 and 1/5 (Thursday and Friday in 2026) and the weekend.
        QCOMPARE(sync::leaseDays(QDate(2026, 4, 29), 1, calendar),
                 (QList<QDate>{QDate(2026, 4, 29), QDate(2026, 5, 4)}));
        QCOMPARE(sync::leaseDays(QDate(2026, 11, 25), 0, calendar),
                 (QList<QDate>{QDate(2026, 11, 25)}));
    }

    void twoCountersOfflineNeverIssueTheSameCode()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        const quint16 port = server.baseUrl().port();
        Desk a(QStringLiteral("A"), port);
        Desk b(QStringLiteral("B"), port);
        QString error;
        QVERIFY2(a.open(&error), qPrintable(error));
        QVERIFY2(b.open(&error), qPrintable(error));
        sync::SyncOptions options = Desk::fastOptions();
        options.leaseBlockSize = 30;
        options.leaseLowWater = 10;
        QVERIFY2(a.startEngine(QStringLiteral("counter1"), &error, options), qPrintable(error));
        QVERIFY2(b.startEngine(QStringLiteral("counter2"), &error, options), qPrintable(error));
        QVERIFY(a.syncOnce());
        QVERIFY(b.syncOnce());
        const QDate today = vietnamToday();
        QCOMPARE(a.cache().codesLeft(domain::demo::kCentreCode, today).value(), 30);
        QCOMPARE(b.cache().codesLeft(domain::demo::kCentreCode, today).value(), 30);
        const auto blockA = a.cache().codeBlocks(today).value().first();
        const auto blockB = b.cache().codeBlocks(today).value().first();
        QVERIFY(blockA.last < blockB.first || blockB.last < blockA.first);

        // A day without the link: both take in dossiers with final codes.
        a.link().setUp(false);
        b.link().setUp(false);
        QSet<QString> codes;
        QList<QUuid> dossiers;
        for (int i = 0; i < 25; ++i) {
            for (Desk *desk : {&a, &b}) {
                auto d = desk->receive();
                QVERIFY2(d, why(d));
                QVERIFY2(!codes.contains(d->code), qPrintable(d->code));
                codes.insert(d->code);
                dossiers.append(d->id);
            }
        }
        QCOMPARE(codes.size(), 50);
        QCOMPARE(a.cache().codesLeft(domain::demo::kCentreCode, today).value(), 5);

        // Back online: every intake is accepted (no code taken twice), new blocks are leased.
        QSignalSpy leasedA(&a.engine(), &sync::SyncEngine::codesLeased);
        a.link().setUp(true);
        b.link().setUp(true);
        QVERIFY(a.syncOnce());
        QVERIFY(b.syncOnce());
        QVERIFY(a.syncOnce());
        for (Desk *desk : {&a, &b}) {
            QCOMPARE(desk->cache().pendingCount().value(), 0);
            QVERIFY(desk->cache().conflicts().value().isEmpty());
            QVERIFY(desk->cache().codesLeft(domain::demo::kCentreCode, today).value() >= 10);
        }
        auto onServer = serverDossiers(server, QStringLiteral("counter1"));
        QVERIFY2(onServer, why(onServer));
        QCOMPARE(onServer->size(), 50);
        for (const QUuid &id : std::as_const(dossiers))
            QVERIFY(codes.contains(onServer->value(id).code));
        QCOMPARE(leasedA.count(), 1); // today's block ran low; tomorrow's had not been touched
        QCOMPARE(leasedA.first().at(1).toDate(), today);
        QCOMPARE(a.cache().codeBlocks(today).value().first().date, today);
    }
};

QTEST_GUILESS_MAIN(TestSyncCodes)
#include "test_sync_codes.moc"
