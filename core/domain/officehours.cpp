// Office hours: parsing, checking and writing the intervals (docs/calendar.md §3).
#include "officehours.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace motcua::domain {
namespace {

QString hhmm(const QTime &time)
{
    return time.toString(QStringLiteral("HH:mm"));
}

QString spanText(const OfficeHours::Interval &interval, const QString &dash)
{
    return hhmm(interval.start) + dash + hhmm(interval.end);
}

Error hoursError(const char *code, const QString &message)
{
    return makeError(QLatin1String("calendar.") + QLatin1String(code), message);
}

} // namespace

OfficeHours OfficeHours::standard(bool saturdayMorning)
{
    OfficeHours hours;
    const Interval morning{QTime(7, 30), QTime(11, 30)};
    const Interval afternoon{QTime(13, 30), QTime(17, 0)};
    for (int day = Qt::Monday; day <= Qt::Friday; ++day)
        hours.byWeekday[day] = {morning, afternoon};
    if (saturdayMorning)
        hours.byWeekday[Qt::Saturday] = {morning};
    return hours;
}

bool OfficeHours::hasWorkingDay() const
{
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        if (!byWeekday.at(day).isEmpty())
            return true;
    }
    return false;
}

QJsonObject OfficeHours::toJson() const
{
    QJsonObject out;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        QJsonArray spans;
        for (const Interval &interval : byWeekday.at(day))
            spans.append(spanText(interval, QStringLiteral("-")));
        out.insert(weekdayKey(day), spans);
    }
    return out;
}

QString weekdayKey(int weekday)
{
    static const char *const kKeys[]
        = {"", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    return weekday >= Qt::Monday && weekday <= Qt::Sunday ? QLatin1String(kKeys[weekday])
                                                          : QString();
}

QString weekdayName(int weekday)
{
    switch (weekday) {
    case Qt::Monday:
        return QStringLiteral("Thứ Hai");
    case Qt::Tuesday:
        return QStringLiteral("Thứ Ba");
    case Qt::Wednesday:
        return QStringLiteral("Thứ Tư");
    case Qt::Thursday:
        return QStringLiteral("Thứ Năm");
    case Qt::Friday:
        return QStringLiteral("Thứ Sáu");
    case Qt::Saturday:
        return QStringLiteral("Thứ Bảy");
    case Qt::Sunday:
        return QStringLiteral("Chủ nhật");
    default:
        return {};
    }
}

Result<OfficeHours::Interval> parseInterval(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})\\s*$"));
    const auto match = pattern.match(text);
    const QString shown = text.trimmed();
    if (!match.hasMatch()) {
        return hoursError("invalid_hours",
                          QStringLiteral("\"%1\" không phải là một khoảng giờ làm việc; hãy viết "
                                         "dạng 07:30-11:30")
                              .arg(shown));
    }
    const QTime start(match.captured(1).toInt(), match.captured(2).toInt());
    const QTime end(match.captured(3).toInt(), match.captured(4).toInt());
    if (!start.isValid() || !end.isValid()) {
        return hoursError(
            "invalid_hours",
            QStringLiteral("\"%1\" có giờ không hợp lệ (giờ từ 00 đến 23, phút từ 00 đến 59)")
                .arg(shown));
    }
    if (end <= start) {
        return hoursError(
            "invalid_hours",
            QStringLiteral("trong \"%1\" giờ kết thúc phải sau giờ bắt đầu").arg(shown));
    }
    return OfficeHours::Interval{start, end};
}

Result<QList<OfficeHours::Interval>> checkedIntervals(QList<OfficeHours::Interval> intervals)
{
    std::sort(intervals.begin(), intervals.end(), [](const auto &a, const auto &b) {
        return a.start < b.start || (a.start == b.start && a.end < b.end);
    });
    for (qsizetype i = 1; i < intervals.size(); ++i) {
        if (intervals.at(i).start < intervals.at(i - 1).end) {
            return hoursError("overlapping_hours",
                              QStringLiteral("hai khoảng giờ %1 và %2 chồng lên nhau")
                                  .arg(spanText(intervals.at(i - 1), QStringLiteral("-")),
                                       spanText(intervals.at(i), QStringLiteral("-"))));
        }
    }
    return intervals;
}

Result<QList<OfficeHours::Interval>> parseIntervals(const QString &text)
{
    static const QRegularExpression separator(QStringLiteral("[,;]"));
    QList<OfficeHours::Interval> out;
    for (const QString &part : text.split(separator)) {
        if (part.trimmed().isEmpty())
            continue;
        auto interval = parseInterval(part);
        if (!interval)
            return interval.error();
        out.append(interval.value());
    }
    return checkedIntervals(out);
}

QString intervalsText(const QList<OfficeHours::Interval> &intervals)
{
    QStringList parts;
    for (const auto &interval : intervals)
        parts.append(spanText(interval, QStringLiteral("–")));
    return parts.join(QStringLiteral(", "));
}

} // namespace motcua::domain
