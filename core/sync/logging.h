#pragma once

// Logging categories of the sync library. Never log tokens, passwords or personal data: log
// action and dossier ids, officer ids, counts and error codes only.
#include <QLoggingCategory>

namespace motcua::sync {

Q_DECLARE_LOGGING_CATEGORY(lcApi)    // motcua.sync.api: requests (method, route, status, time)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)   // motcua.sync.auth: login, refresh, logout (no tokens)
Q_DECLARE_LOGGING_CATEGORY(lcRetry)  // motcua.sync.retry: backoff, connectivity, stuck items
Q_DECLARE_LOGGING_CATEGORY(lcEngine) // motcua.sync.engine: push, pull, rebase, conflicts
Q_DECLARE_LOGGING_CATEGORY(lcCodes)  // motcua.sync.codes: code block leases
Q_DECLARE_LOGGING_CATEGORY(lcBlobs)  // motcua.sync.blobs: uploads and downloads (hashes, sizes)

} // namespace motcua::sync
