#pragma once

// A component's files into the cache: each file goes into the encrypted blob store and is listed
// on the component; a scan's recognised text travels beside it as a text file, so the server and
// the search index (R21) have it. Used by the intake and by a received supplement (R12.2d), inside
// the caller's cache transaction: nothing is listed that was not stored.
#include "intakedraft.h"

#include <domain/entities.h>
#include <domain/result.h>

namespace motcua::store {
class Cache;
}

namespace motcua::services {

// Appends `files` to `component` (marking it digitised), with a signature record for each file
// signed before it was attached (the engine stamps the officer and the time); each scan's
// recognised text is also appended to `ocrTexts` when given.
domain::Check storeComponentFiles(store::Cache &cache, domain::Component &component,
                                  const QList<AttachedFile> &files, QStringList *ocrTexts);

// The searchable text of a dossier's components: every text file (recognised text of scans),
// read from the blob store, form feeds between them. Files not in this cache are skipped.
QString componentsText(store::Cache &cache, const domain::Dossier &dossier);

} // namespace motcua::services
