// Separator sheets split a feeder batch into components (issue 8, item 6): generated separator
// pages between text pages, found again after a small rotation and scanner-like noise; other QR
// codes (a CCCD) are not separators.
#include "vietnamesepage.h"

#include <QPainter>
#include <QTest>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <scan/separators.h>

using namespace motcua::scan;

namespace {

QImage textPage(const QString &line)
{
    return motcua::testing::vietnamesePage({line}, 150);
}

// As a scanner sees it: turned by a degree, a little grey, at 150 dpi.
QImage scanned(const QImage &page)
{
    QImage out(page.size(), QImage::Format_Grayscale8);
    out.fill(235);
    QPainter p(&out);
    p.translate(out.width() / 2.0, out.height() / 2.0);
    p.rotate(1.0);
    p.translate(-out.width() / 2.0, -out.height() / 2.0);
    p.setCompositionMode(QPainter::CompositionMode_Darken);
    p.drawImage(0, 0, page);
    return out;
}

QImage otherQrPage()
{
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    const auto matrix
        = writer.encode(std::wstring(L"079190012345|025123456|Nguyen Thi Huong"), 400, 400);
    QImage page(1240, 1754, QImage::Format_Grayscale8);
    page.fill(255);
    for (int y = 0; y < matrix.height(); ++y) {
        for (int x = 0; x < matrix.width(); ++x)
            page.scanLine(200 + y)[200 + x] = matrix.get(x, y) ? 0 : 255;
    }
    return page;
}

} // namespace

class TestScanSeparators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void separatorSheetIsRecognisedWithItsName()
    {
        const QImage sheet
            = separatorSheet(QStringLiteral("Giấy chứng nhận quyền sử dụng đất"), 150);
        QCOMPARE(sheet.width(), 1240);
        QCOMPARE(separatorOf(sheet),
                 std::optional<QString>(QStringLiteral("Giấy chứng nhận quyền sử dụng đất")));
        QCOMPARE(separatorOf(scanned(separatorSheet(QString(), 150))),
                 std::optional<QString>(QString()));
        QVERIFY(!separatorOf(textPage(QStringLiteral("Đơn đề nghị"))).has_value());
        QVERIFY(!separatorOf(otherQrPage()).has_value());
    }

    void batchIsSplitIntoComponents()
    {
        const QList<QImage> batch{
            scanned(textPage(QStringLiteral("Đơn đề nghị, trang 1"))),
            scanned(textPage(QStringLiteral("Đơn đề nghị, trang 2"))),
            scanned(separatorSheet(QStringLiteral("Bản vẽ thiết kế"), 150)),
            scanned(textPage(QStringLiteral("Bản vẽ"))),
            scanned(separatorSheet(QStringLiteral("Trống"), 150)),
            scanned(separatorSheet(QStringLiteral("Ảnh hiện trạng"), 150)),
            otherQrPage(),
        };
        const QList<BatchPart> parts = splitAtSeparators(batch);
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[0].name, QString());
        QCOMPARE(parts[0].pages, (QList<int>{0, 1}));
        QCOMPARE(parts[1].name, QStringLiteral("Bản vẽ thiết kế"));
        QCOMPARE(parts[1].pages, QList<int>{3});
        QCOMPARE(parts[2].name, QStringLiteral("Ảnh hiện trạng")); // the empty part is dropped
        QCOMPARE(parts[2].pages, QList<int>{6});
        QVERIFY(splitAtSeparators({}).isEmpty());
    }
};

QTEST_MAIN(TestScanSeparators)
#include "test_scan_separators.moc"
