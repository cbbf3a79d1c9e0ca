#pragma once

#include "cmssigner.h"

#include <QDateTime>
#include <QRectF>
#include <QString>

namespace motcua::signing {

struct PadesOptions
{
    QString reason;
    QString location;
    int page = 0;                // 0-based
    QRectF box{36, 36, 260, 64}; // visible signature, PDF points from the bottom left
    QString fontFile;            // TrueType with Vietnamese glyphs; empty: defaultFontFile()
    SignOptions sign;
};

// DejaVu Serif from fonts-dejavu-core (MOTCUA_SIGNATURE_FONT overrides it).
QString defaultSignatureFontFile();

// Signs the PDF `inPath` into `outPath` as an incremental update (earlier signatures stay
// valid): a signature field with a visible box (signer, time, reason in Vietnamese, font
// embedded) and a detached CMS over the byte ranges. PoDoFo's exceptions stop here.
Check signPdf(const SignerCredentials &signer, const QString &inPath, const QString &outPath,
              const PadesOptions &options = {});

} // namespace motcua::signing
