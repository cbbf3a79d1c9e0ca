#pragma once

#include "action.h"
#include "result.h"
#include "roles.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace motcua::domain {

// The processing statuses shown to applicants and officers (R04.1), Vietnamese names as in the
// Circular.
enum class Status {
    AwaitingIntake, // "Chờ tiếp nhận" — submitted online, not yet accepted (R12.2, R20.1a)
    Accepted,       // "Được tiếp nhận"
    SupplementRequested, // "Yêu cầu bổ sung giấy tờ"
    Returned,            // "Đã trả lại"
    Stopped,             // "Dừng xử lý"
    InProgress,          // "Đang xử lý"
    Done,                // "Đã xử lý xong"
};

QString statusKey(Status status);  // "accepted", …
QString statusName(Status status); // "Được tiếp nhận", …
std::optional<Status> statusFromKey(const QString &key);

// Where a dossier stands in its processing cycle: finer than the public status, which it maps to.
enum class Stage {
    AwaitingIntake,      // from the national portal, not yet accepted
    Received,            // accepted at the counter, not yet transferred
    SupplementRequested, // waiting for the applicant; the clock is stopped
    Withdrawn,           // handed back at the applicant's request (final)
    Refused,             // intake refused (final)
    AwaitingAssignment,  // at the competent agency / department, no handler yet
    InAppraisal,         // a handler is processing it
    Consulting,          // the handler waits for other agencies' opinions
    AwaitingApproval,    // the draft result waits for sign-off
    Approved,            // signed off; the result is on its way to the counter
    Rejected,            // not resolved after appraisal (final)
    StoppedOnRequest,    // stopped at the applicant's request, R17 (final)
    ResultReady,         // at the counter, being returned ("Đang trả kết quả")
    ResultReturned,      // handed to the applicant ("Đã trả kết quả", final)
};

const QList<Stage> &allStages();
QString stageKey(Stage stage);
QString stageName(Stage stage); // Vietnamese
std::optional<Stage> stageFromKey(const QString &key);
Status statusOf(Stage stage);
bool isFinal(Stage stage);
bool isClockRunning(Stage stage); // counts toward the deadline (in progress, not paused, not done)

// What the status line shows next to the status (R04.1 "information shown").
enum class StatusInfo {
    None,
    IntakeDate,        // "Ngày tiếp nhận hồ sơ"
    SupplementReason,  // "Lý do bổ sung, hoàn thiện hồ sơ"
    RefusalReason,     // "Lý do từ chối tiếp nhận"
    CompetentAgency,   // "Cơ quan có thẩm quyền giải quyết"
    Handler,           // "Vị trí, phòng ban, người xử lý hiện tại"
    SupplementContent, // "Lý do, nội dung cần bổ sung"
    NotResolvedReason, // "Lý do không giải quyết"
    DueAndOverdue,     // "Thời hạn xử lý, thời gian quá hạn"
    ReturnState,       // "Đang trả kết quả / Đã trả kết quả"
};

// One row of the R04.1 table: the event, the status it leads to and the information shown.
struct StatusEvent
{
    QString key;   // stable id, e.g. "counter-accepts"
    QString event; // Vietnamese description of the event
    Status status;
    StatusInfo info;
    QList<Stage> stages; // the stages in which this row applies
};
const QList<StatusEvent> &statusCatalogue();
QString statusInfoLabel(StatusInfo info); // Vietnamese label of the information

// The state-transition chart as data (R04.2): from a stage, an action leads to a stage.
struct Transition
{
    Stage from;
    ActionType action;
    Stage
        to; // for RecordSupplement and RecordOpinion: the stage the dossier came from (see engine)
    bool operator==(const Transition &) const = default;
};

class TransitionChart
{
public:
    static const TransitionChart &standard();
    explicit TransitionChart(QList<Transition> transitions, QList<Stage> initial);

    [[nodiscard]] const QList<Transition> &transitions() const { return m_transitions; }
    [[nodiscard]] const QList<Stage> &initialStages() const { return m_initial; }
    [[nodiscard]] bool allows(Stage from, ActionType action) const;
    [[nodiscard]] QList<ActionType> actionsFrom(Stage from) const;
    [[nodiscard]] QList<Stage> targets(Stage from, ActionType action) const;
    // Who may take a step when the chart narrows it (the province's chart, chart.h): a subset of
    // rolesAllowed(action). Empty: the chart leaves it to the action's roles.
    [[nodiscard]] QList<Role> rolesAt(Stage from, ActionType action) const;
    void narrowRoles(Stage from, ActionType action, QList<Role> roles);

    // Every stage reachable from an initial stage; every non-final stage has an exit; no exit
    // leaves a final stage (except none).
    [[nodiscard]] Check validate() const;

private:
    QList<Transition> m_transitions;
    QList<Stage> m_initial;
    QHash<int, QList<Role>> m_roles; // by stepKey(from, action)
};

} // namespace motcua::domain
