#pragma once

// The receipt's QR code (R26): the dossier's public lookup address, holding its code and token.
#include <QImage>
#include <QString>

namespace motcua::print {

// A black-on-white QR code of `text` (UTF-8, zxing-cpp's default error correction), `moduleSize`
// pixels a module, with the four-module quiet zone the standard asks for. Null for text too long to
// encode.
QImage makeQrImage(const QString &text, int moduleSize = 8);

} // namespace motcua::print
