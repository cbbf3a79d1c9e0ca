#pragma once

#include "certvalidator.h"
#include "cmssigner.h"
#include "signingerror.h"
#include "token.h"
#include "verification.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace motcua::signing {

struct XmlSignOptions
{
    // SHA256, SHA384 or SHA512 for the references and the signature. RSA keys sign with
    // PKCS#1 v1.5: xmlsec 1.2 (Debian 12) has no RSASSA-PSS transform, so Pss is refused with
    // UnsupportedAlgorithm rather than producing what no XML verifier here could check.
    SignOptions sign;
    // XAdES-BES: a SignedProperties object (SigningTime, SigningCertificateV2) covered by the
    // signature. false: a plain enveloped XMLDSig.
    bool xades = true;
};

// An enveloped XML signature (XMLDSig, XAdES-BES shape) over the whole of `xml`, appended as
// the last child of the root element: a reference to the document (URI "", enveloped
// transform, C14N 1.0), one to the SignedProperties, the signer's certificate and chain in
// KeyInfo/X509Data. xmlsec1 computes the digests and hands the SignedInfo digest to the key, so
// a token key signs on the token. An error when `xml` is not well-formed or already holds a
// signature (a second enveloped signature would break the first). Callable from any thread.
Result<QByteArray> signXml(const SignerCredentials &signer, const QByteArray &xml,
                           const XmlSignOptions &options = {});

// Verifies every ds:Signature of `xml`: signature status (references, then SignatureValue,
// with the key of the KeyInfo's signer certificate; only same-document references, C14N and
// SHA-2 are accepted) apart from certificate status (`validator`, at the XAdES SigningTime
// or now). A signature that does not cover the whole document (no URI "" reference) is
// Invalid with coversWholeDocument false. An error when `xml` is not XML or holds no signature.
Result<QList<SignatureReport>> verifyXml(const QByteArray &xml,
                                         const CertificateValidator &validator);

// Does `data` start like an XML document (after a BOM and white space, a '<')?
bool looksLikeXml(const QByteArray &data);

// A form filled in as a JSON object turned into a simple XML document to sign (R11.3):
//   <form><field name="hoTen">Nguyễn Văn A</field><field name="con" type="object">…</field>
// arrays give <item> children; numbers, booleans and null keep their type in @type.
// An error (InputUnreadable) when `json` is not a JSON object.
Result<QByteArray> jsonFormToXml(const QByteArray &json);

} // namespace motcua::signing
