// The intake services without widgets: per-field validation (R12.1d), filling from a CCCD, finding
// procedures without diacritics, reading a CCCD QR from a photo (zxing-cpp), CSV with BOM.
#include <QTemporaryDir>
#include <QTest>

#define ZX_USE_UTF8 1
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <domain/demo.h>
#include <services/cccdimage.h>
#include <services/csvexport.h>
#include <services/intakedraft.h>
#include <services/procedurefinder.h>

using namespace motcua;

namespace {

const QString kQr = QStringLiteral(
    "001099012345|123456789|Nguyễn Văn A|01011990|Nam|Số 1 Trần Phú, Nha Trang|01012021");

QImage qrImage(const QString &text, int size = 300)
{
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(4);
    writer.setEncoding(ZXing::CharacterSet::UTF8);
    const auto matrix = writer.encode(text.toStdWString(), size, size);
    QImage image(matrix.width(), matrix.height(), QImage::Format_Grayscale8);
    for (int y = 0; y < matrix.height(); ++y)
        for (int x = 0; x < matrix.width(); ++x)
            image.setPixel(x, y, matrix.get(x, y) ? qRgb(0, 0, 0) : qRgb(255, 255, 255));
    return image;
}

QStringList fields(const QList<services::FieldError> &errors)
{
    QStringList out;
    for (const auto &e : errors)
        out << e.field;
    return out;
}

} // namespace

class TestServicesIntake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyDraftNamesEveryField()
    {
        const auto dir = domain::demo::directory();
        const auto proc = dir.procedure(QStringLiteral("2.000815"));
        QVERIFY(proc);
        services::IntakeDraft draft;
        draft.procedureCode = proc->code;
        const auto errors = services::validateDraft(draft, &*proc, QDate(2026, 11, 28));
        const QStringList f = fields(errors);
        QVERIFY(f.contains(QStringLiteral("applicant.personalId")));
        QVERIFY(f.contains(QStringLiteral("applicant.fullName")));
        QVERIFY(f.contains(QStringLiteral("applicant.birthDate")));
        QVERIFY(f.contains(QStringLiteral("applicant.address")));
        QVERIFY(f.contains(QStringLiteral("channel")));
        for (const auto &rc : proc->components) {
            if (rc.mandatory)
                QVERIFY(f.contains(QStringLiteral("components.") + rc.documentTypeCode));
        }
        for (const auto &e : errors)
            QVERIFY2(!e.message.isEmpty(), qPrintable(e.field));
        QCOMPARE(services::validateDraft(draft, nullptr, QDate(2026, 11, 28)).first().field,
                 QStringLiteral("procedure"));
    }

    void completeDraftPasses()
    {
        const auto dir = domain::demo::directory();
        const auto proc = dir.procedure(QStringLiteral("2.000815"));
        services::IntakeDraft draft;
        draft.procedureCode = proc->code;
        draft.channel = domain::Channel::Counter;
        auto card = domain::parseCccdQr(kQr);
        QVERIFY(card);
        services::fillFromCccd(draft.applicant, card.value());
        QCOMPARE(draft.applicant.fullName, QStringLiteral("Nguyễn Văn A"));
        for (const auto &rc : proc->components)
            draft.components[rc.documentTypeCode].received = true;
        QCOMPARE(services::validateDraft(draft, &*proc, QDate(2026, 11, 28)),
                 QList<services::FieldError>{});
        draft.applicant.phone = QStringLiteral("12ab");
        draft.applicant.email = QStringLiteral("x@");
        draft.applicant.birthDate = QDate(2030, 1, 1);
        const QStringList f = fields(services::validateDraft(draft, &*proc, QDate(2026, 11, 28)));
        QCOMPARE(
            f,
            (QStringList{QStringLiteral("applicant.birthDate"), QStringLiteral("applicant.phone"),
                         QStringLiteral("applicant.email")}));
    }

    void organisation()
    {
        domain::Applicant a;
        a.type = domain::ApplicantType::Organisation;
        a.taxCode = QStringLiteral("01234");
        const QStringList f = fields(services::validateApplicantFields(a, QDate(2026, 1, 1)));
        QVERIFY(f.contains(QStringLiteral("applicant.taxCode")));
        QVERIFY(f.contains(QStringLiteral("applicant.organisationName")));
        QVERIFY(!f.contains(QStringLiteral("applicant.personalId")));
    }

    void findProceduresWithoutDiacritics()
    {
        const auto dir = domain::demo::directory();
        QList<domain::Procedure> all;
        for (const auto &code : {QStringLiteral("2.001417"), QStringLiteral("2.000815")})
            all << *dir.procedure(code);
        auto found = services::findProcedures(all, QStringLiteral("chung thuc ban sao"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().code, QStringLiteral("2.000815"));
        found = services::findProcedures(all, QStringLiteral("LÝ LỊCH"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().code, QStringLiteral("2.001417"));
        QCOMPARE(services::findProcedures(all, QStringLiteral("2.0008")).first().code,
                 QStringLiteral("2.000815"));
        QCOMPARE(services::findProcedures(all, QString()).size(), 2);
        QVERIFY(services::findProcedures(all, QStringLiteral("khong co")).isEmpty());
    }

    void cccdFromPhoto()
    {
        auto card = services::readCccdImage(qrImage(kQr));
        QVERIFY2(card, qPrintable(card ? QString() : card.error().message));
        QCOMPARE(card->id, QStringLiteral("001099012345"));
        QCOMPARE(card->fullName, QStringLiteral("Nguyễn Văn A"));
        QCOMPARE(card->birthDate, QDate(1990, 1, 1));
        // Rotated a quarter turn, as a phone photo may be.
        card = services::readCccdImage(qrImage(kQr).transformed(QTransform().rotate(90)));
        QVERIFY(card);
        // A photo without a QR, a QR that is not a CCCD, a file that is not an image.
        QImage blank(300, 300, QImage::Format_RGB32);
        blank.fill(Qt::white);
        QCOMPARE(services::readCccdImage(blank).error().code, QStringLiteral("cccd.no_qr"));
        QVERIFY(!services::readCccdImage(qrImage(QStringLiteral("https://example.vn"))));
        QTemporaryDir dir;
        const QString notImage = dir.filePath(QStringLiteral("x.png"));
        QFile f(notImage);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("not an image") > 0);
        f.close();
        QCOMPARE(services::readCccdImageFile(notImage).error().code,
                 QStringLiteral("cccd.unreadable_image"));
        const QString photo = dir.filePath(QStringLiteral("cccd.jpg"));
        QVERIFY(qrImage(kQr, 600).save(photo, "JPG", 90));
        QVERIFY(services::readCccdImageFile(photo));
    }

    void csv()
    {
        const QByteArray out = services::toCsv(
            {QStringLiteral("Mã hồ sơ"), QStringLiteral("Người nộp")},
            {{QStringLiteral("000.17.22.H56-261128-0001"), QStringLiteral("Nguyễn Văn \"A\", B")}});
        QVERIFY(out.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(QString::fromUtf8(out.mid(3)),
                 QStringLiteral("Mã hồ sơ,Người nộp\r\n"
                                "000.17.22.H56-261128-0001,\"Nguyễn Văn \"\"A\"\", B\"\r\n"));
        QTemporaryDir dir;
        QVERIFY(services::writeCsv(dir.filePath(QStringLiteral("a.csv")), {}, {}));
        QCOMPARE(services::writeCsv(dir.filePath(QStringLiteral("no/such/dir/a.csv")), {}, {})
                     .error()
                     .code,
                 QStringLiteral("csv.write_failed"));
    }
};

QTEST_MAIN(TestServicesIntake)
#include "test_services_intake.moc"
