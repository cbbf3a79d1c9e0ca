#pragma once

#include <QDate>

namespace motcua::domain {

// A date of the Vietnamese lunisolar calendar (âm lịch), computed for UTC+7. It differs from the
// Chinese calendar (UTC+8) in some years, e.g. Tết 1985 and 2007.
struct LunarDate
{
    int day = 0;       // 1..30
    int month = 0;     // 1..12
    int year = 0;      // the lunar year, which begins at Tết
    bool leap = false; // a leap (nhuận) month

    [[nodiscard]] bool isValid() const { return day > 0 && month > 0 && year > 0; }
    bool operator==(const LunarDate &) const = default;
};

// The lunar date of a solar (Gregorian) date. Valid for 1900..2199.
LunarDate solarToLunar(const QDate &date);

// The solar date of a lunar date; an invalid QDate when that lunar date does not exist
// (day 30 of a 29-day month, a leap month the year does not have).
QDate lunarToSolar(const LunarDate &lunar);

// The last day of the lunar year that begins at Tết of `lunarYear` - 1 (the eve of Tết, "ngày 30
// Tết" even when the month has 29 days): the day before Tết of lunarYear.
QDate lunarNewYear(int lunarYear);

// The leap month of a lunar year (1..12, the number it repeats), or 0 when the year has none.
// E.g. 2 for 2023, 6 for 2025.
int leapMonth(int lunarYear);

// The number of days (29 or 30) of a lunar month; 0 when the month does not exist.
int lunarMonthLength(int lunarYear, int month, bool leap = false);

} // namespace motcua::domain
