#include "padesverifier.h"

#include "cmsverifier.h"

#include <podofo/podofo.h>

#include <algorithm>

namespace motcua::signing {
namespace {

struct Found
{
    qint64 range[4] = {};
    QByteArray contents;
    QString reason;
};

// Signature dictionaries: /ByteRange [4 integers] and a /Contents string.
QList<Found> findSignatures(const QByteArray &pdf)
{
    using namespace PoDoFo;
    PdfMemDocument document;
    document.LoadFromBuffer(pdf.constData(), pdf.size());
    QList<Found> found;
    for (PdfObject *object : document.GetObjects()) {
        if (!object || !object->IsDictionary())
            continue;
        const PdfDictionary &dict = object->GetDictionary();
        const PdfObject *range = dict.GetKey(PdfName("ByteRange"));
        const PdfObject *contents = dict.GetKey(PdfName("Contents"));
        if (!range || !contents || !range->IsArray()
            || !(contents->IsString() || contents->IsHexString()) || range->GetArray().size() != 4)
            continue;
        Found signature;
        for (int i = 0; i < 4; ++i) {
            const PdfObject &value = range->GetArray()[static_cast<size_t>(i)];
            signature.range[i] = value.IsNumber() ? value.GetNumber() : -1;
        }
        const PdfString &bytes = contents->GetString();
        signature.contents
            = QByteArray(bytes.GetString(), static_cast<qsizetype>(bytes.GetLength()));
        if (const PdfObject *reason = dict.GetKey(PdfName("Reason")); reason && reason->IsString())
            signature.reason = QString::fromUtf8(reason->GetString().GetStringUtf8().c_str());
        found.append(signature);
    }
    return found;
}

} // namespace

Result<QList<SignatureReport>> verifyPdf(const QByteArray &pdf,
                                         const CertificateValidator &validator)
{
    if (!pdf.startsWith("%PDF"))
        return signingError(SigningError::BadSignatureData, QStringLiteral("not a PDF"));
    QList<Found> found;
    try {
        PoDoFo::PdfError::EnableLogging(false);
        found = findSignatures(pdf);
    } catch (const PoDoFo::PdfError &error) {
        return signingError(SigningError::BadSignatureData,
                            QString::fromUtf8(PoDoFo::PdfError::ErrorMessage(error.GetError())));
    }
    if (found.isEmpty())
        return signingError(SigningError::BadSignatureData, QStringLiteral("no signature"));
    std::sort(found.begin(), found.end(), [](const Found &a, const Found &b) {
        return a.range[2] + a.range[3] < b.range[2] + b.range[3];
    });
    QList<SignatureReport> reports;
    const qint64 size = pdf.size();
    for (const auto &signature : found) {
        const qint64 *r = signature.range;
        SignatureReport report;
        const bool sane = r[0] == 0 && r[1] > 0 && r[2] > r[1] && r[3] >= 0 && r[2] + r[3] <= size;
        if (!sane) {
            report.detail = QStringLiteral("byte range outside the file");
            reports.append(report);
            continue;
        }
        const QList<QByteArrayView> parts{QByteArrayView(pdf.constData(), r[1]),
                                          QByteArrayView(pdf.constData() + r[2], r[3])};
        auto cms = verifyDetachedCms(signature.contents, parts, validator);
        if (cms) {
            report = cms.value().constFirst();
        } else {
            report.detail = cms.error().message;
        }
        report.reason = signature.reason;
        report.coversWholeDocument = r[2] + r[3] == size;
        reports.append(report);
    }
    return reports;
}

bool pdfIsIntact(const QList<SignatureReport> &reports)
{
    if (reports.isEmpty() || !reports.constLast().coversWholeDocument)
        return false;
    return std::all_of(reports.begin(), reports.end(),
                       [](const SignatureReport &report) { return report.ok(); });
}

} // namespace motcua::signing
