#include "pades.h"

#include "opensslutil.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <podofo/podofo.h>

namespace motcua::signing {
namespace {

Q_LOGGING_CATEGORY(lcPades, "motcua.signing.pades")

constexpr size_t kSignatureSize = 16384; // bytes reserved for the CMS in /Contents

PoDoFo::PdfString utf8(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8 *>(bytes.constData()));
}

void drawAppearance(PoDoFo::PdfMemDocument &document, PoDoFo::PdfXObject &box,
                    const QStringList &lines, const QString &fontFile, double width, double height)
{
    using namespace PoDoFo;
    // A subset: only the glyphs drawn are embedded (the whole font is ~380 KB).
    PdfFont *font = document.CreateFontSubset("DejaVu Serif", false, false, false,
                                              PdfEncodingFactory::GlobalIdentityEncodingInstance(),
                                              QFile::encodeName(fontFile).constData());
    if (!font)
        PODOFO_RAISE_ERROR_INFO(ePdfError_InvalidHandle, "font");
    PdfPainter painter;
    painter.SetPage(&box);
    painter.SetStrokingColor(0.1, 0.3, 0.7);
    painter.SetStrokeWidth(1.0);
    painter.Rectangle(0.5, 0.5, width - 1.0, height - 1.0);
    painter.Stroke();
    font->SetFontSize(8.0);
    painter.SetFont(font);
    painter.SetColor(0.0, 0.0, 0.0);
    double y = height - 12.0;
    for (const auto &line : lines) {
        painter.DrawText(4.0, y, utf8(line));
        y -= 11.0;
    }
    painter.FinishPage();
}

} // namespace

QString defaultSignatureFontFile()
{
    const QString fromEnv = qEnvironmentVariable("MOTCUA_SIGNATURE_FONT");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
                             : fromEnv;
}

Check signPdf(const SignerCredentials &signer, const QString &inPath, const QString &outPath,
              const PadesOptions &options)
{
    using namespace PoDoFo;
    if (!signer.certificate)
        return signingError(SigningError::KeyNotFound);
    const QString fontFile
        = options.fontFile.isEmpty() ? defaultSignatureFontFile() : options.fontFile;
    if (!QFileInfo(fontFile).isFile())
        return signingError(SigningError::SigningFailed, QStringLiteral("font ") + fontFile);
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
    const QString partial = outPath + QStringLiteral(".part");
    try {
        PdfMemDocument document;
        document.Load(QFile::encodeName(inPath).constData(), true);
        if (options.page < 0 || options.page >= document.GetPageCount())
            return signingError(SigningError::InputUnreadable, QStringLiteral("page"));
        PdfPage *page = document.GetPage(options.page);
        PdfAcroForm *form = document.GetAcroForm(true, ePdfAcroFormDefaultAppearance_None);
        form->GetObject()->GetDictionary().AddKey(PdfName("SigFlags"),
                                                  PdfObject(static_cast<pdf_int64>(3)));
        form->SetNeedAppearances(false);

        const QRectF &r = options.box;
        PdfSignatureField field(page, PdfRect(r.x(), r.y(), r.width(), r.height()), &document);
        field.SetFieldName(
            utf8(QStringLiteral("MotCuaSignature%1").arg(QDateTime::currentMSecsSinceEpoch())));
        field.GetWidgetAnnotation()->SetFlags(ePdfAnnotationFlags_Print);
        const QDateTime now = QDateTime::currentDateTime();
        const QString signerName = ossl::commonNameOf(signer.certificate.get());
        QStringList lines{QStringLiteral("Ký bởi: ") + signerName,
                          QStringLiteral("Thời gian: ")
                              + now.toString(QStringLiteral("dd/MM/yyyy HH:mm:ss t"))};
        if (!options.reason.isEmpty())
            lines << QStringLiteral("Lý do: ") + options.reason;
        if (!options.location.isEmpty())
            lines << QStringLiteral("Nơi ký: ") + options.location;
        PdfXObject box(PdfRect(0, 0, r.width(), r.height()), &document);
        drawAppearance(document, box, lines, fontFile, r.width(), r.height());
        field.SetAppearanceStream(&box);
        if (!options.reason.isEmpty())
            field.SetSignatureReason(utf8(options.reason));
        if (!options.location.isEmpty())
            field.SetSignatureLocation(utf8(options.location));
        field.SetSignatureCreator(PdfName("MotCua"));
        field.SetSignatureDate(PdfDate(static_cast<time_t>(now.toSecsSinceEpoch())));

        PdfOutputDevice output(QFile::encodeName(partial).constData(), true);
        PdfSignOutputDevice device(&output);
        device.SetSignatureSize(kSignatureSize);
        field.SetSignature(*device.GetSignatureBeacon());
        document.WriteUpdate(&device, true);
        if (!device.HasSignaturePosition())
            return signingError(SigningError::SigningFailed, QStringLiteral("no /Contents"));
        device.AdjustByteRange();
        device.Seek(0);
        QByteArray covered;
        QByteArray buffer(65536, '\0');
        for (size_t n; (n = device.ReadForSignature(buffer.data(), buffer.size())) > 0;)
            covered.append(buffer.constData(), static_cast<qsizetype>(n));
        auto cms = signDetachedCms(signer, covered, options.sign);
        if (!cms) {
            QFile::remove(partial);
            return cms.error();
        }
        if (static_cast<size_t>(cms.value().size()) > kSignatureSize) {
            QFile::remove(partial);
            return signingError(SigningError::SigningFailed, QStringLiteral("signature too big"));
        }
        device.SetSignature(PdfData(cms.value().constData(), cms.value().size()));
        device.Flush();
    } catch (const PdfError &error) {
        QFile::remove(partial);
        qCWarning(lcPades) << "PoDoFo:" << PdfError::ErrorMessage(error.GetError());
        return signingError(SigningError::SigningFailed,
                            QString::fromUtf8(PdfError::ErrorMessage(error.GetError())));
    }
    QFile::remove(outPath);
    if (!QFile::rename(partial, outPath)) {
        QFile::remove(partial);
        return signingError(SigningError::OutputUnwritable, outPath);
    }
    return {};
}

} // namespace motcua::signing
