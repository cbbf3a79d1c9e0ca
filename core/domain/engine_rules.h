#pragma once

// Internal to the engine: what each action type does to a dossier once the common checks passed.
#include "directory.h"
#include "entities.h"
#include "result.h"

namespace motcua::domain::rules {

struct Context
{
    const Action &action;
    const Officer &actor;
    const Directory &directory;
    QDateTime now; // the action's device time, in Vietnam time
};

// Applies the effect of ctx.action to `dossier`; returns the trail note, or an Error.
Result<QString> applyEffect(Dossier &dossier, const Context &ctx);

} // namespace motcua::domain::rules
