// JWS (RFC 7515) signed on the SoftHSM2 token: RS256, PS256 and ES256 checked by our verifier
// and independently by `openssl dgst`; tampering, refused algorithms, an untrusted signer.
#include "pkifixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <signing/jws.h>
#include <signing/token.h>
#include <signing/truststore.h>

using namespace motcua::signing;

namespace {

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray unb64url(const QByteArray &data)
{
    return QByteArray::fromBase64(data, QByteArray::Base64UrlEncoding);
}

// R||S (JWS) -> DER ECDSA-Sig-Value (what openssl dgst reads), written independently of jws.cpp.
QByteArray rawEcdsaToDer(const QByteArray &raw)
{
    const auto *in = reinterpret_cast<const unsigned char *>(raw.constData());
    ECDSA_SIG *sig = ECDSA_SIG_new();
    ECDSA_SIG_set0(sig, BN_bin2bn(in, 32, nullptr), BN_bin2bn(in + 32, 32, nullptr));
    unsigned char *der = nullptr;
    const int length = i2d_ECDSA_SIG(sig, &der);
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}

} // namespace

class TestJws : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.make());
        auto backend = openPkcs11Backend(m_pki.module());
        QVERIFY(backend.ok());
        m_backend = std::move(backend).value();
        QVERIFY(m_backend->login(QLatin1String(PkiFixture::kToken), PkiFixture::kPin).ok());
    }

    void signVerifyAndOpensslAgrees_data()
    {
        QTest::addColumn<QByteArray>("keyId");
        QTest::addColumn<QString>("signerName");
        QTest::addColumn<bool>("pss");
        QTest::addColumn<QString>("alg");
        QTest::newRow("RS256") << QByteArray("01") << QStringLiteral("rsa") << false
                               << QStringLiteral("RS256");
        QTest::newRow("PS256") << QByteArray("01") << QStringLiteral("rsa") << true
                               << QStringLiteral("PS256");
        QTest::newRow("ES256") << QByteArray("02") << QStringLiteral("ec") << false
                               << QStringLiteral("ES256");
    }

    void signVerifyAndOpensslAgrees()
    {
        QFETCH(QByteArray, keyId);
        QFETCH(QString, signerName);
        QFETCH(bool, pss);
        QFETCH(QString, alg);
        JwsOptions options;
        options.padding = pss ? RsaPadding::Pss : RsaPadding::Pkcs1v15;
        const QByteArray jws = sign(keyId, kJson, options);
        QVERIFY(!jws.isEmpty());
        const QList<QByteArray> parts = jws.split('.');
        QCOMPARE(parts.size(), 3);
        QCOMPARE(unb64url(parts[1]), kJson); // the bytes as given, not re-serialised
        const QJsonObject header = QJsonDocument::fromJson(unb64url(parts[0])).object();
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), alg);
        QCOMPARE(header.value(QStringLiteral("x5c")).toArray().size(), 2); // signer, intermediate
        QByteArray signature = unb64url(parts[2]);
        if (alg == QLatin1String("ES256"))
            QCOMPARE(signature.size(), 64);

        auto report = verifyJws(jws, validator(anchors()));
        QVERIFY(report.ok());
        QCOMPARE(report.value().signature, SignatureStatus::Valid);
        QVERIFY2(report.value().certificate == CertificateStatus::Trusted,
                 qPrintable(report.value().detail));
        QVERIFY(report.value().algorithm.startsWith(alg));
        QVERIFY(report.value().signerName.startsWith(QStringLiteral("Nguyễn Văn")));

        // openssl dgst over base64url(header) "." base64url(payload) with the certificate's key.
        const QString input = write(QStringLiteral("input-") + alg, parts[0] + '.' + parts[1]);
        if (alg == QLatin1String("ES256"))
            signature = rawEcdsaToDer(signature);
        const QString sig = write(QStringLiteral("sig-") + alg, signature);
        QByteArray pub;
        QCOMPARE(PkiFixture::run(QStringLiteral("openssl"),
                                 {QStringLiteral("x509"), QStringLiteral("-in"),
                                  m_pki.path(signerName + QStringLiteral(".pem")),
                                  QStringLiteral("-pubkey"), QStringLiteral("-noout")},
                                 &pub),
                 0);
        const QString pubPath = write(QStringLiteral("pub-") + alg, pub);
        QStringList args{QStringLiteral("dgst"), QStringLiteral("-sha256"),
                         QStringLiteral("-verify"), pubPath};
        if (pss)
            args << QStringLiteral("-sigopt") << QStringLiteral("rsa_padding_mode:pss")
                 << QStringLiteral("-sigopt") << QStringLiteral("rsa_pss_saltlen:32");
        args << QStringLiteral("-signature") << sig << input;
        QByteArray output;
        QVERIFY2(PkiFixture::run(QStringLiteral("openssl"), args, &output) == 0,
                 output.constData());
        QVERIFY(output.contains("Verified OK"));
    }

    void detachedPayload()
    {
        JwsOptions options;
        options.detachedPayload = true;
        const QByteArray jws = sign("02", kJson, options);
        QCOMPARE(jws.split('.').value(1), QByteArray());
        auto good = verifyJws(jws, validator(anchors()), kJson);
        QCOMPARE(good.value().signature, SignatureStatus::Valid);
        auto other = verifyJws(jws, validator(anchors()), kJson + " ");
        QCOMPARE(other.value().signature, SignatureStatus::Invalid);
    }

    void tamperingIsInvalid_data()
    {
        QTest::addColumn<QByteArray>("keyId");
        QTest::addColumn<int>("segment");
        for (const char *key : {"01", "02"}) {
            for (int segment = 0; segment < 3; ++segment)
                QTest::newRow(
                    qPrintable(QStringLiteral("%1-segment%2").arg(QLatin1String(key)).arg(segment)))
                    << QByteArray(key) << segment;
        }
    }

    void tamperingIsInvalid()
    {
        QFETCH(QByteArray, keyId);
        QFETCH(int, segment);
        QList<QByteArray> parts = sign(keyId, kJson).split('.');
        if (segment == 0) { // a header still naming the same alg and x5c, one more member
            QJsonObject header = QJsonDocument::fromJson(unb64url(parts[0])).object();
            header.insert(QStringLiteral("kid"), QStringLiteral("x"));
            parts[0] = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact));
        } else if (segment == 1) {
            parts[1] = b64url(QByteArray(kJson).replace("0001", "0002"));
        } else {
            QByteArray signature = unb64url(parts[2]);
            signature[5] = static_cast<char>(signature[5] ^ 0x01);
            parts[2] = b64url(signature);
        }
        auto report = verifyJws(parts.join('.'), validator(anchors()));
        QVERIFY(report.ok());
        QCOMPARE(report.value().signature, SignatureStatus::Invalid);
        QCOMPARE(report.value().certificate, CertificateStatus::NotChecked);
        QVERIFY(!report.value().ok());
    }

    void refusedAlgorithms_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("none") << QStringLiteral("none");
        QTest::newRow("HS256") << QStringLiteral("HS256");
        QTest::newRow("RS512") << QStringLiteral("RS512");
        QTest::newRow("missing") << QString();
    }

    void refusedAlgorithms()
    {
        QFETCH(QString, alg);
        const QList<QByteArray> parts = sign("01", kJson).split('.');
        QJsonObject header = QJsonDocument::fromJson(unb64url(parts[0])).object();
        if (alg.isEmpty())
            header.remove(QStringLiteral("alg"));
        else
            header.insert(QStringLiteral("alg"), alg);
        const QByteArray forged = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
            + parts[1] + '.' + (alg == QLatin1String("none") ? QByteArray() : parts[2]);
        auto report = verifyJws(forged, validator(anchors()));
        QVERIFY(report.ok());
        QCOMPARE(report.value().signature, SignatureStatus::Unsupported);
        QVERIFY(!report.value().ok());
    }

    void algorithmMustFitTheKey()
    {
        // An RSA-signed JWS relabelled ES256 (and the reverse) never verifies.
        for (const auto &[key, alg] : {std::pair{"01", "ES256"}, std::pair{"02", "RS256"}}) {
            const QList<QByteArray> parts = sign(key, kJson).split('.');
            QJsonObject header = QJsonDocument::fromJson(unb64url(parts[0])).object();
            header.insert(QStringLiteral("alg"), QLatin1String(alg));
            const QByteArray forged = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact))
                + '.' + parts[1] + '.' + parts[2];
            auto report = verifyJws(forged, validator(anchors()));
            QVERIFY(report.ok());
            QVERIFY(report.value().signature != SignatureStatus::Valid);
        }
    }

    void malformedInputIsAnError()
    {
        for (const QByteArray &bad :
             {QByteArray(), QByteArray("not a jws"), QByteArray("a.b"), QByteArray("a.b.c.d"),
              QByteArray("e30.e30.@@@"), QByteArray("bm90IGpzb24.e30.AAAA"),
              QByteArray("W10.e30.AAAA")}) {
            auto report = verifyJws(bad, validator(anchors()));
            QVERIFY2(!report.ok(), bad.constData());
            QCOMPARE(report.error().code, QStringLiteral("signing.bad_signature_data"));
        }
        // A JSON header without x5c, or with garbage in it: readable, but no signature to trust.
        const QByteArray noX5c = b64url(R"({"alg":"RS256"})") + ".e30.AAAA";
        QCOMPARE(verifyJws(noX5c, validator(anchors())).value().signature,
                 SignatureStatus::Malformed);
        const QByteArray badX5c = b64url(R"({"alg":"RS256","x5c":["AAAA"]})") + ".e30.AAAA";
        QCOMPARE(verifyJws(badX5c, validator(anchors())).value().signature,
                 SignatureStatus::Malformed);
        QVERIFY(looksLikeJws(sign("01", kJson)));
        QVERIFY(!looksLikeJws("%PDF-1.7"));
    }

    void notJsonIsRefusedBySigning()
    {
        auto signer = m_backend->credentials(QLatin1String(PkiFixture::kToken), "01");
        QVERIFY(signer.ok());
        auto result = signJws(signer.value(), "{\"unterminated\": ");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("signing.input_unreadable"));
    }

    void untrustedSignerHasAValidSignature()
    {
        auto report = verifyJws(sign("01", kJson), validator({}));
        QCOMPARE(report.value().signature, SignatureStatus::Valid);
        QCOMPARE(report.value().certificate, CertificateStatus::UnknownIssuer);
        QVERIFY(!report.value().ok());
    }

    void revokedSignerByTheCachedCrl()
    {
        auto report = verifyJws(sign("03", kJson), validator(anchors()));
        QCOMPARE(report.value().signature, SignatureStatus::Valid);
        QCOMPARE(report.value().certificate, CertificateStatus::Revoked);
    }

    void expiredSigner()
    {
        auto report = verifyJws(sign("04", kJson), validator(anchors()));
        QCOMPARE(report.value().signature, SignatureStatus::Valid);
        QCOMPARE(report.value().certificate, CertificateStatus::Expired);
    }

private:
    QByteArray sign(const QByteArray &keyId, const QByteArray &json, const JwsOptions &options = {})
    {
        auto signer = m_backend->credentials(QLatin1String(PkiFixture::kToken), keyId);
        if (!signer.ok())
            return {};
        signer.value().chain = TrustStore::load(m_pki.path(QStringLiteral("intermediate.pem")));
        auto jws = signJws(signer.value(), json, options);
        return jws.ok() ? jws.value() : QByteArray();
    }

    QString write(const QString &name, const QByteArray &data)
    {
        QFile file(m_pki.path(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(data);
        return file.fileName();
    }

    QList<std::shared_ptr<X509>> anchors() const
    {
        return TrustStore::load(m_pki.path(QStringLiteral("trust")));
    }

    // Offline with a CRL-less empty cache would say RevocationUnknown; the test PKI's CRL is
    // imported so revocation is known without a responder.
    std::unique_ptr<CertificateValidator> m_validator;
    const CertificateValidator &validator(const QList<std::shared_ptr<X509>> &anchors)
    {
        RevocationOptions options;
        options.offline = true;
        options.cacheDir = m_pki.path(QStringLiteral("crl-cache"));
        if (!m_crlSeeded) {
            QFile crl(m_pki.path(QStringLiteral("intermediate.crl")));
            if (crl.open(QIODevice::ReadOnly))
                m_crlSeeded = importCrl(options.cacheDir, crlUrl(), crl.readAll()).ok();
        }
        m_validator = std::make_unique<CertificateValidator>(anchors, options);
        return *m_validator;
    }

    QString crlUrl() const
    {
        return QStringLiteral("http://127.0.0.1:%1/intermediate.crl").arg(m_pki.ocspPort());
    }

    const QByteArray kJson
        = "{\"maHoSo\": \"000.17.22.H56-261129-0001\",\n  \"ketQua\": \"Đã giải quyết\"}\n";
    bool m_crlSeeded = false;
    PkiFixture m_pki;
    std::unique_ptr<TokenBackend> m_backend;
};

QTEST_GUILESS_MAIN(TestJws)
#include "test_jws.moc"
