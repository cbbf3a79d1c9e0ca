#include "pdfreceiptprinter.h"

#include <QDir>

#include <print/slipcontext.h>
#include <print/sliprenderer.h>

namespace motcua::services {

PdfReceiptPrinter::PdfReceiptPrinter(DirectorySource directory, domain::Officer officer,
                                     QString lookupBaseUrl, QString folder)
    : m_directory(std::move(directory))
    , m_officer(std::move(officer))
    , m_lookupBaseUrl(std::move(lookupBaseUrl))
    , m_folder(std::move(folder))
{}

QString PdfReceiptPrinter::receiptPath(const QString &dossierCode) const
{
    QString name = dossierCode;
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    return m_folder + QLatin1Char('/') + name + QStringLiteral("-receipt.pdf");
}

QString PdfReceiptPrinter::slipPath(const QString &kind, const QString &dossierCode) const
{
    QString name = dossierCode;
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    return m_folder + QLatin1Char('/') + name + QLatin1Char('-') + kind + QStringLiteral(".pdf");
}

domain::Check PdfReceiptPrinter::printReceipt(const domain::Dossier &dossier, int copies)
{
    return render(QStringLiteral("receipt"), dossier, receiptPath(dossier.code), copies);
}

domain::Check PdfReceiptPrinter::printSlip(const QString &kind, const domain::Dossier &dossier)
{
    return render(kind, dossier, slipPath(kind, dossier.code), 1);
}

domain::Check PdfReceiptPrinter::render(const QString &kind, const domain::Dossier &dossier,
                                        const QString &path, int copies)
{
    print::SlipContext context
        = print::contextFor(dossier, m_directory(), m_officer.id, m_lookupBaseUrl);
    if (!context.officer)
        context.officer = m_officer;
    const auto rendered = print::renderSlip(kind, m_templates.html(kind), {dossier}, context);
    if (!rendered)
        return rendered.error();
    if (!QDir().mkpath(m_folder)) {
        return domain::makeError(
            QStringLiteral("print.write_failed"),
            QStringLiteral("Không tạo được thư mục lưu phiếu %1.").arg(m_folder));
    }
    if (auto written = print::writePdf(rendered->pdf, path); !written)
        return written;
    if (m_sink)
        return m_sink(SlipJob{path, kind, dossier.id, dossier.code, copies});
    return {};
}

} // namespace motcua::services
