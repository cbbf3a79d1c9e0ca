#pragma once

// Row helpers shared by the blob store's files (internal to motcua_server_lib).
#include "database.h"

#include <optional>

namespace motcua::server::blobrows {

Check deleteContent(QSqlDatabase &c, const QString &contentId);

// A complete blob the agency may read (it holds a grant for the hash).
struct Readable
{
    qint64 size = 0;
    QString contentId;
};
Result<std::optional<Readable>> readableBy(QSqlDatabase &c, const QString &sha256,
                                           const QString &agencyCode);

} // namespace motcua::server::blobrows
