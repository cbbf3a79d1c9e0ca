#pragma once

#include <domain/error.h>
#include <domain/result.h>

namespace motcua::signing {

using domain::Error;
using domain::Result;
using Check = domain::Result<void>;

// Every way signing or verifying can fail, each with its own stable code ("signing.wrong_pin")
// and its own Vietnamese message. Backends return these; nothing throws across the library.
enum class SigningError {
    ModuleNotFound, // no PKCS#11 library at the path, or none detected
    ModuleLoadFailed,
    NoToken,      // no token in any reader
    WrongToken,   // a token is present but not the one asked for
    TokenRemoved, // the token went away during the session
    WrongPin,
    PinLocked,
    PinEmpty,
    NotLoggedIn,
    KeyNotFound,    // no private key / certificate with that id on the token
    UnsupportedKey, // not RSA >= 2048 or ECDSA P-256
    UnsupportedAlgorithm,
    SigningFailed,
    InputUnreadable,
    OutputUnwritable,
    BadSignatureData, // not a signature we can parse
    TrustStoreError,
    Cancelled,
    // Additions: remote signing (csc.h).
    RemoteUnavailable, // the signing service cannot be reached or answers nonsense
    RemoteRefused,     // the account or the credential is refused by the service
    RemoteDenied,      // the signer declined the request on their device
    RemoteTimeout,     // the signer did not confirm in time
};

// The stable code, e.g. "signing.wrong_pin".
QString codeOf(SigningError kind);

// A typed error with the Vietnamese message for `kind`; `detail` (never a PIN or key) is appended.
Error signingError(SigningError kind, const QString &detail = {});

// The kind of an error made by signingError(), or SigningFailed for any other.
SigningError kindOf(const Error &error);

} // namespace motcua::signing
