#include "code_blocks.h"

namespace motcua::sync {

QList<QDate> leaseDays(const QDate &today, int workingDaysAhead,
                       const domain::WorkCalendar &calendar)
{
    QList<QDate> days{today};
    QDate d = today;
    // A year without a working day only happens with a broken calendar: stop there.
    for (int guard = 0; days.size() <= workingDaysAhead && guard < 366; ++guard) {
        d = d.addDays(1);
        if (calendar.isWorkingDay(d))
            days.append(d);
    }
    return days;
}

} // namespace motcua::sync
