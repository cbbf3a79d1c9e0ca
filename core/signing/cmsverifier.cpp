#include "cmsverifier.h"

#include "opensslutil.h"
#include "timestamp.h"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace motcua::signing {
namespace {

QByteArray digestOf(const EVP_MD *md, const QList<QByteArrayView> &parts)
{
    ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_DigestInit_ex(ctx.get(), md, nullptr);
    for (const auto &part : parts)
        EVP_DigestUpdate(ctx.get(), part.data(), static_cast<size_t>(part.size()));
    QByteArray digest(EVP_MAX_MD_SIZE, '\0');
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(digest.data()), &length);
    digest.resize(length);
    return digest;
}

QString algorithmOf(X509_ALGOR *signature, const EVP_MD *md)
{
    const ASN1_OBJECT *object = nullptr;
    X509_ALGOR_get0(&object, nullptr, nullptr, signature);
    const int nid = OBJ_obj2nid(object);
    QString name = nid == NID_rsassaPss ? QStringLiteral("RSA-PSS")
        : nid == NID_rsaEncryption || nid == NID_sha256WithRSAEncryption
            || nid == NID_sha384WithRSAEncryption || nid == NID_sha512WithRSAEncryption
        ? QStringLiteral("RSA")
        : QString::fromLatin1(OBJ_nid2sn(nid)).startsWith(QLatin1String("ecdsa"))
        ? QStringLiteral("ECDSA")
        : QString::fromLatin1(OBJ_nid2sn(nid));
    return name + QLatin1Char('/') + QString::fromLatin1(EVP_MD_get0_name(md));
}

} // namespace

Result<QList<SignatureReport>> verifyDetachedCms(const QByteArray &data,
                                                 const QList<QByteArrayView> &content,
                                                 const CertificateValidator &validator)
{
    QByteArray der = data;
    if (data.startsWith("-----BEGIN")) {
        auto pem = ossl::memoryBio(data);
        char *name = nullptr;
        char *header = nullptr;
        unsigned char *body = nullptr;
        long length = 0;
        if (PEM_read_bio(pem.get(), &name, &header, &body, &length) == 1)
            der = QByteArray(reinterpret_cast<const char *>(body), length);
        OPENSSL_free(name);
        OPENSSL_free(header);
        OPENSSL_free(body);
    }
    auto bio = ossl::memoryBio(der);
    ossl::CmsPtr cms(d2i_CMS_bio(bio.get(), nullptr));
    if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
        ERR_clear_error();
        return signingError(SigningError::BadSignatureData);
    }
    CMS_set1_signers_certs(cms.get(), nullptr, 0); // match each SignerInfo to its certificate
    ERR_clear_error();
    STACK_OF(X509) *embedded = CMS_get1_certs(cms.get());
    QList<X509 *> untrusted;
    for (int i = 0; i < sk_X509_num(embedded); ++i)
        untrusted.append(sk_X509_value(embedded, i));

    QList<SignatureReport> reports;
    STACK_OF(CMS_SignerInfo) *infos = CMS_get0_SignerInfos(cms.get());
    for (int i = 0; i < sk_CMS_SignerInfo_num(infos); ++i) {
        CMS_SignerInfo *info = sk_CMS_SignerInfo_value(infos, i);
        SignatureReport report;
        X509 *signer = nullptr;
        X509_ALGOR *digestAlg = nullptr;
        X509_ALGOR *signatureAlg = nullptr;
        CMS_SignerInfo_get0_algs(info, nullptr, &signer, &digestAlg, &signatureAlg);
        const ASN1_OBJECT *digestObject = nullptr;
        X509_ALGOR_get0(&digestObject, nullptr, nullptr, digestAlg);
        const EVP_MD *md = EVP_get_digestbyobj(digestObject);
        if (!signer) {
            report.detail = QStringLiteral("the signer's certificate is not in the signature");
            reports.append(report);
            continue;
        }
        report.signerName = ossl::commonNameOf(signer);
        report.signerSubject = ossl::subjectOf(signer);
        const int signingTimeIndex = CMS_signed_get_attr_by_NID(info, NID_pkcs9_signingTime, -1);
        if (signingTimeIndex >= 0) {
            const auto *time = static_cast<const ASN1_TIME *>(CMS_signed_get0_data_by_OBJ(
                info, OBJ_nid2obj(NID_pkcs9_signingTime), -3, V_ASN1_UTCTIME));
            if (!time)
                time = static_cast<const ASN1_TIME *>(CMS_signed_get0_data_by_OBJ(
                    info, OBJ_nid2obj(NID_pkcs9_signingTime), -3, V_ASN1_GENERALIZEDTIME));
            report.signingTime = ossl::toDateTime(time);
        }
        const int mdType = md ? EVP_MD_get_type(md) : NID_undef;
        if (mdType != NID_sha256 && mdType != NID_sha384 && mdType != NID_sha512) {
            report.signature = SignatureStatus::Unsupported;
            report.detail = QStringLiteral("digest algorithm not accepted");
            reports.append(report);
            continue;
        }
        report.algorithm = algorithmOf(signatureAlg, md);
        if (CMS_SignerInfo_verify(info) != 1) {
            report.signature = SignatureStatus::Invalid;
            report.detail = ossl::drainErrors();
            reports.append(report);
            continue;
        }
        const auto *signedDigest
            = static_cast<const ASN1_OCTET_STRING *>(CMS_signed_get0_data_by_OBJ(
                info, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
        const QByteArray actual = digestOf(md, content);
        const bool same = signedDigest
            && QByteArrayView(reinterpret_cast<const char *>(signedDigest->data),
                              signedDigest->length)
                == QByteArrayView(actual);
        report.signature = same ? SignatureStatus::Valid : SignatureStatus::DigestMismatch;
        if (!same) {
            reports.append(report);
            continue;
        }
        // A valid RFC 3161 timestamp proves when the signature existed: the certificate is
        // judged then, whatever the signer's own clock claimed.
        checkSignatureTimestamp(info, validator, &report);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime at = report.timestampValid                      ? report.timestampTime
            : report.signingTime.isValid() && report.signingTime <= now ? report.signingTime
                                                                        : now;
        const auto check = validator.check(signer, untrusted, at);
        report.certificate = check.status;
        report.detail = check.detail;
        reports.append(report);
    }
    sk_X509_pop_free(embedded, X509_free);
    ERR_clear_error();
    if (reports.isEmpty())
        return signingError(SigningError::BadSignatureData, QStringLiteral("no signer"));
    return reports;
}

} // namespace motcua::signing
