#pragma once

// Text recognition with Tesseract's C++ API and the Vietnamese model ("vie"). An OcrEngine belongs
// to one thread (Tesseract's API object is not thread-safe); OcrQueue runs one on a worker thread.
// Each page gives its plain text and a one-page searchable PDF (the page image with Tesseract's
// invisible text layer); searchablePdf() joins the pages into one document.
#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

#include <domain/result.h>

#include <memory>

namespace motcua::scan {

struct OcrResult
{
    QString text;       // UTF-8 plain text, lines as Tesseract found them
    QByteArray pdf;     // one page: image plus invisible text
    QByteArray hash;    // of the page image: the cache key
    int confidence = 0; // Tesseract's mean word confidence, 0..100
};

// The key results are cached under: SHA-256 over the image's size, format and pixels.
QByteArray imageHash(const QImage &image);

class OcrEngine
{
public:
    // `languages` as Tesseract spells them ("vie", "vie+eng"); the model files from the system's
    // tessdata folder (or TESSDATA_PREFIX).
    explicit OcrEngine(QString languages = QStringLiteral("vie"));
    ~OcrEngine();
    OcrEngine(const OcrEngine &) = delete;
    OcrEngine &operator=(const OcrEngine &) = delete;

    // Loads the model (done by the first recognise() otherwise). Errors: ocr.unavailable.
    domain::Check initialise();
    // `dpi`: the page's resolution when the image does not carry it.
    domain::Result<OcrResult> recognise(const QImage &page, int dpi = 200);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// One PDF of the pages in order (errors: ocr.pdf_failed).
domain::Result<QByteArray> searchablePdf(const QList<OcrResult> &pages);
// The pages' text, pages separated by a form feed as pdftotext does.
QString plainText(const QList<OcrResult> &pages);

} // namespace motcua::scan
