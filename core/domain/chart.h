#pragma once

// The province's transition chart (R04.2) as its admin sets it. The standard chart (status.h) is
// everything the engine knows how to do; the admin may switch off the steps that are the
// agencies' own way of working and narrow who may take a step, never add a step the engine has no
// rule for nor take away what the applicant has a right to.
#include "result.h"
#include "roles.h"
#include "status.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace motcua::domain {

// One step of the chart: an action taken at a stage (with all its targets).
struct ChartStep
{
    Stage from = Stage::Received;
    ActionType action = ActionType::Receive;
    bool enabled = true;
    QList<Role> roles = {}; // empty: every role the action allows (rolesAllowed)
    bool operator==(const ChartStep &) const = default;
};

// What differs from the standard chart, one entry per changed step, in the standard chart's
// order; none: the standard chart.
struct ChartSettings
{
    QList<ChartStep> steps;
    bool operator==(const ChartSettings &) const = default;
    [[nodiscard]] bool isStandard() const { return steps.isEmpty(); }
    // The step as these settings have it (the standard step when they do not change it).
    [[nodiscard]] ChartStep step(Stage from, ActionType action) const;
};

// Whether a step of the standard chart may be switched off: forwarding to another agency,
// consultation, reassignment and extension are the agency's choice. Every other step is either
// the applicant's right (withdrawal, supplements, refusal with its reason, stopping on request,
// the return of results) or the path every dossier takes.
bool isOptionalStep(Stage from, ActionType action);
// Why a step may not be switched off (Vietnamese), empty for an optional step.
QString lockedReason(Stage from, ActionType action);

// The standard chart's steps, each (stage, action) once, in the chart's order.
QList<ChartStep> standardSteps();

// {"steps": [{"from": "in-appraisal", "action": "consult", "enabled": false},
//            {"from": "awaiting-approval", "action": "approve", "roles": ["leader"]}]}
// Read strictly and made canonical: a step as standard is dropped, roles in allRoles() order.
Result<ChartSettings> chartSettingsFromJson(const QJsonObject &json);
QJsonObject toJson(const ChartSettings &settings);

// The chart the settings make of the standard one. Error chart.* naming the step at fault
// ("steps[2]"): a step the standard chart does not have, a locked step switched off, roles the
// action does not allow or none at all.
Result<TransitionChart> chartFrom(const ChartSettings &settings);

} // namespace motcua::domain
