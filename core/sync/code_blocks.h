#pragma once

// Dossier code blocks held in advance (R12.3a): a counter keeps leased numbers for today and the
// next N working days so that slips printed offline carry their final official code. Blocks
// never overlap on the server and the cache hands each number out once, so two workstations
// offline for a day never issue the same code.
#include <QDate>
#include <QList>

#include <domain/workcalendar.h>

namespace motcua::sync {

// Today (always: somebody is at the counter) and the next `workingDaysAhead` working days.
QList<QDate> leaseDays(const QDate &today, int workingDaysAhead,
                       const domain::WorkCalendar &calendar);

} // namespace motcua::sync
