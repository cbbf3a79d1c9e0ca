#pragma once

// Where the cache's raw 256-bit key comes from, per profile (ARCHITECTURE: Local cache):
//  - Keychain mode (the default): a random key in the OS keychain, entry "cache-key/<profileId>".
//  - Officer-password mode (an admin's opt-in per workstation): the same key wrapped by each
//    officer's password — Argon2id(password, salt) → KEK, AES-256-GCM(KEK, key) — one key slot
//    per officer, in <profile>/keyslots.json. The keychain entry is removed once the slot works.
// There is never a plaintext fallback: no keychain and no slot → an error that says what to do.
// <profile>/profile.json holds only the profile id and the mode (no secret).
#include "cache.h"
#include "keystore.h"

#include <QStringList>

namespace motcua::store {

enum class KeyMode {
    Keychain,
    OfficerPasswords
};

class CacheKeys
{
public:
    CacheKeys(QString profileDir, SecretStore &secrets);

    // The profile's default location: QStandardPaths::AppLocalDataLocation/profile.
    static QString defaultProfileDir();

    Result<KeyMode> mode() const;
    Result<QString> profileId() const; // made with profile.json on first use

    // Keychain mode. A profile without cache.db gets a new random key (stored first, then
    // returned). A profile WITH cache.db whose key is not in the keychain → cache.key_missing
    // (never a new key over existing data). In officer-password mode → cache.key_needs_password.
    Result<QByteArray> keychainKey();

    // Officer-password mode: the key from `username`'s slot. Errors: cache.no_key_slot (this
    // officer has no slot here: an officer who has one must log in first), cache.wrong_password.
    Result<QByteArray> unlockWithPassword(const QString &username, const QString &password) const;

    // Admin opt-in: writes the first slot for `username`, checks it unwraps, switches the mode,
    // then removes the keychain entry. `key` is the cache key (from keychainKey()).
    Check switchToOfficerPasswords(const QByteArray &key, const QString &username,
                                   const QString &password);
    // Back to the keychain: stores `key` in the keychain, then removes the slots.
    Check switchToKeychain(const QByteArray &key);

    // Adds or replaces `username`'s slot (e.g. at an officer's first online login, or after a
    // password change). Only in officer-password mode.
    Check addSlot(const QByteArray &key, const QString &username, const QString &password);
    Check removeSlot(const QString &username);
    Result<QStringList> slotOwners() const;

private:
    QString m_dir;
    SecretStore &m_secrets;
};

// The profile's cache key: from the keychain, or in officer-password mode from the officer's slot
// (the credentials are ignored in keychain mode). The caller wipes it (crypto::wipe) when done; a
// second connection to the same cache (the sync engine's thread) opens with it by Cache::open,
// without asking the officer's password again.
Result<QByteArray> profileKey(const QString &profileDir, SecretStore &secrets,
                              const QString &username = {}, const QString &password = {},
                              Cache::OpenMode mode = Cache::OpenMode::OpenOrCreate);

// The profile's key after proving it opens the existing cache (a wrong password, a stale slot or a
// foreign keychain entry is an error here, not a broken cache later). The caller wipes it.
Result<QByteArray> verifiedKey(const QString &profileDir, SecretStore &secrets,
                               const QString &username, const QString &password);

// Opens the profile's cache in keychain mode, or in officer-password mode with the officer's
// credentials (ignored in keychain mode). One call for the app and motcuactl.
Result<std::unique_ptr<Cache>> openProfile(const QString &profileDir, SecretStore &secrets,
                                           const QString &username = {},
                                           const QString &password = {},
                                           Cache::OpenMode mode = Cache::OpenMode::OpenOrCreate);

} // namespace motcua::store
