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
        q.query.onlySupplementReceived = true;
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
        q.query.notDueBefore = now;
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
            q.query.notDueBefore = now;
        break;
    case QueueId::AppraiserSupplement:
        q.role = Role::Appraiser;
        q.query.stages = {Stage::SupplementRequested};
        q.query.supplementRequestedBy = me;
        break;
    case QueueId::AppraiserSubmitted:
        q.role = Role::Appraiser;
        q.query.stages = {Stage::AwaitingApproval};
        q.query.submittedBy = me;
        break;
    case QueueId::AssignmentOnTime:
    case QueueId::AssignmentOverdue:
        q.role = Role::Head;
        q.query.departmentId = officer.departmentId;
        q.query.stages = {Stage::AwaitingAssignment};
        if (id == QueueId::AssignmentOverdue)
            q.query.dueBefore = now;
        else
            q.query.notDueBefore = now;
        break;
    case QueueId::HeadAwaitingApproval:
        q.role = Role::Head;
        q.query.departmentId = officer.departmentId;
        q.query.stages = {Stage::AwaitingApproval};
        q.query.signOffs = store::SearchQuery::SignOffs::None;
        break;
    case QueueId::HeadAwaitingLeader:
        q.role = Role::Head;
        q.query.departmentId = officer.departmentId;
        q.query.stages = {Stage::AwaitingApproval};
        q.query.signOffs = store::SearchQuery::SignOffs::Some;
        break;
    case QueueId::HeadTakenPart:
        q.role = Role::Head;
        q.query.participantId = me;
        break;
    case QueueId::LeaderAwaitingApproval:
        q.role = Role::Leader;
        q.query.stages = {Stage::AwaitingApproval};
        break;
    case QueueId::AppraiserSupplemented:
        q.role = Role::Appraiser;
        q.query.handlerId = me;
        q.query.stages = {Stage::InAppraisal};
        q.query.onlySupplementReceived = true;
        break;
    case QueueId::AppraiserTakenPart:
        q.role = Role::Appraiser;
        q.query.participantId = me;
        break;
    case QueueId::SignedByMe:
        q.role = Role::Leader;
        q.query.participantId = me;
        q.query.stages = {Stage::Approved, Stage::ResultReady, Stage::ResultReturned};
        break;
    case QueueId::RejectedByMe:
        q.role = Role::Leader;
        q.query.participantId = me;
        q.query.stages = {Stage::Rejected};
        break;
    case QueueId::CounterNotYetReturned:
        q.query.stages = {Stage::ResultReady};
        q.dossierFilter = [](const domain::Dossier &d) {
            return d.returnRecord.has_value() && !d.returnRecord->originalsChecked;
        };
        break;
    case QueueId::CounterResultReturned:
        q.query.stages = {Stage::ResultReturned};
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

QList<QueueDefinition> processingQueuesFor(const domain::Officer &officer, const QDateTime &now,
                                           const domain::WorkCalendar &calendar)
{
    QList<QueueId> ids;
    if (officer.hasRole(Role::Counter))
        ids << QueueId::CounterNotYetReturned << QueueId::CounterResultReturned;
    if (officer.hasRole(Role::Appraiser))
        ids << QueueId::AppraiserSupplemented << QueueId::AppraiserTakenPart;
    if (officer.hasRole(Role::Head) || officer.hasRole(Role::Leader))
        ids << QueueId::SignedByMe << QueueId::RejectedByMe;
    QList<QueueDefinition> out;
    for (QueueId id : ids)
        out.append(queueDefinition(id, officer, now, calendar));
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

domain::Result<QList<qint64>> countQueues(store::Cache &cache, const QList<QueueDefinition> &queues)
{
    QList<qint64> counts;
    counts.reserve(queues.size());
    for (const auto &q : queues) {
        auto n = countQueue(cache, q);
        if (!n)
            return n.error();
        counts.append(n.value());
    }
    return counts;
}

domain::Result<qint64> countQueue(store::Cache &cache, const QueueDefinition &queue)
{
    if (!queue.summaryFilter && !queue.dossierFilter)
        return cache.count(queue.query);
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
