#pragma once

// The workflow engine: the one place that decides what an action does to a dossier. The client runs
// it optimistically (offline), the server authoritatively (at sync); both get the same answer.
#include "action.h"
#include "directory.h"
#include "entities.h"
#include "result.h"

#include <QList>

namespace motcua::domain {

// Applies `action` to `dossier` (version 0 and a null id for a dossier that does not exist yet).
// Returns the new dossier, or an Error whose code says why the action is rejected:
//   action.unknown_actor, action.inactive_actor, action.wrong_role, action.wrong_agency,
//   action.not_holder, action.wrong_stage, action.stale_version, action.wrong_dossier,
//   action.bad_payload, action.unknown_procedure, action.unknown_officer, action.unknown_agency,
//   action.step_not_permitted.
// Applying an action that the dossier already holds (same UUID) returns the dossier unchanged.
Result<Dossier> apply(Dossier dossier, const Action &action, const Directory &directory);

// Whether `actor` may make an action of `type` on `dossier` as it stands: active, role, agency,
// stage (transition chart) and holder — the checks apply() makes before reading the payload. The
// UI asks this to offer only the actions that are the officer's to take.
Check permitted(const Dossier &dossier, ActionType type, const Officer &actor,
                bool creating = false);
// The same, and the workflow's say (R01.2c): the work a step lists is for the officers the step
// is given to (a group, a position, a department, a person). The UI asks this one.
Check permitted(const Dossier &dossier, ActionType type, const Officer &actor,
                const Directory &directory);

// The dossier as the fold of its actions, in order.
Result<Dossier> fold(const QList<Action> &actions, const Directory &directory);

// Which roles may make an action of this type (before the stage and holder checks).
QList<Role> rolesAllowed(ActionType type);

// The status line shown with the status (R04.1), e.g. "Đang xử lý — Hạn xử lý 15/08/2023 - Quá hạn
// 3 ngày" or "Được tiếp nhận — Ngày tiếp nhận hồ sơ: 15/8/2023".
QString statusLine(const Dossier &dossier, const QDateTime &now, const Directory &directory);

} // namespace motcua::domain
