#pragma once

#include "signingerror.h"

#include <QList>
#include <QString>

#include <openssl/types.h>

#include <memory>

namespace motcua::signing {

// One CA certificate of the trust store.
struct TrustedCa
{
    QString fingerprint; // SHA-256 of the DER, lower-case hex: the file name and the handle
    QString subject;
    QDateTime notAfter;
};

// The CA certificates that admins accept (R10.5): a directory of PEM files, one certificate
// each, named <sha256>.pem. Extra *.pem/*.crt files dropped in by hand are read too.
class TrustStore
{
public:
    explicit TrustStore(QString directory);

    [[nodiscard]] QString directory() const { return m_directory; }
    [[nodiscard]] Result<QList<TrustedCa>> list() const;
    // Adds the CA certificates in `pemOrDer` (PEM with one or more, or DER); only CA certs.
    Result<QList<TrustedCa>> add(const QByteArray &pemOrDer);
    // Replaces the CA `fingerprint` by the one in `pemOrDer` (a renewed CA certificate).
    Result<TrustedCa> replace(const QString &fingerprint, const QByteArray &pemOrDer);
    Check remove(const QString &fingerprint);

    // Every certificate of the store (for chain building).
    [[nodiscard]] QList<std::shared_ptr<X509>> certificates() const;

    // A trust store from a single PEM file or a directory (motcuactl verify --trust).
    static QList<std::shared_ptr<X509>> load(const QString &fileOrDirectory);

private:
    QString m_directory;
};

} // namespace motcua::signing
