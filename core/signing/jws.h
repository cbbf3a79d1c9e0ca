#pragma once

#include "certvalidator.h"
#include "cmssigner.h"
#include "signingerror.h"
#include "token.h"
#include "verification.h"

#include <QByteArray>

namespace motcua::signing {

struct JwsOptions
{
    // RSA keys: RS256 (PKCS#1 v1.5) or PS256 (PSS, salt as long as the digest). ECDSA P-256
    // keys always give ES256. SHA-256 in every case (RFC 7518 section 3).
    RsaPadding padding = RsaPadding::Pkcs1v15;
    // Leave the payload segment empty (RFC 7515 appendix F); the verifier is given it apart.
    bool detachedPayload = false;
};

// A JWS in compact serialization (RFC 7515) over `json`, the document's bytes as given (not
// re-serialised). Protected header: {"alg", "x5c": [signer, chain...]}. The token key signs
// the SHA-256 digest; ECDSA's DER signature is turned into the raw R||S JWS wants. An error
// when `json` is not a JSON document or the key is not one JWS allows here.
Result<QByteArray> signJws(const SignerCredentials &signer, const QByteArray &json,
                           const JwsOptions &options = {});

// Verifies a compact JWS. Only RS256, PS256 and ES256 are accepted ("none", HS* and the rest
// are Unsupported). The key is the x5c leaf's; its certificate is checked by `validator` now
// (a JWS carries no signing time). `detachedPayload` is used when the payload segment is empty.
// An error only when `jws` is not a compact JWS at all.
Result<SignatureReport> verifyJws(const QByteArray &jws, const CertificateValidator &validator,
                                  const QByteArray &detachedPayload = {});

// Is `data` shaped like a compact JWS (three base64url segments, a JSON header)?
bool looksLikeJws(const QByteArray &data);

} // namespace motcua::signing
