#include "cccdimage.h"

#include <QImageReader>

#define ZX_USE_UTF8 1 // text() as UTF-8 std::string (zxing-cpp 1.4)
#include <ZXing/ReadBarcode.h>

namespace motcua::services {

domain::Result<QString> readQrText(const QImage &image)
{
    if (image.isNull()) {
        return domain::makeError(QStringLiteral("cccd.unreadable_image"),
                                 QStringLiteral("Không đọc được ảnh thẻ CCCD."));
    }
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(),
                                ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid()) {
        return domain::makeError(
            QStringLiteral("cccd.no_qr"),
            QStringLiteral("Không tìm thấy mã QR trên ảnh. Hãy chụp rõ mặt trước thẻ CCCD, "
                           "mã QR ở góc trên bên phải."));
    }
    return QString::fromStdString(result.text());
}

domain::Result<domain::CccdCard> readCccdImage(const QImage &image)
{
    auto text = readQrText(image);
    if (!text)
        return text.error();
    return domain::parseCccdQr(text.value());
}

domain::Result<domain::CccdCard> readCccdImageFile(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        return domain::makeError(QStringLiteral("cccd.unreadable_image"),
                                 QStringLiteral("Tệp \"%1\" không phải là ảnh đọc được.")
                                     .arg(path.section(QLatin1Char('/'), -1)));
    }
    return readCccdImage(image);
}

} // namespace motcua::services
