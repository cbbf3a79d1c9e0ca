#pragma once

#include "token.h"

#include <QByteArray>
#include <QDateTime>

namespace motcua::signing {

enum class RsaPadding {
    Pkcs1v15,
    Pss
};

struct SignOptions
{
    QByteArray digest = "SHA256"; // SHA256, SHA384 or SHA512 (Circular 15/2025: SHA-256+)
    RsaPadding padding = RsaPadding::Pkcs1v15;
    // RFC 3161: when set, CMS and PAdES signatures get a signature timestamp from this TSA
    // (HTTP POST; see timestamp.h). Empty: no timestamp. XML signatures ignore it.
    QString tsaUrl;
    int tsaTimeoutSeconds = 20;
};

// A detached CMS SignedData (DER, the content of a .p7s) over `content`, with the signer's
// certificate and chain embedded and signed attributes (content type, message digest, signing
// time). The private key is only asked to sign the digest of the signed attributes, so with a
// token key that happens on the token. Callable from a worker thread.
Result<QByteArray> signDetachedCms(const SignerCredentials &signer, const QByteArray &content,
                                   const SignOptions &options = {});

// The same over a content given as parts (PAdES: the two byte ranges around /Contents).
Result<QByteArray> signDetachedCms(const SignerCredentials &signer,
                                   const QList<QByteArrayView> &contentParts,
                                   const SignOptions &options = {});

} // namespace motcua::signing
