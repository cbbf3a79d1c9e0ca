#pragma once

#include "signingerror.h"

#include <QDateTime>
#include <QString>

#include <openssl/types.h>

namespace motcua::signing {

struct RevocationOptions
{
    bool offline = false;    // use only what the cache holds
    QString cacheDir;        // OCSP responses and CRLs kept for offline use; empty: no cache
    int timeoutSeconds = 10; // per OCSP or CRL request
};

enum class RevocationState {
    Good,
    Revoked,
    Unknown
};

struct RevocationResult
{
    RevocationState state = RevocationState::Unknown;
    QString source; // "ocsp", "ocsp (cached)", "crl", "crl (cached)", "none"
    QString detail;
};

// Is `cert` (issued by `issuer`) revoked? Asks the OCSP responder named in the certificate,
// then its CRL distribution point; answers are checked (signature, issuer, freshness) and
// cached in options.cacheDir. `anchors` verifies OCSP responder certificates. A certificate
// that names neither is Good with source "none". Blocking: call it off the GUI thread.
RevocationResult checkRevocation(X509 *cert, X509 *issuer, X509_STORE *anchors,
                                 const RevocationOptions &options);

// Puts a CRL (DER or PEM) into `cacheDir` as if fetched from `url` (the distribution point
// named in the certificates), for counters that verify offline.
Result<void> importCrl(const QString &cacheDir, const QString &url, const QByteArray &crl);

} // namespace motcua::signing
