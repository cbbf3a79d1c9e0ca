#include "documentsigner.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <openssl/bn.h>
#include <openssl/x509.h>
#include <signing/cmssigner.h>
#include <signing/pades.h>
#include <signing/signingerror.h>

namespace motcua::ui {

bool isPdf(const QByteArray &content, const QString &mediaType)
{
    return mediaType == QLatin1String("application/pdf") || content.startsWith("%PDF-");
}

domain::Result<SignedDocument> signDocument(const signing::SignerCredentials &signer,
                                            const DocumentToSign &document)
{
    using signing::SigningError;
    if (document.content.isEmpty())
        return signing::signingError(SigningError::InputUnreadable, document.fileName);
    SignedDocument out;
    if (!isPdf(document.content, document.mediaType)) {
        auto cms = signing::signDetachedCms(signer, document.content);
        if (!cms)
            return cms.error();
        out.bytes = std::move(cms).value();
        out.fileName = document.fileName + QStringLiteral(".p7s");
        out.mediaType = QStringLiteral("application/pkcs7-signature");
        return out;
    }
    // PoDoFo works on files: a private folder that goes away with the signing.
    QTemporaryDir dir;
    if (!dir.isValid())
        return signing::signingError(SigningError::OutputUnwritable, dir.errorString());
    const QString in = dir.filePath(QStringLiteral("in.pdf"));
    const QString signedPath = dir.filePath(QStringLiteral("signed.pdf"));
    QFile input(in);
    if (!input.open(QIODevice::WriteOnly)
        || input.write(document.content) != document.content.size())
        return signing::signingError(SigningError::OutputUnwritable, input.errorString());
    input.close();
    signing::PadesOptions options;
    options.reason = document.reason;
    options.location = document.location;
    if (auto st = signing::signPdf(signer, in, signedPath, options); !st)
        return st.error();
    QFile result(signedPath);
    if (!result.open(QIODevice::ReadOnly))
        return signing::signingError(SigningError::OutputUnwritable, result.errorString());
    out.bytes = result.readAll();
    const QFileInfo info(document.fileName);
    const QString base
        = info.completeBaseName().isEmpty() ? QStringLiteral("document") : info.completeBaseName();
    out.fileName = base + QStringLiteral("-signed.pdf");
    out.mediaType = QStringLiteral("application/pdf");
    out.pades = true;
    return out;
}

QString signerNameOf(X509 *certificate)
{
    if (!certificate)
        return {};
    X509_NAME *name = X509_get_subject_name(certificate);
    const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (index < 0)
        return {};
    unsigned char *utf8 = nullptr;
    const int length
        = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
    if (length < 0)
        return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

QString serialOf(X509 *certificate)
{
    if (!certificate)
        return {};
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    if (!bn)
        return {};
    char *hex = BN_bn2hex(bn);
    const QString text = QString::fromLatin1(hex).toLower();
    OPENSSL_free(hex);
    BN_free(bn);
    return text.left(100);
}

} // namespace motcua::ui
