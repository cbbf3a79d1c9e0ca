#pragma once

// The workstation's receipt printer: renders the receipt-and-appointment slip (two copies,
// "Liên 1: Lưu" / "Liên 2: Giao người nộp") with core/print from the agency's template in force,
// and keeps the PDF in the profile's slips folder so it can be printed, reprinted later or sent
// on; a sink (set by the UI) hands each new PDF to the printer dialog.
//
// It lives in services, not core/print: it implements the services seam, and core/print must not
// include a header of a library above it.
#include "receiptprinter.h"

#include <QString>

#include <domain/directory.h>
#include <print/sliptemplates.h>

#include <functional>

namespace motcua::services {

class PdfReceiptPrinter final : public ReceiptPrinter
{
public:
    // `directory` answers the workstation's catalogue at the time of printing (it is replaced
    // when catalogues are reloaded, so it is asked each time, never kept);
    // `lookupBaseUrl`: the server's public address for the QR code; `folder`: where PDFs are kept.
    using DirectorySource = std::function<const domain::Directory &()>;
    PdfReceiptPrinter(DirectorySource directory, domain::Officer officer, QString lookupBaseUrl,
                      QString folder);

    // The templates in force (an agency's own, from the server); the national defaults until set.
    void setTemplates(print::SlipTemplates templates) { m_templates = std::move(templates); }
    // Called with the path of every receipt written (the UI prints it); may be empty.
    void setSink(std::function<domain::Check(const QString &pdfPath, int copies)> sink)
    {
        m_sink = std::move(sink);
    }

    [[nodiscard]] bool isAvailable() const override { return true; }
    domain::Check printReceipt(const domain::Dossier &dossier, int copies = 2) override;
    domain::Check printSlip(const QString &kind, const domain::Dossier &dossier) override;
    // Where slip `kind` of `dossierCode` is kept.
    [[nodiscard]] QString slipPath(const QString &kind, const QString &dossierCode) const;

    // Where the receipt of `dossierCode` is kept (it may not exist yet).
    [[nodiscard]] QString receiptPath(const QString &dossierCode) const;

private:
    domain::Check render(const QString &kind, const domain::Dossier &dossier, const QString &path,
                         int copies);

    DirectorySource m_directory;
    domain::Officer m_officer;
    QString m_lookupBaseUrl;
    QString m_folder;
    print::SlipTemplates m_templates = print::SlipTemplates::builtIn();
    std::function<domain::Check(const QString &, int)> m_sink;
};

} // namespace motcua::services
