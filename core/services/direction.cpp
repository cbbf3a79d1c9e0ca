#include "direction.h"

#include "queues.h"

#include <domain/action.h>

#include <algorithm>
#include <tuple>

namespace motcua::services {

namespace {

QString departmentName(const domain::Directory &directory, const domain::Dossier &d)
{
    for (const QString &code : {d.handlingAgencyCode, d.agencyCode}) {
        if (const auto a = directory.agency(code)) {
            for (const auto &dep : a->departments) {
                if (dep.id == d.departmentId)
                    return dep.name;
            }
        }
    }
    return d.departmentId;
}

void count(QList<DirectionLoad> &loads, const QString &key, const QString &name,
           const DirectionRow &row)
{
    if (key.isEmpty())
        return;
    auto it = std::find_if(loads.begin(), loads.end(),
                           [&](const DirectionLoad &l) { return l.key == key; });
    if (it == loads.end()) {
        loads.append({key, name, 0, 0, 0});
        it = loads.end() - 1;
    }
    ++it->inProgress;
    it->overdue += row.daysOverdue > 0 ? 1 : 0;
    it->nearlyDue += row.nearlyDue ? 1 : 0;
}

} // namespace

domain::Result<DirectionReport> directionReport(store::Cache &cache, const QString &agencyCode,
                                                const domain::Directory &directory,
                                                const QDateTime &now)
{
    DirectionReport report;
    store::SearchQuery query;
    query.agencyCode = agencyCode;
    query.statuses = {domain::Status::InProgress};
    query.limit = 500;
    const auto &calendar = directory.calendar(agencyCode);
    const QDateTime nearly = calendar.addWorkingDays(now, kNearlyDueWorkingDays);
    for (;;) {
        auto page = cache.search(query);
        if (!page)
            return page.error();
        for (const auto &s : page->items) {
            auto loaded = cache.dossier(s.id);
            if (!loaded)
                return loaded.error();
            if (!loaded.value())
                continue;
            const domain::Dossier &d = *loaded.value();
            DirectionRow row;
            row.id = d.id;
            row.code = d.code;
            row.procedureName = d.procedureName;
            row.stage = d.stage;
            row.departmentId = d.departmentId;
            row.departmentName = departmentName(directory, d);
            row.handlerId = d.handlerId;
            if (const auto o = directory.officer(d.handlerId))
                row.handlerName = o->fullName;
            for (const auto &e : d.trail) { // prints are not steps of the processing
                if (e.type == domain::ActionType::RecordPrint)
                    continue;
                ++row.stepsPassed;
                row.lastStep = domain::actionTypeName(e.type);
            }
            row.dueAt = d.dueAt;
            if (d.isOverdue(now))
                row.daysOverdue = std::max(1, calendar.workingDaysLate(d.dueAt, now));
            else
                row.nearlyDue
                    = d.dueAt.isValid() && domain::isClockRunning(d.stage) && d.dueAt < nearly;
            report.overdue += row.daysOverdue > 0 ? 1 : 0;
            report.nearlyDue += row.nearlyDue ? 1 : 0;
            count(report.departments, row.departmentId, row.departmentName, row);
            count(report.officers, row.handlerId, row.handlerName, row);
            report.dossiers.append(row);
        }
        if (!page->more)
            break;
        query.after = page->next;
    }
    std::stable_sort(report.dossiers.begin(), report.dossiers.end(),
                     [](const DirectionRow &a, const DirectionRow &b) {
                         if (a.daysOverdue != b.daysOverdue)
                             return a.daysOverdue > b.daysOverdue;
                         if (a.nearlyDue != b.nearlyDue)
                             return a.nearlyDue;
                         if (a.dueAt.isValid() != b.dueAt.isValid())
                             return a.dueAt.isValid();
                         return a.dueAt < b.dueAt;
                     });
    const auto byOverdue = [](const DirectionLoad &a, const DirectionLoad &b) {
        return std::tie(b.overdue, b.nearlyDue, a.name) < std::tie(a.overdue, a.nearlyDue, b.name);
    };
    std::sort(report.departments.begin(), report.departments.end(), byOverdue);
    std::sort(report.officers.begin(), report.officers.end(), byOverdue);
    return report;
}

} // namespace motcua::services
