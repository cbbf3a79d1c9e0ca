#pragma once

// Office hours: when an office receives and works on dossiers (docs/calendar.md §3). Kept with the
// work calendar's data so the server, every client and motcuactl count the same working time.
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>

#include <array>

namespace motcua::domain {

// A list of [start, end) intervals per weekday (Qt::Monday = 1 … 7).
struct OfficeHours
{
    struct Interval
    {
        QTime start;
        QTime end;
        bool operator==(const Interval &) const = default;
    };
    std::array<QList<Interval>, 8> byWeekday; // index 1..7; 0 unused

    // 07:30–11:30 and 13:30–17:00, Monday to Friday; with `saturdayMorning`, 07:30–11:30 on
    // Saturday.
    static OfficeHours standard(bool saturdayMorning = false);
    [[nodiscard]] const QList<Interval> &intervals(int weekday) const
    {
        return byWeekday.at(weekday);
    }
    [[nodiscard]] bool hasWorkingDay() const;
    // {"monday": ["07:30-11:30", "13:30-17:00"], …, "sunday": []}: every weekday listed.
    [[nodiscard]] QJsonObject toJson() const;
    bool operator==(const OfficeHours &) const = default;
};

// "monday" … "sunday" for Qt::Monday … Qt::Sunday.
QString weekdayKey(int weekday);
// "Thứ Hai" … "Chủ nhật".
QString weekdayName(int weekday);

// One interval "07:30-11:30" (an en dash "–" is taken too). Errors are Vietnamese and name the
// text at fault.
Result<OfficeHours::Interval> parseInterval(const QString &text);
// A day's intervals, "07:30-11:30, 13:30-17:00" ("," or ";" between them, blank = closed): each
// valid, none overlapping another; returned sorted.
Result<QList<OfficeHours::Interval>> parseIntervals(const QString &text);
// Sorted intervals that do not overlap, or an Error naming the two that do.
Result<QList<OfficeHours::Interval>> checkedIntervals(QList<OfficeHours::Interval> intervals);
// "07:30–11:30, 13:30–17:00"; "" for none.
QString intervalsText(const QList<OfficeHours::Interval> &intervals);

} // namespace motcua::domain
