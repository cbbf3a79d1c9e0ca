#pragma once

// Step 3 of the intake: tick each component received, original or copy, how many, enter its
// electronic data (F4, the form its document type gives, R05.1b), attach files (file import) or
// scan them (ScanDialog, F7), and the channel (R12.3b).
#include "../fielderrors.h"
#include "../scan/scandialog.h"

#include <QWizardPage>

#include <services/intakedraft.h>

class QComboBox;
class QLabel;
class QTableWidget;

namespace motcua::ui {

class SigningSession;

class IntakeWizard;

class ComponentsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ComponentsPage(IntakeWizard *wizard);

    void initializePage() override;
    bool validatePage() override;
    // Rebuilds the table from the chosen procedure and the draft.
    void rebuild();
    void storeToDraft();
    void showErrors(const QList<services::FieldError> &errors);
    // Attaches files to the component of `documentTypeCode` (read off the GUI thread).
    void attachFiles(const QString &documentTypeCode, const QStringList &paths);
    // Opens the scan dialog for the selected component (F7); what it produces is attached by
    // attachScan().
    void openScanDialog();
    // Attaches scanned documents: the first to `documentTypeCode`, each further one (split off by
    // a separator sheet) to the component its sheet names, else to the next component in order.
    // With a signing token configured (R05.1c, issue 8 item 5) the scanned PDFs are first signed
    // with the officer's token (PIN once per session) on a worker thread; should that fail, they
    // are attached unsigned and the officer is told why.
    void attachScan(const QString &documentTypeCode, const ScanDialog::Outcome &outcome);
    void setSigningSession(SigningSession *session) { m_signing = session; }
    // Where scan sessions and the OCR cache live, and the scanner driver (tests).
    void setScanSetup(ScanSetup setup) { m_scanSetup = std::move(setup); }
    // Opens the data form of the selected component (F4, or a double click in its Data cell):
    // its document type's form (R05.1b); OK stores the values in the draft and ticks it.
    void openDataForm();
    // Ticks every component (the officer checked a complete dossier): Ctrl+A on the table.
    void tickAll();
    [[nodiscard]] const FieldErrors &errors() const { return m_errors; }
    [[nodiscard]] bool isReading() const { return m_reading > 0; }

Q_SIGNALS:
    void filesAttached(const QString &documentTypeCode);
    void scanAttached(const QStringList &documentTypeCodes);
    void dataEntered(const QString &documentTypeCode);

private:
    void attachScanned(const QString &documentTypeCode, const ScanDialog::Outcome &outcome);
    void fillChannels();
    void updateFilesCell(int row);
    void updateDataCell(int row);
    [[nodiscard]] domain::DocumentType typeOfRow(int row) const;
    [[nodiscard]] QString codeOfRow(int row) const;

    IntakeWizard *m_wizard;
    FieldErrors m_errors;
    QTableWidget *m_table;
    QComboBox *m_channel;
    QLabel *m_componentsError;
    int m_reading = 0;
    ScanSetup m_scanSetup;
    SigningSession *m_signing = nullptr;
};

} // namespace motcua::ui
