#pragma once

// A small, realistic demo province used by `motcuactl dossier example`, the tests and the
// benchmarks: a public-administration service centre, a department, a commune, officers for every
// role and a few procedures with real-world shape.
#include "action.h"
#include "directory.h"

namespace motcua::domain::demo {

inline const QString kCentreCode = QStringLiteral("000.17.22.H56");  // the service centre (counter)
inline const QString kJusticeCode = QStringLiteral("000.18.22.H56"); // Sở Tư pháp
inline const QString kCommuneCode = QStringLiteral("000.21.22.H56"); // a commune

// Officer ids: "counter1", "appraiser1", "head1", "leader1", "admin1", "controller1", "archivist1"
// at the service centre and the department; "counter9" at the commune.
InMemoryDirectory directory();

// The actions that take the example dossier from intake to the return of its result, each made
// against the version before it. Times are fixed: intake on 28/11/2026 at 09:15 (+07:00).
QList<Action> exampleJourney();

// Just the intake of the example dossier.
Action exampleReceive();

} // namespace motcua::domain::demo
