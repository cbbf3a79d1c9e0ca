#pragma once

// An official slip before it goes to paper (R19): the PDF that core/print wrote, shown page by page
// as it will print, with Print (Ctrl+P: the printer dialog, then every page at the printer's
// resolution) and Save as PDF (Ctrl+S). Opened after intake for the receipt, and from the dossier
// view to print it again later.
#include <QDialog>

#include <domain/result.h>

#include <functional>

class QPdfDocument;
class QPrinter;

namespace motcua::services {
class DossierActions;
struct SlipJob;
} // namespace motcua::services

namespace motcua::ui {

class SlipPreview : public QDialog
{
    Q_OBJECT
public:
    SlipPreview(const QString &pdfPath, const QString &title, QWidget *parent = nullptr);

    [[nodiscard]] bool isLoaded() const;
    [[nodiscard]] int pageCount() const;
    [[nodiscard]] QString pdfPath() const { return m_path; }

    // Every page onto `printer` (already set up: by the dialog, or to a file in tests).
    domain::Check printTo(QPrinter &printer);
    // A copy of the PDF at `path` (replaced if it exists).
    domain::Check exportTo(const QString &path);
    // Called once the slip is printed (with the printer's copy count) or saved as PDF (with 1):
    // it records the print on the dossier. Its error is returned by printTo()/exportTo(), the
    // paper or the file being there all the same.
    void setRecorder(std::function<domain::Check(int times)> recorder)
    {
        m_recorder = std::move(recorder);
    }

private:
    void print();
    void saveAs();

    domain::Check record(int times);

    QString m_path;
    QPdfDocument *m_pdf;
    std::function<domain::Check(int)> m_recorder;
};

// The preview of a slip written for a dossier (the PdfReceiptPrinter's sink), opened non-modal and
// deleted on close; printing or saving it records the print on the dossier with `actions` (issue 5
// item 8: every print recorded, offline too). Null `actions`: nothing is recorded.
SlipPreview *previewSlip(const services::SlipJob &job, services::DossierActions *actions,
                         QWidget *parent);

} // namespace motcua::ui
