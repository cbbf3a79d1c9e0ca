#pragma once

// An official slip before it goes to paper (R19): the PDF that core/print wrote, shown page by page
// as it will print, with Print (Ctrl+P: the printer dialog, then every page at the printer's
// resolution) and Save as PDF (Ctrl+S). Opened after intake for the receipt, and from the dossier
// view to print it again later.
#include <QDialog>

#include <domain/result.h>

class QPdfDocument;
class QPrinter;

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

private:
    void print();
    void saveAs();

    QString m_path;
    QPdfDocument *m_pdf;
};

} // namespace motcua::ui
