#pragma once

#include "signingerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace motcua::signing::ossl {

template<auto Free>
struct Deleter
{
    template<typename T>
    void operator()(T *p) const
    {
        Free(p);
    }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;

std::shared_ptr<X509> sharedX509(X509 *owned);
std::shared_ptr<X509> x509FromDer(const QByteArray &der);
// One or more PEM certificates, or one DER certificate.
QList<std::shared_ptr<X509>> x509sFromPemOrDer(const QByteArray &data);
QByteArray toDer(const X509 *cert);
QByteArray toPem(const X509 *cert);
QString subjectOf(const X509 *cert);    // one line, RFC 2253, UTF-8
QString commonNameOf(const X509 *cert); // CN, or the whole subject
QDateTime toDateTime(const ASN1_TIME *time);
QByteArray sha256(const QByteArray &data);

BioPtr memoryBio(const QByteArray &data); // read-only view: `data` must outlive the BIO
QByteArray bioContents(BIO *bio);

// The OpenSSL error queue as text (emptied); never contains key material.
QString drainErrors();

// A typed error for a failed private-key operation: token errors (CKR_PIN_*, device removed…)
// found in the queue give their own kind, anything else `fallback`. Empties the queue.
// A typed error a key method left for this thread (setKeyFailure) comes first.
Error keyOperationError(SigningError fallback);

// Addition: a key whose operations run elsewhere (csc.cpp: a remote signing service) leaves its
// own typed error here, for the thread that asked it to sign; keyOperationError() takes it.
void setKeyFailure(const Error &error);

// Key policy of Circular 15/2025/TT-BKHCN: RSA >= 2048 bits or ECDSA P-256 (P-384 accepted).
Check checkKeyPolicy(const EVP_PKEY *key);

} // namespace motcua::signing::ossl
