#pragma once

// Where this workstation's cache key lives, as an admin changes it from the app (issue 4 item 2;
// `motcuactl cache protect|unprotect|add-slot|remove-slot` does the same from a shell): the OS
// keychain, or a slot per officer wrapping the key with the officer's password (Argon2id). Every
// change is proved by the acting officer's own password — the one they log in with, checked
// against the verifier of their last online login here — so a typo never locks the workstation.
#include <QStringList>

#include <domain/result.h>
#include <store/cachekey.h>

namespace motcua::store {
class Cache;
class SecretStore;
} // namespace motcua::store

namespace motcua::services {

class KeyProtection
{
public:
    KeyProtection(QString profileDir, store::SecretStore &secrets, store::Cache &cache);

    struct State
    {
        store::KeyMode mode = store::KeyMode::Keychain;
        QStringList owners; // officers with a slot (officer-password mode)
    };
    [[nodiscard]] domain::Result<State> state() const;

    // Keychain → officers' passwords; `username` gets the first slot.
    domain::Check protect(const QString &username, const QString &password);
    // Officers' passwords → keychain; the slots go.
    domain::Check unprotect(const QString &username, const QString &password);
    // Lets `other` open the cache with `otherPassword` (adds or replaces their slot, e.g. after a
    // password change). `username`'s password unlocks the key.
    domain::Check addSlot(const QString &username, const QString &password, const QString &other,
                          const QString &otherPassword);
    // Removes `other`'s slot; never the last one, never the acting officer's own.
    domain::Check removeSlot(const QString &username, const QString &password,
                             const QString &other);

private:
    // `username`'s password checked (offline verifier, and the slot in officer-password mode),
    // then the key: the caller wipes it.
    domain::Result<QByteArray> provenKey(const QString &username, const QString &password);

    QString m_dir;
    store::SecretStore &m_secrets;
    store::Cache &m_cache;
};

} // namespace motcua::services
