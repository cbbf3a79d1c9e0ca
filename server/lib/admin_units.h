#pragma once

// The administrative-unit catalogue (R02.1): the 34 provincial units shipped with the schema, the
// communes imported from the National Statistics Office's list. An import is all or nothing.
#include "database.h"

#include <domain/adminunits.h>

namespace motcua::server {

struct UnitQuery
{
    QString level;  // "province", "commune" or empty
    QString parent; // a province code: its communes
    QString text;   // folded search in names, or a code
    int limit = 5000;
};
Result<QList<domain::AdministrativeUnit>> administrativeUnits(Database &db, const UnitQuery &query);

struct UnitChanges
{
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    struct Change
    {
        domain::AdministrativeUnit unit;
        bool added = false;
        QStringList fields; // a changed unit: "name", "division_type", "parent_code"
    };
    QList<Change> changes; // every added or changed unit, in the file's order
};
// Counts what `units` would change; writes them in one transaction unless `dryRun`.
Result<UnitChanges> importAdministrativeUnits(Database &db,
                                              const QList<domain::AdministrativeUnit> &units,
                                              bool dryRun);

// The SQL that seeds the shipped provincial units (schema version 3).
QStringList provinceSeedStatements();

} // namespace motcua::server
