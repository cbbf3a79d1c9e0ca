// XML signatures through xmlsec1 (OpenSSL back end): enveloped XMLDSig in the XAdES-BES shape,
// signed with the token key, and a verifier that keeps the signature apart from the certificate.
#include "xmlsigner.h"

#include "opensslutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamWriter>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/templates.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

#include <memory>
#include <mutex>

namespace motcua::signing {
namespace {

constexpr const char *kXadesNs = "http://uri.etsi.org/01903/v1.3.2#";
constexpr const char *kSignedPropertiesType = "http://uri.etsi.org/01903#SignedProperties";

const xmlChar *xml(const char *text)
{
    return reinterpret_cast<const xmlChar *>(text);
}

QString text(const xmlChar *value)
{
    return value ? QString::fromUtf8(reinterpret_cast<const char *>(value)) : QString();
}

struct XmlFree
{
    void operator()(xmlChar *p) const { xmlFree(p); }
};
using XmlString = std::unique_ptr<xmlChar, XmlFree>;

struct DocFree
{
    void operator()(xmlDoc *p) const { xmlFreeDoc(p); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

struct DsigCtxFree
{
    void operator()(xmlSecDSigCtx *p) const { xmlSecDSigCtxDestroy(p); }
};
using DsigCtxPtr = std::unique_ptr<xmlSecDSigCtx, DsigCtxFree>;

struct KeyFree
{
    void operator()(xmlSecKey *p) const { xmlSecKeyDestroy(p); }
};
using KeyPtr = std::unique_ptr<xmlSecKey, KeyFree>;

// xmlsec reports errors through one process-wide callback; each thread keeps its own last
// lines so a failed call can say why.
thread_local QString t_xmlsecErrors;

void collectXmlsecError(const char * /*file*/, int /*line*/, const char *func,
                        const char *errorObject, const char *errorSubject, int reason,
                        const char *msg)
{
    if (t_xmlsecErrors.size() > 2000)
        return;
    QString line = QString::fromLatin1(func ? func : "?");
    if (errorObject)
        line += QLatin1Char(' ') + QString::fromUtf8(errorObject);
    if (errorSubject)
        line += QLatin1Char(' ') + QString::fromUtf8(errorSubject);
    for (xmlSecSize i = 0; xmlSecErrorsGetMsg(i); ++i) {
        if (xmlSecErrorsGetCode(i) == reason) {
            line += QStringLiteral(": ") + QString::fromUtf8(xmlSecErrorsGetMsg(i));
            break;
        }
    }
    if (msg)
        line += QStringLiteral(" (") + QString::fromUtf8(msg) + QLatin1Char(')');
    t_xmlsecErrors += (t_xmlsecErrors.isEmpty() ? QString() : QStringLiteral("; ")) + line;
}

// libxml2 reports parse errors through its own generic handler; keep it off stderr.
void quietXmlError(void * /*ctx*/, const char * /*msg*/, ...) {}

// xmlsec1 and libxml2 keep process-wide state: initialise them once, from whichever thread
// comes first, and never shut them down (other threads may still be signing).
Check initialiseXmlsec()
{
    static std::once_flag once;
    static QString failure;
    std::call_once(once, [] {
        xmlInitParser();
        if (xmlSecInit() < 0) {
            failure = QStringLiteral("xmlSecInit failed");
            return;
        }
        if (xmlSecCheckVersion() != 1) {
            failure = QStringLiteral("xmlsec library version mismatch");
            return;
        }
        if (xmlSecCryptoAppInit(nullptr) < 0 || xmlSecCryptoInit() < 0) {
            failure = QStringLiteral("xmlsec-openssl initialisation failed");
            return;
        }
        xmlSecErrorsSetCallback(&collectXmlsecError);
    });
    if (!failure.isEmpty())
        return signingError(SigningError::SigningFailed, failure);
    return {};
}

// A document parsed without network access, external entities or DTD loading.
DocPtr parse(const QByteArray &data)
{
    xmlSetGenericErrorFunc(nullptr, &quietXmlError);
    return DocPtr(xmlReadMemory(data.constData(), static_cast<int>(data.size()), "document.xml",
                                nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}

QByteArray serialise(xmlDoc *doc)
{
    xmlChar *buffer = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &buffer, &size, "UTF-8");
    QByteArray out(reinterpret_cast<const char *>(buffer), size);
    xmlFree(buffer);
    return out;
}

bool isDsig(const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && node->ns
        && xmlStrEqual(node->ns->href, xmlSecDSigNs) && xmlStrEqual(node->name, xml(name));
}

void collectSignatures(xmlNode *node, QList<xmlNode *> *out)
{
    for (xmlNode *child = node; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (isDsig(child, "Signature"))
            out->append(child);
        else
            collectSignatures(child->children, out);
    }
}

xmlNode *firstChild(xmlNode *parent, const char *name, const xmlChar *ns)
{
    for (xmlNode *child = parent ? parent->children : nullptr; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE && child->ns && xmlStrEqual(child->ns->href, ns)
            && xmlStrEqual(child->name, xml(name)))
            return child;
    }
    return nullptr;
}

QByteArray contentOf(xmlNode *node)
{
    XmlString content(xmlNodeGetContent(node));
    return content ? QByteArray(reinterpret_cast<const char *>(content.get())) : QByteArray();
}

// DER length octets.
QByteArray derLength(qsizetype length)
{
    if (length < 0x80)
        return QByteArray(1, static_cast<char>(length));
    QByteArray bytes;
    for (auto rest = length; rest > 0; rest >>= 8)
        bytes.prepend(static_cast<char>(rest & 0xff));
    return QByteArray(1, static_cast<char>(0x80 | bytes.size())) + bytes;
}

QByteArray derTagged(unsigned char tag, const QByteArray &body)
{
    return QByteArray(1, static_cast<char>(tag)) + derLength(body.size()) + body;
}

// IssuerSerial of RFC 5035 (GeneralNames with the issuer's directoryName, serial number), the
// DER that XAdES' IssuerSerialV2 carries in base64.
QByteArray issuerSerialDer(X509 *cert)
{
    unsigned char *name = nullptr;
    const int nameLength = i2d_X509_NAME(X509_get_issuer_name(cert), &name);
    unsigned char *serial = nullptr;
    const int serialLength = i2d_ASN1_INTEGER(X509_get0_serialNumber(cert), &serial);
    QByteArray out;
    if (nameLength > 0 && serialLength > 0) {
        const QByteArray directoryName
            = derTagged(0xa4, QByteArray(reinterpret_cast<const char *>(name), nameLength));
        out = derTagged(0x30,
                        derTagged(0x30, directoryName)
                            + QByteArray(reinterpret_cast<const char *>(serial), serialLength));
    }
    OPENSSL_free(name);
    OPENSSL_free(serial);
    return out;
}

QByteArray digestOf(const EVP_MD *md, const QByteArray &data)
{
    QByteArray digest(EVP_MAX_MD_SIZE, '\0');
    unsigned int length = 0;
    EVP_Digest(data.constData(), static_cast<size_t>(data.size()),
               reinterpret_cast<unsigned char *>(digest.data()), &length, md, nullptr);
    digest.resize(length);
    return digest;
}

xmlNode *addChild(xmlNode *parent, xmlNs *ns, const char *name, const QByteArray &content = {})
{
    return xmlNewTextChild(parent, ns, xml(name),
                           content.isNull() ? nullptr : xml(content.constData()));
}

// The digest transform, its XML name, and the signature transform for `digest` and the key.
struct Algorithms
{
    xmlSecTransformId digest = nullptr;
    xmlSecTransformId signature = nullptr;
    const EVP_MD *md = nullptr;
};

Algorithms algorithmsFor(const QByteArray &digest, bool rsa)
{
    if (digest == "SHA256")
        return {xmlSecTransformSha256Id,
                rsa ? xmlSecTransformRsaSha256Id : xmlSecTransformEcdsaSha256Id, EVP_sha256()};
    if (digest == "SHA384")
        return {xmlSecTransformSha384Id,
                rsa ? xmlSecTransformRsaSha384Id : xmlSecTransformEcdsaSha384Id, EVP_sha384()};
    if (digest == "SHA512")
        return {xmlSecTransformSha512Id,
                rsa ? xmlSecTransformRsaSha512Id : xmlSecTransformEcdsaSha512Id, EVP_sha512()};
    return {};
}

// "RSA/SHA256" and so on from a SignatureMethod URI, as the CMS verifier names them.
QString algorithmName(const QString &uri)
{
    const QString fragment = uri.section(QLatin1Char('#'), -1);
    const bool ecdsa = fragment.startsWith(QLatin1String("ecdsa-"));
    const QString hash = fragment.section(QLatin1Char('-'), -1).toUpper();
    if (fragment.startsWith(QLatin1String("rsa-")) || ecdsa)
        return (ecdsa ? QStringLiteral("ECDSA/") : QStringLiteral("RSA/")) + hash;
    return fragment;
}

// The signer among the X509Data certificates: the one that issued none of the others.
X509 *leafOf(const QList<std::shared_ptr<X509>> &certs)
{
    for (const auto &candidate : certs) {
        bool issuesAnother = false;
        for (const auto &other : certs) {
            if (other != candidate && X509_check_issued(candidate.get(), other.get()) == X509_V_OK)
                issuesAnother = true;
        }
        if (!issuesAnother)
            return candidate.get();
    }
    return certs.isEmpty() ? nullptr : certs.constFirst().get();
}

QList<std::shared_ptr<X509>> keyInfoCertificates(xmlNode *signature)
{
    QList<std::shared_ptr<X509>> certs;
    xmlNode *keyInfo = firstChild(signature, "KeyInfo", xmlSecDSigNs);
    for (xmlNode *data = keyInfo ? keyInfo->children : nullptr; data; data = data->next) {
        if (!isDsig(data, "X509Data"))
            continue;
        for (xmlNode *cert = data->children; cert; cert = cert->next) {
            if (!isDsig(cert, "X509Certificate"))
                continue;
            const QByteArray der = QByteArray::fromBase64(contentOf(cert).simplified());
            if (auto x509 = ossl::x509FromDer(der))
                certs.append(x509);
        }
    }
    ERR_clear_error();
    return certs;
}

void enableVerificationTransforms(xmlSecDSigCtx *ctx)
{
    const xmlSecTransformId c14n[]
        = {xmlSecTransformInclC14NId, xmlSecTransformInclC14NWithCommentsId,
           xmlSecTransformExclC14NId, xmlSecTransformExclC14NWithCommentsId};
    const xmlSecTransformId digests[]
        = {xmlSecTransformSha256Id, xmlSecTransformSha384Id, xmlSecTransformSha512Id};
    const xmlSecTransformId signatures[] = {
        xmlSecTransformRsaSha256Id,   xmlSecTransformRsaSha384Id,   xmlSecTransformRsaSha512Id,
        xmlSecTransformEcdsaSha256Id, xmlSecTransformEcdsaSha384Id, xmlSecTransformEcdsaSha512Id};
    for (auto id : c14n) {
        xmlSecDSigCtxEnableReferenceTransform(ctx, id);
        xmlSecDSigCtxEnableSignatureTransform(ctx, id);
    }
    xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformEnvelopedId);
    for (auto id : digests)
        xmlSecDSigCtxEnableReferenceTransform(ctx, id);
    for (auto id : signatures)
        xmlSecDSigCtxEnableSignatureTransform(ctx, id);
    // Only this document: no file or network fetches behind a Reference URI.
    ctx->enabledReferenceUris = static_cast<xmlSecTransformUriType>(
        xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument);
}

// The XAdES SignedProperties the verified `ctx` covered, or nullptr.
xmlNode *signedPropertiesOf(xmlSecDSigCtx *ctx, xmlDoc *doc, xmlNode *signature)
{
    for (xmlSecSize i = 0; i < xmlSecPtrListGetSize(&ctx->signedInfoReferences); ++i) {
        auto *ref = static_cast<xmlSecDSigReferenceCtx *>(
            xmlSecPtrListGetItem(&ctx->signedInfoReferences, i));
        if (!ref || !ref->type || !xmlStrEqual(ref->type, xml(kSignedPropertiesType)) || !ref->uri
            || ref->uri[0] != '#')
            continue;
        xmlAttr *id = xmlGetID(doc, ref->uri + 1);
        xmlNode *node = id ? id->parent : nullptr;
        // It must be this signature's own (inside it), not one planted elsewhere.
        for (xmlNode *up = node; up; up = up->parent) {
            if (up == signature)
                return node;
        }
    }
    return nullptr;
}

// Reads SigningTime and checks SigningCertificateV2 against `leaf`; false with *why when the
// signed properties name another certificate.
bool readSignedProperties(xmlNode *properties, X509 *leaf, SignatureReport *report, QString *why)
{
    const auto *ns = xml(kXadesNs);
    xmlNode *signatureProperties = firstChild(properties, "SignedSignatureProperties", ns);
    if (xmlNode *time = firstChild(signatureProperties, "SigningTime", ns)) {
        report->signingTime
            = QDateTime::fromString(QString::fromUtf8(contentOf(time).trimmed()), Qt::ISODate)
                  .toUTC();
    }
    xmlNode *signingCertificate = firstChild(signatureProperties, "SigningCertificateV2", ns);
    if (!signingCertificate)
        signingCertificate = firstChild(signatureProperties, "SigningCertificate", ns);
    if (!signingCertificate)
        return true;
    const QByteArray leafDer = ossl::toDer(leaf);
    for (xmlNode *cert = signingCertificate->children; cert; cert = cert->next) {
        xmlNode *certDigest = firstChild(cert, "CertDigest", ns);
        xmlNode *method = firstChild(certDigest, "DigestMethod", xmlSecDSigNs);
        xmlNode *value = firstChild(certDigest, "DigestValue", xmlSecDSigNs);
        if (!method || !value)
            continue;
        XmlString algorithm(xmlGetProp(method, xml("Algorithm")));
        const QString uri = text(algorithm.get());
        const EVP_MD *md = uri.endsWith(QLatin1String("#sha256")) ? EVP_sha256()
            : uri.endsWith(QLatin1String("#sha384"))              ? EVP_sha384()
            : uri.endsWith(QLatin1String("#sha512"))              ? EVP_sha512()
                                                                  : nullptr;
        if (md && QByteArray::fromBase64(contentOf(value).simplified()) == digestOf(md, leafDer))
            return true;
    }
    *why = QStringLiteral("the signed SigningCertificate does not name the KeyInfo certificate");
    return false;
}

SignatureReport verifyOne(xmlDoc *doc, xmlNode *signature, const CertificateValidator &validator)
{
    SignatureReport report;
    if (xmlNode *signedInfo = firstChild(signature, "SignedInfo", xmlSecDSigNs)) {
        XmlString method(
            xmlGetProp(firstChild(signedInfo, "SignatureMethod", xmlSecDSigNs), xml("Algorithm")));
        report.algorithm = algorithmName(text(method.get()));
    }
    const auto certs = keyInfoCertificates(signature);
    X509 *leaf = leafOf(certs);
    if (!leaf) {
        report.detail = QStringLiteral("no X509Certificate in KeyInfo");
        return report;
    }
    report.signerName = ossl::commonNameOf(leaf);
    report.signerSubject = ossl::subjectOf(leaf);

    EVP_PKEY *publicKey = X509_get_pubkey(leaf);
    xmlSecKeyDataPtr keyData = publicKey ? xmlSecOpenSSLEvpKeyAdopt(publicKey) : nullptr;
    if (!keyData) {
        EVP_PKEY_free(publicKey);
        ERR_clear_error();
        report.signature = SignatureStatus::Unsupported;
        report.detail = QStringLiteral("the signer's key is not one xmlsec can use");
        return report;
    }
    KeyPtr key(xmlSecKeyCreate());
    if (!key || xmlSecKeySetValue(key.get(), keyData) < 0) {
        xmlSecKeyDataDestroy(keyData);
        report.detail = t_xmlsecErrors;
        return report;
    }
    DsigCtxPtr ctx(xmlSecDSigCtxCreate(nullptr));
    enableVerificationTransforms(ctx.get());
    ctx->signKey = key.release(); // the context destroys it
    t_xmlsecErrors.clear();
    if (xmlSecDSigCtxVerify(ctx.get(), signature) < 0) {
        // Not a verdict: an algorithm we refuse, an outside reference, a broken structure.
        const bool refused = t_xmlsecErrors.contains(QLatin1String("disabled"))
            || t_xmlsecErrors.contains(QLatin1String("not allowed"));
        report.signature = refused ? SignatureStatus::Unsupported : SignatureStatus::Malformed;
        report.detail = t_xmlsecErrors;
        ERR_clear_error();
        return report;
    }
    bool referencesGood = true;
    bool wholeDocument = false;
    for (xmlSecSize i = 0; i < xmlSecPtrListGetSize(&ctx->signedInfoReferences); ++i) {
        auto *ref = static_cast<xmlSecDSigReferenceCtx *>(
            xmlSecPtrListGetItem(&ctx->signedInfoReferences, i));
        if (ref->status != xmlSecDSigStatusSucceeded)
            referencesGood = false;
        else if (ref->uri && ref->uri[0] == '\0')
            wholeDocument = true;
    }
    ERR_clear_error();
    if (ctx->status != xmlSecDSigStatusSucceeded) {
        report.signature
            = referencesGood ? SignatureStatus::Invalid : SignatureStatus::DigestMismatch;
        report.detail = referencesGood ? QStringLiteral("SignatureValue does not verify")
                                       : QStringLiteral("a reference digest does not match");
        return report;
    }
    if (!wholeDocument) {
        report.signature = SignatureStatus::Invalid;
        report.coversWholeDocument = false;
        report.detail = QStringLiteral("the signature does not cover the whole document");
        return report;
    }
    if (xmlNode *properties = signedPropertiesOf(ctx.get(), doc, signature)) {
        QString why;
        if (!readSignedProperties(properties, leaf, &report, &why)) {
            report.signature = SignatureStatus::Invalid;
            report.detail = why;
            return report;
        }
    }
    report.signature = SignatureStatus::Valid;
    QList<X509 *> untrusted;
    for (const auto &cert : certs)
        untrusted.append(cert.get());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime at
        = report.signingTime.isValid() && report.signingTime <= now ? report.signingTime : now;
    const auto check = validator.check(leaf, untrusted, at);
    report.certificate = check.status;
    report.detail = check.detail;
    return report;
}

// xmlsec 1.2 with OpenSSL 3 reads key parameters (RSA "d", the EC group order) that a token
// key never gives out, so it cannot drive the token key itself. It signs with a throwaway
// in-memory key of the same type instead, keeping the canonical SignedInfo it signed
// (XMLSEC_DSIG_FLAGS_STORE_SIGNATURE); the token key then signs those bytes and its value
// replaces the throwaway one. The key is made once per process and is never the signer.
EVP_PKEY *throwawayKey(bool rsa)
{
    static std::once_flag rsaOnce;
    static std::once_flag ecOnce;
    static EVP_PKEY *rsaKey = nullptr;
    static EVP_PKEY *ecKey = nullptr;
    if (rsa) {
        std::call_once(rsaOnce, [] {
            rsaKey = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048));
        });
        return rsaKey;
    }
    std::call_once(ecOnce, [] { ecKey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"); });
    return ecKey;
}

// The signature of `data` with `key` in XMLDSig form: RSA PKCS#1 v1.5 as is, ECDSA as the raw
// r||s of RFC 4050 / XMLDSig 1.1 (each half as long as the curve's order).
Result<QByteArray> signSignedInfo(EVP_PKEY *key, const EVP_MD *md, const QByteArray &data)
{
    ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
    ERR_clear_error();
    size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, key) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length,
                          reinterpret_cast<const unsigned char *>(data.constData()),
                          static_cast<size_t>(data.size()))
            != 1)
        return ossl::keyOperationError(SigningError::SigningFailed);
    QByteArray signature(static_cast<qsizetype>(length), '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(data.constData()),
                       static_cast<size_t>(data.size()))
        != 1)
        return ossl::keyOperationError(SigningError::SigningFailed);
    signature.resize(static_cast<qsizetype>(length));
    if (EVP_PKEY_is_a(key, "RSA"))
        return signature;
    const auto *p = reinterpret_cast<const unsigned char *>(signature.constData());
    ECDSA_SIG *parsed = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(signature.size()));
    if (!parsed)
        return signingError(SigningError::SigningFailed, ossl::drainErrors());
    const int half = (EVP_PKEY_get_bits(key) + 7) / 8;
    QByteArray raw(2 * half, '\0');
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    const bool ok = BN_bn2binpad(ECDSA_SIG_get0_r(parsed), out, half) == half
        && BN_bn2binpad(ECDSA_SIG_get0_s(parsed), out + half, half) == half;
    ECDSA_SIG_free(parsed);
    if (!ok)
        return signingError(SigningError::SigningFailed, QStringLiteral("ECDSA signature size"));
    return raw;
}

void writeJsonValue(QXmlStreamWriter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        out.writeAttribute(QStringLiteral("type"), QStringLiteral("object"));
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            out.writeStartElement(QStringLiteral("field"));
            out.writeAttribute(QStringLiteral("name"), it.key());
            writeJsonValue(out, it.value());
            out.writeEndElement();
        }
        break;
    }
    case QJsonValue::Array:
        out.writeAttribute(QStringLiteral("type"), QStringLiteral("array"));
        for (const auto &item : value.toArray()) {
            out.writeStartElement(QStringLiteral("item"));
            writeJsonValue(out, item);
            out.writeEndElement();
        }
        break;
    case QJsonValue::Double:
        out.writeAttribute(QStringLiteral("type"), QStringLiteral("number"));
        out.writeCharacters(QString::number(value.toDouble(), 'g', 17));
        break;
    case QJsonValue::Bool:
        out.writeAttribute(QStringLiteral("type"), QStringLiteral("boolean"));
        out.writeCharacters(value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.writeAttribute(QStringLiteral("type"), QStringLiteral("null"));
        break;
    case QJsonValue::String:
        out.writeCharacters(value.toString());
        break;
    }
}

} // namespace

Result<QByteArray> signXml(const SignerCredentials &signer, const QByteArray &input,
                           const XmlSignOptions &options)
{
    if (!signer.key || !signer.certificate)
        return signingError(SigningError::KeyNotFound);
    if (auto policy = ossl::checkKeyPolicy(signer.key.get()); !policy)
        return policy.error();
    const bool rsa = EVP_PKEY_is_a(signer.key.get(), "RSA");
    if (rsa && options.sign.padding == RsaPadding::Pss)
        return signingError(SigningError::UnsupportedAlgorithm,
                            QStringLiteral("RSA-PSS cho chữ ký XML"));
    if (auto init = initialiseXmlsec(); !init)
        return init.error();
    const Algorithms algorithms = algorithmsFor(options.sign.digest, rsa);
    if (!algorithms.digest)
        return signingError(SigningError::UnsupportedAlgorithm,
                            QString::fromLatin1(options.sign.digest));

    DocPtr doc = parse(input);
    xmlNode *root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root)
        return signingError(SigningError::InputUnreadable,
                            QStringLiteral("không phải tài liệu XML hợp lệ"));
    QList<xmlNode *> existing;
    collectSignatures(root, &existing);
    if (!existing.isEmpty())
        return signingError(SigningError::SigningFailed,
                            QStringLiteral("tài liệu XML đã có chữ ký số"));

    // Ids unique within the document: the signature's and its SignedProperties'.
    const QByteArray suffix
        = ossl::sha256(input + ossl::toDer(signer.certificate.get())).toHex().left(12);
    const QByteArray signatureId = "motcua-sig-" + suffix;
    const QByteArray propertiesId = "motcua-sp-" + suffix;

    xmlNode *signature = xmlSecTmplSignatureCreateNsPref(doc.get(), xmlSecTransformInclC14NId,
                                                         algorithms.signature,
                                                         xml(signatureId.constData()), xml("ds"));
    if (!signature)
        return signingError(SigningError::SigningFailed, t_xmlsecErrors);
    xmlAddChild(root, signature);
    xmlNode *documentRef
        = xmlSecTmplSignatureAddReference(signature, algorithms.digest, nullptr, xml(""), nullptr);
    if (!documentRef || !xmlSecTmplReferenceAddTransform(documentRef, xmlSecTransformEnvelopedId)
        || !xmlSecTmplReferenceAddTransform(documentRef, xmlSecTransformInclC14NId))
        return signingError(SigningError::SigningFailed, t_xmlsecErrors);

    xmlNode *keyInfo = xmlSecTmplSignatureEnsureKeyInfo(signature, nullptr);
    xmlNode *x509Data = keyInfo ? xmlSecTmplKeyInfoAddX509Data(keyInfo) : nullptr;
    if (!x509Data)
        return signingError(SigningError::SigningFailed, t_xmlsecErrors);
    xmlNs *dsNs = signature->ns;
    addChild(x509Data, dsNs, "X509Certificate", ossl::toDer(signer.certificate.get()).toBase64());
    for (const auto &cert : signer.chain)
        addChild(x509Data, dsNs, "X509Certificate", ossl::toDer(cert.get()).toBase64());

    if (options.xades) {
        xmlNode *propertiesRef = xmlSecTmplSignatureAddReference(
            signature, algorithms.digest, nullptr, xml(QByteArray("#" + propertiesId).constData()),
            xml(kSignedPropertiesType));
        if (!propertiesRef
            || !xmlSecTmplReferenceAddTransform(propertiesRef, xmlSecTransformInclC14NId))
            return signingError(SigningError::SigningFailed, t_xmlsecErrors);
        xmlNode *object = xmlSecTmplSignatureAddObject(signature, nullptr, nullptr, nullptr);
        xmlNode *qualifying = xmlNewChild(object, nullptr, xml("QualifyingProperties"), nullptr);
        xmlNs *xades = xmlNewNs(qualifying, xml(kXadesNs), xml("xades"));
        xmlSetNs(qualifying, xades);
        xmlNewProp(qualifying, xml("Target"), xml(QByteArray("#" + signatureId).constData()));
        xmlNode *properties = addChild(qualifying, xades, "SignedProperties");
        xmlAttr *id = xmlNewProp(properties, xml("Id"), xml(propertiesId.constData()));
        xmlAddID(nullptr, doc.get(), xml(propertiesId.constData()), id);
        xmlNode *signatureProperties = addChild(properties, xades, "SignedSignatureProperties");
        addChild(signatureProperties, xades, "SigningTime",
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8());
        xmlNode *cert
            = addChild(addChild(signatureProperties, xades, "SigningCertificateV2"), xades, "Cert");
        xmlNode *certDigest = addChild(cert, xades, "CertDigest");
        xmlNode *method = addChild(certDigest, dsNs, "DigestMethod");
        xmlNewProp(method, xml("Algorithm"), xmlSecTransformSha256Id->href);
        addChild(certDigest, dsNs, "DigestValue",
                 ossl::sha256(ossl::toDer(signer.certificate.get())).toBase64());
        addChild(cert, xades, "IssuerSerialV2",
                 issuerSerialDer(signer.certificate.get()).toBase64());
    }

    // xmlsec computes the references and canonicalises SignedInfo, signing with a throwaway
    // key (see throwawayKey); the token key then signs the same bytes.
    EVP_PKEY *throwaway = throwawayKey(rsa);
    if (!throwaway)
        return signingError(SigningError::SigningFailed, ossl::drainErrors());
    EVP_PKEY_up_ref(throwaway);
    xmlSecKeyDataPtr keyData = xmlSecOpenSSLEvpKeyAdopt(throwaway);
    if (!keyData) {
        EVP_PKEY_free(throwaway);
        return signingError(SigningError::SigningFailed, t_xmlsecErrors);
    }
    KeyPtr key(xmlSecKeyCreate());
    if (!key || xmlSecKeySetValue(key.get(), keyData) < 0) {
        xmlSecKeyDataDestroy(keyData);
        return signingError(SigningError::SigningFailed, t_xmlsecErrors);
    }
    DsigCtxPtr ctx(xmlSecDSigCtxCreate(nullptr));
    if (!ctx)
        return signingError(SigningError::SigningFailed, t_xmlsecErrors);
    ctx->signKey = key.release(); // the context destroys it
    ctx->flags |= XMLSEC_DSIG_FLAGS_STORE_SIGNATURE;
    ERR_clear_error();
    t_xmlsecErrors.clear();
    if (xmlSecDSigCtxSign(ctx.get(), signature) < 0)
        return signingError(SigningError::SigningFailed, t_xmlsecErrors);
    xmlSecBufferPtr signedInfo = xmlSecDSigCtxGetPreSignBuffer(ctx.get());
    xmlNode *signatureValue = firstChild(signature, "SignatureValue", xmlSecDSigNs);
    if (!signedInfo || !signatureValue)
        return signingError(SigningError::SigningFailed, QStringLiteral("no SignedInfo"));
    const QByteArray canonical(reinterpret_cast<const char *>(xmlSecBufferGetData(signedInfo)),
                               static_cast<qsizetype>(xmlSecBufferGetSize(signedInfo)));
    auto value = signSignedInfo(signer.key.get(), algorithms.md, canonical);
    if (!value)
        return value.error();
    xmlNodeSetContent(signatureValue, xml(value.value().toBase64().constData()));
    return serialise(doc.get());
}

Result<QList<SignatureReport>> verifyXml(const QByteArray &data,
                                         const CertificateValidator &validator)
{
    if (auto init = initialiseXmlsec(); !init)
        return init.error();
    DocPtr doc = parse(data);
    xmlNode *root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root)
        return signingError(SigningError::BadSignatureData,
                            QStringLiteral("không phải tài liệu XML hợp lệ"));
    // XAdES references its SignedProperties by Id.
    const xmlChar *ids[] = {xml("Id"), nullptr};
    xmlSecAddIDs(doc.get(), root, ids);
    QList<xmlNode *> signatures;
    collectSignatures(root, &signatures);
    if (signatures.isEmpty())
        return signingError(SigningError::BadSignatureData,
                            QStringLiteral("tài liệu XML không có chữ ký số"));
    QList<SignatureReport> reports;
    for (xmlNode *signature : signatures)
        reports.append(verifyOne(doc.get(), signature, validator));
    t_xmlsecErrors.clear();
    return reports;
}

bool looksLikeXml(const QByteArray &data)
{
    QByteArrayView view(data);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    return view.trimmed().startsWith('<');
}

Result<QByteArray> jsonFormToXml(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return signingError(SigningError::InputUnreadable,
                            QStringLiteral("biểu mẫu không phải đối tượng JSON"));
    QByteArray out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("form"));
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        writer.writeStartElement(QStringLiteral("field"));
        writer.writeAttribute(QStringLiteral("name"), it.key());
        writeJsonValue(writer, it.value());
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    return out;
}

} // namespace motcua::signing
