// Statutory holidays, compensatory days and the government's yearly data file.
#include "domain/holidays.h"
#include "domain/workcalendar.h"
#include "testpaths.h"

#include <QFile>
#include <QTest>

using namespace motcua::domain;

namespace {

using Kind = Holiday::Kind;

QByteArray fixture(const char *name)
{
    QFile file(motcua::testing::testDataPath(QLatin1String("calendar/") + QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

QStringList datesOf(const QList<Holiday> &holidays, std::optional<Kind> kind = std::nullopt)
{
    QStringList out;
    for (const Holiday &h : holidays) {
        if (!kind || h.kind == *kind)
            out.append(h.date.toString(Qt::ISODate));
    }
    return out;
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QLatin1String(item));
    return out;
}

} // namespace

class TestHolidays : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultYear2024();
    void holidaysOnWeekendsAndCompensatoryDays();
    void nationalDayAdjacentDefaultRule_data();
    void nationalDayAdjacentDefaultRule();
    void sundayNationalDay();
    void governmentFile2025();
    void governmentFile2026();
    void names();
    void badFiles_data();
    void badFiles();
    void jsonRoundTrip();
    void setDecisionInvalidatesCache();
    void copiesAreIndependent();
    void officeHoursInTheCalendar();
    void badOfficeHours_data();
    void badOfficeHours();
    void officeHoursAsTyped();
};

void TestHolidays::defaultYear2024()
{
    const HolidayCalendar calendar;
    const QList<Holiday> days = calendar.holidays(2024);
    // Tết 2024 is Saturday 10/2: the eve (Fri 9/2) and mùng 1–4 (10–13/2); 10/2 and 11/2 fall on
    // the weekend and are made up on Wed 14/2 and Thu 15/2.
    QCOMPARE(datesOf(days),
             list({"2024-01-01", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12",
                   "2024-02-13", "2024-02-14", "2024-02-15", "2024-04-18", "2024-04-30",
                   "2024-05-01", "2024-09-02", "2024-09-03"}));
    QCOMPARE(datesOf(days, Kind::Compensatory), list({"2024-02-14", "2024-02-15"}));
    QVERIFY(calendar.isDayOff(QDate(2024, 2, 10)));
    QVERIFY(!calendar.isDayOff(QDate(2024, 2, 16)));
    QVERIFY(!calendar.isSwappedWorkingDay(QDate(2024, 2, 17)));
}

void TestHolidays::holidaysOnWeekendsAndCompensatoryDays()
{
    const HolidayCalendar calendar;
    // 2022: Hùng Kings' day Sun 10/4 → Mon 11/4; 30/4 Sat and 1/5 Sun → Mon 2/5 and Tue 3/5
    // (what the government announced that year).
    const QList<Holiday> days = calendar.holidays(2022);
    QVERIFY(datesOf(days).contains(QStringLiteral("2022-04-10")));
    QVERIFY(datesOf(days).contains(QStringLiteral("2022-04-30")));
    QVERIFY(datesOf(days).contains(QStringLiteral("2022-05-01")));
    // 1/1/2022 was a Saturday too → Monday 3/1.
    QCOMPARE(datesOf(days, Kind::Compensatory),
             list({"2022-01-03", "2022-04-11", "2022-05-02", "2022-05-03"}));
    // 2023: 2/9 is a Saturday: 1/9 (Fri) is the adjacent day and Mon 4/9 the made-up day.
    const QList<Holiday> days2023 = calendar.holidays(2023);
    QVERIFY(datesOf(days2023).contains(QStringLiteral("2023-09-01")));
    QVERIFY(datesOf(days2023).contains(QStringLiteral("2023-09-02")));
    QVERIFY(datesOf(days2023, Kind::Compensatory).contains(QStringLiteral("2023-09-04")));
}

void TestHolidays::nationalDayAdjacentDefaultRule_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QDate>("adjacent");
    QTest::newRow("Mon 2024") << 2024 << QDate(2024, 9, 3);
    QTest::newRow("Tue 2025") << 2025 << QDate(2025, 9, 1);
    QTest::newRow("Wed 2026") << 2026 << QDate(2026, 9, 3);
    QTest::newRow("Thu 2027") << 2027 << QDate(2027, 9, 3);
    QTest::newRow("Fri 2022") << 2022 << QDate(2022, 9, 1);
    QTest::newRow("Sat 2023") << 2023 << QDate(2023, 9, 1);
    QTest::newRow("Sun 2029") << 2029 << QDate(2029, 9, 1);
}

void TestHolidays::nationalDayAdjacentDefaultRule()
{
    QFETCH(int, year);
    QFETCH(QDate, adjacent);
    QCOMPARE(HolidayCalendar::defaultNationalDayAdjacent(year), adjacent);
    QVERIFY(HolidayCalendar().isDayOff(adjacent));
}

void TestHolidays::sundayNationalDay()
{
    // 2029: 2/9 on Sunday, the adjacent day Saturday 1/9: both made up, on Mon 3/9 and Tue 4/9.
    const QList<Holiday> days = HolidayCalendar().holidays(2029);
    QCOMPARE(datesOf(days).mid(datesOf(days).indexOf(QStringLiteral("2029-09-01"))),
             list({"2029-09-01", "2029-09-02", "2029-09-03", "2029-09-04"}));
}

void TestHolidays::governmentFile2025()
{
    const auto calendar = HolidayCalendar::fromJson(fixture("vn-2025-2026.json"));
    QVERIFY2(calendar.ok(), calendar.ok() ? "" : qPrintable(calendar.error().toString()));
    const QList<Holiday> days = calendar->holidays(2025);
    // The government chose 27–31/1 for Tết (28 Chạp – mùng 3), so no Tết day falls on the weekend
    // and there is no compensatory day; 2/5 was swapped with Saturday 26/4.
    QCOMPARE(
        datesOf(days),
        list({"2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
              "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02"}));
    QCOMPARE(datesOf(days, Kind::GovernmentDayOff), list({"2025-05-02"}));
    QVERIFY(datesOf(days, Kind::Compensatory).isEmpty());
    QVERIFY(calendar->isSwappedWorkingDay(QDate(2025, 4, 26)));
    QVERIFY(!calendar->isDayOff(QDate(2025, 2, 3))); // the default rule would have made it up here
    QVERIFY(!calendar->isSwappedWorkingDay(QDate(2025, 4, 27)));
    QCOMPARE(calendar->decisions().value(2025).nationalDayAdjacent, QDate(2025, 9, 1));
}

void TestHolidays::governmentFile2026()
{
    const auto calendar = HolidayCalendar::fromJson(fixture("vn-2025-2026.json"));
    QVERIFY(calendar.ok());
    const QList<Holiday> days = calendar->holidays(2026);
    // Hùng Kings' day is Sunday 26/4 → Monday 27/4; 2/9 is a Wednesday → 3/9 by default.
    QCOMPARE(datesOf(days),
             list({"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18",
                   "2026-02-19", "2026-02-20", "2026-04-26", "2026-04-27", "2026-04-30",
                   "2026-05-01", "2026-09-02", "2026-09-03"}));
    QCOMPARE(datesOf(days, Kind::Compensatory), list({"2026-04-27"}));
    QVERIFY(calendar->isSwappedWorkingDay(QDate(2026, 1, 10)));
    // A year the file does not mention follows the default rules.
    QCOMPARE(datesOf(calendar->holidays(2024)), datesOf(HolidayCalendar().holidays(2024)));
}

void TestHolidays::names()
{
    const auto calendar = HolidayCalendar::fromJson(fixture("vn-2025-2026.json"));
    QVERIFY(calendar.ok());
    const QList<Holiday> days = calendar->holidays(2026);
    QCOMPARE(days.at(0).name, QStringLiteral("Tết Dương lịch"));
    QCOMPARE(days.at(1).name, QStringLiteral("Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)"));
    QCOMPARE(days.at(2).name, QStringLiteral("Tết Nguyên đán (29 tháng Chạp)"));
    QCOMPARE(days.at(3).name, QStringLiteral("Tết Nguyên đán (mùng 1)"));
    QCOMPARE(days.at(7).name, QStringLiteral("Giỗ Tổ Hùng Vương (10/3 Âm lịch)"));
    QCOMPARE(days.at(8).name, QStringLiteral("Nghỉ bù Giỗ Tổ Hùng Vương (10/3 Âm lịch)"));
    QCOMPARE(days.at(8).kind, Kind::Compensatory);
    QCOMPARE(calendar->holidays(2025).at(1).name, QStringLiteral("Tết Nguyên đán (28 tháng Chạp)"));
    QCOMPARE(HolidayCalendar().holidays(2024).at(1).name,
             QStringLiteral("Tết Nguyên đán (30 tháng Chạp)"));
}

void TestHolidays::badFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");
    const auto row
        = [](const char *file, const char *code, const char *field, const char *mentions) {
              QTest::newRow(file) << QString::fromUtf8(file) << QString::fromUtf8(code)
                                  << QString::fromUtf8(field) << QString::fromUtf8(mentions);
          };
    row("bad-malformed.json", "calendar.malformed_json", "", "không phải JSON hợp lệ");
    row("bad-not-object.json", "calendar.wrong_type", "years", "đối tượng JSON");
    row("bad-wrong-type.json", "calendar.wrong_type", "years[0].workingWeekendDays",
        "phải là một mảng");
    row("bad-year-type.json", "calendar.invalid_year", "years[0].year", "years[0].year");
    row("bad-invalid-date.json", "calendar.invalid_date", "years[0].daysOff[1].date", "2025-02-30");
    row("bad-year-mismatch.json", "calendar.year_mismatch", "years[0].daysOff[0].date",
        "không thuộc năm 2025");
    row("bad-not-weekend.json", "calendar.not_weekend", "years[0].workingWeekendDays[0]",
        "không phải thứ Bảy");
    row("bad-adjacent-day.json", "calendar.invalid_adjacent_day", "years[0].nationalDayAdjacent",
        "2025-09-05");
    row("bad-duplicate-year.json", "calendar.duplicate_year", "years[2].year", "năm 2025");
    row("bad-unknown-field.json", "calendar.unknown_field", "years[0].dayOff", "trường lạ");
    row("bad-tet-days.json", "calendar.invalid_tet_days", "years[0].tetDays", "đúng 5 ngày");
    row("bad-version.json", "calendar.unsupported_version", "version", "phiên bản");
}

void TestHolidays::badFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(QString, mentions);
    const auto calendar = HolidayCalendar::fromJson(fixture(qPrintable(file)));
    QVERIFY(!calendar.ok());
    QCOMPARE(calendar.error().code, code);
    QCOMPARE(calendar.error().field, field);
    QVERIFY2(calendar.error().message.contains(mentions), qPrintable(calendar.error().message));
    QVERIFY(calendar.error().message.startsWith(QStringLiteral("Tệp lịch")));
}

void TestHolidays::jsonRoundTrip()
{
    const auto calendar = HolidayCalendar::fromJson(fixture("vn-2025-2026.json"));
    QVERIFY(calendar.ok());
    const auto again = HolidayCalendar::fromJson(calendar->toJson());
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().toString()));
    for (int year : {2025, 2026})
        QCOMPARE(again->holidays(year), calendar->holidays(year));
    QCOMPARE(again->decisions().value(2025).source, calendar->decisions().value(2025).source);
    QCOMPARE(again->decisions().value(2025).tetDays.size(), 5);
    QCOMPARE(HolidayCalendar::fromFile(QStringLiteral("/nonexistent/lich.json")).error().code,
             QStringLiteral("calendar.file_unreadable"));
}

void TestHolidays::setDecisionInvalidatesCache()
{
    HolidayCalendar calendar;
    QVERIFY(!calendar.isDayOff(QDate(2027, 9, 1)));
    YearDecision decision;
    decision.year = 2027;
    decision.nationalDayAdjacent = QDate(2027, 9, 1);
    decision.daysOff.append(
        Holiday{QDate(2027, 9, 3), QStringLiteral("Nghỉ hoán đổi"), Kind::GovernmentDayOff});
    decision.workingWeekendDays.append(QDate(2027, 9, 11));
    calendar.setDecision(decision);
    QVERIFY(calendar.isDayOff(QDate(2027, 9, 1)));
    QVERIFY(calendar.isDayOff(QDate(2027, 9, 3)));
    QVERIFY(calendar.isSwappedWorkingDay(QDate(2027, 9, 11)));
    QCOMPARE(datesOf(calendar.holidays(2027), Kind::GovernmentDayOff), list({"2027-09-03"}));
}

void TestHolidays::copiesAreIndependent()
{
    HolidayCalendar a;
    QVERIFY(!a.isDayOff(QDate(2028, 6, 1)));
    HolidayCalendar b = a;
    YearDecision decision;
    decision.year = 2028;
    decision.daysOff.append(
        Holiday{QDate(2028, 6, 1), QStringLiteral("Nghỉ"), Kind::GovernmentDayOff});
    b.setDecision(decision);
    QVERIFY(b.isDayOff(QDate(2028, 6, 1)));
    QVERIFY(!a.isDayOff(QDate(2028, 6, 1)));
    a = b;
    QVERIFY(a.isDayOff(QDate(2028, 6, 1)));
}

// Office hours travel with the calendar: absent → the standard hours (and none written back);
// present → every office counts working time with them.
void TestHolidays::officeHoursInTheCalendar()
{
    const auto plain = HolidayCalendar::fromJson(R"({"version": 1, "years": []})");
    QVERIFY(plain.ok());
    QVERIFY(!plain->hasOwnOfficeHours());
    QCOMPARE(plain->officeHours(), OfficeHours::standard());
    QVERIFY(!plain->toJson().contains("officeHours"));

    const auto saturday = HolidayCalendar::fromJson(R"({"version": 1, "years": [],
        "officeHours": {"monday": ["13:30-17:00", "07:30-11:30"], "tuesday": ["07:30-11:30",
        "13:30-17:00"], "wednesday": ["07:30-11:30", "13:30-17:00"], "thursday": ["07:30-11:30",
        "13:30-17:00"], "friday": ["07:30-11:30", "13:30-17:00"], "saturday": ["07:30-11:30"]}})");
    QVERIFY2(saturday.ok(), saturday.ok() ? "" : qPrintable(saturday.error().toString()));
    QVERIFY(saturday->hasOwnOfficeHours());
    QCOMPARE(saturday->officeHours(), OfficeHours::standard(true)); // sorted, Sunday closed
    // Friday 15:00 + 1 working day → Saturday, clamped to its closing at 11:30.
    const QDateTime friday(QDate(2027, 3, 5), QTime(15, 0), Qt::OffsetFromUTC, 7 * 3600);
    const Deadline oneDay{Deadline::Unit::WorkingDays, 1};
    QCOMPARE(WorkCalendar(saturday.value()).dueAt(friday, oneDay),
             QDateTime(QDate(2027, 3, 6), QTime(11, 30), Qt::OffsetFromUTC, 7 * 3600));
    QCOMPARE(WorkCalendar(plain.value()).dueAt(friday, oneDay),
             QDateTime(QDate(2027, 3, 8), QTime(15, 0), Qt::OffsetFromUTC, 7 * 3600));

    const auto again = HolidayCalendar::fromJson(saturday->toJson());
    QVERIFY(again.ok());
    QCOMPARE(again->officeHours(), saturday->officeHours());
    QCOMPARE(again->toJson(), saturday->toJson());
    HolidayCalendar copy = saturday.value();
    QCOMPARE(copy.officeHours(), OfficeHours::standard(true));
    copy.setOfficeHours(std::nullopt);
    QVERIFY(!copy.toJson().contains("officeHours"));
    QVERIFY(saturday->hasOwnOfficeHours());
}

void TestHolidays::badOfficeHours_data()
{
    QTest::addColumn<QByteArray>("hours");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not an object") << QByteArray(R"("07:30-17:00")") << "calendar.wrong_type"
                                   << "officeHours"
                                   << "đối tượng JSON";
    QTest::newRow("unknown day") << QByteArray(R"({"monday": ["07:30-11:30"], "sat": []})")
                                 << "calendar.unknown_field"
                                 << "officeHours.sat"
                                 << "trường lạ";
    QTest::newRow("not a list") << QByteArray(R"({"monday": "07:30-11:30"})")
                                << "calendar.wrong_type"
                                << "officeHours.monday"
                                << "mảng";
    QTest::newRow("not text") << QByteArray(R"({"monday": [730]})") << "calendar.wrong_type"
                              << "officeHours.monday[0]"
                              << "07:30-11:30";
    QTest::newRow("typo") << QByteArray(R"({"monday": ["07:30-11:30", "13:3O-17:00"]})")
                          << "calendar.invalid_hours"
                          << "officeHours.monday[1]"
                          << "13:3O-17:00";
    QTest::newRow("no such hour") << QByteArray(R"({"friday": ["07:30-24:30"]})")
                                  << "calendar.invalid_hours"
                                  << "officeHours.friday[0]"
                                  << "không hợp lệ";
    QTest::newRow("ends first") << QByteArray(R"({"saturday": ["11:30-07:30"]})")
                                << "calendar.invalid_hours"
                                << "officeHours.saturday[0]"
                                << "Thứ Bảy";
    QTest::newRow("overlap") << QByteArray(R"({"tuesday": ["07:30-11:30", "11:00-17:00"]})")
                             << "calendar.overlapping_hours"
                             << "officeHours.tuesday"
                             << "chồng lên nhau";
    QTest::newRow("never open") << QByteArray(R"({"monday": [], "sunday": []})")
                                << "calendar.no_office_hours"
                                << "officeHours"
                                << "ít nhất một ngày";
}

void TestHolidays::badOfficeHours()
{
    QFETCH(QByteArray, hours);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(QString, mentions);
    const auto calendar
        = HolidayCalendar::fromJson(R"({"version": 1, "years": [], "officeHours": )" + hours + "}");
    QVERIFY(!calendar.ok());
    QCOMPARE(calendar.error().code, code);
    QCOMPARE(calendar.error().field, field);
    QVERIFY2(calendar.error().message.contains(mentions), qPrintable(calendar.error().message));
    QVERIFY(calendar.error().message.startsWith(QStringLiteral("Tệp lịch")));
}

// What an admin types on the calendar page.
void TestHolidays::officeHoursAsTyped()
{
    const auto day = parseIntervals(QStringLiteral(" 13:30–17:00; 7:30 - 11:30 "));
    QVERIFY(day.ok());
    QCOMPARE(day->size(), 2);
    QCOMPARE(day->first().start, QTime(7, 30));
    QCOMPARE(intervalsText(day.value()), QStringLiteral("07:30–11:30, 13:30–17:00"));
    QVERIFY(parseIntervals(QStringLiteral("  ")).ok());
    QVERIFY(parseIntervals(QString())->isEmpty());
    const auto typo = parseIntervals(QStringLiteral("07:30-11:30, 1330-17:00"));
    QVERIFY(!typo.ok());
    QVERIFY2(typo.error().message.contains(QStringLiteral("\"1330-17:00\"")),
             qPrintable(typo.error().message));
    QCOMPARE(parseIntervals(QStringLiteral("07:30-12:00, 11:30-17:00")).error().code,
             QStringLiteral("calendar.overlapping_hours"));
    // Touching intervals are fine (one closes as the other opens).
    QVERIFY(parseIntervals(QStringLiteral("07:30-11:30, 11:30-12:00")).ok());
    QCOMPARE(weekdayKey(Qt::Sunday), QStringLiteral("sunday"));
    QCOMPARE(weekdayName(Qt::Saturday), QStringLiteral("Thứ Bảy"));
}

QTEST_APPLESS_MAIN(TestHolidays)
#include "test_holidays.moc"
