#pragma once

// Remote signing in the shape of the Cloud Signature Consortium API v2 (issue 7 item 5): the
// signer's key stays with a remote signing service (the Vietnamese "ký số từ xa" services work
// this way); we send hashes and get signatures back.
//
// The service is a second TokenBackend, so every format (PAdES, CMS, XML, JWS), the batch and the
// CLI sign with it unchanged:
//  - tokens(): one per credential of the account (credentials/list); its label is the credential
//    ID;
//  - certificates(): the credential's certificate (credentials/info, certificates "chain");
//  - login(label, PIN): credentials/authorize for a batch of signatures (explicit authorisation,
//    SCAL1). A service that wants the signer to confirm on their phone answers 202 with an
//    authorisation ID; we then ask credentials/authorizeCheck until it gives the SAD, the signer
//    declines (RemoteDenied) or the wait runs out (RemoteTimeout);
//  - credentials(): a key whose every private-key operation is one signatures/signHash call with
//    that SAD: RSA PKCS#1 v1.5 and ECDSA. RSASSA-PSS is refused (OpenSSL pads before it hands the
//    block to a key method, and signHash wants the hash).
// Every request is a blocking POST on the calling thread (its own QNetworkAccessManager), so a
// key can sign on a worker thread. Errors are typed (signingerror.h); a PIN never reaches a log.
#include "token.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace motcua::signing {

struct CscOptions
{
    QString baseUrl; // the API root, e.g. "https://rs.example.vn/csc/v2"
    // The account: auth/login with HTTP Basic, or a bearer token obtained elsewhere (OAuth2).
    QString username;
    QByteArray password;
    QByteArray accessToken;
    int requestTimeoutSeconds = 30;
    int confirmationTimeoutSeconds = 120; // the signer confirming on their device
    int pollIntervalMilliseconds = 1000;
    int signaturesPerLogin = 100; // numSignatures asked for by one authorisation
};

Result<std::unique_ptr<TokenBackend>> openCscBackend(const CscOptions &options);

} // namespace motcua::signing
