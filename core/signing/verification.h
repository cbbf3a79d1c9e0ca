#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace motcua::signing {

// Is the signature itself sound? (Cryptography and covered bytes, nothing about who signed.)
enum class SignatureStatus {
    Valid,          // the signature matches the signed data
    DigestMismatch, // the data changed since signing
    Invalid,        // the signature does not verify with the signer's key
    Unsupported,    // an algorithm we do not accept (Circular 15/2025)
    Malformed,      // not a signature we can read
};

// Can the signer's certificate be trusted? Kept apart from the signature status (poppler/Okular).
enum class CertificateStatus {
    Trusted,           // chains to the trust store, valid at signing time, not revoked
    UnknownIssuer,     // does not chain to a CA of the trust store
    Expired,           // not valid at signing time (after notAfter)
    NotYetValid,       // not valid at signing time (before notBefore)
    Revoked,           // revoked (OCSP or CRL)
    RevocationUnknown, // no OCSP answer nor CRL, online or cached
    Invalid,           // broken chain, wrong usage, bad issuer signature…
    NotChecked,        // the signature was not sound enough to check its certificate
};

// One signature of a document and what verifying it found.
struct SignatureReport
{
    SignatureStatus signature = SignatureStatus::Malformed;
    CertificateStatus certificate = CertificateStatus::NotChecked;
    QString signerName;              // the certificate's common name
    QString signerSubject;           // the whole subject
    QDateTime signingTime;           // the signed signing-time attribute, when present
    QString reason;                  // PDF /Reason, when present
    QString algorithm;               // e.g. "RSA-PSS/SHA256"
    bool coversWholeDocument = true; // PDF: the byte range reaches the end of the file
    QString detail;                  // technical detail for logs and --verbose (English)
    // RFC 3161 signature timestamp (CMS/PAdES unsigned attribute), when the signature has one.
    bool timestamped = false;
    bool timestampValid = false; // TSA signature, imprint and TSA certificate all good
    QDateTime timestampTime;     // the TSA's genTime
    QString timestampAuthority;  // the TSA certificate's common name
    QString timestampDetail;

    [[nodiscard]] bool ok() const
    {
        return signature == SignatureStatus::Valid && certificate == CertificateStatus::Trusted
            && (!timestamped || timestampValid);
    }
};

// Short Vietnamese texts for the panels and the CLI, and stable English words for scripts.
QString describe(SignatureStatus status);
QString describe(CertificateStatus status);
QString keyword(SignatureStatus status);
QString keyword(CertificateStatus status);

} // namespace motcua::signing
