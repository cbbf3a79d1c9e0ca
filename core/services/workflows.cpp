#include "workflows.h"

#include <domain/json.h>
#include <store/cache.h>

namespace motcua::services {

std::optional<domain::Workflow> cachedWorkflow(store::Cache &cache, const QString &id, int version)
{
    if (id.isEmpty())
        return std::nullopt;
    auto entries = cache.catalogueEntries(QStringLiteral("workflow"));
    if (!entries)
        return std::nullopt;
    std::optional<domain::Workflow> best;
    const QString prefix = id + QLatin1Char('@');
    for (const auto &e : entries.value()) {
        if (!e.key.startsWith(prefix))
            continue;
        auto w = domain::workflowFromJson(e.json);
        if (!w || w->id != id)
            continue;
        if (version > 0 ? w->version == version : (!best || w->version > best->version))
            best = std::move(w).value();
    }
    return best;
}

} // namespace motcua::services
