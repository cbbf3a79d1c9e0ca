// XML signatures (XMLDSig, XAdES-BES shape) signed with the SoftHSM2 token key through xmlsec1,
// judged by the xmlsec1 program (test root as the trusted CA) and by our verifier: signature
// status apart from certificate status; tampering; revoked and expired signers; JSON forms.
#include "pkifixture.h"

#include <QFile>
#include <QTest>

#include <signing/token.h>
#include <signing/truststore.h>
#include <signing/xmlsigner.h>

#include <thread>

using namespace motcua::signing;

class TestXml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.make());
        QVERIFY(m_pki.startOcsp());
        auto backend = openPkcs11Backend(m_pki.module());
        QVERIFY(backend.ok());
        m_backend = std::move(backend).value();
        QVERIFY(m_backend->login(QLatin1String(PkiFixture::kToken), PkiFixture::kPin).ok());
    }

    void cleanupTestCase() { m_pki.stopOcsp(); }

    // First of all, so xmlsec1 is initialised by two threads racing for it.
    void signsFromTwoThreadsAtOnce()
    {
        const auto rsa = signer("01");
        const auto ec = signer("02");
        Result<QByteArray> first = signingError(SigningError::Cancelled);
        Result<QByteArray> second = signingError(SigningError::Cancelled);
        std::thread a([&] { first = signXml(rsa, kDocument); });
        std::thread b([&] { second = signXml(ec, kDocument); });
        a.join();
        b.join();
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
        QCOMPARE(ours(first.value()).constFirst().signature, SignatureStatus::Valid);
        QCOMPARE(ours(second.value()).constFirst().signature, SignatureStatus::Valid);
    }

    void xmlsec1AndWeAgree_data()
    {
        QTest::addColumn<QByteArray>("keyId");
        QTest::addColumn<bool>("xades");
        QTest::addColumn<QByteArray>("digest");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("rsa xades")
            << QByteArray("01") << true << QByteArray("SHA256") << QStringLiteral("RSA/SHA256");
        QTest::newRow("ecdsa xades")
            << QByteArray("02") << true << QByteArray("SHA256") << QStringLiteral("ECDSA/SHA256");
        QTest::newRow("rsa plain sha512")
            << QByteArray("01") << false << QByteArray("SHA512") << QStringLiteral("RSA/SHA512");
    }

    void xmlsec1AndWeAgree()
    {
        QFETCH(QByteArray, keyId);
        QFETCH(bool, xades);
        QFETCH(QByteArray, digest);
        QFETCH(QString, algorithm);
        XmlSignOptions options;
        options.xades = xades;
        options.sign.digest = digest;
        auto signedXml = signXml(signer(keyId), kDocument, options);
        QVERIFY2(signedXml.ok(),
                 qPrintable(signedXml.ok() ? QString() : signedXml.error().message));
        QVERIFY(signedXml.value().contains("Nguyễn Thị Hoà"));
        QCOMPARE(signedXml.value().contains("xades:SigningCertificateV2"), xades);
        QByteArray output;
        QVERIFY2(xmlsec1(signedXml.value(), &output) == 0, output.constData());
        QVERIFY(output.contains("OK"));

        const auto reports = ours(signedXml.value());
        QCOMPARE(reports.size(), 1);
        const auto &report = reports.constFirst();
        QCOMPARE(report.signature, SignatureStatus::Valid);
        QVERIFY2(report.certificate == CertificateStatus::Trusted, qPrintable(report.detail));
        QVERIFY(report.ok());
        QCOMPARE(report.algorithm, algorithm);
        QVERIFY(report.signerName.startsWith(QStringLiteral("Nguyễn Văn")));
        QCOMPARE(report.signingTime.isValid(), xades);
        if (xades)
            QVERIFY(qAbs(report.signingTime.secsTo(QDateTime::currentDateTimeUtc())) < 600);
    }

    void tamperedDocumentFailsInBoth()
    {
        auto signedXml = signXml(signer("02"), kDocument);
        QVERIFY(signedXml.ok());
        QByteArray changed = signedXml.value();
        changed.replace("Nguyễn Thị Hoà", "Nguyễn Thị Hoa");
        QVERIFY(changed != signedXml.value());
        QByteArray output;
        QVERIFY(xmlsec1(changed, &output) != 0);
        const auto report = ours(changed).constFirst();
        QCOMPARE(report.signature, SignatureStatus::DigestMismatch);
        QVERIFY(!report.ok());
    }

    void tamperedSignedPropertiesAndSignatureValue()
    {
        auto signedXml = signXml(signer("01"), kDocument);
        QVERIFY(signedXml.ok());
        // The signing time is signed: moving it breaks the SignedProperties reference.
        QByteArray backdated = signedXml.value();
        const auto start = backdated.indexOf("<xades:SigningTime>") + 19;
        QVERIFY(start > 19);
        backdated.replace(start, 4, "2020");
        QByteArray output;
        QVERIFY(xmlsec1(backdated, &output) != 0);
        QCOMPARE(ours(backdated).constFirst().signature, SignatureStatus::DigestMismatch);
        // A flipped SignatureValue character: the references match, the signature does not.
        QByteArray forged = signedXml.value();
        const auto value = forged.indexOf("<ds:SignatureValue>") + 19 + 10;
        forged[value] = forged[value] == 'A' ? 'B' : 'A';
        QVERIFY(xmlsec1(forged, &output) != 0);
        QCOMPARE(ours(forged).constFirst().signature, SignatureStatus::Invalid);
    }

    void revokedAndExpiredSigners()
    {
        auto revoked = signXml(signer("03"), kDocument);
        QVERIFY(revoked.ok());
        const auto r = ours(revoked.value()).constFirst();
        QCOMPARE(r.signature, SignatureStatus::Valid);
        QCOMPARE(r.certificate, CertificateStatus::Revoked);
        auto expired = signXml(signer("04"), kDocument);
        QVERIFY(expired.ok());
        const auto e = ours(expired.value()).constFirst();
        QCOMPARE(e.signature, SignatureStatus::Valid);
        QCOMPARE(e.certificate, CertificateStatus::Expired);
        // And xmlsec1 refuses both certificates (revoked: with the CRL it is given).
        QByteArray output;
        QVERIFY(xmlsec1(expired.value(), &output) != 0);
        QVERIFY(xmlsec1(revoked.value(), &output,
                        {QStringLiteral("--crl-pem"),
                         m_pki.path(QStringLiteral("intermediate.crl.pem"))})
                != 0);
    }

    void unknownIssuerWithoutTheRoot()
    {
        auto signedXml = signXml(signer("01"), kDocument);
        CertificateValidator validator({}, online());
        auto reports = verifyXml(signedXml.value(), validator);
        QVERIFY(reports.ok());
        QCOMPARE(reports.value().constFirst().signature, SignatureStatus::Valid);
        QCOMPARE(reports.value().constFirst().certificate, CertificateStatus::UnknownIssuer);
    }

    void badInputIsAClearError()
    {
        const auto rsa = signer("01");
        auto notXml = signXml(rsa, "ho so: khong phai XML");
        QCOMPARE(notXml.error().code, QStringLiteral("signing.input_unreadable"));
        XmlSignOptions pss;
        pss.sign.padding = RsaPadding::Pss;
        QCOMPARE(signXml(rsa, kDocument, pss).error().code,
                 QStringLiteral("signing.unsupported_algorithm"));
        XmlSignOptions sha1;
        sha1.sign.digest = "SHA1";
        QCOMPARE(signXml(rsa, kDocument, sha1).error().code,
                 QStringLiteral("signing.unsupported_algorithm"));
        // Signing twice would break the first enveloped signature: refused.
        auto once = signXml(rsa, kDocument);
        QVERIFY(once.ok());
        auto twice = signXml(rsa, once.value());
        QCOMPARE(twice.error().code, QStringLiteral("signing.failed"));
        QVERIFY(twice.error().message.contains(QStringLiteral("đã có chữ ký")));

        CertificateValidator validator(anchors(), online());
        QCOMPARE(verifyXml("not xml", validator).error().code,
                 QStringLiteral("signing.bad_signature_data"));
        QCOMPARE(verifyXml(kDocument, validator).error().code,
                 QStringLiteral("signing.bad_signature_data"));
        QVERIFY(looksLikeXml("\xEF\xBB\xBF  <a/>"));
        QVERIFY(!looksLikeXml("{\"a\":1}"));
    }

    void outsideReferencesAreRefused()
    {
        // A signature whose reference points at a file: xmlsec1 would read it; we do not.
        auto signedXml = signXml(signer("01"), kDocument, {{}, false});
        QVERIFY(signedXml.ok());
        QByteArray outside = signedXml.value();
        outside.replace("URI=\"\"", "URI=\"file:///etc/hostname\"");
        const auto report = ours(outside).constFirst();
        QVERIFY(report.signature != SignatureStatus::Valid);
        QVERIFY(!report.ok());
    }

    void jsonFormBecomesSignedXml()
    {
        const QByteArray form
            = R"({"hoTen": "Nguyễn Thị Hoà", "soTien": 150000, "daNop": true, "ghiChu": null,
                 "diaChi": {"tinh": "Hà Nam", "xa": "Phủ Lý"}, "giayTo": ["CCCD", "Sổ đỏ"],
                 "a<b": "x & y"})";
        auto converted = jsonFormToXml(form);
        QVERIFY(converted.ok());
        const QByteArray &xml = converted.value();
        QVERIFY(xml.contains("<field name=\"hoTen\">Nguyễn Thị Hoà</field>"));
        QVERIFY(xml.contains("<field name=\"soTien\" type=\"number\">150000</field>"));
        QVERIFY(xml.contains("<field name=\"daNop\" type=\"boolean\">true</field>"));
        QVERIFY(xml.contains("<field name=\"ghiChu\" type=\"null\"/>"));
        QVERIFY(xml.contains("<item>Sổ đỏ</item>"));
        QVERIFY(xml.contains("name=\"a&lt;b\">x &amp; y</field>"));
        auto signedXml = signXml(signer("02"), xml);
        QVERIFY(signedXml.ok());
        QByteArray output;
        QVERIFY2(xmlsec1(signedXml.value(), &output) == 0, output.constData());
        QVERIFY(ours(signedXml.value()).constFirst().ok());
        QCOMPARE(jsonFormToXml("[1, 2]").error().code, QStringLiteral("signing.input_unreadable"));
        QCOMPARE(jsonFormToXml("{broken").error().code, QStringLiteral("signing.input_unreadable"));
    }

private:
    SignerCredentials signer(const QByteArray &keyId)
    {
        auto credentials = m_backend->credentials(QLatin1String(PkiFixture::kToken), keyId);
        if (!credentials.ok())
            return {};
        credentials.value().chain
            = TrustStore::load(m_pki.path(QStringLiteral("intermediate.pem")));
        return credentials.value();
    }

    QList<SignatureReport> ours(const QByteArray &xml)
    {
        CertificateValidator validator(anchors(), online());
        auto reports = verifyXml(xml, validator);
        return reports.ok() ? reports.value() : QList<SignatureReport>{SignatureReport{}};
    }

    // `xmlsec1 --verify` with the test root as the only trusted CA; its exit code.
    int xmlsec1(const QByteArray &xml, QByteArray *output, const QStringList &extra = {})
    {
        const QString path = m_pki.path(QStringLiteral("judged.xml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return -1;
        file.write(xml);
        file.close();
        return PkiFixture::run(
            QStringLiteral("xmlsec1"),
            QStringList{QStringLiteral("--verify"), QStringLiteral("--trusted-pem"),
                        m_pki.path(QStringLiteral("root.pem")), QStringLiteral("--id-attr:Id"),
                        QStringLiteral("http://uri.etsi.org/01903/v1.3.2#:SignedProperties")}
                + extra + QStringList{path},
            output);
    }

    QList<std::shared_ptr<X509>> anchors() const
    {
        return TrustStore::load(m_pki.path(QStringLiteral("trust")));
    }

    RevocationOptions online() const
    {
        RevocationOptions options;
        options.cacheDir = m_pki.path(QStringLiteral("cache"));
        return options;
    }

    const QByteArray kDocument
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<hoSo xmlns=\"urn:motcua:hoso\" ma=\"000.17.22.H56-261129-0001\">\n"
          "  <nguoiNop>Nguyễn Thị Hoà</nguoiNop>\n"
          "  <ketQua>Đã giải quyết</ketQua>\n"
          "</hoSo>\n";
    PkiFixture m_pki;
    std::unique_ptr<TokenBackend> m_backend;
};

QTEST_GUILESS_MAIN(TestXml)
#include "test_xml.moc"
