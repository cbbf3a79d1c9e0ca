#pragma once

// The value of every {{placeholder}} (domain::slipPlaceholders()) for one dossier, as HTML ready
// to insert: text escaped, the html-marked ones (tables, the QR image) built here from escaped
// cells. The QR code is referred to as an image resource (kQrResource) the renderer adds.
#include "slipcontext.h"

#include <QHash>
#include <QList>
#include <QString>

#include <domain/entities.h>

namespace motcua::print {

inline constexpr char kQrResource[] = "motcua-print:qr";

using SlipValues = QHash<QString, QString>; // placeholder name -> HTML

SlipValues slipValues(const domain::Dossier &dossier, const SlipContext &context);

// The rows of the log book (TT | code | procedure | applicant | address, phone | lead agency |
// received | due | returned | how collected | signature), one <tr> per dossier.
QString logbookRows(const QList<domain::Dossier> &dossiers, const SlipContext &context);

} // namespace motcua::print
