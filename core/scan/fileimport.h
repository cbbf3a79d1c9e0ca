#pragma once

// Pages from files the officer already has: JPEG, PNG, TIFF (every page of a multi-page TIFF) and
// PDF (each page rendered at the import resolution). A file is imported whole or not at all: a
// corrupt or truncated file, or one that is not an image, gives an error and no page.
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <domain/result.h>

namespace motcua::scan {

struct ImportOptions
{
    int pdfDpi = 200;   // resolution PDF pages are rendered at
    int maxPages = 200; // a larger file is refused rather than filling the memory
};

// Every page of the file at `path`. Errors: import.unreadable (missing, empty, unknown format),
// import.corrupt (damaged or truncated), import.too_many_pages.
domain::Result<QList<QImage>> importFile(const QString &path, const ImportOptions &options = {});
// Every page of every file, in order; all or nothing: the first bad file's error names the file.
domain::Result<QList<QImage>> importFiles(const QStringList &paths,
                                          const ImportOptions &options = {});
// File name patterns for an open-file dialog: "*.jpg *.jpeg *.png *.tif *.tiff *.pdf".
QStringList importNameFilters();

} // namespace motcua::scan
