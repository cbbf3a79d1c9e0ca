// Issue 5, "correct on high-DPI screens": run at twice the scale (QT_SCALE_FACTOR=2, as a 4K
// screen at 200 % gives), the pictures the client draws itself — official slips before printing,
// previews of scanned images, scan thumbnails — are drawn at device pixels, not blown up from
// logical ones. PNGs for people to look at go to the screenshots folder. Offscreen; no server, no
// keychain.
#include "testpaths.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <domain/demo.h>
#include <domain/engine.h>
#include <filepreview.h>
#include <print/sliprenderer.h>
#include <print/sliptemplates.h>
#include <scan/pagelistmodel.h>
#include <scan/scansession.h>
#include <slippreview.h>

using namespace motcua;

namespace {

QString shots()
{
    const QString dir = motcua::testing::testPath("MOTCUA_SCREENSHOT_DIR");
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class TestGuiHighDpi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The test is only worth something at a ratio above 1.
        QCOMPARE(qApp->devicePixelRatio(), 2.0);
        QVERIFY(m_dir.isValid());
    }

    void slipPagesAreDrawnAtDevicePixels()
    {
        auto dossier = domain::fold(domain::demo::exampleJourney(), domain::demo::directory());
        QVERIFY(dossier);
        const auto context = print::contextFor(dossier.value(), domain::demo::directory(),
                                               QStringLiteral("counter1"),
                                               QStringLiteral("https://motcua.example.gov.vn"));
        const auto receipt
            = print::renderSlip(QStringLiteral("receipt"),
                                print::SlipTemplates::builtIn().html(QStringLiteral("receipt")),
                                {dossier.value()}, context);
        QVERIFY(receipt);
        const QString pdf = m_dir.filePath(QStringLiteral("receipt.pdf"));
        QVERIFY(print::writePdf(receipt->pdf, pdf));

        ui::SlipPreview preview(pdf, QStringLiteral("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"));
        preview.resize(900, 700);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        auto *page = preview.findChild<QLabel *>(QStringLiteral("slipPage1"));
        QVERIFY(page);
        const QPixmap pixmap = page->pixmap();
        QCOMPARE(pixmap.devicePixelRatio(), 2.0);
        // Laid out at its logical size, holding twice the pixels each way.
        const QSize logical = pixmap.deviceIndependentSize().toSize();
        QCOMPARE(pixmap.width(), logical.width() * 2);
        QVERIFY(page->width() < pixmap.width());
        const QPixmap shot = preview.grab();
        QCOMPARE(shot.devicePixelRatio(), 2.0);
        QVERIFY(shot.save(shots() + QStringLiteral("/highdpi-slip-preview.png")));
    }

    void scannedImagesArePreviewedSharp()
    {
        // A scanned page with fine print: a checkerboard of single pixels.
        QImage scan(1600, 1200, QImage::Format_RGB32);
        scan.fill(Qt::white);
        for (int y = 0; y < scan.height(); ++y)
            for (int x = (y % 2); x < scan.width(); x += 2)
                scan.setPixel(x, y, qRgb(0, 0, 0));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(scan.save(&buffer, "PNG"));

        ui::FilePreview preview;
        preview.resize(500, 400);
        preview.QWidget::show(); // FilePreview::show(bytes, …) hides it
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        preview.show(png, QStringLiteral("image/png"), QStringLiteral("trang-1.png"));
        QLabel *image = nullptr;
        for (auto *label : preview.findChildren<QLabel *>()) {
            if (!label->pixmap().isNull())
                image = label;
        }
        QVERIFY(image);
        const QPixmap shown = image->pixmap();
        QCOMPARE(shown.devicePixelRatio(), 2.0);
        // Fitted into the label at device pixels: wider than the label in pixels, not in points.
        QVERIFY2(shown.width() > image->width(),
                 qPrintable(
                     QStringLiteral("%1 px in %2 points").arg(shown.width()).arg(image->width())));
        QVERIFY(shown.deviceIndependentSize().width() <= image->width() + 1);
        QVERIFY(preview.grab().save(shots() + QStringLiteral("/highdpi-image-preview.png")));
    }

    void scanThumbnailsHoldDevicePixels()
    {
        auto session = scan::ScanSession::create(m_dir.filePath(QStringLiteral("scans")));
        QVERIFY(session);
        QImage page(1654, 2339, QImage::Format_RGB32); // A4 at 200 dpi
        page.fill(Qt::white);
        QVERIFY(session.value()->addImages({page}));
        ui::PageListModel model;
        model.setSession(session.value().get());
        const auto icon = model.data(model.index(0), Qt::DecorationRole).value<QIcon>();
        // The icon holds a picture with twice the pixels of the thumbnail's side in points.
        const QList<QSize> held = icon.availableSizes();
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.first().height(), 2 * ui::PageListModel::kThumbnailSide);
        QCOMPARE(icon.pixmap(QSize(120, 160), 2.0).devicePixelRatio(), 2.0);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestGuiHighDpi)
#include "test_gui_highdpi.moc"
