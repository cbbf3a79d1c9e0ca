// PAdES on the SoftHSM2 token, judged by poppler's pdfsig with the test root in an NSS
// database: valid, trusted, total document signed; two signatures on one document (R16.2);
// a tampered file fails.
#include "pkifixture.h"

#include <QFile>
#include <QTest>

#include <signing/pades.h>
#include <signing/padesverifier.h>
#include <signing/token.h>
#include <signing/truststore.h>

using namespace motcua::signing;

namespace {

// A one-page PDF with some text, built by hand so the test needs no PDF writer.
QByteArray minimalPdf()
{
    const QByteArray stream = "BT /F1 18 Tf 72 720 Td (Giay phep xay dung) Tj ET";
    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream
            + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    QByteArray pdf = "%PDF-1.7\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (auto offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1)
        + " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace

class TestPades : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.make());
        QVERIFY(m_pki.startOcsp()); // pdfsig asks the responder named in the certificates
        auto backend = openPkcs11Backend(m_pki.module());
        QVERIFY(backend.ok());
        m_backend = std::move(backend).value();
        QVERIFY(m_backend->login(QLatin1String(PkiFixture::kToken), PkiFixture::kPin).ok());
        QFile pdf(m_pki.path(QStringLiteral("in.pdf")));
        QVERIFY(pdf.open(QIODevice::WriteOnly));
        pdf.write(minimalPdf());
        pdf.close();
        m_nss = m_pki.makeNssDatabase(); // trusting the test root, for pdfsig
        QVERIFY(!m_nss.isEmpty());
    }

    void cleanupTestCase() { m_pki.stopOcsp(); }

    void signedPdfIsValidTrustedAndWhole()
    {
        const QString out = m_pki.path(QStringLiteral("one.pdf"));
        auto result = signPdf(credentials("01"), m_pki.path(QStringLiteral("in.pdf")), out,
                              options(QStringLiteral("Phê duyệt kết quả")));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const QByteArray report = pdfsig(out);
        QVERIFY2(report.contains("Signature is Valid"), report.constData());
        QVERIFY2(report.contains("Certificate is Trusted"), report.constData());
        QVERIFY2(report.contains("Total document signed"), report.constData());
        // The Vietnamese text of the box is drawn with an embedded font.
        QByteArray fonts;
        PkiFixture::run(QStringLiteral("pdffonts"), {out}, &fonts);
        QVERIFY2(fonts.contains("DejaVuSerif"), fonts.constData());
    }

    void twoSignaturesOnOneDocument()
    {
        const QString first = m_pki.path(QStringLiteral("first.pdf"));
        const QString second = m_pki.path(QStringLiteral("second.pdf"));
        QVERIFY(signPdf(credentials("01"), m_pki.path(QStringLiteral("in.pdf")), first,
                        options(QStringLiteral("Thẩm định")))
                    .ok());
        PadesOptions next = options(QStringLiteral("Ký duyệt"));
        next.box.moveTop(120);
        QVERIFY(signPdf(credentials("02"), first, second, next).ok());
        const QByteArray report = pdfsig(second);
        QVERIFY2(report.count("Signature is Valid") == 2, report.constData());
        QCOMPARE(report.count("Certificate is Trusted"), 2);
        // The first signature covers only its revision; the last one the whole file.
        QCOMPARE(report.count("Total document signed"), 1);
        QVERIFY2(report.contains("Signature #2"), report.constData());
    }

    void ourVerifierAgreesWithPdfsig()
    {
        CertificateValidator validator(TrustStore::load(m_pki.path(QStringLiteral("trust"))),
                                       revocation());
        auto two = verifyPdf(readFile(m_pki.path(QStringLiteral("second.pdf"))), validator);
        QVERIFY(two.ok());
        QCOMPARE(two.value().size(), 2);
        for (const auto &report : two.value())
            QVERIFY2(report.ok(), qPrintable(report.detail));
        QVERIFY(!two.value().constFirst().coversWholeDocument);
        QVERIFY(two.value().constLast().coversWholeDocument);
        QCOMPARE(two.value().constFirst().reason, QStringLiteral("Thẩm định"));
        QCOMPARE(two.value().constLast().algorithm, QStringLiteral("ECDSA/SHA256"));
        QVERIFY(pdfIsIntact(two.value()));
        // Bytes appended after signing: still valid signatures, but changed since signing.
        auto appended = verifyPdf(
            readFile(m_pki.path(QStringLiteral("second.pdf"))) + "\n% added later\n", validator);
        QVERIFY(appended.ok());
        QVERIFY(!appended.value().constLast().coversWholeDocument);
        QVERIFY(!pdfIsIntact(appended.value()));
        QCOMPARE(verifyPdf(minimalPdf(), validator).error().code,
                 QStringLiteral("signing.bad_signature_data"));
    }

    void tamperedPdfFails()
    {
        const QString out = m_pki.path(QStringLiteral("one.pdf"));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray data = file.readAll();
        const auto at = data.indexOf("Giay phep");
        QVERIFY(at > 0);
        data[at] = 'X';
        file.seek(0);
        file.write(data);
        file.close();
        const QByteArray report = pdfsig(out);
        QVERIFY2(!report.contains("Signature is Valid"), report.constData());
        CertificateValidator validator(TrustStore::load(m_pki.path(QStringLiteral("trust"))),
                                       revocation());
        auto ours = verifyPdf(data, validator);
        QVERIFY(ours.ok());
        QCOMPARE(ours.value().constFirst().signature, SignatureStatus::DigestMismatch);
        QVERIFY(!pdfIsIntact(ours.value()));
    }

    void wrongPageIsATypedError()
    {
        PadesOptions bad = options({});
        bad.page = 7;
        auto result = signPdf(credentials("01"), m_pki.path(QStringLiteral("in.pdf")),
                              m_pki.path(QStringLiteral("bad.pdf")), bad);
        QVERIFY(!result.ok());
        QVERIFY(!QFile::exists(m_pki.path(QStringLiteral("bad.pdf"))));
        auto notPdf = signPdf(credentials("01"), m_pki.path(QStringLiteral("root.pem")),
                              m_pki.path(QStringLiteral("bad.pdf")), options({}));
        QCOMPARE(notPdf.error().code, QStringLiteral("signing.failed"));
    }

private:
    SignerCredentials credentials(const QByteArray &keyId)
    {
        auto signer = m_backend->credentials(QLatin1String(PkiFixture::kToken), keyId);
        if (!signer.ok())
            return {};
        signer.value().chain = TrustStore::load(m_pki.path(QStringLiteral("intermediate.pem")));
        return signer.value();
    }

    static PadesOptions options(const QString &reason)
    {
        PadesOptions options;
        options.reason = reason;
        options.location = QStringLiteral("Bộ phận Một cửa");
        return options;
    }

    RevocationOptions revocation() const
    {
        RevocationOptions options;
        options.cacheDir = m_pki.path(QStringLiteral("cache"));
        return options;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QByteArray pdfsig(const QString &file)
    {
        QByteArray output;
        PkiFixture::run(QStringLiteral("pdfsig"), {QStringLiteral("-nssdir"), m_nss, file},
                        &output);
        return output;
    }

    PkiFixture m_pki;
    QString m_nss;
    std::unique_ptr<TokenBackend> m_backend;
};

QTEST_GUILESS_MAIN(TestPades)
#include "test_pades.moc"
