#include "separators.h"

#include <QPainter>

#define ZX_USE_UTF8 1 // text() as UTF-8 std::string (zxing-cpp 1.4)
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <cmath>

namespace motcua::scan {

QImage separatorSheet(const QString &componentName, int dpi)
{
    const int width = int(std::lround(210 / 25.4 * dpi));
    const int height = int(std::lround(297 / 25.4 * dpi));
    QImage page(width, height, QImage::Format_Grayscale8);
    page.fill(Qt::white);
    const int dotsPerMetre = int(std::lround(dpi / 0.0254));
    page.setDotsPerMeterX(dotsPerMetre);
    page.setDotsPerMeterY(dotsPerMetre);

    QString text = QLatin1String(kSeparatorPrefix);
    if (!componentName.isEmpty())
        text += QLatin1Char(':') + componentName;
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(0);
    writer.setEncoding(ZXing::CharacterSet::UTF8);
    const ZXing::BitMatrix matrix = writer.encode(text.toStdWString(), 0, 0);
    const int side = width / 2; // 10.5 cm: found on a skewed or noisy scan
    const int module = std::max(1, side / matrix.width());
    const int left = (width - module * matrix.width()) / 2;
    const int top = height / 5;
    QPainter painter(&page);
    for (int y = 0; y < matrix.height(); ++y) {
        for (int x = 0; x < matrix.width(); ++x) {
            if (matrix.get(x, y))
                painter.fillRect(left + x * module, top + y * module, module, module, Qt::black);
        }
    }
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(20);
    painter.setFont(font);
    painter.setPen(Qt::black);
    const QRect caption(0, top + module * matrix.height() + dpi / 2, width, dpi * 2);
    painter.drawText(caption, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                     QStringLiteral("TỜ TÁCH HỒ SƠ\n%1").arg(componentName));
    return page;
}

std::optional<QString> separatorOf(const QImage &page)
{
    if (page.isNull())
        return std::nullopt;
    // Separators are big: a copy about 100 dpi wide is enough and much faster to search.
    QImage grey = page.width() > 900 ? page.scaledToWidth(900, Qt::SmoothTransformation) : page;
    grey = grey.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                                ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return std::nullopt;
    const QString text = QString::fromStdString(result.text());
    const QString prefix = QLatin1String(kSeparatorPrefix);
    if (text == prefix)
        return QString();
    if (text.startsWith(prefix + QLatin1Char(':')))
        return text.mid(prefix.size() + 1).trimmed();
    return std::nullopt;
}

QList<BatchPart> splitAtSeparators(const QList<QImage> &pages)
{
    QList<BatchPart> parts;
    BatchPart current;
    for (int i = 0; i < pages.size(); ++i) {
        if (auto name = separatorOf(pages[i])) {
            if (!current.pages.isEmpty())
                parts << current;
            current = BatchPart{*name, {}};
            continue;
        }
        current.pages << i;
    }
    if (!current.pages.isEmpty())
        parts << current;
    return parts;
}

} // namespace motcua::scan
