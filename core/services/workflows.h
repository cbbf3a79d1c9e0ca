#pragma once

// The workflows this workstation holds: every version the server sent (the cache keeps older
// versions), so a dossier that started on an older version is shown with its own (R07).
#include <domain/workflow.h>

#include <optional>

namespace motcua::store {
class Cache;
}

namespace motcua::services {

// Version `version` of workflow `id`, or the latest the cache holds when `version` is 0.
std::optional<domain::Workflow> cachedWorkflow(store::Cache &cache, const QString &id,
                                               int version = 0);

} // namespace motcua::services
