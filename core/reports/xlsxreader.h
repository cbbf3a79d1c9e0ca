#pragma once

// The first worksheet of an Excel workbook (.xlsx) as rows of text, for the imports that accept
// the national lists as Excel (administrative units): shared and inline strings, numbers and
// booleans as written in the file, formulas by their cached value. Row n of the sheet is row n-1
// of the list (empty rows kept), so faults can be reported by the spreadsheet's row numbers.
// libzip reads the package; QuaZip must never join this library (libxlsxwriter bundles minizip).
#include <QByteArray>
#include <QList>
#include <QStringList>

#include <domain/result.h>

namespace motcua::reports {

// Errors: xlsx.unreadable (not a workbook, or a part missing or malformed), with a Vietnamese
// message.
domain::Result<QList<QStringList>> readXlsxRows(const QByteArray &xlsx);

} // namespace motcua::reports
