#pragma once

#include "certvalidator.h"
#include "signingerror.h"
#include "verification.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <openssl/cms.h>

namespace motcua::signing {

// RFC 3161 time-stamp tokens over signature values (the id-aa-signatureTimeStampToken unsigned
// attribute of CMS, RFC 3161 appendix A), for CMS and PAdES signatures.

// Asks the TSA at `url` (HTTP POST, application/timestamp-query) for a token over `data`:
// SHA-256 imprint, a random nonce, the TSA certificate requested. The answer must be granted,
// carry our imprint and nonce. Returns the TimeStampToken (DER ContentInfo). Blocking (Qt
// Network in a local event loop): call it off the GUI thread, from a thread with Qt's event
// dispatching (any QThread or adopted thread) while a QCoreApplication exists.
Result<QByteArray> requestTimestamp(const QString &url, const QByteArray &data,
                                    int timeoutSeconds = 20);

// The DER TimeStampReq requestTimestamp sends for `data` (a fresh nonce each call).
Result<QByteArray> timestampQuery(const QByteArray &data);

// `cms` (a DER SignedData) with a token from the TSA at `url` added to every SignerInfo.
Result<QByteArray> addSignatureTimestamps(const QByteArray &cms, const QString &url,
                                          int timeoutSeconds = 20);

struct TimestampCheck
{
    bool valid = false; // signed by the TSA, imprint matches, TSA cert timeStamping
    QDateTime time;     // genTime
    QString authority;  // the TSA certificate's common name
    CertificateStatus tsaStatus = CertificateStatus::NotChecked; // the TSA's own certificate
    QString detail;
};

// Verifies a TimeStampToken over `signatureValue`: its CMS signature, the imprint, the TSA
// certificate (critical extended key usage timeStamping) checked by `validator` at genTime.
// `valid` requires the TSA certificate to be Trusted.
TimestampCheck verifyTimestampToken(const QByteArray &token, const QByteArray &signatureValue,
                                    const CertificateValidator &validator);

// The signature timestamp of `info`, checked, put into `report` (timestamp fields); does
// nothing when it has none. For the CMS verifier.
void checkSignatureTimestamp(CMS_SignerInfo *info, const CertificateValidator &validator,
                             SignatureReport *report);

} // namespace motcua::signing
