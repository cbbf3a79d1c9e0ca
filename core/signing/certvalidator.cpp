#include "certvalidator.h"

#include "opensslutil.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

namespace motcua::signing {
namespace {

CertificateStatus statusOf(int error)
{
    switch (error) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        return CertificateStatus::UnknownIssuer;
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return CertificateStatus::Expired;
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return CertificateStatus::NotYetValid;
    case X509_V_ERR_CERT_REVOKED:
        return CertificateStatus::Revoked;
    default:
        return CertificateStatus::Invalid;
    }
}

} // namespace

CertificateValidator::CertificateValidator(QList<std::shared_ptr<X509>> anchors,
                                           RevocationOptions options)
    : m_anchors(std::move(anchors))
    , m_options(std::move(options))
    , m_store(X509_STORE_new())
{
    for (const auto &anchor : m_anchors)
        X509_STORE_add_cert(m_store, anchor.get());
    ERR_clear_error();
}

CertificateValidator::~CertificateValidator()
{
    X509_STORE_free(m_store);
}

CertificateCheck CertificateValidator::check(X509 *signer, const QList<X509 *> &untrusted,
                                             const QDateTime &at) const
{
    STACK_OF(X509) *pool = sk_X509_new_null();
    for (X509 *cert : untrusted)
        sk_X509_push(pool, cert);
    ossl::StoreCtxPtr ctx(X509_STORE_CTX_new());
    CertificateCheck result;
    if (!X509_STORE_CTX_init(ctx.get(), m_store, signer, pool)) {
        sk_X509_free(pool);
        return {CertificateStatus::Invalid, ossl::drainErrors()};
    }
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()),
                               static_cast<time_t>(at.toSecsSinceEpoch()));
    if (X509_verify_cert(ctx.get()) != 1) {
        const int error = X509_STORE_CTX_get_error(ctx.get());
        result = {statusOf(error), QString::fromLatin1(X509_verify_cert_error_string(error))};
        sk_X509_free(pool);
        ERR_clear_error();
        return result;
    }
    // Revocation of every certificate below the anchor.
    STACK_OF(X509) *chain = X509_STORE_CTX_get1_chain(ctx.get());
    result = {CertificateStatus::Trusted, {}};
    for (int i = 0; i + 1 < sk_X509_num(chain); ++i) {
        const auto revocation = checkRevocation(sk_X509_value(chain, i),
                                                sk_X509_value(chain, i + 1), m_store, m_options);
        QString line = ossl::commonNameOf(sk_X509_value(chain, i)) + QStringLiteral(": ")
            + revocation.source;
        if (!revocation.detail.isEmpty())
            line += QStringLiteral(" (") + revocation.detail + QLatin1Char(')');
        result.detail += (result.detail.isEmpty() ? QString() : QStringLiteral("; ")) + line;
        if (revocation.state == RevocationState::Revoked) {
            result.status = CertificateStatus::Revoked;
            break;
        }
        if (revocation.state == RevocationState::Unknown)
            result.status = CertificateStatus::RevocationUnknown;
    }
    sk_X509_pop_free(chain, X509_free);
    sk_X509_free(pool);
    ERR_clear_error();
    return result;
}

} // namespace motcua::signing
