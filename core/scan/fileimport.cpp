#include "fileimport.h"

#include "logging.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>
#include <QPdfDocument>

#include <cmath>

namespace motcua::scan {

namespace {

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

domain::Error unreadable(const QString &path)
{
    return domain::makeError(QStringLiteral("import.unreadable"),
                             QStringLiteral("Tệp \"%1\" không phải là ảnh (JPEG, PNG, TIFF) hoặc "
                                            "PDF đọc được.")
                                 .arg(fileName(path)));
}

domain::Error corrupt(const QString &path)
{
    return domain::makeError(QStringLiteral("import.corrupt"),
                             QStringLiteral("Tệp \"%1\" bị hỏng hoặc không đầy đủ (có thể tải về "
                                            "hoặc sao chép chưa xong). Không trang nào được nhập.")
                                 .arg(fileName(path)));
}

domain::Error tooMany(const QString &path, int maxPages)
{
    return domain::makeError(QStringLiteral("import.too_many_pages"),
                             QStringLiteral("Tệp \"%1\" có hơn %2 trang; hãy tách tệp rồi nhập "
                                            "từng phần.")
                                 .arg(fileName(path))
                                 .arg(maxPages));
}

// libjpeg makes up the end of a truncated JPEG (grey rows) and libpng may too: the decoders do not
// say so, so the file's own end is checked. A JPEG's entropy-coded data cannot hold FF D9, so the
// image is whole when the end-of-image marker follows the last start-of-scan; a PNG ends with IEND.
bool looksComplete(const QByteArray &format, const QByteArray &data)
{
    if (format == "jpeg" || format == "jpg") {
        const qsizetype sos = data.lastIndexOf(QByteArrayView("\xFF\xDA", 2));
        const qsizetype eoi = data.lastIndexOf(QByteArrayView("\xFF\xD9", 2));
        return sos >= 0 && eoi > sos;
    }
    if (format == "png")
        return data.lastIndexOf(QByteArrayView("IEND")) >= data.size() - 12;
    return true;
}

domain::Result<QList<QImage>> importPdf(const QString &path, const QByteArray &data,
                                        const ImportOptions &options)
{
    // A PDF must end with %%EOF (possibly followed by white space); pdfium repairs some truncated
    // files silently, which would import half a document.
    if (data.right(1024).lastIndexOf("%%EOF") < 0)
        return corrupt(path);
    QPdfDocument document;
    if (document.load(path) != QPdfDocument::Error::None || document.pageCount() <= 0)
        return corrupt(path);
    if (document.pageCount() > options.maxPages)
        return tooMany(path, options.maxPages);
    QList<QImage> pages;
    for (int i = 0; i < document.pageCount(); ++i) {
        const QSizeF points = document.pagePointSize(i);
        const QSize pixels(int(std::lround(points.width() / 72.0 * options.pdfDpi)),
                           int(std::lround(points.height() / 72.0 * options.pdfDpi)));
        if (pixels.isEmpty() || pixels.width() > 20000 || pixels.height() > 20000)
            return corrupt(path);
        QImage page = document.render(i, pixels);
        if (page.isNull())
            return corrupt(path);
        // Rendered with a transparent background: put it on white paper.
        QImage paper(page.size(), QImage::Format_RGB888);
        paper.fill(Qt::white);
        {
            QPainter painter(&paper);
            painter.drawImage(0, 0, page);
        }
        const int dotsPerMetre = int(std::lround(options.pdfDpi / 0.0254));
        paper.setDotsPerMeterX(dotsPerMetre);
        paper.setDotsPerMeterY(dotsPerMetre);
        pages << paper;
    }
    return pages;
}

} // namespace

domain::Result<QList<QImage>> importFile(const QString &path, const ImportOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return unreadable(path);
    const QByteArray data = file.readAll();
    file.close();
    if (data.startsWith("%PDF-"))
        return importPdf(path, data, options);

    QImageReader reader(path);
    reader.setAutoTransform(true);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format().toLower();
    if (format.isEmpty() || !reader.canRead())
        return unreadable(path);
    if (!looksComplete(format, data))
        return corrupt(path);
    QList<QImage> pages;
    const int count = reader.imageCount(); // 0 when the format cannot tell
    if (count > options.maxPages)
        return tooMany(path, options.maxPages);
    do {
        QImage page = reader.read();
        if (page.isNull()) {
            qCInfo(lcScanSession) << "import failed:" << reader.errorString();
            return corrupt(path);
        }
        pages << page;
        if (pages.size() > options.maxPages)
            return tooMany(path, options.maxPages);
    } while ((count > 1 && pages.size() < count) && reader.jumpToNextImage());
    if (count > 1 && pages.size() != count)
        return corrupt(path);
    return pages;
}

domain::Result<QList<QImage>> importFiles(const QStringList &paths, const ImportOptions &options)
{
    QList<QImage> all;
    for (const QString &path : paths) {
        auto pages = importFile(path, options);
        if (!pages)
            return pages.error();
        all << pages.value();
        if (all.size() > options.maxPages)
            return tooMany(path, options.maxPages);
    }
    return all;
}

QStringList importNameFilters()
{
    return {QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png"),
            QStringLiteral("*.tif"), QStringLiteral("*.tiff"), QStringLiteral("*.pdf")};
}

} // namespace motcua::scan
