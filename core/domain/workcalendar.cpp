// Working-time arithmetic in Vietnam time (UTC+7). Internally an instant is "local milliseconds":
// milliseconds since 1970-01-01 00:00 Vietnam wall time, so a day is a plain division. Rules:
// docs/calendar.md.
#include "workcalendar.h"

#include <algorithm>

namespace motcua::domain {
namespace {

constexpr int kOffsetSeconds = 7 * 3600;
constexpr qint64 kOffsetMs = qint64(kOffsetSeconds) * 1000;
constexpr qint64 kDayMs = 86400000;
constexpr qint64 kMinuteMs = 60000;
constexpr qint64 kEpochJulianDay = 2440588; // 1970-01-01
constexpr qint64 kSearchDays = 3700;        // about ten years: no working day within → no answer

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

qint64 toLocalMs(const QDateTime &instant)
{
    return instant.toMSecsSinceEpoch() + kOffsetMs;
}

QDateTime fromLocalMs(qint64 localMs)
{
    return QDateTime::fromMSecsSinceEpoch(localMs - kOffsetMs, Qt::OffsetFromUTC, kOffsetSeconds);
}

QDateTime fromLocalMs(const std::optional<qint64> &localMs)
{
    return localMs ? fromLocalMs(*localMs) : QDateTime();
}

qint64 julianDayOf(qint64 localMs)
{
    return floorDiv(localMs, kDayMs) + kEpochJulianDay;
}

qint64 dayStartMs(qint64 julianDay)
{
    return (julianDay - kEpochJulianDay) * kDayMs;
}

} // namespace

QDateTime toVietnamTime(const QDateTime &instant)
{
    return instant.isValid() ? instant.toOffsetFromUtc(kOffsetSeconds) : QDateTime();
}

WorkCalendar::WorkCalendar(HolidayCalendar holidays, OfficeHours hours)
    : m_holidays(std::move(holidays))
    , m_hours(std::move(hours))
{
    // Invalid or empty intervals are dropped; overlapping ones are merged.
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        QList<Span> spans;
        for (const auto &interval : m_hours.intervals(day)) {
            if (interval.start.isValid() && interval.end.isValid() && interval.start < interval.end)
                spans.append(
                    {interval.start.msecsSinceStartOfDay(), interval.end.msecsSinceStartOfDay()});
        }
        std::sort(spans.begin(), spans.end());
        QList<Span> merged;
        for (const Span &span : spans) {
            if (!merged.isEmpty() && span.first <= merged.last().second)
                merged.last().second = std::max(merged.last().second, span.second);
            else
                merged.append(span);
        }
        m_spans[day] = merged;
    }
}

const QList<WorkCalendar::Span> &WorkCalendar::spansOn(qint64 julianDay) const
{
    static const QList<Span> kNone;
    const QDate date = QDate::fromJulianDay(julianDay);
    const int weekday = date.dayOfWeek();
    const QList<Span> &own = m_spans.at(weekday);
    if (weekday >= Qt::Saturday && m_holidays.isSwappedWorkingDay(date))
        return m_spans.at(Qt::Monday); // a swapped working weekend day has the hours of a weekday
    if (own.isEmpty() || m_holidays.isDayOff(date))
        return kNone;
    return own;
}

bool WorkCalendar::isWorkingDay(const QDate &date) const
{
    return date.isValid() && !spansOn(date.toJulianDay()).isEmpty();
}

QList<OfficeHours::Interval> WorkCalendar::hoursOn(const QDate &date) const
{
    QList<OfficeHours::Interval> out;
    if (!date.isValid())
        return out;
    for (const Span &span : spansOn(date.toJulianDay()))
        out.append({QTime::fromMSecsSinceStartOfDay(int(span.first)),
                    QTime::fromMSecsSinceStartOfDay(int(span.second))});
    return out;
}

std::optional<qint64> WorkCalendar::nextWorkingMs(qint64 localMs) const
{
    qint64 day = julianDayOf(localMs);
    qint64 t = localMs - dayStartMs(day);
    for (qint64 i = 0; i < kSearchDays; ++i, ++day, t = 0) {
        for (const Span &span : spansOn(day)) {
            if (t < span.second)
                return dayStartMs(day) + std::max(t, span.first);
        }
    }
    return std::nullopt;
}

std::optional<qint64> WorkCalendar::addWorkingMs(qint64 localMs, qint64 amount) const
{
    const auto start = nextWorkingMs(localMs);
    if (!start || amount <= 0)
        return start;
    qint64 day = julianDayOf(*start);
    qint64 t = *start - dayStartMs(day);
    qint64 remaining = amount;
    for (qint64 idle = 0; idle < kSearchDays; ++day, t = 0) {
        const QList<Span> &spans = spansOn(day);
        idle = spans.isEmpty() ? idle + 1 : 0;
        for (const Span &span : spans) {
            if (t >= span.second)
                continue;
            const qint64 from = std::max(t, span.first);
            const qint64 available = span.second - from;
            if (remaining <= available)
                return dayStartMs(day) + from + remaining;
            remaining -= available;
        }
    }
    return std::nullopt;
}

QDateTime WorkCalendar::nextWorkingInstant(const QDateTime &instant) const
{
    if (!instant.isValid())
        return {};
    return fromLocalMs(nextWorkingMs(toLocalMs(instant)));
}

QDateTime WorkCalendar::addWorkingMinutes(const QDateTime &start, qint64 minutes) const
{
    if (!start.isValid())
        return {};
    return fromLocalMs(addWorkingMs(toLocalMs(start), minutes * kMinuteMs));
}

qint64 WorkCalendar::workingMinutesBetween(const QDateTime &from, const QDateTime &to) const
{
    if (!from.isValid() || !to.isValid())
        return 0;
    const qint64 a = toLocalMs(from);
    const qint64 b = toLocalMs(to);
    if (b <= a)
        return 0;
    qint64 total = 0;
    const qint64 lastDay = julianDayOf(b);
    for (qint64 day = julianDayOf(a); day <= lastDay; ++day) {
        const qint64 base = dayStartMs(day);
        for (const Span &span : spansOn(day)) {
            const qint64 lo = std::max(a, base + span.first);
            const qint64 hi = std::min(b, base + span.second);
            if (hi > lo)
                total += hi - lo;
        }
    }
    return total / kMinuteMs;
}

QDateTime WorkCalendar::clockStart(const QDateTime &received, std::optional<QTime> cutoff) const
{
    if (!received.isValid())
        return {};
    const qint64 local = toLocalMs(received);
    const qint64 day = julianDayOf(local);
    if (cutoff && cutoff->isValid() && !spansOn(day).isEmpty()
        && local - dayStartMs(day) > cutoff->msecsSinceStartOfDay()) {
        return fromLocalMs(nextWorkingMs(dayStartMs(day + 1)));
    }
    return fromLocalMs(nextWorkingMs(local));
}

// The working day and time of day the day count starts from: `localMs` itself when it lies between
// the opening and the closing of a working day, otherwise the next working instant.
std::optional<std::pair<qint64, qint64>> WorkCalendar::dayAnchor(qint64 localMs) const
{
    qint64 day = julianDayOf(localMs);
    qint64 t = localMs - dayStartMs(day);
    const QList<Span> &spans = spansOn(day);
    if (spans.isEmpty() || t < spans.first().first || t > spans.last().second) {
        const auto next = nextWorkingMs(localMs);
        if (!next)
            return std::nullopt;
        day = julianDayOf(*next);
        t = *next - dayStartMs(day);
    }
    return std::make_pair(day, t);
}

QDateTime WorkCalendar::addWorkingDays(const QDateTime &start, int days) const
{
    if (!start.isValid())
        return {};
    const auto anchor = dayAnchor(toLocalMs(start));
    if (!anchor)
        return {};
    auto [day, t] = *anchor;
    for (int counted = 0, idle = 0; counted < days;) {
        ++day;
        if (spansOn(day).isEmpty()) {
            if (++idle > kSearchDays)
                return {};
        } else {
            ++counted;
            idle = 0;
        }
    }
    const QList<Span> &spans = spansOn(day);
    return fromLocalMs(dayStartMs(day) + std::clamp(t, spans.first().first, spans.last().second));
}

QDateTime WorkCalendar::dueAt(const QDateTime &received, const Deadline &deadline,
                              std::optional<QTime> cutoff) const
{
    if (!deadline.isTimed())
        return {};
    const QDateTime start = clockStart(received, cutoff);
    switch (deadline.unit) {
    case Deadline::Unit::WorkingDays:
        return addWorkingDays(start, deadline.amount);
    case Deadline::Unit::WorkingHours:
        return addWorkingMinutes(start, qint64(deadline.amount) * 60);
    case Deadline::Unit::WorkingMinutes:
        return addWorkingMinutes(start, deadline.amount);
    case Deadline::Unit::None:
        break;
    }
    return {};
}

qint64 WorkCalendar::remainingAt(const QDateTime &pausedAt, const QDateTime &due) const
{
    return workingMinutesBetween(pausedAt, due);
}

QDateTime WorkCalendar::resume(const QDateTime &resumedAt, qint64 remainingMinutes) const
{
    return addWorkingMinutes(resumedAt, remainingMinutes);
}

QDateTime WorkCalendar::extend(const QDateTime &due, qint64 minutes) const
{
    return minutes <= 0 ? toVietnamTime(due) : addWorkingMinutes(due, minutes);
}

int WorkCalendar::workingDaysLate(const QDateTime &due, const QDateTime &completed) const
{
    if (!due.isValid() || !completed.isValid() || completed <= due)
        return 0;
    const auto anchor = dayAnchor(toLocalMs(due));
    if (!anchor)
        return 0;
    auto [day, t] = *anchor;
    const qint64 done = toLocalMs(completed);
    const qint64 lastDay = julianDayOf(done);
    int late = 0;
    // Count the working days whose "same time of day" (clamped like addWorkingDays) is not after
    // the completion.
    while (++day <= lastDay) {
        const QList<Span> &spans = spansOn(day);
        if (spans.isEmpty())
            continue;
        if (dayStartMs(day) + std::clamp(t, spans.first().first, spans.last().second) > done)
            break;
        ++late;
    }
    return late;
}

} // namespace motcua::domain
