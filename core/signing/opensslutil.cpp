#include "opensslutil.h"

#include <libp11.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <optional>

namespace motcua::signing::ossl {

std::shared_ptr<X509> sharedX509(X509 *owned)
{
    return owned ? std::shared_ptr<X509>(owned, X509_free) : nullptr;
}

std::shared_ptr<X509> x509FromDer(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return sharedX509(d2i_X509(nullptr, &p, der.size()));
}

QList<std::shared_ptr<X509>> x509sFromPemOrDer(const QByteArray &data)
{
    QList<std::shared_ptr<X509>> certs;
    if (!data.contains("-----BEGIN")) {
        if (auto cert = x509FromDer(data))
            certs.append(cert);
        ERR_clear_error();
        return certs;
    }
    auto bio = memoryBio(data);
    while (X509 *cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
        certs.append(sharedX509(cert));
    ERR_clear_error(); // the end of the PEM data is reported as an error
    return certs;
}

QByteArray toDer(const X509 *cert)
{
    unsigned char *buffer = nullptr;
    const int length = i2d_X509(cert, &buffer);
    if (length <= 0)
        return {};
    QByteArray der(reinterpret_cast<const char *>(buffer), length);
    OPENSSL_free(buffer);
    return der;
}

QByteArray toPem(const X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), const_cast<X509 *>(cert));
    return bioContents(bio.get());
}

QString subjectOf(const X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0,
                       XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    return QString::fromUtf8(bioContents(bio.get()));
}

QString commonNameOf(const X509 *cert)
{
    const X509_NAME *name = X509_get_subject_name(cert);
    const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (index < 0)
        return subjectOf(cert);
    const ASN1_STRING *value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0)
        return subjectOf(cert);
    QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

QDateTime toDateTime(const ASN1_TIME *time)
{
    struct tm tm = {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QByteArray sha256(const QByteArray &data)
{
    QByteArray digest(32, '\0');
    EVP_Digest(data.constData(), static_cast<size_t>(data.size()),
               reinterpret_cast<unsigned char *>(digest.data()), nullptr, EVP_sha256(), nullptr);
    return digest;
}

BioPtr memoryBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

QString drainErrors()
{
    QStringList lines;
    char buffer[256];
    while (const unsigned long code = ERR_get_error()) {
        ERR_error_string_n(code, buffer, sizeof buffer);
        lines.append(QString::fromLatin1(buffer));
    }
    return lines.join(QLatin1String("; "));
}

namespace {
thread_local std::optional<Error> t_keyFailure;
}

void setKeyFailure(const Error &error)
{
    t_keyFailure = error;
}

Error keyOperationError(SigningError fallback)
{
    if (t_keyFailure) {
        Error failure = *t_keyFailure;
        t_keyFailure.reset();
        ERR_clear_error();
        return failure;
    }
    // libp11 reports the token's CK_RV as the reason of an error in its own library code.
    const int ckrLibrary = ERR_get_CKR_code();
    SigningError kind = fallback;
    while (const unsigned long code = ERR_get_error()) {
        if (ERR_GET_LIB(code) != ckrLibrary)
            continue;
        switch (ERR_GET_REASON(code)) {
        case 0x30: // CKR_DEVICE_ERROR
        case 0x32: // CKR_DEVICE_REMOVED
        case 0xB0: // CKR_SESSION_CLOSED
        case 0xB3: // CKR_SESSION_HANDLE_INVALID
        case 0xE0: // CKR_TOKEN_NOT_PRESENT
        case 0xE1: // CKR_TOKEN_NOT_RECOGNIZED
        // A key handle that worked in this session and no longer exists: the token went away
        // (SoftHSM2 answers so when its token disappears; real tokens after a reinsertion).
        case 0x60: // CKR_KEY_HANDLE_INVALID
        case 0x82: // CKR_OBJECT_HANDLE_INVALID
            kind = SigningError::TokenRemoved;
            break;
        case 0x101: // CKR_USER_NOT_LOGGED_IN
            kind = SigningError::NotLoggedIn;
            break;
        case 0xA0: // CKR_PIN_INCORRECT
            kind = SigningError::WrongPin;
            break;
        case 0xA4: // CKR_PIN_LOCKED
            kind = SigningError::PinLocked;
            break;
        default:
            break;
        }
    }
    return signingError(kind);
}

Check checkKeyPolicy(const EVP_PKEY *key)
{
    if (!key)
        return signingError(SigningError::KeyNotFound);
    const int bits = EVP_PKEY_get_bits(key);
    if (EVP_PKEY_is_a(key, "RSA") || EVP_PKEY_is_a(key, "RSA-PSS")) {
        if (bits >= 2048)
            return {};
        return signingError(SigningError::UnsupportedKey, QStringLiteral("RSA %1 bit").arg(bits));
    }
    if (EVP_PKEY_is_a(key, "EC")) {
        if (bits == 256 || bits == 384)
            return {};
        return signingError(SigningError::UnsupportedKey, QStringLiteral("EC %1 bit").arg(bits));
    }
    return signingError(SigningError::UnsupportedKey);
}

} // namespace motcua::signing::ossl
