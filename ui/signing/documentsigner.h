#pragma once

// Signing one document with the token's credentials, callable on a worker thread: a PDF becomes a
// PAdES PDF (incremental update, visible box with signer, time and reason), any other file gets a
// detached CMS signature (.p7s). Touches no cache and no widget.
#include <QByteArray>
#include <QString>

#include <domain/result.h>
#include <signing/token.h>

namespace motcua::ui {

struct DocumentToSign
{
    QByteArray content;
    QString fileName;
    QString mediaType;
    QString reason;
    QString location;
};

struct SignedDocument
{
    QByteArray bytes;
    QString fileName; // "giay-to-signed.pdf", "anh.jpg.p7s"
    QString mediaType;
    bool pades = false;
};

[[nodiscard]] bool isPdf(const QByteArray &content, const QString &mediaType);

domain::Result<SignedDocument> signDocument(const signing::SignerCredentials &signer,
                                            const DocumentToSign &document);

// The signer's common name and the certificate's serial number (hex), for the dossier's record.
QString signerNameOf(X509 *certificate);
QString serialOf(X509 *certificate);

} // namespace motcua::ui
