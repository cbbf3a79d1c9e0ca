// Scan to searchable PDF (issue 8): pages per minute for an ADF batch, A4 at 200 dpi grey, from
// the SANE "test" backend (a private SANE_CONFIG_DIR written here, blank white paper) through the
// scan session (each page stored as captured) and the background OCR queue (Tesseract vie, one
// thread) to one searchable PDF. The test backend gives no text, so each captured page is printed
// over with a page of Vietnamese text (as paper would carry) before it is stored: the OCR works
// on real text. The capture runs on its own thread while OCR runs, as in the client.
//   build/bench/motcua-bench-scan [--pages N]   (N ≤ 10: the test feeder holds 10 sheets)
#include "../tests/scan/vietnamesepage.h"
#include "harness.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QTemporaryDir>
#include <QThread>

#include <scan/ocrqueue.h>
#include <scan/scanjob.h>
#include <scan/scansession.h>

#include <cstdio>

using namespace motcua;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    {
        QDir().mkpath(dir.filePath(QStringLiteral("sane")));
        QFile dll(dir.filePath(QStringLiteral("sane/dll.conf")));
        QFile test(dir.filePath(QStringLiteral("sane/test.conf")));
        if (!dll.open(QIODevice::WriteOnly) || !test.open(QIODevice::WriteOnly))
            return 1;
        dll.write("test\n");
        test.write("number_of_devices 1\nmode Gray\ndepth 8\ntest-picture \"Solid white\"\n"
                   "resolution_min 1.0\nresolution_max 1200.0\nresolution_quant 1.0\n"
                   "resolution 200.0\ngeometry_min 0.0\ngeometry_max 300.0\ngeometry_quant 1.0\n"
                   "tl_x 0.0\ntl_y 0.0\nbr_x 210.0\nbr_y 297.0\n");
        qputenv("SANE_CONFIG_DIR", dir.filePath(QStringLiteral("sane")).toLocal8Bit());
    }
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("pages"), QStringLiteral("Pages in the batch (1..10)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parser.process(app);
    const int pages = std::clamp(parser.value(QStringLiteral("pages")).toInt(), 1, 10);

    const QImage text = testing::vietnamesePage(testing::vietnameseLines(), 200);
    auto session = scan::ScanSession::create(dir.filePath(QStringLiteral("sessions")));
    if (!session)
        return 1;
    scan::OcrQueue queue; // no disk cache: every page is recognised
    // Warm up Tesseract (model loading is once per run of the client, not per page).
    {
        QEventLoop loop;
        QObject::connect(&queue, &scan::OcrQueue::idle, &loop, &QEventLoop::quit);
        queue.enqueue(QStringLiteral("warm-up"), text.copy(0, 0, 800, 300));
        loop.exec();
    }

    QList<scan::OcrResult> results;
    QStringList order;
    QHash<QString, scan::OcrResult> byPage;
    qint64 captureNs = 0;
    QElapsedTimer total;
    QElapsedTimer capture;
    bool scanDone = false;
    bool ok = true;
    QEventLoop loop;
    scan::ScanOptions options;
    options.source = scan::ScanSource::Feeder;
    options.dpi = 200;
    options.maxPages = pages;
    scan::ScanJob job(std::shared_ptr<scan::Scanner>(scan::createScanner(scan::ScanBackend::Sane)),
                      QStringLiteral("test:0"), options);
    QObject::connect(&job, &scan::ScanJob::pageScanned, &app, [&](const QImage &page, int number) {
        QImage paper = page.convertToFormat(QImage::Format_Grayscale8);
        {
            QPainter p(&paper);
            p.setCompositionMode(QPainter::CompositionMode_Darken);
            p.drawImage(0, 0, text);
            // A page number makes every page a different image: identical pages would be
            // recognised once and then answered from the OCR cache, which is not what is measured.
            QFont font(QStringLiteral("DejaVu Serif"));
            font.setPointSizeF(12);
            p.setFont(font);
            p.setPen(Qt::black);
            p.drawText(QPointF(200, paper.height() - 200),
                       QStringLiteral("Trang %1/%2").arg(number + 1).arg(pages));
        }
        if (!session.value()->addImages({paper}).ok())
            ok = false;
        const int index = session.value()->pageCount() - 1;
        const QString id = session.value()->pages().at(index).id;
        order << id;
        queue.enqueue(id, session.value()->image(index));
    });
    QObject::connect(&job, &scan::ScanJob::finished, &app,
                     [&](int n, const QString &error, const QString &message) {
                         captureNs = capture.nsecsElapsed();
                         scanDone = true;
                         if (n != pages || !error.isEmpty()) {
                             std::fprintf(stderr, "scan: %d pages, %s\n", n, qPrintable(message));
                             ok = false;
                             loop.quit();
                         } else if (byPage.size() == order.size()) {
                             loop.quit();
                         }
                     });
    QObject::connect(&queue, &scan::OcrQueue::recognised, &app,
                     [&](const QString &key, const scan::OcrResult &r) {
                         byPage.insert(key, r);
                         if (scanDone && byPage.size() == order.size())
                             loop.quit();
                     });
    total.start();
    capture.start();
    job.start();
    loop.exec();
    for (const QString &id : std::as_const(order))
        results << byPage.value(id);
    const auto pdf = scan::searchablePdf(results);
    const qint64 totalNs = total.nsecsElapsed();
    if (!ok || !pdf)
        return 1;
    if (queue.recognisedCount() != pages + 1) { // + the warm-up page
        std::fprintf(stderr, "only %d of %d pages went through Tesseract\n",
                     queue.recognisedCount() - 1, pages);
        return 1;
    }

    bench::Harness harness;
    harness.record({QStringLiteral("ADF capture + store, A4 200 dpi grey"), pages, captureNs,
                    QStringLiteral("SANE test backend, PNG in the session")});
    harness.record({QStringLiteral("scan to searchable PDF, A4 200 dpi"), pages, totalNs,
                    QStringLiteral("%1 pages/min, PDF %2 KB")
                        .arg(double(pages) * 60e9 / double(totalNs), 0, 'f', 1)
                        .arg(pdf.value().size() / 1024)});
    QTextStream out(stdout);
    harness.print(out);
    session.value()->finish();
    return 0;
}
