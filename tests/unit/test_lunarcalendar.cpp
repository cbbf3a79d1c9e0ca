// The Vietnamese lunar calendar (UTC+7) against published dates.
//
// Where the expected dates come from: the first day of Tết 2000–2040 is the published Vietnamese
// list (it equals the Chinese New Year list except where the new moon falls between 16:00 and 17:00
// UT, i.e. before midnight in UTC+7 but after it in UTC+8: 2007 and 2030). Each date, and Hùng
// Kings' day 2020–2035, was also cross-checked against an independent computation with another
// ephemeris (PyEphem's lunar and solar theories, not Meeus) applying the same rules; it agreed on
// every date.
#include "domain/lunarcalendar.h"

#include <QTest>

using namespace motcua::domain;

class TestLunarCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tetFirstDay_data();
    void tetFirstDay();
    void tetDiffersFromChina();
    void hungKingsDay_data();
    void hungKingsDay();
    void leapMonths();
    void solarToLunarKnownDates();
    void roundTripEveryDay();
    void lunarNewYearIsEve();
    void invalidLunarDates();
    void monthLengths();
};

void TestLunarCalendar::tetFirstDay_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QDate>("expected");
    static constexpr struct
    {
        int year, month, day;
    } kTet[] = {
        {2000, 2, 5},  {2001, 1, 24}, {2002, 2, 12}, {2003, 2, 1},  {2004, 1, 22}, {2005, 2, 9},
        {2006, 1, 29}, {2007, 2, 17}, {2008, 2, 7},  {2009, 1, 26}, {2010, 2, 14}, {2011, 2, 3},
        {2012, 1, 23}, {2013, 2, 10}, {2014, 1, 31}, {2015, 2, 19}, {2016, 2, 8},  {2017, 1, 28},
        {2018, 2, 16}, {2019, 2, 5},  {2020, 1, 25}, {2021, 2, 12}, {2022, 2, 1},  {2023, 1, 22},
        {2024, 2, 10}, {2025, 1, 29}, {2026, 2, 17}, {2027, 2, 6},  {2028, 1, 26}, {2029, 2, 13},
        {2030, 2, 2},  {2031, 1, 23}, {2032, 2, 11}, {2033, 1, 31}, {2034, 2, 19}, {2035, 2, 8},
        {2036, 1, 28}, {2037, 2, 15}, {2038, 2, 4},  {2039, 1, 24}, {2040, 2, 12},
    };
    for (const auto &t : kTet)
        QTest::addRow("%d", t.year) << t.year << QDate(t.year, t.month, t.day);
}

void TestLunarCalendar::tetFirstDay()
{
    QFETCH(int, year);
    QFETCH(QDate, expected);
    QCOMPARE(lunarToSolar(LunarDate{1, 1, year, false}), expected);
    QCOMPARE(solarToLunar(expected), (LunarDate{1, 1, year, false}));
    QCOMPARE(solarToLunar(expected.addDays(-1)).year, year - 1);
}

void TestLunarCalendar::tetDiffersFromChina()
{
    // 2007 and 2030: the new moon is at 16:14 and 16:07 UT, before midnight in UTC+7 only.
    // 1968 and 1985: months 11 and the leap month fall differently, moving Tết by a day or a month.
    QCOMPARE(lunarToSolar(LunarDate{1, 1, 2007, false}), QDate(2007, 2, 17)); // China: 18 Feb
    QCOMPARE(lunarToSolar(LunarDate{1, 1, 2030, false}), QDate(2030, 2, 2));  // China: 3 Feb
    QCOMPARE(lunarToSolar(LunarDate{1, 1, 1985, false}), QDate(1985, 1, 21)); // China: 20 Feb
    QCOMPARE(lunarToSolar(LunarDate{1, 1, 1968, false}),
             QDate(1968, 1, 29)); // the South used 30 Jan
}

void TestLunarCalendar::hungKingsDay_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QDate>("expected");
    static constexpr struct
    {
        int year, month, day;
    } kHung[] = {
        {2020, 4, 2},  {2021, 4, 21}, {2022, 4, 10}, {2023, 4, 29}, {2024, 4, 18}, {2025, 4, 7},
        {2026, 4, 26}, {2027, 4, 16}, {2028, 4, 4},  {2029, 4, 23}, {2030, 4, 12}, {2031, 4, 1},
        {2032, 4, 19}, {2033, 4, 9},  {2034, 4, 28}, {2035, 4, 17},
    };
    for (const auto &h : kHung)
        QTest::addRow("%d", h.year) << h.year << QDate(h.year, h.month, h.day);
}

void TestLunarCalendar::hungKingsDay()
{
    QFETCH(int, year);
    QFETCH(QDate, expected);
    QCOMPARE(lunarToSolar(LunarDate{10, 3, year, false}), expected);
    QCOMPARE(solarToLunar(expected), (LunarDate{10, 3, year, false}));
}

void TestLunarCalendar::leapMonths()
{
    QCOMPARE(leapMonth(2023), 2);
    QCOMPARE(leapMonth(2025), 6);
    QCOMPARE(leapMonth(2020), 4);
    QCOMPARE(leapMonth(2017), 6);
    QCOMPARE(leapMonth(2033), 11); // leap 11: the "2033 problem" of the Chinese calendar
    QCOMPARE(leapMonth(2024), 0);
    QCOMPARE(leapMonth(2026), 0);
    // 2023: month 2 then leap month 2 (22 March – 19 April 2023).
    QCOMPARE(lunarToSolar(LunarDate{1, 2, 2023, false}), QDate(2023, 2, 20));
    QCOMPARE(lunarToSolar(LunarDate{1, 2, 2023, true}), QDate(2023, 3, 22));
    QCOMPARE(solarToLunar(QDate(2023, 4, 1)), (LunarDate{11, 2, 2023, true}));
    // 2025: leap month 6 starts on 25 July 2025.
    QCOMPARE(lunarToSolar(LunarDate{1, 6, 2025, true}), QDate(2025, 7, 25));
    QCOMPARE(solarToLunar(QDate(2025, 8, 1)), (LunarDate{8, 6, 2025, true}));
    QCOMPARE(solarToLunar(QDate(2025, 8, 23)), (LunarDate{1, 7, 2025, false}));
    // 2033: leap month 11 begins 22 December 2033 and belongs to lunar year 2033.
    QCOMPARE(solarToLunar(QDate(2033, 12, 22)), (LunarDate{1, 11, 2033, true}));
}

void TestLunarCalendar::solarToLunarKnownDates()
{
    QCOMPARE(solarToLunar(QDate(2026, 2, 17)), (LunarDate{1, 1, 2026, false}));
    QCOMPARE(solarToLunar(QDate(2024, 9, 17)), (LunarDate{15, 8, 2024, false})); // Mid-Autumn 2024
    QCOMPARE(solarToLunar(QDate(2025, 1, 28)), (LunarDate{29, 12, 2024, false})); // eve of Tết 2025
    QCOMPARE(solarToLunar(QDate(2000, 1, 1)), (LunarDate{25, 11, 1999, false}));
    QVERIFY(!solarToLunar(QDate(1899, 12, 31)).isValid());
    QVERIFY(!solarToLunar(QDate(2200, 1, 1)).isValid());
    QVERIFY(!solarToLunar(QDate()).isValid());
}

void TestLunarCalendar::roundTripEveryDay()
{
    LunarDate previous = solarToLunar(QDate(1999, 12, 31));
    for (QDate day(2000, 1, 1); day <= QDate(2040, 12, 31); day = day.addDays(1)) {
        const LunarDate lunar = solarToLunar(day);
        if (!lunar.isValid() || lunarToSolar(lunar) != day)
            QFAIL(qPrintable(
                QStringLiteral("round trip fails on %1").arg(day.toString(Qt::ISODate))));
        // Consecutive days: the next day of the month, or day 1 after day 29 or 30.
        const bool nextDay = lunar.day == previous.day + 1 && lunar.month == previous.month
            && lunar.leap == previous.leap && lunar.year == previous.year;
        const bool newMonth = lunar.day == 1 && (previous.day == 29 || previous.day == 30);
        if (!nextDay && !newMonth)
            QFAIL(qPrintable(QStringLiteral("discontinuity on %1").arg(day.toString(Qt::ISODate))));
        previous = lunar;
    }
}

void TestLunarCalendar::lunarNewYearIsEve()
{
    QCOMPARE(lunarNewYear(2025), QDate(2025, 1, 28)); // 29 tháng Chạp: a 29-day month
    QCOMPARE(lunarNewYear(2026), QDate(2026, 2, 16)); // 29 tháng Chạp too
    QCOMPARE(lunarNewYear(2024), QDate(2024, 2, 9));  // 30 tháng Chạp
    QCOMPARE(solarToLunar(QDate(2024, 2, 9)), (LunarDate{30, 12, 2023, false}));
    QCOMPARE(solarToLunar(QDate(2026, 2, 16)), (LunarDate{29, 12, 2025, false}));
}

void TestLunarCalendar::invalidLunarDates()
{
    QVERIFY(!lunarToSolar(LunarDate{1, 3, 2024, true}).isValid()); // 2024 has no leap month
    QVERIFY(!lunarToSolar(LunarDate{1, 3, 2023, true}).isValid()); // 2023's leap month is 2
    QVERIFY(
        !lunarToSolar(LunarDate{30, 12, 2024, false}).isValid()); // month 12 of 2024 has 29 days
    QVERIFY(!lunarToSolar(LunarDate{0, 1, 2024, false}).isValid());
    QVERIFY(!lunarToSolar(LunarDate{1, 13, 2024, false}).isValid());
    QVERIFY(!lunarToSolar(LunarDate{1, 1, 1899, false}).isValid());
    QVERIFY(!lunarToSolar(LunarDate{}).isValid());
}

void TestLunarCalendar::monthLengths()
{
    QCOMPARE(lunarMonthLength(2024, 12), 29);
    QCOMPARE(lunarMonthLength(2023, 12), 30);
    QCOMPARE(lunarMonthLength(2025, 12), 29);
    QCOMPARE(lunarMonthLength(2025, 6, true), 29);
    QCOMPARE(lunarMonthLength(2024, 6, true), 0);
    int days = 0;
    for (int month = 1; month <= 12; ++month)
        days += lunarMonthLength(2025, month) + lunarMonthLength(2025, month, true);
    QCOMPARE(days, int(QDate(2025, 1, 29).daysTo(QDate(2026, 2, 17)))); // 384-day leap year
}

QTEST_APPLESS_MAIN(TestLunarCalendar)
#include "test_lunarcalendar.moc"
