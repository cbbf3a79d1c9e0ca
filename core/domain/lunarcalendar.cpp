// The Vietnamese lunisolar calendar, computed astronomically for the meridian of UTC+7.
//
// Rules (see docs/calendar.md):
//  - a month begins on the local day (UTC+7) of a new moon;
//  - month 11 is the month that contains the local day of the winter solstice (sun at 270°);
//  - a year from one month 11 to the next with 13 months has a leap month: the first month after
//    month 11 in which the sun enters no new 30° sign (no major solar term, "trung khí"); it takes
//    the number of the month before it.
// New moons follow Meeus, "Astronomical Algorithms" (2nd ed.), ch. 49 with the periodic and
// planetary terms; the sun's apparent longitude follows ch. 25 (about 0.01°). ΔT follows the
// Espenak–Meeus polynomials. All of it is written here from the published formulas.
#include "lunarcalendar.h"

#include <cmath>
#include <numbers>

namespace motcua::domain {
namespace {

constexpr double kTimeZoneDays = 7.0 / 24.0; // UTC+7
constexpr double kSynodicMonth = 29.530588861;
constexpr double kNewMoonEpoch = 2451550.09766; // JDE of the mean new moon k = 0 (6 January 2000)
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2199;

double rad(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}

double normalizeDegrees(double degrees)
{
    const double d = std::fmod(degrees, 360.0);
    return d < 0 ? d + 360.0 : d;
}

// ΔT = TT − UT in seconds, Espenak & Meeus (2006) polynomials for 1900..2200.
double deltaTSeconds(double year)
{
    if (year < 1920) {
        const double t = year - 1900;
        return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t
            - 0.000197 * t * t * t * t;
    }
    if (year < 1941) {
        const double t = year - 1920;
        return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
    }
    if (year < 1961) {
        const double t = year - 1950;
        return 29.07 + 0.407 * t - t * t / 233.0 + t * t * t / 2547.0;
    }
    if (year < 1986) {
        const double t = year - 1975;
        return 45.45 + 1.067 * t - t * t / 260.0 - t * t * t / 718.0;
    }
    if (year < 2005) {
        const double t = year - 2000;
        return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t
            + 0.000651814 * std::pow(t, 4) + 0.00002373599 * std::pow(t, 5);
    }
    if (year < 2050) {
        const double t = year - 2000;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    const double u = (year - 1820) / 100.0;
    if (year < 2150)
        return -20 + 32 * u * u - 0.5628 * (2150 - year);
    return -20 + 32 * u * u;
}

double deltaTDays(double julianDay)
{
    const double year = 2000.0 + (julianDay - 2451544.5) / 365.2425;
    return deltaTSeconds(year) / 86400.0;
}

// The instant (Julian day, UT) of the new moon number k (k = 0: 6 January 2000).
double newMoonUt(int k)
{
    const double kk = k;
    const double t = kk / 1236.85;
    const double t2 = t * t;
    const double t3 = t2 * t;
    const double t4 = t3 * t;
    double jde = kNewMoonEpoch + kSynodicMonth * kk + 0.00015437 * t2 - 0.000000150 * t3
        + 0.00000000073 * t4;

    const double e = 1 - 0.002516 * t - 0.0000074 * t2;
    const double m = rad(2.5534 + 29.10535670 * kk - 0.0000014 * t2 - 0.00000011 * t3);
    const double mp
        = rad(201.5643 + 385.81693528 * kk + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
    const double f
        = rad(160.7108 + 390.67050284 * kk - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
    const double om = rad(124.7746 - 1.56375588 * kk + 0.0020672 * t2 + 0.00000215 * t3);

    jde += -0.40720 * std::sin(mp) + 0.17241 * e * std::sin(m) + 0.01608 * std::sin(2 * mp)
        + 0.01039 * std::sin(2 * f) + 0.00739 * e * std::sin(mp - m)
        - 0.00514 * e * std::sin(mp + m) + 0.00208 * e * e * std::sin(2 * m)
        - 0.00111 * std::sin(mp - 2 * f) - 0.00057 * std::sin(mp + 2 * f)
        + 0.00056 * e * std::sin(2 * mp + m) - 0.00042 * std::sin(3 * mp)
        + 0.00042 * e * std::sin(m + 2 * f) + 0.00038 * e * std::sin(m - 2 * f)
        - 0.00024 * e * std::sin(2 * mp - m) - 0.00017 * std::sin(om)
        - 0.00007 * std::sin(mp + 2 * m) + 0.00004 * std::sin(2 * mp - 2 * f)
        + 0.00004 * std::sin(3 * m) + 0.00003 * std::sin(mp + m - 2 * f)
        + 0.00003 * std::sin(2 * mp + 2 * f) - 0.00003 * std::sin(mp + m + 2 * f)
        + 0.00003 * std::sin(mp - m + 2 * f) - 0.00002 * std::sin(mp - m - 2 * f)
        - 0.00002 * std::sin(3 * mp + m) + 0.00002 * std::sin(4 * mp);

    // Planetary arguments A1..A14: {coefficient, degrees at k = 0, degrees per k}; A1 also has a T²
    // term.
    jde += 0.000325 * std::sin(rad(299.77 + 0.107408 * kk - 0.009173 * t2));
    struct Planetary
    {
        double coefficient, base, perK;
    };
    static constexpr Planetary kPlanetary[] = {
        {0.000165, 251.88, 0.016321}, {0.000164, 251.83, 26.651886}, {0.000126, 349.42, 36.412478},
        {0.000110, 84.66, 18.206239}, {0.000062, 141.74, 53.303771}, {0.000060, 207.14, 2.453732},
        {0.000056, 154.84, 7.306860}, {0.000047, 34.52, 27.261239},  {0.000042, 207.19, 0.121824},
        {0.000040, 291.34, 1.844379}, {0.000037, 161.72, 24.198154}, {0.000035, 239.56, 25.513099},
        {0.000023, 331.55, 3.592518},
    };
    for (const auto &p : kPlanetary)
        jde += p.coefficient * std::sin(rad(p.base + p.perK * kk));
    return jde - deltaTDays(jde);
}

// The local (UTC+7) day of the new moon k, as a Julian day number.
qint64 newMoonDay(int k)
{
    return static_cast<qint64>(std::floor(newMoonUt(k) + 0.5 + kTimeZoneDays));
}

// The sun's apparent ecliptic longitude in degrees at the instant `jdUt` (Julian day, UT).
double sunLongitude(double jdUt)
{
    const double t = (jdUt + deltaTDays(jdUt) - 2451545.0) / 36525.0;
    const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    const double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
    const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * std::sin(m)
        + (0.019993 - 0.000101 * t) * std::sin(2 * m) + 0.000289 * std::sin(3 * m);
    const double omega = rad(125.04 - 1934.136 * t);
    return normalizeDegrees(l0 + c - 0.00569 - 0.00478 * std::sin(omega));
}

// The sun's longitude at the start (local midnight, UTC+7) of the day `jdn`.
double sunLongitudeAtDayStart(qint64 jdn)
{
    return sunLongitude(double(jdn) - 0.5 - kTimeZoneDays);
}

// The 30° sign the sun is in at the start of the local day `jdn` (0..11).
int solarSign(qint64 jdn)
{
    return static_cast<int>(sunLongitudeAtDayStart(jdn) / 30.0) % 12;
}

// An index k whose new moon is near the Julian day `jdn` (within a month).
int newMoonIndexNear(qint64 jdn)
{
    return static_cast<int>(std::floor((double(jdn) - kNewMoonEpoch) / kSynodicMonth));
}

// The new-moon index k starting month 11 of the Gregorian year `year`: the last new-moon day that
// begins before the winter solstice (the sun's longitude at its start is below 270°).
int month11Index(int year)
{
    const qint64 dec31 = QDate(year, 12, 31).toJulianDay();
    for (int k = newMoonIndexNear(dec31) + 1;; --k) {
        const double longitude = sunLongitudeAtDayStart(newMoonDay(k));
        if (longitude < 270.0 && longitude > 180.0)
            return k;
    }
}

// The lunar year that starts with month 11 at new moon `k11` and ends before `k11Next`: the offset
// (1..12) of its leap month, or 0 when it has 12 months.
int leapMonthOffset(int k11, int k11Next)
{
    if (k11Next - k11 != 13)
        return 0;
    int sign = solarSign(newMoonDay(k11 + 1));
    for (int i = 1; i <= 12; ++i) {
        const int nextSign = solarSign(newMoonDay(k11 + i + 1));
        if (nextSign == sign)
            return i; // month i has no major solar term
        sign = nextSign;
    }
    return 0; // not reached for a 13-month year
}

// The months from month 11 of `year` - 1 to month 11 of `year`.
struct LunarYearSpan
{
    int k11 = 0;     // new moon of month 11 of the previous Gregorian year
    int k11Next = 0; // new moon of month 11 of this Gregorian year
    int leapOffset = 0;
};

LunarYearSpan spanEndingIn(int year)
{
    LunarYearSpan span;
    span.k11 = month11Index(year - 1);
    span.k11Next = month11Index(year);
    span.leapOffset = leapMonthOffset(span.k11, span.k11Next);
    return span;
}

} // namespace

LunarDate solarToLunar(const QDate &date)
{
    if (!date.isValid() || date.year() < kFirstYear || date.year() > kLastYear)
        return {};
    const qint64 jdn = date.toJulianDay();
    int k = newMoonIndexNear(jdn) + 1;
    while (newMoonDay(k) > jdn)
        --k;
    while (newMoonDay(k + 1) <= jdn)
        ++k;
    const qint64 monthStart = newMoonDay(k);

    // The span of month 11 (previous year) .. month 11 (this year) that holds the date; a date on
    // or after this year's month 11 belongs to the next span.
    const int k11This = month11Index(date.year());
    const bool afterMonth11 = k >= k11This;
    const int spanYear = afterMonth11 ? date.year() + 1 : date.year(); // where the span's end lies
    const int k11 = afterMonth11 ? k11This : month11Index(date.year() - 1);
    const int k11Next = afterMonth11 ? month11Index(spanYear) : k11This;
    const int leapOffset = leapMonthOffset(k11, k11Next);

    const int offset = k - k11;
    LunarDate lunar;
    lunar.day = static_cast<int>(jdn - monthStart) + 1;
    int number = 11 + offset; // 11, 12, 13 (= month 1 of the next year), …
    if (leapOffset > 0 && offset >= leapOffset) {
        lunar.leap = offset == leapOffset;
        number -= 1;
    }
    lunar.month = number > 12 ? number - 12 : number;
    lunar.year = number > 12 ? spanYear : spanYear - 1;
    return lunar;
}

QDate lunarToSolar(const LunarDate &lunar)
{
    if (lunar.day < 1 || lunar.day > 30 || lunar.month < 1 || lunar.month > 12
        || lunar.year < kFirstYear || lunar.year > kLastYear)
        return {};
    // Months 11 and 12 of lunar year Y start in the span ending in Gregorian year Y + 1; months
    // 1..10 in the span ending in Y.
    const LunarYearSpan span = spanEndingIn(lunar.month >= 11 ? lunar.year + 1 : lunar.year);
    int offset = lunar.month >= 11 ? lunar.month - 11 : lunar.month + 1;
    if (span.leapOffset > 0) {
        const int leapNumber = (span.leapOffset + 9) % 12 + 1; // the number the leap month repeats
        if (lunar.leap) {
            if (leapNumber != lunar.month)
                return {};
            offset = span.leapOffset;
        } else if (offset >= span.leapOffset) {
            offset += 1;
        }
    } else if (lunar.leap) {
        return {};
    }
    const qint64 start = newMoonDay(span.k11 + offset);
    const qint64 end = newMoonDay(span.k11 + offset + 1);
    if (lunar.day > end - start)
        return {};
    return QDate::fromJulianDay(start + lunar.day - 1);
}

QDate lunarNewYear(int lunarYear)
{
    const QDate tet = lunarToSolar(LunarDate{1, 1, lunarYear, false});
    return tet.isValid() ? tet.addDays(-1) : QDate();
}

// Additions --------------------------------------------------------------------------------------

int leapMonth(int lunarYear)
{
    if (lunarYear < kFirstYear || lunarYear > kLastYear)
        return 0;
    // A leap month of lunar year Y is either leap 1..10, at offset 3..12 of the span ending in Y
    // (offsets 1 and 2 there are leap 11 and 12 of Y - 1), or leap 11/12, at offset 1 or 2 of the
    // span ending in Y + 1.
    const LunarYearSpan span = spanEndingIn(lunarYear);
    if (span.leapOffset >= 3)
        return (span.leapOffset + 9) % 12 + 1;
    const LunarYearSpan next = spanEndingIn(lunarYear + 1);
    if (next.leapOffset == 1 || next.leapOffset == 2)
        return next.leapOffset == 1 ? 11 : 12;
    return 0;
}

int lunarMonthLength(int lunarYear, int month, bool leap)
{
    const QDate first = lunarToSolar(LunarDate{1, month, lunarYear, leap});
    if (!first.isValid())
        return 0;
    return lunarToSolar(LunarDate{30, month, lunarYear, leap}).isValid() ? 30 : 29;
}

} // namespace motcua::domain
