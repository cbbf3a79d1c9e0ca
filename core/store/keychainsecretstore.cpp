// The OS keychain through QtKeychain: each job run to completion in a local event loop. Secrets
// are never logged; failures map QtKeychain's error kinds to our codes (keystore.h).
#include "keychainprobe.h"
#include "keystore.h"
#include "logging.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "motcua.store.keychain")

namespace motcua::store {
namespace {

QString codeOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return QStringLiteral("keychain.not_found");
    case QKeychain::CouldNotDeleteEntry:
        return QStringLiteral("keychain.delete_failed");
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return QStringLiteral("keychain.access_denied");
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("keychain.unavailable");
    case QKeychain::NotImplemented:
        return QStringLiteral("keychain.not_supported");
    case QKeychain::OtherError:
        break;
    }
    return QStringLiteral("keychain.error");
}

bool isServiceMissing(const QString &text)
{
    static const char *const kMarkers[] = {
        "Could not connect",          // no session bus (libsecret)
        "Cannot autolaunch D-Bus",    // no session bus (GDBus)
        "org.freedesktop.DBus.Error", // ServiceUnknown, NoReply, Spawn.*
        "not provided by any .service",
        "No such interface",
    };
    for (const char *marker : kMarkers) {
        if (text.contains(QLatin1String(marker), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isKeyringMissing(const QString &text)
{
    return text.contains(QLatin1String("/org/freedesktop/secrets/collection/"))
        || text.contains(QLatin1String("is locked"), Qt::CaseInsensitive);
}

// Runs `job` and waits for it. Returns an empty code on success.
domain::Check run(QKeychain::Job &job, int timeoutMs, const char *what)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never a plaintext file instead of the keychain
    if (!QCoreApplication::instance()) {
        return keychainError(QStringLiteral("keychain.error"),
                             QStringLiteral("no QCoreApplication"));
    }
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!done)
        loop.exec();
    if (!done) {
        qCWarning(lcKeychain) << what << "timed out";
        return keychainError(QStringLiteral("keychain.unavailable"),
                             QStringLiteral("timeout after %1 ms").arg(timeoutMs));
    }
    if (job.error() == QKeychain::NoError)
        return {};
    QString code = codeOf(job.error());
    // libsecret reports a missing session bus or Secret Service as OtherError: that is "no
    // keychain here", with its own remedy, not an unknown failure.
    if (job.error() == QKeychain::OtherError && isServiceMissing(job.errorString()))
        code = QStringLiteral("keychain.unavailable");
    // The Secret Service runs but has no usable (created and unlocked) keyring.
    if (job.error() == QKeychain::OtherError && isKeyringMissing(job.errorString()))
        code = QStringLiteral("keychain.locked");
    // With a session bus but no keychain service, QtKeychain says "not found": ask the bus.
    if ((code == QLatin1String("keychain.not_found") || code == QLatin1String("keychain.error"))
        && !keychainServicePresent())
        code = QStringLiteral("keychain.unavailable");
    if (code != QLatin1String("keychain.not_found"))
        qCWarning(lcKeychain) << what << "failed:" << code << job.errorString();
    return keychainError(code, job.errorString());
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{}

domain::Result<QByteArray> KeychainSecretStore::read(const QString &name)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(name);
    if (auto st = run(job, m_timeoutMs, "read"); !st)
        return st.error();
    return job.binaryData();
}

domain::Check KeychainSecretStore::write(const QString &name, const QByteArray &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(name);
    job.setBinaryData(secret);
    return run(job, m_timeoutMs, "write");
}

domain::Check KeychainSecretStore::remove(const QString &name)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(name);
    auto st = run(job, m_timeoutMs, "delete");
    if (!st && st.error().code == QLatin1String("keychain.not_found"))
        return {};
    return st;
}

} // namespace motcua::store
