#pragma once

#include "certvalidator.h"
#include "signingerror.h"
#include "verification.h"

#include <QByteArray>
#include <QList>

namespace motcua::signing {

// Verifies every SignerInfo of a detached CMS SignedData (DER or PEM) over `content`, given
// as parts (PAdES: the byte ranges). Signature status and certificate status apart; the
// certificate is checked at the signed signing time (now when absent or in the future).
// An error only when `cms` cannot be read at all.
Result<QList<SignatureReport>> verifyDetachedCms(const QByteArray &cms,
                                                 const QList<QByteArrayView> &content,
                                                 const CertificateValidator &validator);

} // namespace motcua::signing
