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
#include <QUuid>

#include <domain/directory.h>
#include <print/sliptemplates.h>

#include <functional>

namespace motcua::services {

// A slip written for a dossier, on its way to the printer: the sink shows it, and once the officer
// has printed or saved it, records the print on the dossier (DossierActions::recordPrint).
struct SlipJob
{
    QString pdfPath;
    QString kind; // a domain::slipKinds() key: "receipt", "extension-request"…
    QUuid dossierId;
    QString dossierCode;
    int copies = 1; // copies of the form in the PDF: the receipt's two "liên"
};

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
    // Called with every slip written (the UI previews and prints it); may be empty.
    void setSink(std::function<domain::Check(const SlipJob &job)> sink)
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
    std::function<domain::Check(const SlipJob &)> m_sink;
};

} // namespace motcua::services
