// Password hashing (Argon2id, libargon2) and the password policy.
#include "auth.h"

#include <QRandomGenerator>

#include <argon2.h>

#include <array>

namespace motcua::server {
namespace {

// OWASP's minimum for Argon2id: m = 19 MiB, t = 2, p = 1.
constexpr uint32_t kTimeCost = 2;
constexpr uint32_t kMemoryKiB = 19456;
constexpr uint32_t kParallelism = 1;
constexpr size_t kSaltLength = 16;
constexpr size_t kHashLength = 32;
constexpr qsizetype kMaxPasswordBytes = 1024; // longer input is refused before hashing

} // namespace

Result<QString> hashPassword(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    if (utf8.size() > kMaxPasswordBytes) {
        return domain::makeError(QStringLiteral("auth.password_too_long"),
                                 QStringLiteral("Mật khẩu quá dài (tối đa 1024 byte)."),
                                 QStringLiteral("password"));
    }
    std::array<quint32, kSaltLength / 4> salt{};
    QRandomGenerator::system()->fillRange(salt.data(), salt.size());
    const size_t encodedLength = argon2_encodedlen(kTimeCost, kMemoryKiB, kParallelism, kSaltLength,
                                                   kHashLength, Argon2_id);
    QByteArray encoded(qsizetype(encodedLength), '\0');
    const int rc = argon2id_hash_encoded(kTimeCost, kMemoryKiB, kParallelism, utf8.constData(),
                                         size_t(utf8.size()), salt.data(), kSaltLength, kHashLength,
                                         encoded.data(), encodedLength);
    if (rc != ARGON2_OK) {
        return domain::makeError(QStringLiteral("auth.hash_failed"),
                                 QStringLiteral("Không tạo được mã băm mật khẩu (%1).")
                                     .arg(QString::fromLatin1(argon2_error_message(rc))));
    }
    return QString::fromLatin1(encoded.constData()); // NUL-terminated PHC string
}

bool verifyPassword(const QString &password, const QString &phcHash)
{
    if (!phcHash.startsWith(QLatin1String("$argon2id$")))
        return false;
    const QByteArray utf8 = password.toUtf8();
    if (utf8.size() > kMaxPasswordBytes)
        return false;
    const QByteArray encoded = phcHash.toLatin1();
    return argon2id_verify(encoded.constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
}

Check checkPasswordPolicy(const QString &password)
{
    if (password.size() < 10) {
        return domain::makeError(QStringLiteral("auth.weak_password"),
                                 QStringLiteral("Mật khẩu phải có ít nhất 10 ký tự."),
                                 QStringLiteral("password"));
    }
    if (password.toUtf8().size() > kMaxPasswordBytes) {
        return domain::makeError(QStringLiteral("auth.password_too_long"),
                                 QStringLiteral("Mật khẩu quá dài (tối đa 1024 byte)."),
                                 QStringLiteral("password"));
    }
    bool lower = false, upper = false, digit = false, other = false;
    for (const QChar c : password) {
        if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else
            other = true;
    }
    if (int(lower) + int(upper) + int(digit) + int(other) < 2) {
        return domain::makeError(
            QStringLiteral("auth.weak_password"),
            QStringLiteral(
                "Mật khẩu không được chỉ gồm một loại ký tự: hãy kết hợp chữ thường, chữ hoa, "
                "chữ số hoặc ký hiệu."),
            QStringLiteral("password"));
    }
    return {};
}

} // namespace motcua::server
