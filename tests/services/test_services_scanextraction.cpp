// Data extraction from digitised documents (R05.1b, R15.6): a scanned CCCD's QR fills the
// applicant; from OCR text, proposals for the component's fields (ID numbers, dd/MM/yyyy dates by
// their meaning, the name after "Họ và tên") that are applied only when the officer accepts them.
#include <QPainter>
#include <QTest>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <services/intakedraft.h>
#include <services/scanextraction.h>

using namespace motcua;
using services::ProposedValue;

namespace {

const QString kQr = QStringLiteral(
    "079190012345|025123456|Nguyễn Thị Hương|15081990|Nữ|12 Lê Lợi, Bến Thành, Quận 1|03022021");

// The front of a card with its QR, lying on a white A4 page scanned at 200 dpi.
QImage scannedCard()
{
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(2);
    writer.setEncoding(ZXing::CharacterSet::UTF8);
    const auto matrix = writer.encode(kQr.toStdWString(), 220, 220);
    QImage qr(matrix.width(), matrix.height(), QImage::Format_Grayscale8);
    for (int y = 0; y < matrix.height(); ++y) {
        for (int x = 0; x < matrix.width(); ++x)
            qr.scanLine(y)[x] = matrix.get(x, y) ? 0 : 255;
    }
    QImage page(1654, 2339, QImage::Format_RGB888);
    page.fill(Qt::white);
    QPainter p(&page);
    p.fillRect(200, 200, 676, 425, QColor(210, 225, 240)); // the card, 85.6 x 54 mm
    p.drawImage(620, 230, qr);
    return page;
}

QStringList fields(const QList<ProposedValue> &proposals)
{
    QStringList out;
    for (const auto &p : proposals)
        out << p.field + QLatin1Char('=') + p.value;
    return out;
}

} // namespace

class TestScanExtraction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cccdQrOnAScannedPageFillsTheApplicant_R05_1b()
    {
        const auto extraction = services::extractFromPage(scannedCard(), QString());
        QVERIFY(extraction.card.has_value());
        domain::Applicant applicant;
        services::fillFromCccd(applicant, *extraction.card);
        QCOMPARE(applicant.personalId, QStringLiteral("079190012345"));
        QCOMPARE(applicant.fullName, QStringLiteral("Nguyễn Thị Hương"));
        QCOMPARE(applicant.birthDate, QDate(1990, 8, 15));
        QCOMPARE(applicant.gender, QStringLiteral("Nữ"));
    }

    void pageWithoutQrGivesNoCard()
    {
        QImage page(800, 1100, QImage::Format_Grayscale8);
        page.fill(255);
        QVERIFY(!services::extractFromPage(page, QString()).card.has_value());
    }

    void valuesAreProposedFromOcrText_R15_6()
    {
        const QString text = QStringLiteral("GIẤY XÁC NHẬN\n"
                                            "Họ và tên: Trần Văn Bình, sinh năm 1985\n"
                                            "Ngày sinh: 02/09/1985\n"
                                            "Số định danh cá nhân: 001085012345\n"
                                            "CMND số 025123456 cấp ngày 1/2/2010 tại Hà Nội\n"
                                            "Giấy này có giá trị đến 31/12/2030.\n"
                                            "Hà Nội, ngày 14/11/2026\n"
                                            "Số điện thoại 0912345678 không phải số định danh\n"
                                            "Ngày không có thật 31/02/2026\n");
        const auto proposals = services::proposeValues(text);
        const QStringList got = fields(proposals);
        QVERIFY2(got.contains(QStringLiteral("holderName=Trần Văn Bình")),
                 qPrintable(got.join(u';')));
        QVERIFY(got.contains(QStringLiteral("holderBirthYear=1985")));
        QVERIFY(got.contains(QStringLiteral("holderId=001085012345")));
        QVERIFY(got.contains(QStringLiteral("holderId=025123456")));
        QVERIFY(got.contains(QStringLiteral("issueDate=01/02/2010")));
        QVERIFY(got.contains(QStringLiteral("validUntil=31/12/2030")));
        QVERIFY(got.contains(QStringLiteral("date=14/11/2026")));
        for (const QString &g : got) {
            QVERIFY2(!g.contains(QLatin1String("0912345678")), qPrintable(g));
            QVERIFY2(!g.contains(QLatin1String("31/02/2026")), qPrintable(g));
        }
        QCOMPARE(proposals.first().label, QStringLiteral("Họ và tên"));
        QVERIFY(proposals.first().context.startsWith(QStringLiteral("Họ và tên")));
    }

    void ocrWithoutMarksStillFindsTheName()
    {
        const auto got = fields(services::proposeValues(QStringLiteral("Ho ten: Le Thi Mai\n")));
        QCOMPARE(got, QStringList{QStringLiteral("holderName=Le Thi Mai")});
        QVERIFY(services::proposeValues(QStringLiteral("Họ và tên: \nđịa chỉ")).isEmpty());
    }

    void onlyAcceptedValuesAreApplied_R05_1b()
    {
        const auto proposals = services::proposeValues(
            QStringLiteral("Họ và tên: Trần Văn Bình\nSố 001085012345 cấp ngày 01/02/2010\n"
                           "có giá trị đến 31/12/2030\n"));
        domain::Component component;
        QList<ProposedValue> accepted;
        for (const auto &p : proposals) {
            if (p.field != QLatin1String("validUntil")) // the officer unticks one
                accepted << p;
        }
        QCOMPARE(services::applyProposals(component, accepted), 3);
        QCOMPARE(component.holderName, QStringLiteral("Trần Văn Bình"));
        QCOMPARE(component.holderId, QStringLiteral("001085012345"));
        QCOMPARE(component.issueDate, QDate(2010, 2, 1));
        QVERIFY(!component.validUntil.isValid());
    }
};

QTEST_MAIN(TestScanExtraction)
#include "test_services_scanextraction.moc"
