// OpenSSL 3 EVP: HKDF through EVP_KDF, AES-256-GCM through EVP_CIPHER.
#include "crypto.h"

#include <QString>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <memory>

namespace motcua::store::crypto {
namespace {

using domain::makeError;

domain::Error cryptoError(const QString &what)
{
    return makeError(QStringLiteral("crypto.failed"), QStringLiteral("Lỗi mã hóa (%1).").arg(what));
}

struct CipherCtxFree
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

const auto *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}
auto *bytes(QByteArray &a)
{
    return reinterpret_cast<unsigned char *>(a.data());
}

} // namespace

QByteArray randomBytes(int count)
{
    QByteArray out(count, '\0');
    if (RAND_bytes(bytes(out), count) != 1)
        qFatal("RAND_bytes failed: no secure randomness"); // never continue with weak keys
    return out;
}

QByteArray sha256(const QByteArray &data)
{
    QByteArray out(32, '\0');
    unsigned int length = 0;
    EVP_Digest(data.constData(), size_t(data.size()), bytes(out), &length, EVP_sha256(), nullptr);
    return out;
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(sha256(data).toHex());
}

domain::Result<QByteArray> hkdf(const QByteArray &ikm, const QByteArray &salt,
                                const QByteArray &info, int length)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    if (!kdf)
        return cryptoError(QStringLiteral("HKDF"));
    EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(kdf);
    EVP_KDF_free(kdf);
    if (!ctx)
        return cryptoError(QStringLiteral("HKDF"));
    char digest[] = "SHA256";
    QByteArray ikmCopy = ikm, saltCopy = salt, infoCopy = info;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, ikmCopy.data(), size_t(ikm.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, saltCopy.data(),
                                          size_t(salt.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, infoCopy.data(),
                                          size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(length, '\0');
    const int rc = EVP_KDF_derive(ctx, bytes(out), size_t(length), params);
    EVP_KDF_CTX_free(ctx);
    wipe(ikmCopy);
    if (rc != 1)
        return cryptoError(QStringLiteral("HKDF"));
    return out;
}

domain::Result<QByteArray> seal(const QByteArray &key, const QByteArray &plain,
                                const QByteArray &aad)
{
    if (key.size() != 32)
        return cryptoError(QStringLiteral("khóa AES"));
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    const QByteArray nonce = randomBytes(kNonceBytes);
    QByteArray out(kNonceBytes + plain.size() + kTagBytes, '\0');
    std::copy(nonce.begin(), nonce.end(), out.begin());
    int length = 0;
    auto *cipherText = bytes(out) + kNonceBytes;
    if (!ctx
        || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1
        || EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes(aad), int(aad.size())) != 1
        || EVP_EncryptUpdate(ctx.get(), cipherText, &length, bytes(plain), int(plain.size())) != 1
        || EVP_EncryptFinal_ex(ctx.get(), cipherText + length, &length) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                               cipherText + plain.size())
            != 1) {
        return cryptoError(QStringLiteral("AES-256-GCM"));
    }
    return out;
}

domain::Result<QByteArray> open(const QByteArray &key, const QByteArray &sealed,
                                const QByteArray &aad)
{
    if (key.size() != 32)
        return cryptoError(QStringLiteral("khóa AES"));
    if (sealed.size() < kNonceBytes + kTagBytes) {
        return makeError(QStringLiteral("crypto.auth_failed"),
                         QStringLiteral("Dữ liệu mã hóa bị cắt cụt."));
    }
    const qsizetype textLength = sealed.size() - kNonceBytes - kTagBytes;
    QByteArray plain(textLength, '\0');
    QByteArray tag = sealed.right(kTagBytes);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    const auto *nonce = bytes(sealed);
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), nonce) != 1
        || EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes(aad), int(aad.size())) != 1
        || EVP_DecryptUpdate(ctx.get(), bytes(plain), &length, nonce + kNonceBytes, int(textLength))
            != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1) {
        return cryptoError(QStringLiteral("AES-256-GCM"));
    }
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + length, &length) != 1) {
        wipe(plain);
        return makeError(
            QStringLiteral("crypto.auth_failed"),
            QStringLiteral("Dữ liệu mã hóa không toàn vẹn (sai khóa hoặc đã bị sửa)."));
    }
    return plain;
}

void wipe(QByteArray &secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    secret.clear();
}

} // namespace motcua::store::crypto
