#pragma once

// Writes a ReportTable as a file people open in their office programs (R23.2, R24.4; Circular
// 39/2017/TT-BTTTT: text, spreadsheet, presentation): .csv (UTF-8 with BOM), .xlsx
// (libxlsxwriter), .docx and .pptx (OOXML parts zipped with libzip), .odt (QTextDocumentWriter)
// and .pdf (QPdfWriter, Vietnamese administrative layout). QtGui, no widgets.
//
// libxlsxwriter bundles minizip: never link QuaZip into a process that links this library.
#include "reporttable.h"

#include <QByteArray>
#include <QString>

class QPagedPaintDevice;

#include <domain/result.h>

#include <optional>

namespace motcua::reports {

enum class ExportFormat {
    Csv,
    Xlsx,
    Docx,
    Pptx,
    Odt,
    Pdf
};
QString exportFormatKey(ExportFormat format); // "csv", "xlsx"… (also the file suffix)
std::optional<ExportFormat> exportFormatFromKey(const QString &key);
const QList<ExportFormat> &allExportFormats();

// The file's bytes. Errors: reports.export_failed (with what failed).
domain::Result<QByteArray> exportTable(const ReportTable &table, ExportFormat format);
// exportTable, then written atomically (the file appears whole or not at all):
// reports.write_failed with the path.
domain::Check writeReport(const ReportTable &table, ExportFormat format, const QString &path);

// Paints the table in the administrative layout of the .pdf on `device` (a QPdfWriter, or a
// QPrinter to print directly, R23.4) at `resolution` dots per inch, with its page layout as set
// (landscapeFor() tells which orientation the table wants). reports.export_failed when the
// device cannot be painted on.
domain::Check paintReport(const ReportTable &table, QPagedPaintDevice &device, int resolution);
[[nodiscard]] bool landscapeFor(const ReportTable &table);

// The pieces, one per file.
domain::Result<QByteArray> xlsxOf(const ReportTable &table);
domain::Result<QByteArray> docxOf(const ReportTable &table);
domain::Result<QByteArray> pptxOf(const ReportTable &table);
domain::Result<QByteArray> odtOf(const ReportTable &table);
domain::Result<QByteArray> pdfOf(const ReportTable &table);

} // namespace motcua::reports
