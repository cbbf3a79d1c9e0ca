#pragma once

// Login at the workstation (issue 5 item 1): online through the REST client, or offline — after
// one online login on this workstation — through the cache's offline verifier. Opening the
// profile's encrypted cache is part of it (its key comes from the keychain, or from the officer's
// password in officer-password mode). After an online login the catalogues are refreshed and codes
// leased (CatalogueLoader) before loggedIn() is emitted.
#include <QObject>

#include <domain/entities.h>
#include <domain/result.h>
#include <store/cache.h>

#include <functional>
#include <memory>

namespace motcua::sync {
class ApiClient;
struct Session;
} // namespace motcua::sync
namespace motcua::store {
class SecretStore;
}

namespace motcua::services {

class AuthService : public QObject
{
    Q_OBJECT
public:
    AuthService(QString profileDir, store::SecretStore &secrets, sync::ApiClient &api,
                QObject *parent = nullptr);
    ~AuthService() override;

    [[nodiscard]] bool isBusy() const { return m_busy; }
    // Starts a login; exactly one of loggedIn() / failed() follows.
    void login(const QString &username, const QString &password);
    // The cache opened by the last successful login (moved out once).
    std::unique_ptr<store::Cache> takeCache() { return std::move(m_cache); }
    // Opens another connection to the cache the last login opened, with the same key and without
    // asking again (the sync engine's thread): works in officer-password mode too. Safe to call
    // from any thread; the key is kept in memory only, for the life of this service's opener.
    [[nodiscard]] std::function<domain::Result<std::unique_ptr<store::Cache>>()>
    cacheOpener() const;
    // Forgets the officer's tokens here and on the server (best effort).
    void logout(store::Cache &cache, const QString &officerId);

Q_SIGNALS:
    // `online`: the server confirmed the password; otherwise the offline verifier did.
    // `warning`: a non-fatal problem (catalogues not refreshed), empty when none.
    void loggedIn(const motcua::domain::Officer &officer, bool online, const QString &warning);
    void failed(const motcua::domain::Error &error);

private:
    void onlineLoginDone(const domain::Result<sync::Session> &result, const QString &password);
    void loginOffline(const QString &username, const QString &password);
    void fail(const domain::Error &error);

    QString m_profileDir;
    store::SecretStore &m_secrets;
    sync::ApiClient &m_api;
    std::unique_ptr<store::Cache> m_cache;
    store::Cache *m_opened = nullptr; // stays valid after takeCache(): the Workstation owns it
    std::shared_ptr<const QByteArray> m_key; // wiped when the last opener is gone
    QString m_username;
    bool m_busy = false;
};

} // namespace motcua::services
