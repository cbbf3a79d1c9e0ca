#pragma once

// Reading the QR code of a chip citizen identity card (CCCD) from a photo or a scan, with
// zxing-cpp. Runs in any thread (no widgets); the UI calls it off the GUI thread.
#include <QImage>
#include <QString>

#include <domain/cccd.h>

namespace motcua::services {

// The QR text found in `image` (errors: cccd.no_qr when none is found).
domain::Result<QString> readQrText(const QImage &image);
// The card read from the QR in `image`: readQrText() then domain::parseCccdQr().
domain::Result<domain::CccdCard> readCccdImage(const QImage &image);
// Same, from an image file (errors: cccd.unreadable_image when the file is not an image).
domain::Result<domain::CccdCard> readCccdImageFile(const QString &path);

} // namespace motcua::services
