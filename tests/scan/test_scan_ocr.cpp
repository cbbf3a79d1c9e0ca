// OCR with the real Tesseract and its Vietnamese model (R05.1e, R15.7): accuracy on a rendered
// page at 200 dpi, diacritics included, measured as 1 - edit distance / length; the searchable
// PDF read back with poppler's pdftotext; the background queue and its cache by image hash.
#include "vietnamesepage.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <scan/ocrengine.h>
#include <scan/ocrqueue.h>

using namespace motcua::scan;
using motcua::testing::vietnameseLines;
using motcua::testing::vietnamesePage;

namespace {

// Words joined by single spaces, in Unicode NFC, so only the characters are compared.
QString normalised(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C)
        .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)
        .join(QLatin1Char(' '));
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

double characterAccuracy(const QString &expected, const QString &found)
{
    const QString e = normalised(expected);
    return 1.0 - double(editDistance(e, normalised(found))) / double(e.size());
}

QString pdftotext(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestScanOcr : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vietnameseAt200DpiIsRecognisedWithDiacritics_R05_1e()
    {
        const QStringList lines = vietnameseLines();
        OcrEngine engine;
        QVERIFY(engine.initialise().ok());
        QCOMPARE(qgetenv("OMP_THREAD_LIMIT"), QByteArray("1"));
        const auto result = engine.recognise(vietnamesePage(lines));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const double accuracy
            = characterAccuracy(lines.join(QLatin1Char('\n')), result.value().text);
        qInfo("character accuracy %.4f (confidence %d)", accuracy, result.value().confidence);
        QVERIFY2(accuracy >= 0.98, qPrintable(result.value().text));
        // Letters that differ only by their marks come out right.
        QVERIFY(result.value().text.contains(QStringLiteral("Nguyễn Thị Hương")));
        QVERIFY(result.value().text.contains(QStringLiteral("079190012345")));
        m_first = result.value();
    }

    void searchablePdfCarriesTheTextLayer_R15_7()
    {
        QVERIFY(!m_first.pdf.isEmpty());
        OcrEngine engine;
        const auto second = engine.recognise(
            vietnamesePage({QStringLiteral("Trang thứ hai: biên nhận hồ sơ đã đủ thành phần.")}));
        QVERIFY(second.ok());
        const auto pdf = searchablePdf({m_first, second.value()});
        QVERIFY(pdf.ok());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hoso.pdf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf.value());
        file.close();
        const QString text = pdftotext(path);
        const QStringList pages = text.split(QLatin1Char('\f'));
        QVERIFY2(pages.size() >= 2, qPrintable(text));
        QVERIFY(characterAccuracy(vietnameseLines().join(QLatin1Char('\n')), pages[0]) >= 0.98);
        QVERIFY(normalised(pages[1]).contains(QStringLiteral("biên nhận hồ sơ")));
        QCOMPARE(plainText({m_first, second.value()}).count(QLatin1Char('\f')), 1);
    }

    void emptyImageIsAnError()
    {
        OcrEngine engine;
        const auto result = engine.recognise(QImage());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("ocr.failed"));
        QVERIFY(!searchablePdf({}).ok());
    }

    void queueRecognisesInTheBackgroundAndCachesByImage()
    {
        QTemporaryDir cache;
        const QImage page = vietnamesePage({QStringLiteral("Phiếu tiếp nhận hồ sơ số 12")}, 150)
                                .copy(0, 0, 1240, 400);
        {
            OcrQueue queue(cache.path());
            QSignalSpy done(&queue, &OcrQueue::recognised);
            QSignalSpy idle(&queue, &OcrQueue::idle);
            queue.enqueue(QStringLiteral("page-1"), page);
            queue.enqueue(QStringLiteral("page-1-again"), page);
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 60000);
            QCOMPARE(queue.recognisedCount(), 1); // the second one came from the cache
            QCOMPARE(done[0][0].toString(), QStringLiteral("page-1"));
            const auto result = done[0][1].value<OcrResult>();
            QVERIFY(normalised(result.text).contains(QStringLiteral("tiếp nhận hồ sơ")));
            QVERIFY(queue.cached(imageHash(page)).has_value());
            QVERIFY(idle.size() >= 1);
        }
        OcrQueue later(cache.path()); // after a restart: from the disk cache
        QSignalSpy done(&later, &OcrQueue::recognised);
        later.enqueue(QStringLiteral("page-1"), page);
        QVERIFY(done.wait(10000));
        QCOMPARE(later.recognisedCount(), 0);
        QVERIFY(done[0][1].value<OcrResult>().pdf.startsWith("%PDF-"));
    }

private:
    OcrResult m_first;
};

QTEST_MAIN(TestScanOcr)
#include "test_scan_ocr.moc"
