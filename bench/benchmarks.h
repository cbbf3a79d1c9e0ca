#pragma once

#include "harness.h"

namespace motcua::bench {

// Each file registers its figures into the harness.
void benchCalendar(Harness &harness);
void benchSigning(Harness &harness);
void benchFold(Harness &harness);
void benchReports(Harness &harness); // statistics over 1M dossiers (R25)

} // namespace motcua::bench
