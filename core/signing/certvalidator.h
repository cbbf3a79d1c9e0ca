#pragma once

#include "revocation.h"
#include "verification.h"

#include <QList>

#include <openssl/types.h>

#include <memory>

namespace motcua::signing {

struct CertificateCheck
{
    CertificateStatus status = CertificateStatus::NotChecked;
    QString detail;
};

// Checks a signer's certificate: a chain to one of `anchors` (the trust store), every
// certificate valid at `at` (the signing time), none revoked (OCSP, then CRL, cached for
// offline use). Blocking when online: call it off the GUI thread.
class CertificateValidator
{
public:
    CertificateValidator(QList<std::shared_ptr<X509>> anchors, RevocationOptions options);
    ~CertificateValidator();
    CertificateValidator(const CertificateValidator &) = delete;
    CertificateValidator &operator=(const CertificateValidator &) = delete;

    [[nodiscard]] CertificateCheck check(X509 *signer, const QList<X509 *> &untrusted,
                                         const QDateTime &at) const;

private:
    QList<std::shared_ptr<X509>> m_anchors;
    RevocationOptions m_options;
    X509_STORE *m_store = nullptr;
};

} // namespace motcua::signing
