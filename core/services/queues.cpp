#include "queues.h"

#include <algorithm>

namespace motcua::services {

using domain::Role;
using domain::Stage;

namespace {

QList<Stage> clockRunningStages()
{
    QList<Stage> out;
    for (Stage s : domain::allStages()) {
        if (domain::isClockRunning(s))
            out.append(s);
    }
    return out;
}

bool dueOnOrAfter(const store::DossierSummary &s, const QDateTime &now)
{
    return !s.dueAt.isValid() || s.dueAt >= now;
}

} // namespace

QueueDefinition queueDefinition(QueueId id, const domain::Officer &officer, const QDateTime &now,
                                const domain::WorkCalendar &calendar)
{
    QueueDefinition q{id, Role::Counter, {}, {}, {}};
    q.query.agencyCode = officer.agencyCode;
    const QString me = officer.id;
    switch (id) {
    case QueueId::CounterAwaitingIntake:
        q.query.stages = {Stage::AwaitingIntake};
        break;
    case QueueId::CounterAwaitingSupplement:
        q.query.stages = {Stage::SupplementRequested};
        break;
    case QueueId::CounterAwaitingReturn:
        q.query.stages = {Stage::ResultReady};
        break;
    case QueueId::CounterSupplemented:
        q.query.stages = {Stage::AwaitingIntake, Stage::Received};
        q.dossierFilter = [](const domain::Dossier &d) {
            return !d.supplements.isEmpty() && d.supplements.constLast().receivedAt.isValid();
        };
        break;
    case QueueId::CounterInProgress:
        q.query.statuses = {domain::Status::InProgress};
        break;
    case QueueId::CounterRefused:
        q.query.stages = {Stage::Refused};
        break;
    case QueueId::CounterNearlyDue:
        q.query.stages = clockRunningStages();
        q.query.dueBefore = calendar.addWorkingDays(now, kNearlyDueWorkingDays);
        q.summaryFilter = [now](const store::DossierSummary &s) { return dueOnOrAfter(s, now); };
        break;
    case QueueId::CounterAll:
        break;
    case QueueId::AppraisalOnTime:
    case QueueId::AppraisalOverdue:
        q.role = Role::Appraiser;
        q.query.handlerId = me;
        q.query.stages = {Stage::InAppraisal, Stage::Consulting};
        if (id == QueueId::AppraisalOverdue)
            q.query.dueBefore = now;
        else
            q.summaryFilter
                = [now](const store::DossierSummary &s) { return dueOnOrAfter(s, now); };
        break;
    case QueueId::AppraiserSupplement:
        q.role = Role::Appraiser;
        q.query.stages = {Stage::SupplementRequested};
        q.dossierFilter = [me](const domain::Dossier &d) {
            return !d.supplements.isEmpty() && d.supplements.constLast().requestedBy == me;
        };
        break;
    case QueueId::AppraiserSubmitted:
        q.role = Role::Appraiser;
        q.query.stages = {Stage::AwaitingApproval};
        q.dossierFilter = [me](const domain::Dossier &d) { return d.submittedBy == me; };
        break;
    case QueueId::AssignmentOnTime:
    case QueueId::AssignmentOverdue:
        q.role = Role::Head;
        q.query.departmentId = officer.departmentId;
        q.query.stages = {Stage::AwaitingAssignment};
        if (id == QueueId::AssignmentOverdue)
            q.query.dueBefore = now;
        else
            q.summaryFilter
                = [now](const store::DossierSummary &s) { return dueOnOrAfter(s, now); };
        break;
    case QueueId::HeadAwaitingApproval:
        q.role = Role::Head;
        q.query.departmentId = officer.departmentId;
        q.query.stages = {Stage::AwaitingApproval};
        q.dossierFilter = [](const domain::Dossier &d) { return d.signOffs.isEmpty(); };
        break;
    case QueueId::HeadAwaitingLeader:
        q.role = Role::Head;
        q.query.departmentId = officer.departmentId;
        q.query.stages = {Stage::AwaitingApproval};
        q.dossierFilter = [](const domain::Dossier &d) { return !d.signOffs.isEmpty(); };
        break;
    case QueueId::HeadTakenPart:
        q.role = Role::Head;
        q.dossierFilter = [me](const domain::Dossier &d) { return d.participants.contains(me); };
        break;
    case QueueId::LeaderAwaitingApproval:
        q.role = Role::Leader;
        q.query.stages = {Stage::AwaitingApproval};
        break;
    }
    return q;
}

QList<QueueDefinition> queuesFor(const domain::Officer &officer, const QDateTime &now,
                                 const domain::WorkCalendar &calendar)
{
    static const QList<std::pair<Role, QList<QueueId>>> byRole{
        {Role::Counter,
         {QueueId::CounterAwaitingIntake, QueueId::CounterAwaitingSupplement,
          QueueId::CounterAwaitingReturn, QueueId::CounterSupplemented, QueueId::CounterInProgress,
          QueueId::CounterRefused, QueueId::CounterNearlyDue, QueueId::CounterAll}},
        {Role::Appraiser,
         {QueueId::AppraisalOnTime, QueueId::AppraisalOverdue, QueueId::AppraiserSupplement,
          QueueId::AppraiserSubmitted}},
        {Role::Head,
         {QueueId::AssignmentOnTime, QueueId::AssignmentOverdue, QueueId::HeadAwaitingApproval,
          QueueId::HeadAwaitingLeader, QueueId::HeadTakenPart}},
        {Role::Leader, {QueueId::LeaderAwaitingApproval}},
    };
    QList<QueueDefinition> out;
    for (const auto &[role, ids] : byRole) {
        if (!officer.hasRole(role))
            continue;
        for (QueueId id : ids)
            out.append(queueDefinition(id, officer, now, calendar));
    }
    return out;
}

domain::Result<QueuePage> queuePage(store::Cache &cache, const QueueDefinition &queue, qint64 after,
                                    int limit)
{
    QueuePage page;
    store::SearchQuery query = queue.query;
    query.after = after;
    query.limit = std::clamp(limit, 1, 500);
    // Filters may drop rows: read on until the page is full or the queue ends.
    for (;;) {
        auto result = cache.search(query);
        if (!result)
            return result.error();
        for (const auto &s : result->items) {
            if (queue.summaryFilter && !queue.summaryFilter(s))
                continue;
            if (queue.dossierFilter) {
                auto d = cache.dossier(s.id);
                if (!d)
                    return d.error();
                if (!d.value() || !queue.dossierFilter(*d.value()))
                    continue;
            }
            page.items.append(s);
        }
        page.next = result->next;
        page.more = result->more;
        if (!result->more || page.items.size() >= limit)
            return page;
        query.after = result->next;
    }
}

bool matchesQuery(const store::SearchQuery &q, const store::DossierSummary &s,
                  const domain::Dossier *dossier)
{
    if (!q.statuses.isEmpty() && !q.statuses.contains(domain::statusOf(s.stage)))
        return false;
    if (!q.stages.isEmpty() && !q.stages.contains(s.stage))
        return false;
    if (!q.procedureCodes.isEmpty() && !q.procedureCodes.contains(s.procedureCode))
        return false;
    if (!q.agencyCode.isEmpty() && s.agencyCode != q.agencyCode
        && s.handlingAgencyCode != q.agencyCode)
        return false;
    if (!q.handlerId.isEmpty() && s.handlerId != q.handlerId)
        return false;
    if (q.receivedFrom.isValid() || q.receivedTo.isValid()) {
        const QDate day = domain::toVietnamTime(s.receivedAt).date();
        if (!s.receivedAt.isValid() || (q.receivedFrom.isValid() && day < q.receivedFrom)
            || (q.receivedTo.isValid() && day > q.receivedTo))
            return false;
    }
    if (q.dueBefore.isValid() && (!s.dueAt.isValid() || s.dueAt >= q.dueBefore))
        return false;
    if (q.onlyWithPending && !s.hasPending)
        return false;
    if (dossier && !q.departmentId.isEmpty() && dossier->departmentId != q.departmentId)
        return false;
    return true;
}

domain::Result<QList<qint64>> countQueues(store::Cache &cache, const QList<QueueDefinition> &queues)
{
    QList<qint64> counts(queues.size(), 0);
    if (queues.isEmpty())
        return counts;
    const QString agency = queues.first().query.agencyCode;
    const bool oneAgency = std::all_of(queues.cbegin(), queues.cend(), [&](const auto &q) {
        return q.query.agencyCode == agency && q.query.text.isEmpty();
    });
    if (!oneAgency) {
        for (int i = 0; i < queues.size(); ++i) {
            auto n = countQueue(cache, queues.at(i));
            if (!n)
                return n.error();
            counts[i] = n.value();
        }
        return counts;
    }
    store::SearchQuery all;
    all.agencyCode = agency;
    all.limit = 500;
    for (;;) {
        auto page = cache.search(all);
        if (!page)
            return page.error();
        for (const auto &s : page->items) {
            std::optional<domain::Dossier> dossier;
            bool loaded = false;
            for (int i = 0; i < queues.size(); ++i) {
                const auto &q = queues.at(i);
                if (!matchesQuery(q.query, s, nullptr))
                    continue;
                if (q.summaryFilter && !q.summaryFilter(s))
                    continue;
                if (q.dossierFilter || !q.query.departmentId.isEmpty()) {
                    if (!loaded) {
                        auto d = cache.dossier(s.id);
                        if (!d)
                            return d.error();
                        dossier = d.value();
                        loaded = true;
                    }
                    if (!dossier || !matchesQuery(q.query, s, &*dossier)
                        || (q.dossierFilter && !q.dossierFilter(*dossier)))
                        continue;
                }
                ++counts[i];
            }
        }
        if (!page->more)
            return counts;
        all.after = page->next;
    }
}

domain::Result<qint64> countQueue(store::Cache &cache, const QueueDefinition &queue)
{
    qint64 count = 0;
    qint64 after = 0;
    for (;;) {
        auto page = queuePage(cache, queue, after, 500);
        if (!page)
            return page.error();
        count += page->items.size();
        if (!page->more)
            return count;
        after = page->next;
    }
}

} // namespace motcua::services
