// Work-calendar figures: due dates per second for deadlines in working days, hours and minutes over
// random received instants across several years, and the rates of the working-minute primitives.
#include "benchmarks.h"

#include <QRandomGenerator>

#include <domain/lunarcalendar.h>
#include <domain/workcalendar.h>

namespace motcua::bench {
namespace {

using namespace motcua::domain;

// A calendar like the government's for 2025–2026 (swapped Saturdays, chosen Tết days), the
// statutory rules for the other years.
WorkCalendar benchCalendarWithDecisions(bool saturdayMorning)
{
    HolidayCalendar holidays;
    YearDecision y2025;
    y2025.year = 2025;
    for (int day = 27; day <= 31; ++day)
        y2025.tetDays.append(QDate(2025, 1, day));
    y2025.nationalDayAdjacent = QDate(2025, 9, 1);
    y2025.daysOff.append(
        {QDate(2025, 5, 2), QStringLiteral("Nghỉ hoán đổi"), Holiday::Kind::GovernmentDayOff});
    y2025.workingWeekendDays.append(QDate(2025, 4, 26));
    holidays.setDecision(y2025);
    YearDecision y2026;
    y2026.year = 2026;
    y2026.daysOff.append(
        {QDate(2026, 1, 2), QStringLiteral("Nghỉ hoán đổi"), Holiday::Kind::GovernmentDayOff});
    y2026.workingWeekendDays.append(QDate(2026, 1, 10));
    holidays.setDecision(y2026);
    return WorkCalendar(holidays, OfficeHours::standard(saturdayMorning));
}

// Random received instants (to the minute) from 2024 to 2030, any hour of any day.
QList<QDateTime> randomInstants(int count)
{
    QRandomGenerator random(42);
    const qint64 from
        = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::OffsetFromUTC, 7 * 3600).toSecsSinceEpoch();
    const qint64 span = qint64(7) * 365 * 86400 / 60;
    QList<QDateTime> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out.append(QDateTime::fromSecsSinceEpoch(from + 60 * random.bounded(span),
                                                 Qt::OffsetFromUTC, 7 * 3600));
    return out;
}

} // namespace

void benchCalendar(Harness &harness)
{
    const WorkCalendar calendar = benchCalendarWithDecisions(false);
    const WorkCalendar saturday = benchCalendarWithDecisions(true);
    const QList<QDateTime> received = randomInstants(4096);
    const qsizetype mask = received.size() - 1;
    // Warm the per-year holiday caches, as a long-running server or client would have them.
    for (int year = 2023; year <= 2032; ++year) {
        (void)calendar.isWorkingDay(QDate(year, 6, 1));
        (void)saturday.isWorkingDay(QDate(year, 6, 1));
    }

    qint64 sink = 0;
    const auto dueRun = [&](const QString &name, const WorkCalendar &cal, Deadline deadline,
                            std::optional<QTime> cutoff, qint64 iterations, const QString &note) {
        harness.run(
            name, iterations,
            [&](qint64 n) {
                for (qint64 i = 0; i < n; ++i)
                    sink += cal.dueAt(received.at(i & mask), deadline, cutoff).toMSecsSinceEpoch();
            },
            note);
    };
    dueRun(QStringLiteral("calendar: dueAt 15 working days"), calendar,
           {Deadline::Unit::WorkingDays, 15}, {}, 200000,
           QStringLiteral("random received 2024-2030"));
    dueRun(QStringLiteral("calendar: dueAt 3 working days, cut-off 16:00"), calendar,
           {Deadline::Unit::WorkingDays, 3}, QTime(16, 0), 200000, QString());
    dueRun(QStringLiteral("calendar: dueAt 40 working days"), calendar,
           {Deadline::Unit::WorkingDays, 40}, {}, 100000, QString());
    dueRun(QStringLiteral("calendar: dueAt 8 working hours"), calendar,
           {Deadline::Unit::WorkingHours, 8}, {}, 200000, QString());
    dueRun(QStringLiteral("calendar: dueAt 120 working hours"), calendar,
           {Deadline::Unit::WorkingHours, 120}, {}, 100000, QStringLiteral("16 working days"));
    dueRun(QStringLiteral("calendar: dueAt 240 working minutes"), calendar,
           {Deadline::Unit::WorkingMinutes, 240}, {}, 200000, QString());
    dueRun(QStringLiteral("calendar: dueAt 8 working hours, Saturday office"), saturday,
           {Deadline::Unit::WorkingHours, 8}, {}, 200000, QString());

    QRandomGenerator random(7);
    QList<qint64> amounts;
    for (int i = 0; i < 4096; ++i)
        amounts.append(random.bounded(10000));
    harness.run(QStringLiteral("calendar: addWorkingMinutes 0-10000 min"), 200000, [&](qint64 n) {
        for (qint64 i = 0; i < n; ++i)
            sink += calendar.addWorkingMinutes(received.at(i & mask), amounts.at(i & mask))
                        .toMSecsSinceEpoch();
    });
    harness.run(QStringLiteral("calendar: workingMinutesBetween, spans <= 60 days"), 200000,
                [&](qint64 n) {
                    for (qint64 i = 0; i < n; ++i) {
                        const QDateTime &from = received.at(i & mask);
                        sink += calendar.workingMinutesBetween(
                            from, from.addSecs(amounts.at(i & mask) * 518));
                    }
                });
    harness.run(
        QStringLiteral("calendar: workingDaysLate, up to 30 days late"), 200000, [&](qint64 n) {
            for (qint64 i = 0; i < n; ++i) {
                const QDateTime &due = received.at(i & mask);
                sink += calendar.workingDaysLate(due, due.addSecs(amounts.at(i & mask) * 259));
            }
        });
    harness.run(
        QStringLiteral("calendar: solarToLunar"), 20000,
        [&](qint64 n) {
            for (qint64 i = 0; i < n; ++i)
                sink += solarToLunar(received.at(i & mask).date()).day;
        },
        QStringLiteral("uncached astronomy"));
    harness.run(QStringLiteral("calendar: holidays(year), cold cache"), 2000, [&](qint64 n) {
        for (qint64 i = 0; i < n; ++i)
            sink += HolidayCalendar().holidays(int(2000 + i % 100)).size();
    });
    if (sink == 42) // keeps the work observable
        harness.record({QStringLiteral("calendar: (sink)"), 0, 0, {}});
}

} // namespace motcua::bench
