#include "jws.h"

#include "opensslutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

#include <optional>

namespace motcua::signing {
namespace {

constexpr int kEs256Half = 32; // P-256: R and S are 32 bytes each in a JWS (RFC 7518 3.4)

using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, ossl::Deleter<EVP_PKEY_CTX_free>>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, ossl::Deleter<ECDSA_SIG_free>>;

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool isBase64UrlSegment(QByteArrayView segment)
{
    for (const char c : segment) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return segment.size() % 4 != 1; // no base64 text has that length
}

std::optional<QByteArray> fromBase64Url(QByteArrayView segment)
{
    if (!isBase64UrlSegment(segment))
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(segment.toByteArray(),
                                                  QByteArray::Base64UrlEncoding
                                                      | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

bool isP256(const EVP_PKEY *key)
{
    return EVP_PKEY_is_a(key, "EC") && EVP_PKEY_get_bits(key) == 256;
}

bool isRsa(const EVP_PKEY *key)
{
    return EVP_PKEY_is_a(key, "RSA");
}

// A context that signs or verifies a SHA-256 digest with `alg`'s padding.
PkeyCtxPtr digestContext(EVP_PKEY *key, const QString &alg, bool sign)
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new(key, nullptr));
    if (!ctx)
        return nullptr;
    if ((sign ? EVP_PKEY_sign_init(ctx.get()) : EVP_PKEY_verify_init(ctx.get())) <= 0
        || EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256()) <= 0)
        return nullptr;
    if (alg == QLatin1String("RS256")
        && EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0)
        return nullptr;
    if (alg == QLatin1String("PS256")
        && (EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PSS_PADDING) <= 0
            || EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx.get(), RSA_PSS_SALTLEN_DIGEST) <= 0
            || EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), EVP_sha256()) <= 0))
        return nullptr;
    return ctx;
}

// ECDSA-Sig-Value (DER) -> R||S, each left-padded to 32 bytes.
std::optional<QByteArray> derToRaw(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, der.size()));
    if (!sig)
        return std::nullopt;
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray raw(2 * kEs256Half, '\0');
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(r, out, kEs256Half) != kEs256Half
        || BN_bn2binpad(s, out + kEs256Half, kEs256Half) != kEs256Half)
        return std::nullopt;
    return raw;
}

// R||S -> ECDSA-Sig-Value (DER), what OpenSSL verifies.
std::optional<QByteArray> rawToDer(const QByteArray &raw)
{
    if (raw.size() != 2 * kEs256Half)
        return std::nullopt;
    const auto *in = reinterpret_cast<const unsigned char *>(raw.constData());
    EcdsaSigPtr sig(ECDSA_SIG_new());
    BIGNUM *r = BN_bin2bn(in, kEs256Half, nullptr);
    BIGNUM *s = BN_bin2bn(in + kEs256Half, kEs256Half, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return std::nullopt;
    }
    unsigned char *der = nullptr;
    const int length = i2d_ECDSA_SIG(sig.get(), &der);
    if (length <= 0)
        return std::nullopt;
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return out;
}

QString describeAlg(const QString &alg)
{
    if (alg == QLatin1String("RS256"))
        return QStringLiteral("RS256 (RSA/SHA256)");
    if (alg == QLatin1String("PS256"))
        return QStringLiteral("PS256 (RSA-PSS/SHA256)");
    return QStringLiteral("ES256 (ECDSA/SHA256)");
}

struct Parsed
{
    QJsonObject header;
    QByteArray signingInput; // base64url(header) "." base64url(payload)
    QByteArray signature;
};

Result<Parsed> parseCompact(const QByteArray &jws, const QByteArray &detachedPayload)
{
    const QByteArray text = jws.trimmed();
    const QList<QByteArray> segments = text.split('.');
    if (segments.size() != 3)
        return signingError(SigningError::BadSignatureData,
                            QStringLiteral("a compact JWS has three segments"));
    const auto header = fromBase64Url(segments[0]);
    const auto payload = fromBase64Url(segments[1]);
    const auto signature = fromBase64Url(segments[2]);
    if (!header || segments[0].isEmpty() || !payload || !signature)
        return signingError(SigningError::BadSignatureData,
                            QStringLiteral("a segment is not base64url"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*header, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return signingError(SigningError::BadSignatureData,
                            QStringLiteral("the protected header is not a JSON object"));
    Parsed parsed;
    parsed.header = document.object();
    parsed.signature = *signature;
    const QByteArray payloadSegment
        = segments[1].isEmpty() ? base64Url(detachedPayload) : segments[1];
    parsed.signingInput = segments[0] + '.' + payloadSegment;
    return parsed;
}

} // namespace

Result<QByteArray> signJws(const SignerCredentials &signer, const QByteArray &json,
                           const JwsOptions &options)
{
    if (!signer.key || !signer.certificate)
        return signingError(SigningError::KeyNotFound);
    if (auto policy = ossl::checkKeyPolicy(signer.key.get()); !policy)
        return policy.error();
    QJsonParseError parseError;
    QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return signingError(SigningError::InputUnreadable,
                            QStringLiteral("not a JSON document: %1 at offset %2")
                                .arg(parseError.errorString())
                                .arg(parseError.offset));
    QString alg;
    if (isRsa(signer.key.get()))
        alg = options.padding == RsaPadding::Pss ? QStringLiteral("PS256")
                                                 : QStringLiteral("RS256");
    else if (isP256(signer.key.get()))
        alg = QStringLiteral("ES256");
    else
        return signingError(SigningError::UnsupportedKey,
                            QStringLiteral("JWS here takes RSA or ECDSA P-256 keys"));

    QJsonArray x5c{QString::fromLatin1(ossl::toDer(signer.certificate.get()).toBase64())};
    for (const auto &cert : signer.chain)
        x5c.append(QString::fromLatin1(ossl::toDer(cert.get()).toBase64()));
    const QJsonObject header{{QStringLiteral("alg"), alg}, {QStringLiteral("x5c"), x5c}};
    const QByteArray headerSegment
        = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact));
    const QByteArray payloadSegment = base64Url(json);
    const QByteArray digest = ossl::sha256(headerSegment + '.' + payloadSegment);

    ERR_clear_error();
    PkeyCtxPtr ctx = digestContext(signer.key.get(), alg, true);
    if (!ctx)
        return signingError(SigningError::UnsupportedAlgorithm, ossl::drainErrors());
    const auto *md = reinterpret_cast<const unsigned char *>(digest.constData());
    size_t length = 0;
    if (EVP_PKEY_sign(ctx.get(), nullptr, &length, md, static_cast<size_t>(digest.size())) <= 0)
        return ossl::keyOperationError(SigningError::SigningFailed);
    QByteArray signature(static_cast<qsizetype>(length), '\0');
    if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, md,
                      static_cast<size_t>(digest.size()))
        <= 0)
        return ossl::keyOperationError(SigningError::SigningFailed);
    signature.resize(static_cast<qsizetype>(length));
    if (alg == QLatin1String("ES256")) {
        auto raw = derToRaw(signature);
        if (!raw)
            return signingError(SigningError::SigningFailed,
                                QStringLiteral("the token's ECDSA signature is not DER"));
        signature = *raw;
    }
    return QByteArray(headerSegment + '.'
                      + (options.detachedPayload ? QByteArray() : payloadSegment) + '.'
                      + base64Url(signature));
}

Result<SignatureReport> verifyJws(const QByteArray &jws, const CertificateValidator &validator,
                                  const QByteArray &detachedPayload)
{
    auto parsed = parseCompact(jws, detachedPayload);
    if (!parsed)
        return parsed.error();
    const Parsed &p = parsed.value();
    SignatureReport report;
    const QString alg = p.header.value(QStringLiteral("alg")).toString();
    if (alg != QLatin1String("RS256") && alg != QLatin1String("PS256")
        && alg != QLatin1String("ES256")) {
        report.signature = SignatureStatus::Unsupported;
        report.detail = QStringLiteral("alg \"%1\" not accepted (RS256, PS256, ES256 only)")
                            .arg(alg.isEmpty() ? QStringLiteral("(none given)") : alg);
        return report;
    }
    report.algorithm = describeAlg(alg);
    if (p.header.contains(QStringLiteral("crit"))) {
        report.signature = SignatureStatus::Unsupported;
        report.detail = QStringLiteral("critical header extensions are not understood");
        return report;
    }
    const QJsonArray x5c = p.header.value(QStringLiteral("x5c")).toArray();
    QList<std::shared_ptr<X509>> certificates;
    for (const auto &entry : x5c) {
        const auto der = QByteArray::fromBase64Encoding(entry.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
        auto cert = der ? ossl::x509FromDer(*der) : nullptr;
        if (!cert) {
            report.signature = SignatureStatus::Malformed;
            report.detail = QStringLiteral("an x5c entry is not a DER certificate");
            return report;
        }
        certificates.append(cert);
    }
    if (certificates.isEmpty()) {
        report.signature = SignatureStatus::Malformed;
        report.detail = QStringLiteral("no x5c: the signer's certificate is not in the header");
        return report;
    }
    X509 *leaf = certificates.constFirst().get();
    report.signerName = ossl::commonNameOf(leaf);
    report.signerSubject = ossl::subjectOf(leaf);
    EVP_PKEY *key = X509_get0_pubkey(leaf);
    const bool keyFits = key
        && (alg == QLatin1String("ES256") ? isP256(key)
                                          : isRsa(key) && EVP_PKEY_get_bits(key) >= 2048);
    if (!keyFits) {
        ERR_clear_error();
        report.signature = SignatureStatus::Unsupported;
        report.detail = QStringLiteral("the certificate's key does not fit alg %1").arg(alg);
        return report;
    }
    QByteArray signature = p.signature;
    if (alg == QLatin1String("ES256")) {
        auto der = rawToDer(signature);
        if (!der) {
            report.signature = SignatureStatus::Invalid;
            report.detail = QStringLiteral("an ES256 signature is 64 bytes");
            return report;
        }
        signature = *der;
    }
    const QByteArray digest = ossl::sha256(p.signingInput);
    ERR_clear_error();
    PkeyCtxPtr ctx = digestContext(key, alg, false);
    const bool sound = ctx
        && EVP_PKEY_verify(ctx.get(),
                           reinterpret_cast<const unsigned char *>(signature.constData()),
                           static_cast<size_t>(signature.size()),
                           reinterpret_cast<const unsigned char *>(digest.constData()),
                           static_cast<size_t>(digest.size()))
            == 1;
    if (!sound) {
        report.signature = SignatureStatus::Invalid;
        report.detail = ossl::drainErrors();
        if (report.detail.isEmpty())
            report.detail = QStringLiteral("the signature does not match header and payload");
        return report;
    }
    report.signature = SignatureStatus::Valid;
    QList<X509 *> untrusted;
    for (qsizetype i = 1; i < certificates.size(); ++i)
        untrusted.append(certificates[i].get());
    const auto check = validator.check(leaf, untrusted, QDateTime::currentDateTimeUtc());
    report.certificate = check.status;
    report.detail = check.detail;
    return report;
}

bool looksLikeJws(const QByteArray &data)
{
    const QList<QByteArray> segments = data.trimmed().split('.');
    return segments.size() == 3 && segments[0].startsWith("eyJ") && isBase64UrlSegment(segments[0]);
}

} // namespace motcua::signing
