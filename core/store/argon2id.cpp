// Argon2id through libargon2, the same parameters as the server's password hashes.
#include "argon2id.h"

#include "crypto.h"

#include <argon2.h>

namespace motcua::store::argon2id {
namespace {

using domain::makeError;

constexpr size_t kSaltLength = 16;
constexpr size_t kHashLength = 32;
constexpr qsizetype kMaxPasswordBytes = 1024;

domain::Error tooLong()
{
    return makeError(QStringLiteral("auth.password_too_long"),
                     QStringLiteral("Mật khẩu quá dài (tối đa 1024 byte)."),
                     QStringLiteral("password"));
}

} // namespace

domain::Result<QString> hash(const QString &password)
{
    QByteArray utf8 = password.toUtf8();
    if (utf8.size() > kMaxPasswordBytes)
        return tooLong();
    const Params p;
    const QByteArray salt = crypto::randomBytes(kSaltLength);
    const size_t encodedLength = argon2_encodedlen(p.timeCost, p.memoryKiB, p.parallelism,
                                                   kSaltLength, kHashLength, Argon2_id);
    QByteArray encoded(qsizetype(encodedLength), '\0');
    const int rc = argon2id_hash_encoded(p.timeCost, p.memoryKiB, p.parallelism, utf8.constData(),
                                         size_t(utf8.size()), salt.constData(), kSaltLength,
                                         kHashLength, encoded.data(), encodedLength);
    crypto::wipe(utf8);
    if (rc != ARGON2_OK) {
        return makeError(QStringLiteral("auth.hash_failed"),
                         QStringLiteral("Không tạo được mã băm mật khẩu (%1).")
                             .arg(QString::fromLatin1(argon2_error_message(rc))));
    }
    return QString::fromLatin1(encoded.constData());
}

bool verify(const QString &password, const QString &phc)
{
    if (!phc.startsWith(QLatin1String("$argon2id$")))
        return false;
    QByteArray utf8 = password.toUtf8();
    if (utf8.size() > kMaxPasswordBytes)
        return false;
    const QByteArray encoded = phc.toLatin1();
    const bool ok
        = argon2id_verify(encoded.constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
    crypto::wipe(utf8);
    return ok;
}

domain::Result<QByteArray> deriveKey(const QString &password, const QByteArray &salt,
                                     const Params &params)
{
    QByteArray utf8 = password.toUtf8();
    if (utf8.size() > kMaxPasswordBytes)
        return tooLong();
    if (salt.size() < qsizetype(kSaltLength) || params.memoryKiB < 8 || params.timeCost < 1) {
        return makeError(QStringLiteral("cache.bad_key_slot"),
                         QStringLiteral("Tham số khe khóa không hợp lệ."));
    }
    QByteArray key(kHashLength, '\0');
    const int rc = argon2id_hash_raw(params.timeCost, params.memoryKiB, params.parallelism,
                                     utf8.constData(), size_t(utf8.size()), salt.constData(),
                                     size_t(salt.size()), key.data(), kHashLength);
    crypto::wipe(utf8);
    if (rc != ARGON2_OK) {
        return makeError(QStringLiteral("auth.hash_failed"),
                         QStringLiteral("Không dẫn xuất được khóa từ mật khẩu (%1).")
                             .arg(QString::fromLatin1(argon2_error_message(rc))));
    }
    return key;
}

} // namespace motcua::store::argon2id
