#pragma once

// The cache's schema, version by version (PRAGMA user_version). Migrations only add — tables,
// columns, indexes, backfilled data — and a released version is never edited. Each version's
// step runs in its own transaction, so a crash leaves the cache at the previous version.
#include "database.h"

namespace motcua::store::schema {

inline constexpr int kLatest = 6;
inline constexpr qint64 kApplicationId = 0x4D435543; // "MCUC"

// The schema version of `db` (0: empty file).
Result<int> version(Database &db);
// Brings `db` up to `target` (≤ kLatest). Error cache.too_new when the file is newer.
Check migrate(Database &db, int target = kLatest);

} // namespace motcua::store::schema
