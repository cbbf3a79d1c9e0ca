#pragma once

// Step 4 of the intake: everything at a glance, the due date from the work calendar and the code
// source (the leased block) shown BEFORE saving; Save (Ctrl+S).
#include <QWizardPage>

class QLabel;

namespace motcua::ui {

class IntakeWizard;

class ReviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(IntakeWizard *wizard);

    void initializePage() override;
    void showSaveError(const QString &message);
    // Ctrl+S before the last page: say what is still missing.
    void showMissingBeforeSave();

private:
    IntakeWizard *m_wizard;
    QLabel *m_summary;
    QLabel *m_due;
    QLabel *m_codes;
    QLabel *m_error;
};

} // namespace motcua::ui
