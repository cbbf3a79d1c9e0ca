#pragma once

// Signing one or many documents (R10.6, R14.4, R16.3): the documents, the reason, whether to keep
// the signed file and its signature information with the dossier (R10.4); then the progress with a
// cancel, each document's outcome, a clear notice of success or failure, and saving the signed
// files (R11.5).
#include "signbatch.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace motcua::ui {

class SignDialog : public QDialog
{
    Q_OBJECT
public:
    SignDialog(services::Workstation &workstation, SigningSession &session,
               QList<SignTarget> targets, QWidget *parent = nullptr);

    [[nodiscard]] SignBatch *batch() const { return m_batch; }
    [[nodiscard]] QLineEdit *reasonEdit() const { return m_reason; }
    [[nodiscard]] QCheckBox *keepBox() const { return m_keep; }
    [[nodiscard]] QPushButton *signButton() const { return m_sign; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] QLabel *notice() const { return m_notice; }
    [[nodiscard]] QListWidget *list() const { return m_list; }
    // What the officer chose that is not in the list, and why (batch from a queue).
    void setLeftOut(const QStringList &reasons);
    [[nodiscard]] QLabel *leftOutLabel() const { return m_leftOut; }

    // Writes the signed files: one to `path`, several into the folder `path`; false with a
    // message box on failure.
    bool saveSigned(const QString &path);

    // Esc: stops a running batch (before its next document) instead of closing the dialog.
    void reject() override;

Q_SIGNALS:
    void signingFinished();

private:
    void startSigning();
    void showOutcome(int index);
    void showFinished(bool cancelled);
    void askWhereToSave();

    SignBatch *m_batch;
    QLineEdit *m_reason;
    QLineEdit *m_location;
    QCheckBox *m_keep;
    QListWidget *m_list;
    QProgressBar *m_progress;
    QLabel *m_notice;
    QLabel *m_leftOut;
    QPushButton *m_sign;
    QPushButton *m_cancel;
    QPushButton *m_save;
    QPushButton *m_close;
};

} // namespace motcua::ui
