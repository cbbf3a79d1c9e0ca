#pragma once

#include "action.h"
#include "entities.h"
#include "result.h"
#include "workcalendar.h"

#include <QList>
#include <QString>

namespace motcua::domain {

// Who a workflow step goes to (R01.2c: permissions along the workflow per group, per person and
// per position).
enum class AssigneeKind {
    Role,       // a role key: open to every officer the role rules let act
    Department, // a department id of the agency
    Person,     // an officer id
    Group,      // an officer group id (OfficerGroup)
    Position    // a position (chức vụ) as written in officers' titles: "Trưởng phòng"
};
QString assigneeKindKey(AssigneeKind kind);
std::optional<AssigneeKind> assigneeKindFromKey(const QString &key);

// Where the dossiers a workflow covers come from (R07.4).
enum class WorkflowVariant {
    Counter,
    NationalPortal,
    CentralToLocal
};
QString workflowVariantKey(WorkflowVariant variant);
std::optional<WorkflowVariant> workflowVariantFromKey(const QString &key);
QString workflowVariantName(WorkflowVariant variant); // Vietnamese
// The variant that covers a dossier received through `channel`: the national portal's own, the
// counter's for every channel that ends at the counter (post, providers, representatives, mobile).
// Dossiers from central-to-local systems arrive through their own interface, not a channel.
std::optional<WorkflowVariant> workflowVariantFor(Channel channel);

struct WorkflowStep
{
    QString id;
    QString name;
    AssigneeKind assigneeKind = AssigneeKind::Role;
    QString assignee;           // a role key, a department id or an officer id
    qint64 durationMinutes = 0; // working minutes; 0 in an untimed workflow
    QList<ActionType> allowedActions;
    bool supplement = false; // the step that asks the applicant to supplement (R07.3)
    bool operator==(const WorkflowStep &) const = default;
};

struct WorkflowTransition
{
    QString from;
    QString to;
    ActionType on = ActionType::Transfer;
    bool operator==(const WorkflowTransition &) const = default;
};

// A versioned workflow definition (R07). A running dossier keeps the version it started with.
struct Workflow
{
    QString id;
    int version = 1;
    QString name;
    QString procedureCode;
    bool timed = true;
    QList<WorkflowVariant> variants{WorkflowVariant::Counter};
    QString startStepId;
    QList<WorkflowStep> steps;
    QList<WorkflowTransition> transitions;

    [[nodiscard]] const WorkflowStep *step(const QString &id) const;
    [[nodiscard]] qint64 totalMinutes() const;
    bool operator==(const Workflow &) const = default;
};

// Whether `officer` may do the work of `step` of workflow `workflowId` (R01.2c): a step given to a
// role is open to whoever the role rules let act; a step given to a department, a person, a group
// or a position only to the officers it names — and to an officer granted the step by name
// (Officer::stepPermissions: the step id, or "workflowId/stepId").
bool mayWorkAt(const WorkflowStep &step, const QString &workflowId, const Officer &officer);

// "Nhóm Tổ thẩm định" / "Chức vụ Trưởng phòng"…: who `step` is restricted to, in Vietnamese, for
// refusals (the id when no better name is known).
QString assigneeDescription(const WorkflowStep &step);

// A deadline in working minutes, a working day being `minutesPerDay` (480 for 07:30–11:30,
// 13:30–17:00).
qint64 deadlineMinutes(const Deadline &deadline, qint64 minutesPerDay = 480);

// Validates the definition: unique step ids, a start step, transitions between existing steps,
// every step reachable, a supplement step (R07.3), durations ≥ 0 and, when timed, Σ durations ≤ the
// procedure's deadline (R07.2) — the message names the excess.
Check validateWorkflow(const Workflow &workflow, const Deadline &procedureDeadline,
                       qint64 minutesPerDay = 480);

// The step `dossier` is at in `workflow`: its recorded current step when the workflow has it,
// otherwise the first step that allows the action its stage waits for (the supplement step while
// the applicant supplements). Null for a dossier that is finished and has no recorded step.
const WorkflowStep *currentStep(const Workflow &workflow, const Dossier &dossier);

// The actions a dossier at `stage` waits for: receive or transfer at the counter, assign, submit
// for approval, approve, complete or return. Empty for the supplement and final stages.
QList<ActionType> awaitedActions(Stage stage);

// The step the engine records after an action of `type` moved `dossier` (already changed: its
// new stage, its supplements) from step `fromStepId` of `workflow` (docs/domain.md):
//   - a supplement request → the supplement step (the transition's target when it is one);
//   - a supplement received → the step the request was made at (SupplementRequest::resumeStepId);
//   - a final stage → `fromStepId`: the view shows where processing ended;
//   - otherwise a transition from `fromStepId` on `type` whose target fits the new stage (allows
//     an action the stage waits for, or allows anything), else `fromStepId` when it still fits,
//     else the first step that allows the action the new stage waits for, else `fromStepId`.
// Printing a slip (RecordPrint) never moves the step.
QString stepAfter(const Workflow &workflow, const QString &fromStepId, ActionType type,
                  const Dossier &dossier);

// "2 ngày 3 giờ 15 phút" for working minutes.
QString formatWorkingMinutes(qint64 minutes, qint64 minutesPerDay = 480);

} // namespace motcua::domain
