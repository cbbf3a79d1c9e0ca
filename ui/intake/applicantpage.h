#pragma once

// Step 2 of the intake: who submits (R12.1a, d). Typed, scanned by a keyboard-wedge reader into
// any field (see WedgeScanner), or read from a photo/scan of the CCCD (zxing-cpp, off the GUI
// thread). Every problem is shown at its field.
#include "../fielderrors.h"

#include <QWizardPage>

#include <domain/cccd.h>
#include <services/intakedraft.h>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace motcua::ui {

class IntakeWizard;

class ApplicantPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ApplicantPage(IntakeWizard *wizard);

    void initializePage() override;
    bool validatePage() override;
    void loadFromDraft();
    void storeToDraft();
    void showErrors(const QList<services::FieldError> &errors);
    // Reads the QR of a CCCD photo/scan off the GUI thread; cardRead() or an error at the field.
    void readCardImage(const QString &path);
    [[nodiscard]] const FieldErrors &errors() const { return m_errors; }
    // Where typing starts: the personal ID (citizen) or the tax code (organisation).
    [[nodiscard]] QWidget *firstInput() const;

Q_SIGNALS:
    void cardRead(const motcua::domain::CccdCard &card);

private:
    QLineEdit *addLine(QFormLayout *form, const QString &field, const QString &label,
                       const QString &objectName);
    void typeChanged();
    QList<services::FieldError> formatErrors() const;

    IntakeWizard *m_wizard;
    FieldErrors m_errors;
    QComboBox *m_type;
    QLineEdit *m_personalId = nullptr;
    QLineEdit *m_fullName = nullptr;
    QLineEdit *m_birthDate = nullptr;
    QComboBox *m_gender;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_taxCode = nullptr;
    QLineEdit *m_organisation = nullptr;
    QPushButton *m_readPhoto;
    QList<QWidget *> m_personRows;
    QList<QWidget *> m_organisationRows;
};

} // namespace motcua::ui
