#include "authservice.h"

#include "catalogueloader.h"
#include "logging.h"

#include <store/cachekey.h>
#include <store/crypto.h>
#include <store/keystore.h>
#include <store/offlineauth.h>
#include <sync/api_client.h>
#include <sync/api_errors.h>

Q_LOGGING_CATEGORY(lcServicesAuth, "motcua.services.auth")
Q_LOGGING_CATEGORY(lcServicesIntake, "motcua.services.intake")
Q_LOGGING_CATEGORY(lcServicesSync, "motcua.services.sync")

namespace motcua::services {

AuthService::AuthService(QString profileDir, store::SecretStore &secrets, sync::ApiClient &api,
                         QObject *parent)
    : QObject(parent)
    , m_profileDir(std::move(profileDir))
    , m_secrets(secrets)
    , m_api(api)
{
    // Rotated tokens are kept in the keychain so the next start (or an offline start followed by
    // a reconnection) can go on with them.
    connect(&m_api, &sync::ApiClient::sessionChanged, this, [this](const sync::Session &s) {
        if (!m_opened || !s.isValid() || s.officer.id.isEmpty())
            return;
        store::OfflineAuth auth(*m_opened, m_secrets);
        (void)auth.saveTokens(s.officer.id, {s.accessToken, s.refreshToken, s.expiresAt});
    });
}

AuthService::~AuthService() = default;

std::function<domain::Result<std::unique_ptr<store::Cache>>()> AuthService::cacheOpener() const
{
    return [dir = m_profileDir, key = m_key]() -> domain::Result<std::unique_ptr<store::Cache>> {
        if (!key) {
            return domain::makeError(QStringLiteral("cache.not_open"),
                                     QStringLiteral("Chưa đăng nhập: bộ đệm chưa được mở."));
        }
        return store::Cache::open(dir, *key, store::Cache::OpenMode::OpenExisting);
    };
}

void AuthService::login(const QString &username, const QString &password)
{
    if (m_busy)
        return;
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        return fail(domain::makeError(QStringLiteral("auth.missing_credentials"),
                                      QStringLiteral("Hãy nhập tên đăng nhập và mật khẩu."),
                                      username.trimmed().isEmpty() ? QStringLiteral("username")
                                                                   : QStringLiteral("password")));
    }
    m_busy = true;
    m_username = username.trimmed();
    if (!m_cache) {
        auto key = store::profileKey(m_profileDir, m_secrets, m_username, password);
        if (!key)
            return fail(key.error());
        auto cache = store::Cache::open(m_profileDir, key.value());
        if (!cache) {
            store::crypto::wipe(key.value());
            return fail(cache.error());
        }
        m_cache = std::move(cache).value();
        m_opened = m_cache.get();
        m_key = std::shared_ptr<const QByteArray>(new QByteArray(std::move(key).value()),
                                                  [](const QByteArray *k) {
                                                      auto *bytes = const_cast<QByteArray *>(k);
                                                      store::crypto::wipe(*bytes);
                                                      delete bytes;
                                                  });
    }
    qCInfo(lcServicesAuth) << "online login attempt";
    sync::whenDone(
        m_api.login(m_username, password), this,
        [this, password](const domain::Result<sync::Session> &r) { onlineLoginDone(r, password); });
}

void AuthService::onlineLoginDone(const domain::Result<sync::Session> &result,
                                  const QString &password)
{
    if (!result) {
        if (sync::isUnreachable(result.error()) || sync::isTransient(result.error())) {
            qCInfo(lcServicesAuth) << "server unreachable, trying offline login";
            return loginOffline(m_username, password);
        }
        return fail(result.error());
    }
    const sync::Session session = result.value();
    store::OfflineAuth auth(*m_cache, m_secrets);
    if (auto st
        = auth.rememberOnlineLogin(session.officer, password,
                                   {session.accessToken, session.refreshToken, session.expiresAt});
        !st) {
        return fail(st.error());
    }
    auto *loader = new CatalogueLoader(m_api, *m_cache, session.officer.agencyCode, this);
    connect(loader, &CatalogueLoader::finished, this,
            [this, loader, officer = session.officer](const domain::Check &st) {
                loader->deleteLater();
                m_busy = false;
                Q_EMIT loggedIn(officer, true, st ? QString() : st.error().message);
            });
    loader->start();
}

void AuthService::loginOffline(const QString &username, const QString &password)
{
    store::OfflineAuth auth(*m_cache, m_secrets);
    auto officer = auth.loginOffline(username, password);
    if (!officer)
        return fail(officer.error());
    // Tokens kept from the last online session let the client talk to the server as soon as it
    // is back, without a new login.
    if (auto tokens = auth.tokens(officer->id)) {
        sync::Session s;
        s.accessToken = tokens->accessToken;
        s.refreshToken = tokens->refreshToken;
        s.expiresAt = tokens->expiresAt;
        s.officer = officer.value();
        m_api.setSession(s);
    }
    m_busy = false;
    Q_EMIT loggedIn(officer.value(), false, {});
}

void AuthService::logout(store::Cache &cache, const QString &officerId)
{
    store::OfflineAuth auth(cache, m_secrets);
    (void)auth.logout(officerId);
    if (m_api.hasSession())
        sync::whenDone(m_api.logout(), this, [](const domain::Check &) {});
}

void AuthService::fail(const domain::Error &error)
{
    qCInfo(lcServicesAuth) << "login failed:" << error.code;
    m_busy = false;
    Q_EMIT failed(error);
}

} // namespace motcua::services
