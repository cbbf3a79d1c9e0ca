#pragma once

// Fills a slip template and renders it to PDF (QTextDocument onto QPdfWriter) at the page the
// catalogue gives its kind (A4 or A5 portrait; the log book A4 landscape), in Times New Roman
// (Liberation Serif, its metric twin, where Times is not installed), fonts embedded. The receipt
// comes out twice in one file: "Liên 1: Lưu" and "Liên 2: Giao người nộp", each on its own page.
#include "slipcontext.h"
#include "slipvalues.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <domain/result.h>

namespace motcua::print {

// Replaces every {{name}} of `html` with its value, in one pass (a value is never read again
// for placeholders). print.unknown_placeholder for a name without a value;
// print.bad_placeholder for an unclosed "{{".
domain::Result<QString> fillTemplate(const QString &html, const SlipValues &values);

struct RenderedSlip
{
    QByteArray pdf;
    QString qrText; // what the QR code holds (receipt), else empty
    int pages = 0;
};

// Renders slip `kind` (domain::slipKinds()) from `templateHtml`. The log book lists all
// `dossiers` in one table; every other kind takes the first. print.unknown_kind,
// print.no_dossier, the fill errors above, print.qr_failed.
domain::Result<RenderedSlip> renderSlip(const QString &kind, const QString &templateHtml,
                                        const QList<domain::Dossier> &dossiers,
                                        const SlipContext &context);

// Writes `pdf` to `path` atomically: the file appears whole or not at all.
domain::Check writePdf(const QByteArray &pdf, const QString &path);

} // namespace motcua::print
