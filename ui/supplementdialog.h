#pragma once

// Receiving a supplement at the counter (R12.2d, R15.8): the request is shown as it was made
// (reason, what to supplement and the guidance), the officer ticks each component that arrived
// and attaches its files (Ctrl+O) or scans it (F7; signed with the token when one is configured,
// R05.1c), may take back what was just added (Delete), adds a note, and records it. Nothing is
// stored before "Nhận hồ sơ bổ sung"; then everything in one cache transaction
// (services::DossierActions::recordSupplement).
#include "scan/scandialog.h"

#include <QDialog>
#include <QMap>

#include <domain/directory.h>
#include <domain/entities.h>
#include <services/intakedraft.h>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace motcua::ui {

class SigningSession;

class SupplementDialog : public QDialog
{
    Q_OBJECT
public:
    SupplementDialog(const domain::Dossier &dossier, const domain::Directory &directory,
                     ScanSetup scanSetup, SigningSession *signing, QWidget *parent = nullptr);

    // What arrived, by document type code: the ticked components with the files added to them.
    [[nodiscard]] QMap<QString, services::ComponentEntry> arrived() const;
    [[nodiscard]] QString note() const;
    // Reading files or signing scans: the dialog cannot be accepted until they are done.
    [[nodiscard]] bool isBusy() const { return m_busy > 0; }
    // The document type code of the selected row (the first row when none is selected).
    [[nodiscard]] QString currentCode() const;
    void selectComponent(const QString &code);

    // Reads `paths` off the GUI thread and adds them to the component (Ctrl+O picks them).
    void attachFiles(const QString &code, const QStringList &paths);
    // Adds scanned documents (signed first when a token is configured), the first to `code`,
    // the further ones where their separator sheets say (F7 opens the scan dialog).
    void attachScan(const QString &code, const ScanOutcome &outcome);
    void openScanDialog();
    // Takes back the files added to the selected component in this dialog (Delete).
    void removeAdded();

    void accept() override;

Q_SIGNALS:
    void attached(const QString &code);
    void message(const QString &text);

private:
    void chooseFiles();
    void addFiles(const QString &code, const QList<services::AttachedFile> &files,
                  const QList<services::ProposedValue> &confirmed = {});
    void updateRow(int row);
    void showMessage(const QString &text, bool problem = false);
    [[nodiscard]] int rowOf(const QString &code) const;

    struct Row
    {
        QString code;
        QString name;
        std::optional<domain::Component> held; // the dossier has it already
        services::ComponentEntry entry;        // what arrives now
    };
    domain::Dossier m_dossier;
    QList<domain::RequiredComponent> m_required;
    QList<Row> m_rows;
    ScanSetup m_scanSetup;
    SigningSession *m_signing;
    int m_busy = 0;
    QTableWidget *m_table;
    QPlainTextEdit *m_note;
    QLabel *m_message;
};

} // namespace motcua::ui
