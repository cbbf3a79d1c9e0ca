#pragma once

// The slip templates in force at the officer's agency (GET /api/v1/slip-templates: the agency's
// own versions, else the national defaults), kept in the cache's catalogues (kind
// "slip-template", one entry per slip kind) so that slips print with them offline too.
#include <QByteArray>

#include <domain/result.h>
#include <print/sliptemplates.h>
#include <store/cache.h>

namespace motcua::services {

inline constexpr auto kSlipTemplateKind = "slip-template";

// The server's answer as catalogue entries; sync.bad_answer when it is not the promised list.
domain::Result<QList<store::CatalogueEntry>> slipTemplateEntries(const QByteArray &answer);

// The built-in national defaults with every kind the cache holds laid over them.
print::SlipTemplates slipTemplatesFromCache(store::Cache &cache);

} // namespace motcua::services
