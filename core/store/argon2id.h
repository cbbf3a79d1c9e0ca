#pragma once

// Argon2id (libargon2) as the server uses it (OWASP minimum: m = 19 MiB, t = 2, p = 1): PHC
// verifiers for offline login, raw 256-bit keys for key slots.
#include <QByteArray>
#include <QString>

#include <domain/result.h>

namespace motcua::store::argon2id {

struct Params
{
    quint32 timeCost = 2;
    quint32 memoryKiB = 19456;
    quint32 parallelism = 1;
};

domain::Result<QString> hash(const QString &password); // PHC string
bool verify(const QString &password, const QString &phc);
// A 32-byte key from `password` and `salt` (≥ 16 bytes).
domain::Result<QByteArray> deriveKey(const QString &password, const QByteArray &salt,
                                     const Params &params = {});

} // namespace motcua::store::argon2id
