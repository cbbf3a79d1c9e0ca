#pragma once

// Cryptographic helpers on OpenSSL 3 (EVP): random bytes, SHA-256, HKDF-SHA256, AES-256-GCM.
#include <QByteArray>

#include <domain/result.h>

namespace motcua::store::crypto {

inline constexpr int kNonceBytes = 12;
inline constexpr int kTagBytes = 16;

QByteArray randomBytes(int count); // from the OS's CSPRNG (RAND_bytes)
QByteArray sha256(const QByteArray &data);
QString sha256Hex(const QByteArray &data);

// HKDF-SHA256 (RFC 5869): `length` bytes from `ikm` with `salt` and `info`.
domain::Result<QByteArray> hkdf(const QByteArray &ikm, const QByteArray &salt,
                                const QByteArray &info, int length = 32);

// AES-256-GCM: nonce (12, random) ‖ ciphertext ‖ tag (16). `aad` is authenticated, not stored.
domain::Result<QByteArray> seal(const QByteArray &key, const QByteArray &plain,
                                const QByteArray &aad);
// Error crypto.auth_failed when the tag does not verify (wrong key, tampered or damaged data).
domain::Result<QByteArray> open(const QByteArray &key, const QByteArray &sealed,
                                const QByteArray &aad);

// Overwrites a secret before it is released.
void wipe(QByteArray &secret);

} // namespace motcua::store::crypto
