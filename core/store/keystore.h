#pragma once

// Secrets kept outside the cache: the cache's raw key and the officers' tokens. The real store is
// the OS keychain (QtKeychain: Secret Service, Windows Credential Manager, macOS Keychain); tests
// of other libraries may use MemorySecretStore. Chosen at the composition root.
#include <QByteArray>
#include <QString>

#include <domain/result.h>

#include <map>

namespace motcua::store {

// Error codes of every SecretStore, each with its own Vietnamese message and remedy:
//   keychain.not_found      no such entry
//   keychain.unavailable    no keychain service (no Secret Service / D-Bus session, no backend)
//   keychain.access_denied  the user (or the system) refused access
//   keychain.locked         the service runs but has no created, unlocked keyring
//   keychain.delete_failed  the entry could not be deleted
//   keychain.not_supported  the platform's keychain lacks the operation
//   keychain.error          any other failure (the backend's own text is in Error::details)
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    virtual domain::Result<QByteArray> read(const QString &name) = 0;
    virtual domain::Check write(const QString &name, const QByteArray &secret) = 0;
    virtual domain::Check remove(const QString &name) = 0; // removing a missing entry is fine
};

// The OS keychain through QtKeychain, entries under the service name `service` (synchronous:
// each call runs QtKeychain's job in a local event loop, with a timeout).
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("MotCua"), int timeoutMs = 30000);
    domain::Result<QByteArray> read(const QString &name) override;
    domain::Check write(const QString &name, const QByteArray &secret) override;
    domain::Check remove(const QString &name) override;

private:
    QString m_service;
    int m_timeoutMs;
};

// A test double held in memory (for tests of libraries above the store, never for the product).
class MemorySecretStore final : public SecretStore
{
public:
    domain::Result<QByteArray> read(const QString &name) override;
    domain::Check write(const QString &name, const QByteArray &secret) override;
    domain::Check remove(const QString &name) override;
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }

private:
    std::map<QString, QByteArray> m_entries;
    bool m_unavailable = false;
};

// The message of each keychain error code (Vietnamese, with what to do).
domain::Error keychainError(const QString &code, const QString &backendText = {});

} // namespace motcua::store
