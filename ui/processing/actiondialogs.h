#pragma once

// Which form each processing action asks for (issue 6 items 2–6): assign/reassign, consult,
// record an opinion, submit for approval, send back, approve, reject, extend, complete, return.
#include "actiondialog.h"

#include <domain/action.h>

#include <memory>

namespace motcua::services {
class Workstation;
}

namespace motcua::ui::processing {

// The processing actions, in the order the dossier view shows them.
const QList<domain::ActionType> &processingActions();

// Whether `type` on `dossier` is asked through these forms: the processing actions, and passing
// a dossier on once it left the counter (R06; the counter's own pass-on stays with ActionRunner).
bool hasDialog(domain::ActionType type, const domain::Dossier &dossier);

// The form for `type` on `dossier`; nullptr for a type that is not a processing action.
std::unique_ptr<ActionDialog> dialogFor(domain::ActionType type, const domain::Dossier &dossier,
                                        const services::Workstation &workstation, QWidget *parent);

} // namespace motcua::ui::processing
