#include "revocation.h"

#include "opensslutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace motcua::signing {
namespace {

Q_LOGGING_CATEGORY(lcRevocation, "motcua.signing.revocation")

using OcspResponsePtr = std::unique_ptr<OCSP_RESPONSE, ossl::Deleter<OCSP_RESPONSE_free>>;
using OcspBasicPtr = std::unique_ptr<OCSP_BASICRESP, ossl::Deleter<OCSP_BASICRESP_free>>;
using OcspIdPtr = std::unique_ptr<OCSP_CERTID, ossl::Deleter<OCSP_CERTID_free>>;
using CrlPtr = std::unique_ptr<X509_CRL, ossl::Deleter<X509_CRL_free>>;

QString cachePath(const RevocationOptions &options, const char *kind, const QByteArray &key)
{
    if (options.cacheDir.isEmpty())
        return {};
    return QDir(options.cacheDir)
        .filePath(QLatin1String(kind) + QLatin1Char('-')
                  + QString::fromLatin1(ossl::sha256(key).toHex().left(32))
                  + QStringLiteral(".der"));
}

QByteArray readCache(const QString &path)
{
    QFile file(path);
    return !path.isEmpty() && file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeCache(const QString &path, const QByteArray &der)
{
    if (path.isEmpty() || der.isEmpty())
        return;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(der) == der.size())
        file.commit();
}

QString firstOcspUrl(X509 *cert)
{
    STACK_OF(OPENSSL_STRING) *urls = X509_get1_ocsp(cert);
    QString url;
    if (urls && sk_OPENSSL_STRING_num(urls) > 0)
        url = QString::fromLatin1(sk_OPENSSL_STRING_value(urls, 0));
    X509_email_free(urls);
    return url;
}

QString firstCrlUrl(X509 *cert)
{
    auto *points = static_cast<CRL_DIST_POINTS *>(
        X509_get_ext_d2i(cert, NID_crl_distribution_points, nullptr, nullptr));
    QString url;
    for (int i = 0; points && i < sk_DIST_POINT_num(points) && url.isEmpty(); ++i) {
        const DIST_POINT *point = sk_DIST_POINT_value(points, i);
        if (!point->distpoint || point->distpoint->type != 0)
            continue;
        const GENERAL_NAMES *names = point->distpoint->name.fullname;
        for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
            const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, j);
            if (name->type == GEN_URI) {
                const ASN1_IA5STRING *uri = name->d.uniformResourceIdentifier;
                url = QString::fromLatin1(reinterpret_cast<const char *>(uri->data), uri->length);
                break;
            }
        }
    }
    CRL_DIST_POINTS_free(points);
    return url;
}

// POSTs a DER OCSP request; the DER response, or empty.
QByteArray postOcsp(const QString &url, OCSP_REQUEST *request, int timeout)
{
    char *host = nullptr;
    char *port = nullptr;
    char *path = nullptr;
    int ssl = 0;
    const QByteArray urlBytes = url.toLatin1();
    if (!OSSL_HTTP_parse_url(urlBytes.constData(), &ssl, nullptr, &host, &port, nullptr, &path,
                             nullptr, nullptr))
        return {};
    ossl::BioPtr body(ASN1_item_i2d_mem_bio(ASN1_ITEM_rptr(OCSP_REQUEST),
                                            reinterpret_cast<const ASN1_VALUE *>(request)));
    ossl::BioPtr reply(OSSL_HTTP_transfer(nullptr, host, port, path, ssl, nullptr, nullptr, nullptr,
                                          nullptr, nullptr, nullptr, 0, nullptr,
                                          "application/ocsp-request", body.get(),
                                          "application/ocsp-response", 1, 1 << 20, timeout, 0));
    OPENSSL_free(host);
    OPENSSL_free(port);
    OPENSSL_free(path);
    return reply ? ossl::bioContents(reply.get()) : QByteArray();
}

RevocationResult fromOcsp(const QByteArray &der, OCSP_CERTID *id, X509 *issuer, X509_STORE *anchors,
                          bool fromCache)
{
    RevocationResult result;
    result.source = fromCache ? QStringLiteral("ocsp (cached)") : QStringLiteral("ocsp");
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    OcspResponsePtr response(d2i_OCSP_RESPONSE(nullptr, &p, der.size()));
    if (!response || OCSP_response_status(response.get()) != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
        result.detail = QStringLiteral("unusable OCSP response");
        return result;
    }
    OcspBasicPtr basic(OCSP_response_get1_basic(response.get()));
    STACK_OF(X509) *extra = sk_X509_new_null();
    sk_X509_push(extra, issuer);
    const int verified = basic ? OCSP_basic_verify(basic.get(), extra, anchors, 0) : 0;
    sk_X509_free(extra);
    if (verified <= 0) {
        result.detail = QStringLiteral("OCSP response signature: ") + ossl::drainErrors();
        return result;
    }
    int status = 0;
    int reason = 0;
    ASN1_GENERALIZEDTIME *revokedAt = nullptr;
    ASN1_GENERALIZEDTIME *thisUpdate = nullptr;
    ASN1_GENERALIZEDTIME *nextUpdate = nullptr;
    if (!OCSP_resp_find_status(basic.get(), id, &status, &reason, &revokedAt, &thisUpdate,
                               &nextUpdate)) {
        result.detail = QStringLiteral("certificate not in the OCSP response");
        return result;
    }
    // A cached answer stays usable offline after nextUpdate: say so rather than refuse.
    if (!OCSP_check_validity(thisUpdate, nextUpdate, 300, -1)) {
        ERR_clear_error();
        result.detail = QStringLiteral("OCSP response past its next update");
    }
    if (status == V_OCSP_CERTSTATUS_GOOD)
        result.state = RevocationState::Good;
    else if (status == V_OCSP_CERTSTATUS_REVOKED)
        result.state = RevocationState::Revoked;
    return result;
}

RevocationResult viaOcsp(X509 *cert, X509 *issuer, X509_STORE *anchors,
                         const RevocationOptions &options, const QString &url)
{
    OcspIdPtr id(OCSP_cert_to_id(EVP_sha1(), cert, issuer));
    if (!id)
        return {RevocationState::Unknown, QStringLiteral("ocsp"), ossl::drainErrors()};
    unsigned char *idDer = nullptr;
    const int idLength = i2d_OCSP_CERTID(id.get(), &idDer);
    const QString cache
        = cachePath(options, "ocsp", QByteArray(reinterpret_cast<char *>(idDer), idLength));
    OPENSSL_free(idDer);
    if (!options.offline) {
        OCSP_REQUEST *request = OCSP_REQUEST_new();
        OCSP_request_add0_id(request, OCSP_CERTID_dup(id.get()));
        const QByteArray der = postOcsp(url, request, options.timeoutSeconds);
        OCSP_REQUEST_free(request);
        if (!der.isEmpty()) {
            auto result = fromOcsp(der, id.get(), issuer, anchors, false);
            if (result.state != RevocationState::Unknown)
                writeCache(cache, der);
            return result;
        }
        qCInfo(lcRevocation) << "no OCSP answer from" << url << ossl::drainErrors();
    }
    const QByteArray cached = readCache(cache);
    if (cached.isEmpty())
        return {RevocationState::Unknown, QStringLiteral("ocsp"), QStringLiteral("no answer")};
    return fromOcsp(cached, id.get(), issuer, anchors, true);
}

RevocationResult viaCrl(X509 *cert, X509 *issuer, const RevocationOptions &options,
                        const QString &url)
{
    const QString cache = cachePath(options, "crl", url.toUtf8());
    QByteArray der;
    bool cached = true;
    if (!options.offline) {
        X509_CRL *fetched = X509_CRL_load_http(url.toLatin1().constData(), nullptr, nullptr,
                                               options.timeoutSeconds);
        if (fetched) {
            unsigned char *buffer = nullptr;
            const int length = i2d_X509_CRL(fetched, &buffer);
            der = QByteArray(reinterpret_cast<char *>(buffer), length);
            OPENSSL_free(buffer);
            X509_CRL_free(fetched);
            cached = false;
        }
        ERR_clear_error();
    }
    if (der.isEmpty())
        der = readCache(cache);
    RevocationResult result{RevocationState::Unknown,
                            cached ? QStringLiteral("crl (cached)") : QStringLiteral("crl"),
                            {}};
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    CrlPtr crl(der.isEmpty() ? nullptr : d2i_X509_CRL(nullptr, &p, der.size()));
    if (!crl) {
        result.detail = QStringLiteral("no CRL");
        return result;
    }
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_subject_name(issuer)) != 0
        || X509_CRL_verify(crl.get(), X509_get0_pubkey(issuer)) != 1) {
        ERR_clear_error();
        result.detail = QStringLiteral("CRL not signed by the issuer");
        return result;
    }
    if (!cached)
        writeCache(cache, der);
    X509_REVOKED *entry = nullptr;
    result.state = X509_CRL_get0_by_cert(crl.get(), &entry, cert) == 1 ? RevocationState::Revoked
                                                                       : RevocationState::Good;
    return result;
}

} // namespace

Result<void> importCrl(const QString &cacheDir, const QString &url, const QByteArray &crl)
{
    QByteArray der = crl;
    if (crl.startsWith("-----BEGIN")) {
        auto bio = ossl::memoryBio(crl);
        CrlPtr parsed(PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr));
        unsigned char *buffer = nullptr;
        const int length = parsed ? i2d_X509_CRL(parsed.get(), &buffer) : 0;
        der = QByteArray(reinterpret_cast<char *>(buffer), qMax(length, 0));
        OPENSSL_free(buffer);
    }
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    CrlPtr check(der.isEmpty() ? nullptr : d2i_X509_CRL(nullptr, &p, der.size()));
    ERR_clear_error();
    if (!check)
        return signingError(SigningError::BadSignatureData, QStringLiteral("not a CRL"));
    RevocationOptions options;
    options.cacheDir = cacheDir;
    const QString path = cachePath(options, "crl", url.toUtf8());
    writeCache(path, der);
    if (!QFileInfo::exists(path))
        return signingError(SigningError::OutputUnwritable, path);
    return {};
}

RevocationResult checkRevocation(X509 *cert, X509 *issuer, X509_STORE *anchors,
                                 const RevocationOptions &options)
{
    const QString ocspUrl = firstOcspUrl(cert);
    const QString crlUrl = firstCrlUrl(cert);
    if (ocspUrl.isEmpty() && crlUrl.isEmpty())
        return {RevocationState::Good, QStringLiteral("none"),
                QStringLiteral("the certificate names no OCSP responder nor CRL")};
    RevocationResult ocsp;
    if (!ocspUrl.isEmpty()) {
        ocsp = viaOcsp(cert, issuer, anchors, options, ocspUrl);
        if (ocsp.state != RevocationState::Unknown)
            return ocsp;
    }
    if (!crlUrl.isEmpty()) {
        auto crl = viaCrl(cert, issuer, options, crlUrl);
        if (crl.state != RevocationState::Unknown || ocspUrl.isEmpty())
            return crl;
        ocsp.detail += QStringLiteral("; ") + crl.detail;
    }
    return ocsp;
}

} // namespace motcua::signing
