#pragma once

// A year of the holiday calendar as the admin edits it (issue 10 item 4): the checks of one edit
// (a day off, a swapped working day) with a Vietnamese message, and the year's list as CSV
//   Ngày;Tên;Loại
//   30/04/2026;Ngày Chiến thắng (30/4);nghỉ lễ
// dates dd/MM/yyyy, kinds "nghỉ lễ" (statutory), "nghỉ bù" (compensatory), "nghỉ" (a day off
// the government decides) and "làm bù" (a Saturday or Sunday worked in exchange). Statutory and
// compensatory days follow from the law (docs/calendar.md); only "nghỉ" and "làm bù" rows are
// data, the others are checked against the law so that an exported list reads back unchanged.
#include "holidays.h"
#include "procedureimport.h"

namespace motcua::domain {

// "dd/MM/yyyy" (also d/M/yyyy); an invalid QDate otherwise.
QDate parseDisplayDate(const QString &text);
// "thứ Hai" … "Chủ nhật".
QString vietnameseWeekday(const QDate &date);

// Why `date` cannot be added to `year` as a government day off (empty: it can). `replacing`: the
// day off being edited, which is left out of the checks.
QString dayOffProblem(const HolidayCalendar &calendar, int year, const QDate &date,
                      const QDate &replacing = {});
// Why `date` cannot be a swapped working day of `year` (empty: it can).
QString swappedDayProblem(const HolidayCalendar &calendar, int year, const QDate &date,
                          const QDate &replacing = {});

// The decision of `year` (an empty one when the calendar has none).
YearDecision yearDecision(const HolidayCalendar &calendar, int year);

// The year's days off and swapped working days, sorted by date: UTF-8 with a byte order mark,
// ';' between fields, CRLF line ends, a header line.
QByteArray calendarCsv(const HolidayCalendar &calendar, int year);

struct CalendarCsvImport
{
    YearDecision decision;         // `year`'s decision with the file's days off and swapped days
    QList<ImportProblem> problems; // every faulty row and column; then nothing may be applied
    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
};
// Reads a year's list (';' or ',' between fields, a header line optional). The "nghỉ" and "làm bù"
// rows replace that year's days off and swapped days; the Tết days, the day beside 2/9 and the
// source are kept from `base`.
CalendarCsvImport parseCalendarCsv(const QByteArray &csv, const HolidayCalendar &base, int year);

} // namespace motcua::domain
