// A year of the holiday calendar as the admin edits it: the checks of one edit, the CSV list
// written and read back, and a faulty list reported row by row with nothing taken from it.
#include "domain/calendarcsv.h"
#include "testpaths.h"

#include <QFile>
#include <QTest>

using namespace motcua::domain;

namespace {

HolidayCalendar real()
{
    QFile file(motcua::testing::testDataPath(QStringLiteral("calendar/vn-2025-2026.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture");
    return HolidayCalendar::fromJson(file.readAll()).value();
}

} // namespace

class TestCalendarCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void displayDates()
    {
        QCOMPARE(parseDisplayDate(QStringLiteral("02/09/2026")), QDate(2026, 9, 2));
        QCOMPARE(parseDisplayDate(QStringLiteral(" 2/9/2026 ")), QDate(2026, 9, 2));
        QVERIFY(!parseDisplayDate(QStringLiteral("2026-09-02")).isValid());
        QVERIFY(!parseDisplayDate(QStringLiteral("30/02/2026")).isValid());
        QCOMPARE(vietnameseWeekday(QDate(2026, 4, 25)), QStringLiteral("thứ Bảy"));
    }

    void editChecks()
    {
        const HolidayCalendar c = real();
        QVERIFY(dayOffProblem(c, 2026, QDate(2026, 4, 29)).isEmpty());
        QVERIFY(dayOffProblem(c, 2026, QDate(2026, 4, 30)).contains(QStringLiteral("30/4")));
        QVERIFY(dayOffProblem(c, 2026, QDate(2026, 1, 2)).contains(QStringLiteral("đã có")));
        // Editing 2/1 itself is not a clash with itself.
        QVERIFY(dayOffProblem(c, 2026, QDate(2026, 1, 2), QDate(2026, 1, 2)).isEmpty());
        QVERIFY(dayOffProblem(c, 2026, QDate(2026, 1, 10)).contains(QStringLiteral("làm bù")));
        QVERIFY(dayOffProblem(c, 2026, QDate(2025, 5, 5)).contains(QStringLiteral("2026")));
        QVERIFY(!dayOffProblem(c, 2026, QDate()).isEmpty());

        QVERIFY(swappedDayProblem(c, 2026, QDate(2026, 4, 25)).isEmpty());
        QVERIFY(swappedDayProblem(c, 2026, QDate(2026, 4, 27)).contains(QStringLiteral("thứ Hai")));
        QVERIFY(swappedDayProblem(c, 2026, QDate(2026, 1, 10)).contains(QStringLiteral("đã có")));
        QVERIFY(swappedDayProblem(c, 2026, QDate(2026, 1, 10), QDate(2026, 1, 10)).isEmpty());
        // 30/4/2022 was a Saturday holiday: not a working day.
        QVERIFY(swappedDayProblem(c, 2022, QDate(2022, 4, 30)).contains(QStringLiteral("nghỉ")));
    }

    void roundTrip()
    {
        HolidayCalendar c = real();
        YearDecision d = yearDecision(c, 2026);
        d.daysOff.append({QDate(2026, 4, 29), QStringLiteral("Nghỉ hoán đổi; làm bù 25/4"),
                          Holiday::Kind::GovernmentDayOff});
        d.workingWeekendDays.append(QDate(2026, 4, 25));
        c.setDecision(d);
        const QByteArray csv = calendarCsv(c, 2026);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(csv.mid(3));
        QVERIFY(text.startsWith(QStringLiteral("Ngày;Tên;Loại\r\n")));
        QVERIFY(text.contains(QStringLiteral("30/04/2026;Ngày Chiến thắng (30/4);nghỉ lễ\r\n")));
        QVERIFY(
            text.contains(QStringLiteral("29/04/2026;\"Nghỉ hoán đổi; làm bù 25/4\";nghỉ\r\n")));
        QVERIFY(text.contains(QStringLiteral("25/04/2026;Làm việc bù (thứ Bảy);làm bù\r\n")));

        // Read back into the calendar without the year's decisions: the same year.
        HolidayCalendar bare = real();
        const CalendarCsvImport back = parseCalendarCsv(csv, bare, 2026);
        QVERIFY2(back.ok(), qPrintable(back.problems.value(0).toString()));
        bare.setDecision(back.decision);
        QCOMPARE(bare.holidays(2026), c.holidays(2026));
        QCOMPARE(back.decision.workingWeekendDays,
                 (QList<QDate>{QDate(2026, 1, 10), QDate(2026, 4, 25)}));
        QCOMPARE(back.decision.source, d.source); // kept from the base
    }

    void faultyRowsAreAllReported()
    {
        const HolidayCalendar c = real();
        const QByteArray csv = "Ngày;Tên;Loại\n"
                               "29/04/2026;Nghỉ hoán đổi;nghỉ\n"     // fine
                               "31/04/2026;Sai ngày;nghỉ\n"          // 3: not a date
                               "27/04/2026;Thứ Hai;làm bù\n"         // 4: not a weekend day
                               "01/05/2025;Năm khác;nghỉ\n"          // 5: another year
                               "05/05/2026;Lạ;nghỉ phép\n"           // 6: unknown kind
                               "29/04/2026;Trùng;nghỉ\n"             // 7: twice
                               "05/05/2026;Thiếu cột\n"              // 8: two columns
                               "04/05/2026;Không phải lễ;nghỉ lễ\n"  // 9: not statutory
                               "30/04/2026;Ngày Chiến thắng;nghỉ\n"; // 10: a holiday already
        const CalendarCsvImport r = parseCalendarCsv(csv, c, 2026);
        QStringList where;
        for (const auto &p : r.problems)
            where.append(QStringLiteral("%1:%2").arg(p.row).arg(p.column));
        QCOMPARE(where,
                 (QStringList{QStringLiteral("3:Ngày"), QStringLiteral("4:Ngày"),
                              QStringLiteral("5:Ngày"), QStringLiteral("6:Loại"),
                              QStringLiteral("7:Ngày"), QStringLiteral("8:"),
                              QStringLiteral("9:Loại"), QStringLiteral("10:Loại")}));
        QVERIFY(r.problems.at(1).message.contains(QStringLiteral("thứ Hai")));
        // Nothing taken: the decision is the base's.
        QCOMPARE(r.decision.daysOff, yearDecision(c, 2026).daysOff);
    }
};

QTEST_MAIN(TestCalendarCsv)
#include "test_calendarcsv.moc"
