#pragma once

// CSV export of search results (R21): UTF-8 with a byte order mark (so spreadsheet programs on
// Windows read Vietnamese correctly), RFC 4180 quoting, CRLF line ends.
#include <QList>
#include <QString>
#include <QStringList>

#include <domain/result.h>

namespace motcua::services {

QByteArray toCsv(const QStringList &header, const QList<QStringList> &rows);
// Writes atomically (QSaveFile). Errors: csv.write_failed with the path.
domain::Check writeCsv(const QString &path, const QStringList &header,
                       const QList<QStringList> &rows);

} // namespace motcua::services
