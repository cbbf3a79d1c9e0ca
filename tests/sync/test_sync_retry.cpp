// The retry policy: exponential backoff with jitter and a ceiling, Retry-After as a floor, the
// timer that fires on its own, and the "stuck" state of an item that keeps failing.
#include <QSignalSpy>
#include <QTest>

#include <sync/api_errors.h>
#include <sync/retry_policy.h>

using namespace motcua;
using sync::Backoff;
using sync::RetryTimer;
using sync::StuckTracker;

namespace {

domain::Error unreachable()
{
    return sync::transportError(QNetworkReply::ConnectionRefusedError, false);
}

} // namespace

class TestSyncRetry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exponentialWithCeiling()
    {
        Backoff b({1000, 60000, 2.0, 0.5}, [] { return 0.0; }); // no jitter drawn
        QList<int> delays;
        for (int i = 0; i < 9; ++i)
            delays.append(b.nextDelayMs());
        QCOMPARE(delays, (QList<int>{1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000}));
        QCOMPARE(b.failures(), 9);
        b.reset();
        QCOMPARE(b.nextDelayMs(), 1000);
    }

    void jitterStaysInItsBand()
    {
        double r = 0.0;
        Backoff b({1000, 60000, 2.0, 0.5}, [&r] { return r; });
        r = 0.999;
        QVERIFY(b.nextDelayMs() >= 500); // [d/2, d]
        r = 0.5;
        QCOMPARE(b.nextDelayMs(), 1500);
        // With the real random source: many counters spread out over the band.
        Backoff real({1000, 60000, 2.0, 0.5});
        QSet<int> seen;
        for (int i = 0; i < 50; ++i) {
            real.reset();
            const int d = real.nextDelayMs();
            QVERIFY(d >= 500 && d <= 1000);
            seen.insert(d);
        }
        QVERIFY(seen.size() > 10);
    }

    void retryAfterIsAFloor()
    {
        Backoff b({1000, 60000, 2.0, 0.0}, [] { return 0.0; });
        QCOMPARE(b.nextDelayMs(30), 30000);
        QCOMPARE(b.nextDelayMs(0), 2000);
    }

    void timerFiresOnItsOwn()
    {
        RetryTimer timer(Backoff({20, 1000, 2.0, 0.0}));
        QSignalSpy due(&timer, &RetryTimer::due);
        QCOMPARE(timer.failed(unreachable()), 20);
        QVERIFY(timer.isScheduled());
        QVERIFY(due.wait(5000));
        QCOMPARE(due.count(), 1);
        QCOMPARE(timer.failed(unreachable()), 40); // the next one doubles
        timer.succeeded();                         // success cancels and resets
        QVERIFY(!timer.isScheduled());
        QCOMPARE(timer.failures(), 0);
        timer.retryNow();
        QCOMPARE(due.count(), 2);
    }

    void stuckAfterThresholdOnTheSameItem()
    {
        StuckTracker t(3);
        const auto e = unreachable();
        QVERIFY(!t.failed(QStringLiteral("a1"), e));
        QVERIFY(!t.failed(QStringLiteral("a1"), e));
        QVERIFY(!t.stuck());
        QVERIFY(t.failed(QStringLiteral("a1"), e)); // the third: stuck
        QVERIFY(t.stuck());
        QCOMPARE(t.stuck()->key, QStringLiteral("a1"));
        QCOMPARE(t.stuck()->error.code, QStringLiteral("sync.unreachable"));
        QVERIFY(!t.failed(QStringLiteral("a1"), e)); // still stuck, reported once
        QCOMPARE(t.stuck()->failures, 4);
        QVERIFY(t.succeeded(QStringLiteral("a1")));
        QVERIFY(!t.stuck());

        // Another item failing starts a new count.
        QVERIFY(!t.failed(QStringLiteral("a2"), e));
        QVERIFY(!t.failed(QStringLiteral("a3"), e));
        QVERIFY(!t.failed(QStringLiteral("a3"), e));
        QVERIFY(!t.succeeded(QStringLiteral("a2")));
        QCOMPARE(t.stuck(), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestSyncRetry)
#include "test_sync_retry.moc"
