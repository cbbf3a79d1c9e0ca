// Importing files into pages (R05.1e): JPEG, PNG, single and multi-page TIFF, PDF; corrupt,
// truncated, empty and non-image files refused with a message naming the file, and no page at all
// from a bad file, nor from a list of files with one bad file in it.
#include "testpaths.h"

#include <QTest>

#include <scan/fileimport.h>

using namespace motcua::scan;
using motcua::testing::testDataPath;

namespace {
QString fixture(const char *name)
{
    return testDataPath(QStringLiteral("scan/") + QLatin1String(name));
}
} // namespace

class TestScanImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodFilesGiveTheirPages_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("pages");
        QTest::addColumn<int>("width");
        QTest::newRow("jpeg") << fixture("page.jpg") << 1 << 331;
        QTest::newRow("png") << fixture("page.png") << 1 << 331;
        QTest::newRow("tiff") << fixture("page.tif") << 1 << 331;
        QTest::newRow("tiff, three pages") << fixture("three-pages.tif") << 3 << 64;
        QTest::newRow("pdf, A4 at 200 dpi") << fixture("two-pages.pdf") << 2 << 1653;
    }
    void goodFilesGiveTheirPages()
    {
        QFETCH(QString, file);
        QFETCH(int, pages);
        QFETCH(int, width);
        const auto result = importFile(file);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().size(), pages);
        for (const QImage &page : result.value()) {
            QVERIFY(!page.isNull());
            QCOMPARE(page.width(), width);
        }
    }

    void multiPageTiffKeepsEachPage()
    {
        const auto result = importFile(fixture("three-pages.tif"));
        QVERIFY(result.ok());
        // Stripes 4, 8 and 16 rows high: row 4 is black on page 1, white on pages 2 and 3.
        const QList<QImage> &p = result.value();
        QCOMPARE(qGray(p[0].pixel(0, 4)), 0);
        QCOMPARE(qGray(p[1].pixel(0, 4)), 255);
        QCOMPARE(qGray(p[1].pixel(0, 8)), 0);
        QCOMPARE(qGray(p[2].pixel(0, 8)), 255);
        QCOMPARE(qGray(p[2].pixel(0, 16)), 0);
    }

    void pdfPagesAreRenderedOnWhitePaper()
    {
        const auto result = importFile(fixture("two-pages.pdf"));
        QVERIFY(result.ok());
        const QImage &page = result.value().first();
        QCOMPARE(page.height(), 2339);
        QCOMPARE(page.pixel(5, 5), qRgb(255, 255, 255));
        QCOMPARE(page.dotsPerMeterX(), 7874);
        // The text "Trang mot" at 72/700 pt is drawn: some dark pixels in its band.
        bool dark = false;
        for (int x = 200; x < 800 && !dark; ++x) {
            for (int y = 300; y < 420 && !dark; ++y)
                dark = qGray(page.pixel(x, y)) < 100;
        }
        QVERIFY(dark);
    }

    void badFilesAreRefusedWithAMessage_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("code");
        QTest::newRow("truncated jpeg") << fixture("truncated.jpg") << "import.corrupt";
        QTest::newRow("truncated png") << fixture("truncated.png") << "import.corrupt";
        QTest::newRow("truncated tiff") << fixture("truncated.tif") << "import.corrupt";
        QTest::newRow("tiff with its third page cut")
            << fixture("truncated-three-pages.tif") << "import.corrupt";
        QTest::newRow("truncated pdf") << fixture("truncated.pdf") << "import.corrupt";
        QTest::newRow("text named .jpg") << fixture("not-an-image.jpg") << "import.unreadable";
        QTest::newRow("empty file") << fixture("empty.png") << "import.unreadable";
        QTest::newRow("missing file") << fixture("no-such-file.png") << "import.unreadable";
    }
    void badFilesAreRefusedWithAMessage()
    {
        QFETCH(QString, file);
        QFETCH(QString, code);
        const auto result = importFile(file);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY2(result.error().message.contains(file.section(QLatin1Char('/'), -1)),
                 qPrintable(result.error().message));
    }

    void oneBadFileImportsNothing()
    {
        const auto result = importFiles(
            {fixture("page.png"), fixture("three-pages.tif"), fixture("truncated.jpg")});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("import.corrupt"));
        QVERIFY(result.error().message.contains(QLatin1String("truncated.jpg")));
        QVERIFY(result.error().message.contains(QStringLiteral("Không trang nào được nhập")));
    }

    void filesImportInOrder()
    {
        const auto result = importFiles({fixture("three-pages.tif"), fixture("page.png")});
        QVERIFY(result.ok());
        QCOMPARE(result.value().size(), 4);
        QCOMPARE(result.value().last().width(), 331);
    }

    void pageLimitRefusesLargeFiles()
    {
        ImportOptions options;
        options.maxPages = 2;
        const auto result = importFile(fixture("three-pages.tif"), options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("import.too_many_pages"));
    }
};

QTEST_MAIN(TestScanImport)
#include "test_scan_import.moc"
