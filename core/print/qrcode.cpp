#include "qrcode.h"

#include <QLoggingCategory>

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

namespace motcua::print {
namespace {
Q_LOGGING_CATEGORY(lcQr, "motcua.print.qr")
constexpr int kQuietZone = 4;
} // namespace

QImage makeQrImage(const QString &text, int moduleSize)
{
    ZXing::BitMatrix matrix;
    try { // zxing-cpp reports text it cannot encode by throwing; it stops here
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setEncoding(ZXing::CharacterSet::UTF8).setMargin(0);
        matrix = writer.encode(text.toStdString(), 0, 0); // 0: one pixel a module
    } catch (const std::exception &e) {
        qCWarning(lcQr) << "cannot encode a QR code:" << e.what();
        return {};
    }
    const int modules = matrix.width();
    const int side = (modules + 2 * kQuietZone) * moduleSize;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            if (!matrix.get(x, y))
                continue;
            for (int dy = 0; dy < moduleSize; ++dy) {
                uchar *row = image.scanLine((y + kQuietZone) * moduleSize + dy);
                std::fill_n(row + (x + kQuietZone) * moduleSize, moduleSize, uchar(0));
            }
        }
    }
    return image;
}

} // namespace motcua::print
