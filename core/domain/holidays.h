#pragma once

#include "officehours.h"
#include "result.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

namespace motcua::domain {

// One day off: a statutory holiday (Labour Code 2019 Art. 112), a compensatory day (Art. 111.3:
// a holiday falling on the weekly rest day is made up on the next working day), or an extra day off
// decided by the government for that year.
struct Holiday
{
    enum class Kind {
        Statutory,
        Compensatory,
        GovernmentDayOff
    };
    QDate date;
    QString name; // Vietnamese, e.g. "Tết Nguyên đán (mùng 1)"
    Kind kind = Kind::Statutory;

    bool operator==(const Holiday &) const = default;
};

// What the government decides for one year (the Prime Minister's yearly notice): extra days off
// and the weekend days worked to swap for them.
struct YearDecision
{
    int year = 0;
    QList<Holiday> daysOff;          // kind GovernmentDayOff
    QList<QDate> workingWeekendDays; // swapped working Saturdays/Sundays (làm bù)
    QDate nationalDayAdjacent;       // the day beside 2/9 chosen that year; invalid = default rule
    // Additions:
    QList<QDate> tetDays; // the five Tết days chosen that year (Art. 112.3); empty = default rule
    QString source; // the decision or notice this comes from, free text (kept, not interpreted)
};

// Statutory holidays of any year, plus the yearly decisions loaded from JSON (see
// docs/calendar.md).
class HolidayCalendar
{
public:
    HolidayCalendar() = default;
    HolidayCalendar(const HolidayCalendar &other);
    HolidayCalendar &operator=(const HolidayCalendar &other);
    ~HolidayCalendar() = default;

    // Parses the yearly government data file. Bad input → an Error naming the entry at fault.
    static Result<HolidayCalendar> fromJson(const QByteArray &json);
    [[nodiscard]] QByteArray toJson() const;
    // Reads and parses a file; an unreadable file → Error "calendar.file_unreadable".
    static Result<HolidayCalendar> fromFile(const QString &path);

    // The day beside 2/9 when the government decides nothing: 2/9 on Mon, Wed, Thu → 3/9; on Tue,
    // Fri, Sat, Sun → 1/9.
    static QDate defaultNationalDayAdjacent(int year);
    // The five Tết days when the government decides nothing: the last day of the lunar year and
    // days 1–4 of month 1 (an empty list outside 1900..2199).
    static QList<QDate> defaultTetDays(int year);

    void setDecision(const YearDecision &decision);

    // Addition: the office hours every office keeps (docs/calendar.md §3) — the file's
    // "officeHours" when it has them, the standard hours otherwise.
    [[nodiscard]] OfficeHours officeHours() const;
    [[nodiscard]] bool hasOwnOfficeHours() const { return m_officeHours.has_value(); }
    void setOfficeHours(std::optional<OfficeHours> hours);
    [[nodiscard]] const QHash<int, YearDecision> &decisions() const { return m_decisions; }

    // Every day off of the year, sorted by date: statutory holidays on their own date (also when
    // that date is a weekend), compensatory days, and the government's extra days off.
    [[nodiscard]] QList<Holiday> holidays(int year) const;

    [[nodiscard]] bool isDayOff(const QDate &date) const; // a holiday of any kind
    [[nodiscard]] bool
    isSwappedWorkingDay(const QDate &date) const; // a weekend day worked (làm bù)

private:
    [[nodiscard]] QList<Holiday> computeHolidays(int year) const;
    [[nodiscard]] int
    flagsOn(const QDate &date) const; // bit 0: day off, bit 1: swapped working day

    QHash<int, YearDecision> m_decisions;
    std::optional<OfficeHours> m_officeHours;
    mutable QHash<int, QList<Holiday>> m_cache;
    // Additions: the const members may be called from several threads at once.
    mutable QHash<int, QByteArray> m_flagCache;
    mutable QMutex m_cacheMutex;
};

} // namespace motcua::domain
