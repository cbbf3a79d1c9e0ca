#include "truststore.h"

#include "opensslutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace motcua::signing {
namespace {

QString fingerprintOf(const X509 *cert)
{
    return QString::fromLatin1(ossl::sha256(ossl::toDer(cert)).toHex());
}

TrustedCa describeCa(const X509 *cert)
{
    return {fingerprintOf(cert), ossl::subjectOf(cert), ossl::toDateTime(X509_get0_notAfter(cert))};
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool isCa(X509 *cert)
{
    return X509_check_ca(cert) > 0;
}

} // namespace

TrustStore::TrustStore(QString directory)
    : m_directory(std::move(directory))
{}

QList<std::shared_ptr<X509>> TrustStore::load(const QString &fileOrDirectory)
{
    QFileInfo info(fileOrDirectory);
    if (!info.isDir())
        return ossl::x509sFromPemOrDer(readAll(fileOrDirectory));
    QList<std::shared_ptr<X509>> certs;
    const QDir dir(fileOrDirectory);
    const auto files
        = dir.entryList({QStringLiteral("*.pem"), QStringLiteral("*.crt"), QStringLiteral("*.cer")},
                        QDir::Files, QDir::Name);
    for (const auto &name : files)
        certs += ossl::x509sFromPemOrDer(readAll(dir.filePath(name)));
    return certs;
}

QList<std::shared_ptr<X509>> TrustStore::certificates() const
{
    return load(m_directory);
}

Result<QList<TrustedCa>> TrustStore::list() const
{
    if (!QFileInfo(m_directory).isDir())
        return signingError(SigningError::TrustStoreError, m_directory);
    QList<TrustedCa> cas;
    for (const auto &cert : certificates())
        cas.append(describeCa(cert.get()));
    return cas;
}

Result<QList<TrustedCa>> TrustStore::add(const QByteArray &pemOrDer)
{
    const auto certs = ossl::x509sFromPemOrDer(pemOrDer);
    if (certs.isEmpty())
        return signingError(SigningError::TrustStoreError,
                            QStringLiteral("no certificate in the input"));
    if (!QDir().mkpath(m_directory))
        return signingError(SigningError::TrustStoreError, m_directory);
    QList<TrustedCa> added;
    for (const auto &cert : certs) {
        if (!isCa(cert.get()))
            return signingError(SigningError::TrustStoreError,
                                QStringLiteral("not a CA certificate: ")
                                    + ossl::subjectOf(cert.get()));
    }
    for (const auto &cert : certs) {
        const TrustedCa ca = describeCa(cert.get());
        QSaveFile file(QDir(m_directory).filePath(ca.fingerprint + QStringLiteral(".pem")));
        if (!file.open(QIODevice::WriteOnly) || file.write(ossl::toPem(cert.get())) < 0
            || !file.commit())
            return signingError(SigningError::TrustStoreError, file.fileName());
        added.append(ca);
    }
    return added;
}

Result<TrustedCa> TrustStore::replace(const QString &fingerprint, const QByteArray &pemOrDer)
{
    const auto certs = ossl::x509sFromPemOrDer(pemOrDer);
    if (certs.size() != 1)
        return signingError(SigningError::TrustStoreError,
                            QStringLiteral("give exactly one certificate"));
    auto added = add(pemOrDer);
    if (!added)
        return added.error();
    if (added.value().constFirst().fingerprint != fingerprint) {
        if (auto removed = remove(fingerprint); !removed)
            return removed.error();
    }
    return added.value().constFirst();
}

Check TrustStore::remove(const QString &fingerprint)
{
    const QDir dir(m_directory);
    const auto files = dir.entryList(
        {QStringLiteral("*.pem"), QStringLiteral("*.crt"), QStringLiteral("*.cer")}, QDir::Files);
    bool removed = false;
    for (const auto &name : files) {
        const QString path = dir.filePath(name);
        const auto certs = ossl::x509sFromPemOrDer(readAll(path));
        if (certs.size() == 1 && fingerprintOf(certs.constFirst().get()) == fingerprint.toLower())
            removed = QFile::remove(path) || removed;
    }
    if (!removed)
        return signingError(SigningError::TrustStoreError,
                            QStringLiteral("no CA with fingerprint ") + fingerprint);
    return {};
}

} // namespace motcua::signing
