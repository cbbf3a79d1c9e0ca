#pragma once

#include "holidays.h"
#include "officehours.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QTime>

#include <array>
#include <optional>
#include <utility>

namespace motcua::domain {

// All instants of the work calendar are Vietnam time (UTC+7, no daylight saving). Inputs in any
// offset are converted; outputs carry offset +07:00.
QDateTime toVietnamTime(const QDateTime &instant);

// A procedure's deadline: an amount of working days, hours or minutes (or none: untimed).
struct Deadline
{
    enum class Unit {
        None,
        WorkingDays,
        WorkingHours,
        WorkingMinutes
    };
    Unit unit = Unit::None;
    int amount = 0;

    [[nodiscard]] bool isTimed() const { return unit != Unit::None && amount > 0; }
    bool operator==(const Deadline &) const = default;
};

// Working-time arithmetic over office hours, weekends, holidays and swapped working days.
class WorkCalendar
{
public:
    WorkCalendar()
        : WorkCalendar(HolidayCalendar{}, OfficeHours::standard())
    {}
    WorkCalendar(HolidayCalendar holidays, OfficeHours hours);
    // The calendar's own office hours (HolidayCalendar::officeHours()).
    explicit WorkCalendar(const HolidayCalendar &calendar)
        : WorkCalendar(calendar, calendar.officeHours())
    {}

    [[nodiscard]] const HolidayCalendar &holidays() const { return m_holidays; }
    [[nodiscard]] const OfficeHours &officeHours() const { return m_hours; }

    // A day with office hours that is not a day off; a swapped working weekend day counts with the
    // hours of a Monday..Friday day.
    [[nodiscard]] bool isWorkingDay(const QDate &date) const;
    [[nodiscard]] QList<OfficeHours::Interval> hoursOn(const QDate &date) const;

    // The first working instant at or after `instant`.
    [[nodiscard]] QDateTime nextWorkingInstant(const QDateTime &instant) const;

    // `minutes` of working time after `start` (start normalised to the next working instant first).
    [[nodiscard]] QDateTime addWorkingMinutes(const QDateTime &start, qint64 minutes) const;

    // Working minutes in [from, to); 0 when to <= from.
    [[nodiscard]] qint64 workingMinutesBetween(const QDateTime &from, const QDateTime &to) const;

    // The instant the clock starts for a dossier received at `received`: received after `cutoff`
    // (or outside office hours, or on a day off) counts from the opening of the next working day.
    [[nodiscard]] QDateTime clockStart(const QDateTime &received,
                                       std::optional<QTime> cutoff = {}) const;

    // The due instant of a deadline counted from `received`.
    //  - working days: the same time of day on the Nth working day after the clock start's day
    //    (clamped to that day's closing time when the day is shorter);
    //  - working hours / minutes: that much working time after the clock start.
    // Untimed deadline → an invalid QDateTime.
    [[nodiscard]] QDateTime dueAt(const QDateTime &received, const Deadline &deadline,
                                  std::optional<QTime> cutoff = {}) const;

    // Pausing: the working minutes left at `pausedAt`; resuming: the new due instant.
    [[nodiscard]] qint64 remainingAt(const QDateTime &pausedAt, const QDateTime &due) const;
    [[nodiscard]] QDateTime resume(const QDateTime &resumedAt, qint64 remainingMinutes) const;

    // An extension of `minutes` working minutes moves the due instant.
    [[nodiscard]] QDateTime extend(const QDateTime &due, qint64 minutes) const;

    // Whole working days by which `completed` is later than `due` (0 when on time).
    [[nodiscard]] int workingDaysLate(const QDateTime &due, const QDateTime &completed) const;

    // Addition: the same time of day on the `days`-th working day after the day of `start` (clamped
    // into that day's opening hours); `start` is kept when it lies between the opening and the
    // closing of a working day, otherwise it moves to the next working instant first. Used for
    // deadlines and extensions in working days.
    [[nodiscard]] QDateTime addWorkingDays(const QDateTime &start, int days) const;

private:
    using Span = std::pair<qint64, qint64>; // [start, end) in milliseconds since local midnight
    [[nodiscard]] const QList<Span> &spansOn(qint64 julianDay) const;
    [[nodiscard]] std::optional<qint64> nextWorkingMs(qint64 localMs) const;
    [[nodiscard]] std::optional<qint64> addWorkingMs(qint64 localMs, qint64 amount) const;
    [[nodiscard]] std::optional<std::pair<qint64, qint64>> dayAnchor(qint64 localMs) const;

    HolidayCalendar m_holidays;
    OfficeHours m_hours;
    std::array<QList<Span>, 8> m_spans; // m_hours in milliseconds, sorted, per weekday
};

} // namespace motcua::domain
