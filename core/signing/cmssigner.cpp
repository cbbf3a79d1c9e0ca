#include "cmssigner.h"

#include "opensslutil.h"
#include "timestamp.h"

#include <openssl/err.h>
#include <openssl/rsa.h>

namespace motcua::signing {

Result<QByteArray> signDetachedCms(const SignerCredentials &signer, const QByteArray &content,
                                   const SignOptions &options)
{
    return signDetachedCms(signer, QList<QByteArrayView>{QByteArrayView(content)}, options);
}

Result<QByteArray> signDetachedCms(const SignerCredentials &signer,
                                   const QList<QByteArrayView> &contentParts,
                                   const SignOptions &options)
{
    if (!signer.key || !signer.certificate)
        return signingError(SigningError::KeyNotFound);
    if (auto policy = ossl::checkKeyPolicy(signer.key.get()); !policy)
        return policy.error();
    if (options.digest != "SHA256" && options.digest != "SHA384" && options.digest != "SHA512")
        return signingError(SigningError::UnsupportedAlgorithm,
                            QString::fromLatin1(options.digest));
    const EVP_MD *md = EVP_get_digestbyname(options.digest.constData());
    const bool rsa = EVP_PKEY_is_a(signer.key.get(), "RSA");
    ERR_clear_error();

    constexpr unsigned int kFlags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL;
    ossl::CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, kFlags));
    if (!cms)
        return signingError(SigningError::SigningFailed, ossl::drainErrors());
    CMS_SignerInfo *info = CMS_add1_signer(cms.get(), signer.certificate.get(), signer.key.get(),
                                           md, kFlags | CMS_KEY_PARAM | CMS_NOSMIMECAP);
    if (!info)
        return ossl::keyOperationError(SigningError::SigningFailed);
    if (rsa && options.padding == RsaPadding::Pss) {
        EVP_PKEY_CTX *pctx = CMS_SignerInfo_get0_pkey_ctx(info);
        if (!pctx || EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0
            || EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0
            || EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md) <= 0)
            return signingError(SigningError::UnsupportedAlgorithm, ossl::drainErrors());
    }
    for (const auto &cert : signer.chain) {
        if (!CMS_add1_cert(cms.get(), cert.get()))
            return signingError(SigningError::SigningFailed, ossl::drainErrors());
    }
    // CMS_final reads the content through a BIO; parts are concatenated by a chain of memory
    // BIOs would need copies too, so feed one buffer for one part and a joined copy otherwise.
    QByteArray joined;
    QByteArrayView whole;
    if (contentParts.size() == 1) {
        whole = contentParts.constFirst();
    } else {
        for (const auto &part : contentParts)
            joined.append(part);
        whole = joined;
    }
    ossl::BioPtr in(BIO_new_mem_buf(whole.data(), static_cast<int>(whole.size())));
    if (!CMS_final(cms.get(), in.get(), nullptr, CMS_DETACHED | CMS_BINARY))
        return ossl::keyOperationError(SigningError::SigningFailed);
    unsigned char *der = nullptr;
    const int length = i2d_CMS_ContentInfo(cms.get(), &der);
    if (length <= 0)
        return signingError(SigningError::SigningFailed, ossl::drainErrors());
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    if (!options.tsaUrl.isEmpty())
        return addSignatureTimestamps(out, options.tsaUrl, options.tsaTimeoutSeconds);
    return out;
}

} // namespace motcua::signing
