#include "signingsession.h"

#include "pindialog.h"

#include <QApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <signing/csc.h>
#include <signing/signingerror.h>
#include <signing/truststore.h>
#include <store/cache.h>

namespace motcua::ui {

namespace {

Q_LOGGING_CATEGORY(lcSession, "motcua.ui.signing")

const QString kModule = QStringLiteral("signing/module");
const QString kRemoteUser = QStringLiteral("signing/remoteUser");
const QString kToken = QStringLiteral("signing/token");
const QString kKeyId = QStringLiteral("signing/keyId");
const QString kSubject = QStringLiteral("signing/certificateSubject");
const QString kNotAfter = QStringLiteral("signing/certificateNotAfter");

using signing::SigningError;

domain::Error uiError(SigningError kind)
{
    domain::Error e = signing::signingError(kind);
    e.message = SigningSession::messageFor(e);
    return e;
}

} // namespace

TokenConfig TokenConfig::load(store::Cache &cache)
{
    const auto read = [&cache](const QString &key) {
        auto v = cache.setting(key);
        return v ? v.value() : QString();
    };
    TokenConfig c;
    c.modulePath = read(kModule);
    c.remoteUser = read(kRemoteUser);
    c.tokenLabel = read(kToken);
    c.keyId = read(kKeyId);
    c.certificateSubject = read(kSubject);
    c.notAfter = QDateTime::fromString(read(kNotAfter), Qt::ISODate);
    return c;
}

domain::Check TokenConfig::save(store::Cache &cache) const
{
    return cache.transaction([&]() -> domain::Check {
        for (const auto &[key, value] :
             {std::pair{kModule, modulePath}, std::pair{kRemoteUser, remoteUser},
              std::pair{kToken, tokenLabel}, std::pair{kKeyId, keyId},
              std::pair{kSubject, certificateSubject},
              std::pair{kNotAfter, notAfter.toString(Qt::ISODate)}}) {
            if (auto st = cache.setSetting(key, value); !st)
                return st;
        }
        return {};
    });
}

SigningSession::SigningSession(store::Cache &cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_config(TokenConfig::load(cache))
{}

SigningSession::~SigningSession() = default;

domain::Check SigningSession::setConfig(const TokenConfig &config)
{
    if (auto st = config.save(m_cache); !st)
        return st;
    logout();
    m_config = config;
    return {};
}

bool SigningSession::isLoggedIn() const
{
    return m_backend && m_backend->isLoggedIn(m_config.tokenLabel);
}

void SigningSession::logout()
{
    if (m_backend)
        m_backend->logout();
    m_backend.reset();
}

domain::Check SigningSession::openBackend(const QByteArray &accountPassword)
{
    if (m_backend)
        return {};
    auto backend = openSigningBackend(m_config.modulePath, m_config.remoteUser, accountPassword);
    if (!backend) {
        domain::Error e = backend.error();
        e.message = messageFor(e);
        return e;
    }
    m_backend = std::move(backend).value();
    return {};
}

domain::Result<signing::SignerCredentials> SigningSession::unlock(QWidget *parent)
{
    if (!isConfigured()) {
        return domain::makeError(
            QStringLiteral("signing.not_configured"),
            tr("No signing token is set up on this workstation. Choose the token and the "
               "certificate under Settings → Signing token (Ctrl+Alt+K)."));
    }
    const QString &label = m_config.tokenLabel;
    if (m_config.isRemote()) {
        // The service opens with the account password, asked with the PIN.
        if (!m_backend || !m_backend->isLoggedIn(label)) {
            if (auto st = logIn(parent, {}); !st)
                return st.error();
        }
    } else if (auto st = openBackend(); !st) {
        return st.error();
    } else if (!m_backend->isLoggedIn(label)) {
        auto tokens = m_backend->tokens();
        if (!tokens)
            return uiError(signing::kindOf(tokens.error()));
        const auto it = std::find_if(tokens->cbegin(), tokens->cend(),
                                     [&](const signing::TokenInfo &t) { return t.label == label; });
        if (it == tokens->cend())
            return uiError(tokens->isEmpty() ? SigningError::NoToken : SigningError::WrongToken);
        if (it->pin == signing::PinState::Locked)
            return uiError(SigningError::PinLocked);
        QString message;
        if (it->pin == signing::PinState::FinalTry)
            message = tr("This is the final try: one more wrong PIN locks the token.");
        if (auto done = logIn(parent, message); !done)
            return done.error();
    }
    auto credentials = m_backend->credentials(label, m_config.keyId.toLatin1());
    if (!credentials) {
        const SigningError kind = signing::kindOf(credentials.error());
        if (kind == SigningError::TokenRemoved)
            logout();
        // The certificate chosen in the settings is not on the token that answered.
        return uiError(kind == SigningError::KeyNotFound ? SigningError::WrongToken : kind);
    }
    signing::SignerCredentials c = std::move(credentials).value();
    c.chain = issuerChain(c.certificate.get(), signing::TrustStore::load(trustStoreDir()));
    return c;
}

// The PIN dialog until the backend takes the PIN — for a remote service not opened yet, with its
// account password; its authorisation may wait for the signer to confirm on their phone.
domain::Check SigningSession::logIn(QWidget *parent, QString message)
{
    const QString &label = m_config.tokenLabel;
    const bool remote = m_config.isRemote();
    for (;;) {
        PinDialog dialog(label, m_config.certificateSubject, parent);
        dialog.setRemote(remote);
        if (!m_backend)
            dialog.askAccountPassword(m_config.remoteUser);
        dialog.setMessage(message);
        if (dialog.exec() != QDialog::Accepted)
            return uiError(SigningError::Cancelled);
        if (!m_backend) {
            if (auto st = openBackend(dialog.accountPassword()); !st) {
                if (signing::kindOf(st.error()) != SigningError::RemoteRefused)
                    return st;
                message = st.error().message;
                continue;
            }
        }
        if (remote)
            QApplication::setOverrideCursor(Qt::WaitCursor);
        auto st = m_backend->login(label, dialog.pin());
        if (remote)
            QApplication::restoreOverrideCursor();
        if (st)
            return {};
        const SigningError kind = signing::kindOf(st.error());
        qCInfo(lcSession) << "signing login refused:" << st.error().code;
        if (kind == SigningError::WrongPin || kind == SigningError::PinEmpty) {
            message = messageFor(st.error());
            continue;
        }
        domain::Error e = st.error();
        e.message = messageFor(e);
        if (kind == SigningError::TokenRemoved || kind == SigningError::NoToken)
            logout();
        return e;
    }
}

QString SigningSession::messageFor(const domain::Error &error)
{
    switch (signing::kindOf(error)) {
    case SigningError::WrongPin: {
        const int left = error.details.value(QStringLiteral("remainingTries")).toInt(-1);
        if (left == 1)
            return tr("Wrong PIN. This is the final try: one more wrong PIN locks the token.");
        if (left > 1)
            return tr("Wrong PIN. %n tries left before the PIN is locked.", nullptr, left);
        return tr("Wrong PIN. Check it and try again; the token locks after too many wrong "
                  "tries.");
    }
    case SigningError::PinEmpty:
        return tr("Enter the token's PIN.");
    case SigningError::PinLocked:
        return tr("The token's PIN is locked after too many wrong tries. Ask the certificate "
                  "provider to unlock it.");
    case SigningError::TokenRemoved:
        return tr("The token was removed. Plug it in again and sign again; the PIN will be asked "
                  "again.");
    case SigningError::NoToken:
        return tr("No signing token is plugged in. Plug in your USB token and try again.");
    case SigningError::WrongToken:
        return tr("This is not the token chosen for this workstation: the chosen certificate is "
                  "not on it. Plug in the right token, or choose again under Settings → Signing "
                  "token.");
    case SigningError::ModuleNotFound:
    case SigningError::ModuleLoadFailed:
        return tr("The token driver (PKCS#11 library) could not be loaded. Install the driver of "
                  "your certificate provider or choose its library under Settings → Signing "
                  "token.");
    case SigningError::Cancelled:
        return tr("Signing cancelled.");
    default:
        return error.message;
    }
}

QString SigningSession::trustStoreDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/trust");
}

QString SigningSession::revocationCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/revocation");
}

domain::Result<std::unique_ptr<signing::TokenBackend>>
openSigningBackend(const QString &where, const QString &account, const QByteArray &password)
{
    if (!TokenConfig::isRemoteAddress(where))
        return signing::openPkcs11Backend(where);
    signing::CscOptions remote;
    remote.baseUrl = where;
    remote.username = account;
    remote.password = password;
    return signing::openCscBackend(remote);
}

QList<std::shared_ptr<X509>> issuerChain(X509 *certificate,
                                         const QList<std::shared_ptr<X509>> &trust)
{
    QList<std::shared_ptr<X509>> chain;
    X509 *current = certificate;
    while (current && chain.size() < 8) {
        X509 *next = nullptr;
        for (const auto &ca : trust) {
            if (ca.get() != current && X509_check_issued(ca.get(), current) == X509_V_OK) {
                if (X509_check_issued(ca.get(), ca.get()) == X509_V_OK)
                    return chain; // the root: the verifier has it
                chain.append(ca);
                next = ca.get();
                break;
            }
        }
        current = next;
    }
    return chain;
}

} // namespace motcua::ui
