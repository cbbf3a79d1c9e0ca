// Detached CMS (.p7s) signed on the SoftHSM2 token and verified by our verifier: signature
// status apart from certificate status; trust store; expired and revoked signers; OCSP with
// `openssl ocsp` on loopback, its answers cached for offline use; CRL from the cache.
#include "pkifixture.h"

#include <QFile>
#include <QTest>

#include <signing/cmssigner.h>
#include <signing/cmsverifier.h>
#include <signing/token.h>
#include <signing/truststore.h>

using namespace motcua::signing;

class TestCms : public QObject
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

    void validAndTrustedOnline_data()
    {
        QTest::addColumn<QByteArray>("keyId");
        QTest::addColumn<bool>("pss");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("rsa") << QByteArray("01") << false << QStringLiteral("RSA/SHA256");
        QTest::newRow("rsa-pss") << QByteArray("01") << true << QStringLiteral("RSA-PSS/SHA256");
        QTest::newRow("ecdsa") << QByteArray("02") << false << QStringLiteral("ECDSA/SHA256");
    }

    void validAndTrustedOnline()
    {
        QFETCH(QByteArray, keyId);
        QFETCH(bool, pss);
        QFETCH(QString, algorithm);
        SignOptions options;
        options.padding = pss ? RsaPadding::Pss : RsaPadding::Pkcs1v15;
        const auto reports = signAndVerify(keyId, kContent, kContent, options, online());
        QCOMPARE(reports.size(), 1);
        const auto &report = reports.constFirst();
        QCOMPARE(report.signature, SignatureStatus::Valid);
        QVERIFY2(report.certificate == CertificateStatus::Trusted, qPrintable(report.detail));
        QVERIFY(report.ok());
        QVERIFY(report.detail.contains(QLatin1String("ocsp")));
        QCOMPARE(report.algorithm, algorithm);
        QVERIFY(report.signerName.startsWith(QStringLiteral("Nguyễn Văn")));
        QVERIFY(qAbs(report.signingTime.secsTo(QDateTime::currentDateTimeUtc())) < 600);
    }

    void tamperedContentIsADigestMismatch()
    {
        const auto reports = signAndVerify("01", kContent, kContent + "!", {}, online());
        QCOMPARE(reports.constFirst().signature, SignatureStatus::DigestMismatch);
        QVERIFY(!reports.constFirst().ok());
    }

    void tamperedSignatureIsInvalid()
    {
        auto signer = m_backend->credentials(QLatin1String(PkiFixture::kToken), "01");
        QVERIFY(signer.ok());
        auto p7s = signDetachedCms(signer.value(), kContent);
        QVERIFY(p7s.ok());
        QByteArray broken = p7s.value();
        broken[broken.size() - 10] = static_cast<char>(broken[broken.size() - 10] ^ 0x5a);
        CertificateValidator validator(anchors(), online());
        auto reports = verifyDetachedCms(broken, {QByteArrayView(kContent)}, validator);
        QVERIFY(reports.ok());
        QCOMPARE(reports.value().constFirst().signature, SignatureStatus::Invalid);
        auto garbage = verifyDetachedCms("not a signature", {QByteArrayView(kContent)}, validator);
        QCOMPARE(garbage.error().code, QStringLiteral("signing.bad_signature_data"));
    }

    void revokedSignerByOcsp()
    {
        const auto reports = signAndVerify("03", kContent, kContent, {}, online());
        QCOMPARE(reports.constFirst().signature, SignatureStatus::Valid);
        QCOMPARE(reports.constFirst().certificate, CertificateStatus::Revoked);
    }

    void expiredSigner()
    {
        const auto reports = signAndVerify("04", kContent, kContent, {}, online());
        QCOMPARE(reports.constFirst().signature, SignatureStatus::Valid);
        QCOMPARE(reports.constFirst().certificate, CertificateStatus::Expired);
    }

    void unknownIssuerWithoutTheRoot()
    {
        auto signer = m_backend->credentials(QLatin1String(PkiFixture::kToken), "01");
        auto p7s = signDetachedCms(signer.value(), kContent);
        CertificateValidator validator({}, online());
        auto reports = verifyDetachedCms(p7s.value(), {QByteArrayView(kContent)}, validator);
        QCOMPARE(reports.value().constFirst().signature, SignatureStatus::Valid);
        QCOMPARE(reports.value().constFirst().certificate, CertificateStatus::UnknownIssuer);
    }

    void offlineUsesTheCache()
    {
        // The online runs above cached the responder's answers for rsa and revoked.
        RevocationOptions offline = online();
        offline.offline = true;
        QCOMPARE(signAndVerify("01", kContent, kContent, {}, offline).constFirst().certificate,
                 CertificateStatus::Trusted);
        QCOMPARE(signAndVerify("03", kContent, kContent, {}, offline).constFirst().certificate,
                 CertificateStatus::Revoked);
        // An empty cache offline: nothing to say about revocation.
        RevocationOptions empty;
        empty.offline = true;
        empty.cacheDir = m_pki.path(QStringLiteral("empty-cache"));
        QCOMPARE(signAndVerify("01", kContent, kContent, {}, empty).constFirst().certificate,
                 CertificateStatus::RevocationUnknown);
    }

    void offlineCrlFromTheCache()
    {
        // A cache holding only the CRL (as a counter gets it from its admin): revoked is
        // found there, the good signer is good.
        RevocationOptions crlOnly;
        crlOnly.offline = true;
        crlOnly.cacheDir = m_pki.path(QStringLiteral("crl-cache"));
        QVERIFY(seedCrlCache(crlOnly.cacheDir));
        auto revoked = signAndVerify("03", kContent, kContent, {}, crlOnly).constFirst();
        QCOMPARE(revoked.certificate, CertificateStatus::Revoked);
        QVERIFY(revoked.detail.contains(QLatin1String("crl (cached)")));
        QCOMPARE(signAndVerify("01", kContent, kContent, {}, crlOnly).constFirst().certificate,
                 CertificateStatus::Trusted);
    }

    void trustStoreAddReplaceRemove()
    {
        TrustStore store(m_pki.path(QStringLiteral("store")));
        QFile root(m_pki.path(QStringLiteral("root.pem")));
        QVERIFY(root.open(QIODevice::ReadOnly));
        auto added = store.add(root.readAll());
        QVERIFY(added.ok());
        QCOMPARE(store.list().value().size(), 1);
        QFile leaf(m_pki.path(QStringLiteral("rsa.pem")));
        QVERIFY(leaf.open(QIODevice::ReadOnly));
        QCOMPARE(store.add(leaf.readAll()).error().code, QStringLiteral("signing.trust_store"));
        QFile intermediate(m_pki.path(QStringLiteral("intermediate.pem")));
        QVERIFY(intermediate.open(QIODevice::ReadOnly));
        const QString rootPrint = added.value().constFirst().fingerprint;
        auto replaced = store.replace(rootPrint, intermediate.readAll());
        QVERIFY(replaced.ok());
        QCOMPARE(store.list().value().size(), 1);
        QCOMPARE(store.list().value().constFirst().fingerprint, replaced.value().fingerprint);
        QVERIFY(store.remove(replaced.value().fingerprint).ok());
        QCOMPARE(store.list().value().size(), 0);
        QVERIFY(!store.remove(rootPrint).ok());
    }

private:
    QList<SignatureReport> signAndVerify(const QByteArray &keyId, const QByteArray &signedContent,
                                         const QByteArray &checkedContent,
                                         const SignOptions &options,
                                         const RevocationOptions &revocation)
    {
        auto signer = m_backend->credentials(QLatin1String(PkiFixture::kToken), keyId);
        if (!signer.ok())
            return {};
        signer.value().chain = TrustStore::load(m_pki.path(QStringLiteral("intermediate.pem")));
        auto p7s = signDetachedCms(signer.value(), signedContent, options);
        if (!p7s.ok())
            return {};
        CertificateValidator validator(anchors(), revocation);
        auto reports = verifyDetachedCms(p7s.value(), {QByteArrayView(checkedContent)}, validator);
        return reports.ok() ? reports.value() : QList<SignatureReport>{};
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

    bool seedCrlCache(const QString &dir);

    const QByteArray kContent = "Kết quả giải quyết hồ sơ 000.17.22.H56-261129-0001\n";
    PkiFixture m_pki;
    std::unique_ptr<TokenBackend> m_backend;
};

// Nobody serves the CRL URL in these tests: import the CRL file into the cache the way an
// admin hands CRLs to offline counters.
bool TestCms::seedCrlCache(const QString &dir)
{
    const QString url
        = QStringLiteral("http://127.0.0.1:%1/intermediate.crl").arg(m_pki.ocspPort());
    QFile crl(m_pki.path(QStringLiteral("intermediate.crl")));
    if (!crl.open(QIODevice::ReadOnly))
        return false;
    return importCrl(dir, url, crl.readAll()).ok();
}

QTEST_GUILESS_MAIN(TestCms)
#include "test_cms.moc"
