#pragma once

// One dossier in full (issue 5 item 7): every field, the components with a preview of their files
// (images; PDFs with QtPdf), the processing trail as a timeline (who, when, where, status), the
// slips printed (form, when, who, copies), the workflow with the recorded step highlighted, and the
// actions this officer may make now, each a button with its shortcut.
#include <QDialog>

#include <domain/entities.h>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QTabWidget;
class QTreeWidget;
class QStackedWidget;
class QHBoxLayout;

namespace motcua::services {
class ReceiptPrinter;
class Workstation;
} // namespace motcua::services

namespace motcua::ui {

class ActionRunner;
class FilePreview;
class SigningSession;
class SignDialog;
class SignedPdfViewer;
struct SignTarget;
class WorkflowDiagram;

class DossierView : public QDialog
{
    Q_OBJECT
public:
    DossierView(services::Workstation &workstation, ActionRunner &runner, const QUuid &id,
                QWidget *parent = nullptr);

    void reload();
    // Offers "Print the receipt" (Ctrl+P) when the printer can make it; it opens the slip's
    // preview.
    void setReceiptPrinter(services::ReceiptPrinter *printer);
    // Offers signing the selected file (Ctrl+Shift+U), every component file (Ctrl+Alt+U) and the
    // signed-PDF viewer (Ctrl+Shift+V, or a double click on a PDF) with the officer's token.
    void setSigningSession(SigningSession *session);
    [[nodiscard]] QListWidget *fileList() const { return m_files; }
    // The signing dialog for the selected file, or every component file (batch); shown.
    SignDialog *signSelected();
    SignDialog *signAllComponents();
    // The viewer of the selected file (a PDF); shown. Null when it is not a PDF.
    SignedPdfViewer *viewSelected();
    [[nodiscard]] const domain::Dossier &dossier() const { return m_dossier; }
    [[nodiscard]] WorkflowDiagram *workflowDiagram() const { return m_diagram; }

private:
    void fillFields();
    void fillComponents();
    void fillTrail();
    void fillPrints();
    void fillActions();
    void fillDiagram();
    void previewFile(int row);
    SignDialog *openSignDialog(const QList<SignTarget> &targets);
    [[nodiscard]] QList<SignTarget> targetsOf(const QList<QListWidgetItem *> &items) const;

    services::Workstation &m_ws;
    ActionRunner &m_runner;
    QUuid m_id;
    domain::Dossier m_dossier;
    QLabel *m_header;
    QLabel *m_fields;
    QListWidget *m_files;
    FilePreview *m_preview;
    QTreeWidget *m_trail;
    QTreeWidget *m_prints;
    QTabWidget *m_tabs;
    QHBoxLayout *m_actionRow;
    WorkflowDiagram *m_diagram;
    services::ReceiptPrinter *m_printer = nullptr;
    SigningSession *m_signing = nullptr;
};

} // namespace motcua::ui
