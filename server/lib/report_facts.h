#pragma once

// The stored dossiers reduced to what the statistics read (core/reports), for the reports routes.
#include "database.h"

#include <reports/statistics.h>

namespace motcua::server {

// The dossiers whose receiving or handling agency is `agencyCode` (empty: every agency), read on
// one snapshot. db.corrupt_row when a stored dossier cannot be read.
Result<QList<reports::DossierFacts>> loadDossierFacts(Database &db, const QString &agencyCode);

} // namespace motcua::server
