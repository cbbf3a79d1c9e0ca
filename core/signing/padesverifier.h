#pragma once

#include "certvalidator.h"
#include "signingerror.h"
#include "verification.h"

#include <QByteArray>
#include <QList>

namespace motcua::signing {

// Verifies every signature of a PDF (all revisions): the CMS over its byte ranges, the
// signer's certificate, and whether the byte ranges reach the end of the file
// (coversWholeDocument false: the document changed after that signature). Sorted by where
// the signed revision ends. An error only when the file is not a PDF or has no signature.
Result<QList<SignatureReport>> verifyPdf(const QByteArray &pdf,
                                         const CertificateValidator &validator);

// True when the last signature covers the whole file and every signature is ok().
bool pdfIsIntact(const QList<SignatureReport> &reports);

} // namespace motcua::signing
