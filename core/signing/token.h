#pragma once

#include "signingerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <openssl/types.h>

#include <memory>

namespace motcua::signing {

// What a token tells about its user PIN. PKCS#11 reports no number of remaining tries, only
// "count low", "final try" and "locked"; remainingTries() turns that into what we can say.
enum class PinState {
    Ok,
    CountLow,
    FinalTry,
    Locked
};

struct TokenInfo
{
    QString label;
    QString manufacturer;
    QString model;
    QString serial;
    QString reader; // slot description
    PinState pin = PinState::Ok;
    bool loggedIn = false;
    // -1 when the token does not say, 1 on the final try, 0 when locked.
    [[nodiscard]] int remainingTries() const;
};

struct TokenCertificate
{
    QByteArray id; // CKA_ID, shared by the certificate and its private key
    QString label;
    QByteArray der;
    QString subject;
    QDateTime notBefore;
    QDateTime notAfter;
};

// A private key and its certificate, ready to sign. `key` may live on a token (libp11 routes
// every private-key operation to it) or in memory (tests, remote backends); it stays usable,
// from any thread, while this object or a copy of it lives, even after the backend refreshed.
struct SignerCredentials
{
    std::shared_ptr<EVP_PKEY> key;
    std::shared_ptr<X509> certificate;
    QList<std::shared_ptr<X509>> chain; // intermediates to embed, signer's issuer first
    QString tokenLabel;
};

// A source of tokens: PKCS#11 through libp11 (Pkcs11Backend) in production, the same with
// SoftHSM2 in tests. Every call returns a typed error; nothing throws.
class TokenBackend
{
public:
    virtual ~TokenBackend() = default;

    // The tokens in the readers now (re-read on every call, so a removed token disappears).
    virtual Result<QList<TokenInfo>> tokens() = 0;
    // The certificates on the token `label` (no login needed).
    virtual Result<QList<TokenCertificate>> certificates(const QString &label) = 0;
    // Logs in with the user PIN once; later calls for the same token do nothing while the
    // session lasts. WrongPin carries the remaining tries in details["remainingTries"].
    virtual Check login(const QString &label, const QByteArray &pin) = 0;
    [[nodiscard]] virtual bool isLoggedIn(const QString &label) const = 0;
    // The key `keyId` (hex CKA_ID; empty: the first key with a certificate) on token `label`.
    virtual Result<SignerCredentials> credentials(const QString &label, const QByteArray &keyId)
        = 0;
    // Forget the session (after the token was removed, or when the officer logs out).
    virtual void logout() = 0;
};

// libp11 over the PKCS#11 library at `modulePath` (see moduledetect.h to find one).
Result<std::unique_ptr<TokenBackend>> openPkcs11Backend(const QString &modulePath);

} // namespace motcua::signing
