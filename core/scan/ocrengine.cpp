#include "ocrengine.h"

#include "logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <leptonica/allheaders.h>
#include <podofo/podofo.h>
#include <tesseract/baseapi.h>
#include <tesseract/renderer.h>

#include <cmath>

namespace motcua::scan {

namespace {

domain::Error unavailable(const QString &languages)
{
    return domain::makeError(QStringLiteral("ocr.unavailable"),
                             QStringLiteral("Không khởi động được nhận dạng chữ (Tesseract, ngôn "
                                            "ngữ \"%1\"). Kiểm tra gói dữ liệu tesseract-ocr-vie "
                                            "đã được cài.")
                                 .arg(languages));
}

domain::Error failed(const QString &what)
{
    return domain::makeError(QStringLiteral("ocr.failed"),
                             QStringLiteral("Nhận dạng chữ thất bại (%1).").arg(what));
}

struct PixDeleter
{
    void operator()(Pix *pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// The page as a Leptonica image: 8-bit grey, or 32-bit RGB for colour pages.
PixPtr toPix(const QImage &image, int dpi)
{
    const bool grey = image.isGrayscale();
    const QImage src
        = image.convertToFormat(grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    PixPtr pix(pixCreate(src.width(), src.height(), grey ? 8 : 32));
    if (!pix)
        return nullptr;
    const int wpl = pixGetWpl(pix.get());
    l_uint32 *data = pixGetData(pix.get());
    for (int y = 0; y < src.height(); ++y) {
        const uchar *row = src.constScanLine(y);
        l_uint32 *line = data + qsizetype(y) * wpl;
        if (grey) {
            for (int x = 0; x < src.width(); ++x)
                SET_DATA_BYTE(line, x, row[x]);
        } else {
            for (int x = 0; x < src.width(); ++x) {
                const uchar *p = row + 3 * x;
                line[x] = (l_uint32(p[0]) << L_RED_SHIFT) | (l_uint32(p[1]) << L_GREEN_SHIFT)
                    | (l_uint32(p[2]) << L_BLUE_SHIFT);
            }
        }
    }
    pixSetResolution(pix.get(), dpi, dpi);
    return pix;
}

} // namespace

QByteArray imageHash(const QImage &image)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QString header = QStringLiteral("%1x%2/%3/")
                               .arg(image.width())
                               .arg(image.height())
                               .arg(int(image.format()));
    hash.addData(header.toLatin1());
    const qsizetype rowBytes = (qsizetype(image.width()) * image.depth() + 7) / 8;
    for (int y = 0; y < image.height(); ++y)
        hash.addData(
            QByteArrayView(reinterpret_cast<const char *>(image.constScanLine(y)), rowBytes));
    return hash.result().toHex();
}

struct OcrEngine::Private
{
    QString languages;
    tesseract::TessBaseAPI api;
    bool ready = false;
};

OcrEngine::OcrEngine(QString languages)
    : d(std::make_unique<Private>())
{
    d->languages = std::move(languages);
}

OcrEngine::~OcrEngine()
{
    if (d->ready)
        d->api.End();
}

domain::Check OcrEngine::initialise()
{
    if (d->ready)
        return {};
    // Tesseract's OpenMP threads would fight the other OCR and the GUI for the two cores of a
    // counter PC: one thread per engine. Must be set before the first Init of the process.
    qputenv("OMP_THREAD_LIMIT", "1");
    if (d->api.Init(nullptr, d->languages.toUtf8().constData(), tesseract::OEM_LSTM_ONLY) != 0) {
        qCWarning(lcScanOcr) << "Tesseract could not load" << d->languages;
        return unavailable(d->languages);
    }
    d->api.SetPageSegMode(tesseract::PSM_AUTO);
    d->api.SetVariable("debug_file", "/dev/null");
    d->ready = true;
    return {};
}

domain::Result<OcrResult> OcrEngine::recognise(const QImage &page, int dpi)
{
    if (auto ready = initialise(); !ready)
        return ready.error();
    if (page.isNull() || page.width() < 8 || page.height() < 8)
        return failed(QStringLiteral("ảnh trống"));
    if (page.dotsPerMeterX() > 400) // images from the scanner and the import carry their dpi
        dpi = int(std::lround(page.dotsPerMeterX() * 0.0254));
    PixPtr pix = toPix(page, dpi);
    if (!pix)
        return failed(QStringLiteral("không đủ bộ nhớ"));

    OcrResult result;
    result.hash = imageHash(page);
    QTemporaryDir dir;
    if (!dir.isValid())
        return failed(QStringLiteral("không tạo được thư mục tạm"));
    const QByteArray base = QDir(dir.path()).filePath(QStringLiteral("page")).toLocal8Bit();
    {
        tesseract::TessPDFRenderer renderer(base.constData(), d->api.GetDatapath(), false);
        // Tesseract owns the input image it is given (it destroys it on Clear): give it its own
        // reference, or the page would be freed twice (found by ASan).
        d->api.SetInputImage(pixClone(pix.get()));
        d->api.SetImage(pix.get());
        d->api.SetSourceResolution(dpi);
        if (!renderer.BeginDocument("") || d->api.Recognize(nullptr) != 0
            || !renderer.AddImage(&d->api) || !renderer.EndDocument()) {
            d->api.Clear();
            return failed(QStringLiteral("Tesseract"));
        }
        std::unique_ptr<char[]> text(d->api.GetUTF8Text());
        result.text = QString::fromUtf8(text.get());
        result.confidence = d->api.MeanTextConf();
        d->api.Clear();
    }
    QFile pdf(QString::fromLocal8Bit(base) + QStringLiteral(".pdf"));
    if (!pdf.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("không đọc được PDF của trang"));
    result.pdf = pdf.readAll();
    qCDebug(lcScanOcr) << "page recognised, confidence" << result.confidence;
    return result;
}

domain::Result<QByteArray> searchablePdf(const QList<OcrResult> &pages)
{
    const auto error = domain::makeError(QStringLiteral("ocr.pdf_failed"),
                                         QStringLiteral("Không tạo được tệp PDF tìm kiếm được."));
    if (pages.isEmpty())
        return error;
    if (pages.size() == 1)
        return pages.first().pdf;
    try {
        PoDoFo::PdfMemDocument out;
        for (const OcrResult &page : pages) {
            PoDoFo::PdfMemDocument one;
            one.LoadFromBuffer(page.pdf.constData(), long(page.pdf.size()));
            out.Append(one);
        }
        PoDoFo::PdfRefCountedBuffer buffer;
        PoDoFo::PdfOutputDevice device(&buffer);
        out.Write(&device);
        return QByteArray(buffer.GetBuffer(), qsizetype(device.GetLength()));
    } catch (const PoDoFo::PdfError &e) {
        qCWarning(lcScanOcr) << "joining PDF pages failed:" << e.what();
        return error;
    }
}

QString plainText(const QList<OcrResult> &pages)
{
    QStringList texts;
    for (const OcrResult &page : pages)
        texts << page.text;
    return texts.join(QLatin1Char('\f'));
}

} // namespace motcua::scan
