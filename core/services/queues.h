#pragma once

// The work queues of each officer's workspace (R20.1–R20.4) and the portal and supplement queues
// (R12.2, R13): a store query (every standard queue is a query alone, so it is counted by one
// SQL COUNT), optionally with a check on the summary or the whole dossier for custom queues.
// Counting and paging answer from the cache (visible state: confirmed plus this device's pending
// actions).
#include <QDateTime>
#include <QList>
#include <QString>

#include <domain/entities.h>
#include <domain/result.h>
#include <store/cache.h>

#include <functional>

namespace motcua::services {

enum class QueueId {
    // R20.1 counter officer
    CounterAwaitingIntake,     // a) chờ tiếp nhận (national portal)
    CounterAwaitingSupplement, // b) chờ bổ sung
    CounterAwaitingReturn,     // c) chờ trả kết quả
    CounterSupplemented,       // d) đã bổ sung, chờ tiếp nhận
    CounterInProgress,         // e) đang giải quyết
    CounterRefused,            // f) từ chối
    CounterNearlyDue,          // g) sắp đến hạn
    CounterAll,                // h) tất cả
    // R20.2 appraiser
    AppraisalOnTime,     // a) đang thẩm định, trong hạn
    AppraisalOverdue,    // a) đang thẩm định, quá hạn
    AppraiserSupplement, // b) chờ bổ sung
    AppraiserSubmitted,  // c) đã trình ký
    // R20.3 department head
    AssignmentOnTime,     // a) chờ phân công, trong hạn
    AssignmentOverdue,    // a) chờ phân công, quá hạn
    HeadAwaitingApproval, // b) chờ phê duyệt
    HeadAwaitingLeader,   // c) chờ lãnh đạo đơn vị ký
    HeadTakenPart,        // d) đã tham gia
    // R20.4 unit leader
    LeaderAwaitingApproval,
    // Processing queues beyond the workspace counts (R15.3–R15.4, R16.5, R18.2, R18.6)
    AppraiserSupplemented, // R15.3 đã bổ sung, chờ xử lý (the holder's)
    AppraiserTakenPart,    // R15.4 hồ sơ đã tham gia xử lý
    SignedByMe,            // R16.5 đã ký duyệt (heads and leaders)
    RejectedByMe,          // R16.5 đã trả lại (refused with directions)
    CounterNotYetReturned, // R18.6 chưa trả: originals not yet shown
    CounterResultReturned, // R18.2 đã trả kết quả
};

struct QueueDefinition
{
    QueueId id;
    domain::Role role;
    store::SearchQuery query;
    // Optional, on the summary (cheap) and on the whole dossier (loaded only when set).
    std::function<bool(const store::DossierSummary &)> summaryFilter;
    std::function<bool(const domain::Dossier &)> dossierFilter;
};

// "Nearly due": the due instant falls within this many working days from now (R20.1g).
inline constexpr int kNearlyDueWorkingDays = 2;

// The queues of `officer`'s roles, in the order of R20 (a role's queues appear once).
QList<QueueDefinition> queuesFor(const domain::Officer &officer, const QDateTime &now,
                                 const domain::WorkCalendar &calendar);
// The processing queues of `officer`'s roles that the workspace does not count (listed after
// queuesFor on the queues page).
QList<QueueDefinition> processingQueuesFor(const domain::Officer &officer, const QDateTime &now,
                                           const domain::WorkCalendar &calendar);
QueueDefinition queueDefinition(QueueId id, const domain::Officer &officer, const QDateTime &now,
                                const domain::WorkCalendar &calendar);

struct QueuePage
{
    QList<store::DossierSummary> items;
    qint64 next = 0;
    bool more = false;
};

// One page of the queue, at most `limit` rows, starting at `after` (0: first).
domain::Result<QueuePage> queuePage(store::Cache &cache, const QueueDefinition &queue,
                                    qint64 after = 0, int limit = 50);
// How many dossiers the queue holds: one COUNT in the cache when the queue has no filter
// function (the standard queues have none), else its pages read through.
domain::Result<qint64> countQueue(store::Cache &cache, const QueueDefinition &queue);

// The counts of several queues (the workspace), one COUNT each.
domain::Result<QList<qint64>> countQueues(store::Cache &cache,
                                          const QList<QueueDefinition> &queues);

} // namespace motcua::services
