// The slip preview (R19): the receipt core/print wrote, shown page by page, printed onto a printer
// (here one that writes a PDF file, judged with pdfinfo) and saved as a copy; a missing file is
// said, not shown blank. Offscreen; no server and no keychain needed.
#include "poppler.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <domain/demo.h>
#include <domain/engine.h>
#include <print/sliprenderer.h>
#include <print/sliptemplates.h>
#include <slippreview.h>

using namespace motcua;

class TestGuiSlips : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto dossier = domain::fold(domain::demo::exampleJourney(), domain::demo::directory());
        QVERIFY(dossier);
        const auto directory = domain::demo::directory();
        const auto context
            = print::contextFor(dossier.value(), directory, QStringLiteral("counter1"),
                                QStringLiteral("https://motcua.example.gov.vn"));
        const auto receipt
            = print::renderSlip(QStringLiteral("receipt"),
                                print::SlipTemplates::builtIn().html(QStringLiteral("receipt")),
                                {dossier.value()}, context);
        QVERIFY2(receipt, receipt ? "" : qPrintable(receipt.error().message));
        m_receipt = m_dir.filePath(QStringLiteral("receipt.pdf"));
        QVERIFY(print::writePdf(receipt->pdf, m_receipt));
    }

    void previewPrintsAndSavesBothCopies()
    {
        ui::SlipPreview preview(m_receipt,
                                QStringLiteral("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"));
        QVERIFY(preview.isLoaded());
        QCOMPARE(preview.pageCount(), 2); // "Liên 1: Lưu", "Liên 2: Giao người nộp"
        for (const char *page : {"slipPage1", "slipPage2"}) {
            auto *shown = preview.findChild<QLabel *>(QLatin1String(page));
            QVERIFY(shown);
            QVERIFY(!shown->pixmap().isNull());
            // Drawn, not blank: some dark pixels (the text).
            const QImage image
                = shown->pixmap().toImage().convertToFormat(QImage::Format_Grayscale8);
            int dark = 0;
            for (int y = 0; y < image.height(); y += 4)
                for (int x = 0; x < image.width(); x += 4)
                    dark += qGray(image.pixel(x, y)) < 100 ? 1 : 0;
            QVERIFY2(dark > 100, page);
        }
        auto *print = preview.findChild<QPushButton *>(QStringLiteral("printSlip"));
        QVERIFY(print && print->isEnabled() && print->isDefault());
        QCOMPARE(print->shortcut(), QKeySequence(QKeySequence::Print));
        QVERIFY(!preview.findChild<QLabel *>(QStringLiteral("slipError")));
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        const QString shots = motcua::testing::testPath("MOTCUA_SCREENSHOT_DIR");
        QDir().mkpath(shots);
        QVERIFY(preview.grab().save(shots + QStringLiteral("/slip-preview.png")));

        // Printed: every page, on A4, in order.
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setPageSize(QPageSize(QPageSize::A4));
        const QString printed = m_dir.filePath(QStringLiteral("printed.pdf"));
        printer.setOutputFileName(printed);
        auto st = preview.printTo(printer);
        QVERIFY2(st, st ? "" : qPrintable(st.error().message));
        const auto info = test::run(QStringLiteral("pdfinfo"), {printed});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.out.contains(QRegularExpression(QStringLiteral("Pages:\\s+2\\n"))),
                 qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("(A4)")), qPrintable(info.out));

        // Saved as a copy: the same bytes.
        const QString copy = m_dir.filePath(QStringLiteral("copy/receipt.pdf"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("copy"))));
        QVERIFY(preview.exportTo(copy));
        QFile a(m_receipt), b(copy);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QVERIFY(a.readAll() == b.readAll());
        // A folder that does not exist: a message, nothing written.
        auto bad = preview.exportTo(m_dir.filePath(QStringLiteral("nowhere/receipt.pdf")));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("print.write_failed"));
    }

    void missingSlipIsSaid()
    {
        ui::SlipPreview preview(m_dir.filePath(QStringLiteral("gone.pdf")), QStringLiteral("x"));
        QVERIFY(!preview.isLoaded());
        QCOMPARE(preview.pageCount(), 0);
        auto *error = preview.findChild<QLabel *>(QStringLiteral("slipError"));
        QVERIFY(error);
        QVERIFY(error->text().contains(QStringLiteral("gone.pdf")));
        QVERIFY(!preview.findChild<QPushButton *>(QStringLiteral("printSlip"))->isEnabled());
        QPrinter printer;
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(m_dir.filePath(QStringLiteral("never.pdf")));
        auto st = preview.printTo(printer);
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("print.no_slip"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.pdf"))));
    }

private:
    QTemporaryDir m_dir;
    QString m_receipt;
};

QTEST_MAIN(TestGuiSlips)
#include "test_gui_slips.moc"
