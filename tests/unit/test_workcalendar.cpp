// Working-time arithmetic: due dates, cut-off, lunch break, Saturday mornings, pause and extension.
// Every instant is written in Vietnam time (+07:00); the tests run with TZ=UTC and never use local
// time.
#include "domain/workcalendar.h"
#include "testpaths.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace motcua::domain;

namespace {

QDateTime vn(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::OffsetFromUTC, 7 * 3600);
}

HolidayCalendar governmentData()
{
    QFile file(motcua::testing::testDataPath(QStringLiteral("calendar/vn-2025-2026.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture");
    auto calendar = HolidayCalendar::fromJson(file.readAll());
    if (!calendar.ok())
        qFatal("bad fixture");
    return calendar.value();
}

const Deadline days(int n)
{
    return {Deadline::Unit::WorkingDays, n};
}
const Deadline hours(int n)
{
    return {Deadline::Unit::WorkingHours, n};
}
const Deadline minutes(int n)
{
    return {Deadline::Unit::WorkingMinutes, n};
}

} // namespace

class TestWorkCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void officeHours();
    void nextWorkingInstant();
    void acrossTet();
    void acrossGovernmentTet2025();
    void acrossSwappedSaturday();
    void cutoff();
    void lunchBreak();
    void saturdayMorningOffice();
    void pauseAndResume();
    void extension();
    void workingDaysLate();
    void receivedInUtc();
    void workingMinutesBetween();
    void addThenMeasureIsConsistent();
    void untimedAndImpossible();
    void sharedAcrossThreads();
};

void TestWorkCalendar::officeHours()
{
    const WorkCalendar calendar(governmentData(), OfficeHours::standard());
    QCOMPARE(calendar.hoursOn(QDate(2025, 3, 3)).size(), 2); // a Monday
    QVERIFY(calendar.hoursOn(QDate(2025, 3, 8)).isEmpty());  // a Saturday
    QVERIFY(calendar.hoursOn(QDate(2025, 4, 30)).isEmpty()); // a holiday
    QCOMPARE(calendar.hoursOn(QDate(2025, 4, 26)),
             calendar.hoursOn(QDate(2025, 3, 3))); // swapped Saturday
    QVERIFY(calendar.isWorkingDay(QDate(2025, 4, 26)));
    QVERIFY(!calendar.isWorkingDay(QDate(2025, 5, 2)));
    QVERIFY(WorkCalendar(HolidayCalendar(), OfficeHours::standard(true))
                .isWorkingDay(QDate(2025, 3, 8)));
}

void TestWorkCalendar::nextWorkingInstant()
{
    const WorkCalendar calendar;
    QCOMPARE(calendar.nextWorkingInstant(vn(2025, 3, 8, 10, 0)),
             vn(2025, 3, 10, 7, 30)); // Saturday
    QCOMPARE(calendar.nextWorkingInstant(vn(2025, 3, 3, 12, 0)), vn(2025, 3, 3, 13, 30)); // lunch
    QCOMPARE(calendar.nextWorkingInstant(vn(2025, 3, 3, 17, 0)), vn(2025, 3, 4, 7, 30));  // closing
    QCOMPARE(calendar.nextWorkingInstant(vn(2025, 3, 3, 9, 15)), vn(2025, 3, 3, 9, 15));  // open
    QCOMPARE(calendar.nextWorkingInstant(vn(2025, 3, 3, 6, 0)).offsetFromUtc(), 7 * 3600);
}

void TestWorkCalendar::acrossTet()
{
    // Tết 2026 by default: 16–20/2 (Mon–Fri), with the weekends around it.
    const WorkCalendar calendar;
    QCOMPARE(calendar.dueAt(vn(2026, 2, 13, 10, 0), days(3)), vn(2026, 2, 25, 10, 0));
    QCOMPARE(calendar.dueAt(vn(2026, 2, 13, 16, 0), hours(2)), vn(2026, 2, 23, 8, 30));
    // Received on a Tết day: the clock starts at the opening of the first working day after it.
    QCOMPARE(calendar.clockStart(vn(2026, 2, 17, 9, 0)), vn(2026, 2, 23, 7, 30));
}

void TestWorkCalendar::acrossGovernmentTet2025()
{
    // The government chose 27–31/1/2025 for Tết: Monday 27/1 is off, Monday 3/2 is worked.
    const WorkCalendar calendar(governmentData(), OfficeHours::standard());
    QCOMPARE(calendar.dueAt(vn(2025, 1, 24, 10, 0), days(1)), vn(2025, 2, 3, 10, 0));
    QCOMPARE(calendar.dueAt(vn(2025, 1, 31, 10, 0), days(1)), vn(2025, 2, 4, 7, 30));
    // Without the file, the default rule (eve 28/1 + mùng 1–4) leaves 27/1 a working day and makes
    // up Saturday 1/2 (mùng 4) on Monday 3/2.
    const WorkCalendar defaults;
    QCOMPARE(defaults.dueAt(vn(2025, 1, 24, 10, 0), days(1)), vn(2025, 1, 27, 10, 0));
    QCOMPARE(defaults.dueAt(vn(2025, 1, 31, 10, 0), days(1)), vn(2025, 2, 5, 7, 30));
}

void TestWorkCalendar::acrossSwappedSaturday()
{
    const WorkCalendar calendar(governmentData(), OfficeHours::standard());
    // Saturday 26/4/2025 is worked in exchange for Friday 2/5.
    QCOMPARE(calendar.dueAt(vn(2025, 4, 25, 14, 0), days(1)), vn(2025, 4, 26, 14, 0));
    QCOMPARE(calendar.dueAt(vn(2025, 4, 25, 14, 0), days(2)), vn(2025, 4, 28, 14, 0));
    QCOMPARE(calendar.dueAt(vn(2025, 4, 29, 14, 0), days(1)), vn(2025, 5, 5, 14, 0));
    QCOMPARE(calendar.dueAt(vn(2025, 4, 25, 16, 0), hours(2)), vn(2025, 4, 26, 8, 30));
    // 2026: 1/1 holiday, 2/1 off (swapped), Saturday 10/1 worked.
    QCOMPARE(calendar.dueAt(vn(2025, 12, 31, 15, 0), days(1)), vn(2026, 1, 5, 15, 0));
    QCOMPARE(calendar.dueAt(vn(2026, 1, 9, 9, 0), days(1)), vn(2026, 1, 10, 9, 0));
}

void TestWorkCalendar::cutoff()
{
    const WorkCalendar calendar;
    const QTime cut(16, 0);
    QCOMPARE(calendar.dueAt(vn(2025, 3, 3, 16, 30), days(1), cut), vn(2025, 3, 5, 7, 30));
    QCOMPARE(calendar.dueAt(vn(2025, 3, 3, 16, 30), days(1)), vn(2025, 3, 4, 16, 30));
    QCOMPARE(calendar.dueAt(vn(2025, 3, 3, 15, 59), days(1), cut), vn(2025, 3, 4, 15, 59));
    QCOMPARE(calendar.dueAt(vn(2025, 3, 3, 16, 0), days(1), cut),
             vn(2025, 3, 4, 16, 0)); // not after
    QCOMPARE(calendar.dueAt(vn(2025, 3, 3, 16, 30), hours(1), cut), vn(2025, 3, 4, 8, 30));
    // Friday after the cut-off → Monday; received on a Saturday → Monday too.
    QCOMPARE(calendar.clockStart(vn(2025, 3, 7, 16, 5), cut), vn(2025, 3, 10, 7, 30));
    QCOMPARE(calendar.clockStart(vn(2025, 3, 8, 9, 0), cut), vn(2025, 3, 10, 7, 30));
}

void TestWorkCalendar::lunchBreak()
{
    const WorkCalendar calendar;
    QCOMPARE(calendar.dueAt(vn(2025, 3, 3, 10, 0), hours(4)), vn(2025, 3, 3, 16, 0));
    QCOMPARE(calendar.dueAt(vn(2025, 3, 3, 12, 0), minutes(30)), vn(2025, 3, 3, 14, 0));
    QCOMPARE(calendar.dueAt(vn(2025, 3, 3, 11, 0), minutes(30)),
             vn(2025, 3, 3, 11, 30)); // not 13:30
    QCOMPARE(calendar.dueAt(vn(2025, 3, 3, 11, 0), minutes(31)), vn(2025, 3, 3, 13, 31));
    // A working-day deadline keeps the time of day; received in the lunch break counts from 13:30.
    QCOMPARE(calendar.dueAt(vn(2025, 3, 3, 12, 10), days(1)), vn(2025, 3, 4, 13, 30));
    QCOMPARE(calendar.dueAt(vn(2025, 3, 3, 7, 0), hours(8)), vn(2025, 3, 4, 8, 0)); // 7.5 h a day
}

void TestWorkCalendar::saturdayMorningOffice()
{
    const WorkCalendar calendar(HolidayCalendar(), OfficeHours::standard(true));
    QCOMPARE(calendar.dueAt(vn(2025, 3, 7, 16, 0), hours(2)), vn(2025, 3, 8, 8, 30));
    // One working day after Friday 15:00 is Saturday, which closes at 11:30: clamped.
    QCOMPARE(calendar.dueAt(vn(2025, 3, 7, 15, 0), days(1)), vn(2025, 3, 8, 11, 30));
    QCOMPARE(calendar.dueAt(vn(2025, 3, 7, 15, 0), days(2)), vn(2025, 3, 10, 15, 0));
    QCOMPARE(calendar.dueAt(vn(2025, 3, 8, 12, 0), minutes(10)), vn(2025, 3, 10, 7, 40));
    // A Saturday holiday closes the Saturday office too (30/4/2022 was a Saturday).
    QVERIFY(!calendar.isWorkingDay(QDate(2022, 4, 30)));
}

void TestWorkCalendar::pauseAndResume()
{
    const WorkCalendar calendar;
    const QDateTime due = calendar.dueAt(vn(2025, 3, 3, 9, 0), days(5));
    QCOMPARE(due, vn(2025, 3, 10, 9, 0));
    // Paused on Wednesday 9:00 for a supplement: 3 working days (3 × 450 minutes) were left.
    const qint64 left = calendar.remainingAt(vn(2025, 3, 5, 9, 0), due);
    QCOMPARE(left, 1350);
    // Resumed the next Monday at 14:00: the clock runs again from there.
    QCOMPARE(calendar.resume(vn(2025, 3, 10, 14, 0), left), vn(2025, 3, 13, 14, 0));
    // Resumed after hours: from the next opening.
    QCOMPARE(calendar.resume(vn(2025, 3, 10, 18, 0), 30), vn(2025, 3, 11, 8, 0));
    QCOMPARE(calendar.remainingAt(vn(2025, 3, 11, 0, 0), due), 0); // paused when already overdue
}

void TestWorkCalendar::extension()
{
    const WorkCalendar calendar;
    const QDateTime due = vn(2025, 3, 10, 9, 0);
    QCOMPARE(calendar.extend(due, 2 * 450), vn(2025, 3, 12, 9, 0));
    QCOMPARE(calendar.addWorkingDays(due, 2), vn(2025, 3, 12, 9, 0));
    QCOMPARE(calendar.extend(vn(2025, 3, 7, 17, 0), 90), vn(2025, 3, 10, 9, 0)); // Friday closing
    QCOMPARE(calendar.addWorkingDays(vn(2025, 3, 7, 17, 0), 1), vn(2025, 3, 10, 17, 0));
    QCOMPARE(calendar.extend(due, 0), due);
}

void TestWorkCalendar::workingDaysLate()
{
    const WorkCalendar calendar;
    const QDateTime due = vn(2025, 3, 10, 9, 0);                        // Monday
    QCOMPARE(calendar.workingDaysLate(due, vn(2025, 3, 7, 9, 0)), 0);   // early
    QCOMPARE(calendar.workingDaysLate(due, vn(2025, 3, 10, 10, 0)), 0); // late, less than a day
    QCOMPARE(calendar.workingDaysLate(due, vn(2025, 3, 11, 8, 59)), 0);
    QCOMPARE(calendar.workingDaysLate(due, vn(2025, 3, 11, 9, 0)), 1);
    QCOMPARE(calendar.workingDaysLate(due, vn(2025, 3, 13, 17, 0)), 3);
    QCOMPARE(calendar.workingDaysLate(vn(2025, 3, 7, 16, 0), vn(2025, 3, 10, 16, 0)),
             1); // over a weekend
    QCOMPARE(calendar.workingDaysLate(vn(2025, 3, 7, 16, 0), vn(2025, 3, 9, 16, 0)), 0);
    // Across Tết 2026 (16–20/2): due Friday 13/2, done Tuesday 24/2 = 2 working days late.
    QCOMPARE(calendar.workingDaysLate(vn(2026, 2, 13, 10, 0), vn(2026, 2, 24, 11, 0)), 2);
}

void TestWorkCalendar::receivedInUtc()
{
    const WorkCalendar calendar;
    const QDateTime utc(QDate(2025, 3, 3), QTime(2, 0), Qt::UTC); // 09:00 in Vietnam
    const QDateTime due = calendar.dueAt(utc, days(1));
    QCOMPARE(due, vn(2025, 3, 4, 9, 0));
    QCOMPARE(due.offsetFromUtc(), 7 * 3600);
    QCOMPARE(due.toString(Qt::ISODate), QStringLiteral("2025-03-04T09:00:00+07:00"));
    // 20:00 UTC on Monday is 03:00 on Tuesday in Vietnam: the day changes.
    const QDateTime evening(QDate(2025, 3, 3), QTime(20, 0), Qt::UTC);
    QCOMPARE(toVietnamTime(evening).date(), QDate(2025, 3, 4));
    QCOMPARE(calendar.clockStart(evening), vn(2025, 3, 4, 7, 30));
    const QDateTime paris(QDate(2025, 3, 3), QTime(3, 0), Qt::OffsetFromUTC,
                          3600); // 09:00 in Vietnam
    QCOMPARE(calendar.dueAt(paris, hours(1)), vn(2025, 3, 3, 10, 0));
}

void TestWorkCalendar::workingMinutesBetween()
{
    const WorkCalendar calendar(governmentData(), OfficeHours::standard());
    QCOMPARE(calendar.workingMinutesBetween(vn(2025, 3, 3, 0, 0), vn(2025, 3, 10, 0, 0)), 5 * 450);
    QCOMPARE(calendar.workingMinutesBetween(vn(2025, 3, 3, 11, 0), vn(2025, 3, 3, 14, 0)), 60);
    QCOMPARE(calendar.workingMinutesBetween(vn(2025, 3, 3, 14, 0), vn(2025, 3, 3, 11, 0)), 0);
    // The week of 30/4/2025: Mon 28, Tue 29 worked; 30/4, 1/5, 2/5 off; plus Saturday 26/4 worked.
    QCOMPARE(calendar.workingMinutesBetween(vn(2025, 4, 26, 0, 0), vn(2025, 5, 5, 0, 0)), 3 * 450);
}

void TestWorkCalendar::addThenMeasureIsConsistent()
{
    const WorkCalendar calendar(governmentData(), OfficeHours::standard(true));
    QRandomGenerator random(20250101);
    const qint64 base = vn(2024, 6, 1, 0, 0).toSecsSinceEpoch();
    for (int i = 0; i < 2000; ++i) {
        const QDateTime start
            = QDateTime::fromSecsSinceEpoch(base + random.bounded(3 * 365 * 86400), Qt::UTC);
        const qint64 amount = random.bounded(20000);
        const QDateTime end = calendar.addWorkingMinutes(start, amount);
        const qint64 measured
            = calendar.workingMinutesBetween(calendar.nextWorkingInstant(start), end);
        if (measured != amount)
            QFAIL(qPrintable(QStringLiteral("%1 + %2 min → %3, measured %4")
                                 .arg(start.toString(Qt::ISODate))
                                 .arg(amount)
                                 .arg(end.toString(Qt::ISODate))
                                 .arg(measured)));
        QVERIFY(calendar.addWorkingDays(start, 1) > calendar.nextWorkingInstant(start));
    }
}

void TestWorkCalendar::untimedAndImpossible()
{
    const WorkCalendar calendar;
    QVERIFY(!calendar.dueAt(vn(2025, 3, 3, 9, 0), Deadline{}).isValid());
    QVERIFY(!calendar.dueAt(vn(2025, 3, 3, 9, 0), days(0)).isValid());
    QVERIFY(!calendar.dueAt(QDateTime(), days(1)).isValid());
    // An office with no hours at all: no answer rather than an endless search.
    const WorkCalendar closed(HolidayCalendar(), OfficeHours{});
    QVERIFY(!closed.nextWorkingInstant(vn(2025, 3, 3, 9, 0)).isValid());
    QVERIFY(!closed.dueAt(vn(2025, 3, 3, 9, 0), days(1)).isValid());
    QVERIFY(!closed.addWorkingMinutes(vn(2025, 3, 3, 9, 0), 10).isValid());
    QCOMPARE(closed.workingDaysLate(vn(2025, 3, 3, 9, 0), vn(2025, 3, 20, 9, 0)), 0);
}

void TestWorkCalendar::sharedAcrossThreads()
{
    // One calendar shared by a server's worker threads: the lazily filled holiday caches are
    // guarded, so concurrent queries agree with a single-threaded run.
    const WorkCalendar shared(governmentData(), OfficeHours::standard());
    const WorkCalendar reference(governmentData(), OfficeHours::standard());
    std::atomic<int> mismatches = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int year = 2000 + t; year < 2060; year += 4) {
                const QDateTime received = vn(year, 1, 20 + t, 9, 0);
                if (shared.dueAt(received, days(10)) != reference.dueAt(received, days(10)))
                    ++mismatches;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(mismatches.load(), 0);
}

QTEST_APPLESS_MAIN(TestWorkCalendar)
#include "test_workcalendar.moc"
