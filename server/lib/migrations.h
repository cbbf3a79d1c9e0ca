#pragma once

// One schema for SQLite and PostgreSQL, in numbered migrations that only add (tables, columns,
// indexes). Each migration runs in its own transaction and records itself in schema_migrations.
#include "database.h"

#include <memory>

namespace motcua::server {

int latestSchemaVersion();
Result<int> currentSchemaVersion(Database &db); // 0 for an empty database
// Brings the database to the latest version; refuses a database newer than this program. Then
// adds the national default slip templates this program ships that the database lacks.
Result<int> migrate(Database &db);
// Addition, for tests of upgrades: brings the database to `version` (≤ the latest) and no further;
// installs nothing else.
Result<int> migrateTo(Database &db, int version);

// Addition: ok when the database is at exactly this program's schema version; otherwise an error
// telling the admin to run `motcuactl server init` or `migrate` (db.not_initialised,
// db.needs_migration, db.schema_too_new).
Check requireCurrentSchema(Database &db);

// Addition, for tools: parses `url`, opens the database (SQLite: it must exist already) and
// checks it is at this program's schema version.
Result<std::unique_ptr<Database>> openCurrentDatabase(const QString &url);

} // namespace motcua::server
