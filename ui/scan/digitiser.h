#pragma once

// "Xong" in the scan dialog: the session's pages become documents. The batch is split at its
// separator sheets; every page goes through the background OCR queue (Tesseract, vie, one thread);
// then, off the GUI thread, each part becomes one searchable PDF with its plain text and the
// values read off it (CCCD QR, proposals from the text). Nothing here blocks the GUI.
#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>

#include <scan/ocrengine.h>
#include <services/scanextraction.h>

namespace motcua::scan {
class OcrQueue;
}

namespace motcua::ui {

struct ScannedDocument
{
    QString name; // from the separator sheet before it; empty for the first part
    int pageCount = 0;
    QByteArray pdf; // searchable PDF: page images with an invisible text layer
    QString text;   // the OCR text, pages separated by form feeds
    services::ScanExtraction extraction;
    // Set once the PDF is signed with the officer's token (scanattach): who signed, and the
    // certificate's serial.
    QString signerName = {};
    QString certificateSerial = {};
};

class Digitiser : public QObject
{
    Q_OBJECT
public:
    // cacheDir: the OCR cache between runs (empty: memory only).
    explicit Digitiser(QString cacheDir, QObject *parent = nullptr);
    ~Digitiser() override;

    // Starts on `pages` (as they look, transforms applied). Emits progress, then finished or
    // failed once.
    void start(const QList<QImage> &pages);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(int pagesDone, int pagesTotal);
    void finished(const QList<motcua::ui::ScannedDocument> &documents);
    void failed(const QString &message);

private:
    void assemble();

    QString m_cacheDir;
    scan::OcrQueue *m_queue = nullptr;
    QList<QImage> m_pages;
    QList<std::pair<QString, QList<int>>> m_parts; // name, page indexes
    QHash<int, scan::OcrResult> m_results;
    int m_expected = 0;
    bool m_running = false;
};

} // namespace motcua::ui

Q_DECLARE_METATYPE(motcua::ui::ScannedDocument)
