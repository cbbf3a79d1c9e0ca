#include "keyprotection.h"

#include <store/cache.h>
#include <store/crypto.h>
#include <store/offlineauth.h>

namespace motcua::services {

using domain::Check;
using domain::makeError;
using domain::Result;

KeyProtection::KeyProtection(QString profileDir, store::SecretStore &secrets, store::Cache &cache)
    : m_dir(std::move(profileDir))
    , m_secrets(secrets)
    , m_cache(cache)
{}

Result<KeyProtection::State> KeyProtection::state() const
{
    store::CacheKeys keys(m_dir, m_secrets);
    auto mode = keys.mode();
    if (!mode)
        return mode.error();
    State out;
    out.mode = mode.value();
    if (out.mode == store::KeyMode::OfficerPasswords) {
        auto owners = keys.slotOwners();
        if (!owners)
            return owners.error();
        out.owners = owners.value();
    }
    return out;
}

Result<QByteArray> KeyProtection::provenKey(const QString &username, const QString &password)
{
    if (password.isEmpty()) {
        return makeError(QStringLiteral("auth.invalid_credentials"),
                         QStringLiteral("Hãy nhập mật khẩu đăng nhập của bạn để xác nhận."),
                         QStringLiteral("password"));
    }
    store::OfflineAuth auth(m_cache, m_secrets);
    if (auto officer = auth.loginOffline(username, password); !officer)
        return officer.error();
    return store::verifiedKey(m_dir, m_secrets, username, password);
}

Check KeyProtection::protect(const QString &username, const QString &password)
{
    auto key = provenKey(username, password);
    if (!key)
        return key.error();
    const Check done = store::CacheKeys(m_dir, m_secrets)
                           .switchToOfficerPasswords(key.value(), username, password);
    store::crypto::wipe(key.value());
    return done;
}

Check KeyProtection::unprotect(const QString &username, const QString &password)
{
    auto key = provenKey(username, password);
    if (!key)
        return key.error();
    const Check done = store::CacheKeys(m_dir, m_secrets).switchToKeychain(key.value());
    store::crypto::wipe(key.value());
    return done;
}

Check KeyProtection::addSlot(const QString &username, const QString &password, const QString &other,
                             const QString &otherPassword)
{
    if (other.trimmed().isEmpty() || otherPassword.isEmpty()) {
        return makeError(QStringLiteral("cache.no_key_slot"),
                         QStringLiteral("Hãy nhập tên đăng nhập và mật khẩu của cán bộ được thêm."),
                         other.trimmed().isEmpty() ? QStringLiteral("username")
                                                   : QStringLiteral("otherPassword"));
    }
    auto key = provenKey(username, password);
    if (!key)
        return key.error();
    const Check done
        = store::CacheKeys(m_dir, m_secrets).addSlot(key.value(), other.trimmed(), otherPassword);
    store::crypto::wipe(key.value());
    return done;
}

Check KeyProtection::removeSlot(const QString &username, const QString &password,
                                const QString &other)
{
    if (other == username) {
        return makeError(QStringLiteral("cache.own_slot"),
                         QStringLiteral("Không thể xóa khe khóa của chính mình; hãy nhờ một cán "
                                        "bộ khác có khe khóa trên máy này."),
                         QStringLiteral("owner"));
    }
    auto key = provenKey(username, password);
    if (!key)
        return key.error();
    store::crypto::wipe(key.value()); // proved; removing a slot needs no key
    store::CacheKeys keys(m_dir, m_secrets);
    auto owners = keys.slotOwners();
    if (!owners)
        return owners.error();
    if (!owners->contains(other)) {
        return makeError(
            QStringLiteral("cache.no_key_slot"),
            QStringLiteral("Cán bộ %1 không có khe khóa trên máy trạm này.").arg(other),
            QStringLiteral("owner"));
    }
    return keys.removeSlot(other);
}

} // namespace motcua::services
