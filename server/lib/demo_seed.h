#pragma once

// The demo province: a provincial public-administration service centre, three provincial
// departments, two communes, at least 15 procedures with real-world shape (components with
// originals/copies, fees, deadlines in working days or hours, legal basis, workflows), the work
// calendar, and officers for every role. Idempotent: seeding twice changes nothing.
#include "catalogue_store.h"

namespace motcua::server {

// Every demo officer gets `password` (the server's --demo reads it from MOTCUA_DEMO_PASSWORD, or
// makes a random one and prints it once on the terminal, never into the log). Answers how many
// officer accounts were created: 0 when the demo officers already exist (their password is then
// the one they were created with).
Result<int> seedDemo(CatalogueStore &catalogue, const QString &password);

} // namespace motcua::server
