#pragma once

// The officer's signing token at this workstation (issue 7 item 4): which PKCS#11 module, token
// and certificate to use (kept in the profile's encrypted settings, never the PIN), and the one
// login per session. unlock() asks the PIN in a masked dialog until the token accepts it, telling
// a wrong PIN (with the tries left), the final try, a locked PIN, a removed token and the wrong
// token apart; every later signing of the session reuses the login. The "module" may also be a
// remote signing service (an https:// address, core/signing/csc.h): its account password is asked
// with the PIN, once per session, and never stored either.
#include <QObject>

#include <domain/result.h>
#include <signing/token.h>

#include <functional>
#include <memory>
#include <optional>

class QWidget;

namespace motcua::store {
class Cache;
}

namespace motcua::ui {

struct TokenConfig
{
    QString modulePath; // a PKCS#11 library, or the API root of a remote signing service
    QString remoteUser; // the account at the remote signing service
    QString tokenLabel;
    QString keyId; // hex CKA_ID of the certificate and its key
    QString certificateSubject;
    QDateTime notAfter;

    [[nodiscard]] bool isComplete() const
    {
        return !modulePath.isEmpty() && !tokenLabel.isEmpty() && !keyId.isEmpty();
    }
    [[nodiscard]] bool isRemote() const { return isRemoteAddress(modulePath); }
    // An http(s) address: a remote signing service rather than a PKCS#11 library.
    static bool isRemoteAddress(const QString &where)
    {
        return where.startsWith(QLatin1String("https://"))
            || where.startsWith(QLatin1String("http://"));
    }
    static TokenConfig load(store::Cache &cache);
    domain::Check save(store::Cache &cache) const;
};

class SigningSession : public QObject
{
    Q_OBJECT
public:
    explicit SigningSession(store::Cache &cache, QObject *parent = nullptr);
    ~SigningSession() override;

    [[nodiscard]] TokenConfig config() const { return m_config; }
    // Saves the choice and ends the current login (another token needs its own PIN).
    domain::Check setConfig(const TokenConfig &config);
    [[nodiscard]] bool isConfigured() const { return m_config.isComplete(); }
    [[nodiscard]] bool isLoggedIn() const;

    // The credentials of the configured certificate, asking the PIN first when the session has
    // not logged in yet. signing.cancelled when the officer closes the PIN dialog.
    domain::Result<signing::SignerCredentials> unlock(QWidget *parent);
    void logout();

    // What the officer reads for a signing error, in the UI's language: each token problem with
    // its own words, the tries left after a wrong PIN.
    static QString messageFor(const domain::Error &error);

    // The trust store (R10.5) the viewer checks certificates against, and the revocation cache.
    static QString trustStoreDir();
    static QString revocationCacheDir();

private:
    domain::Check openBackend(const QByteArray &accountPassword = {});
    domain::Check logIn(QWidget *parent, QString message);

    store::Cache &m_cache;
    TokenConfig m_config;
    std::unique_ptr<signing::TokenBackend> m_backend;
};

// The backend behind `where`: a PKCS#11 library, or a remote signing service (with the account
// and its password).
domain::Result<std::unique_ptr<signing::TokenBackend>>
openSigningBackend(const QString &where, const QString &account, const QByteArray &password);

// The CA certificates of `trust` that lead from `certificate` up to (not including) a root: the
// intermediates a signature should embed.
QList<std::shared_ptr<X509>> issuerChain(X509 *certificate,
                                         const QList<std::shared_ptr<X509>> &trust);

} // namespace motcua::ui
