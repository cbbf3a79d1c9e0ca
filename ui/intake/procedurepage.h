#pragma once

// Step 1 of the intake: find the procedure by name, code or field (without diacritics) and see
// what it requires (R12.1c): components with originals/copies, deadline, fees.
#include <QWizardPage>

#include <services/intakedraft.h>

class QLabel;
class QLineEdit;
class QListView;
class QStandardItemModel;
class QTextBrowser;

namespace motcua::ui {

class IntakeWizard;

class ProcedurePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ProcedurePage(IntakeWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    void reset();
    void showErrors(const QList<services::FieldError> &errors);

private:
    void refill();
    void selectionChanged();
    [[nodiscard]] QString describe(const domain::Procedure &procedure) const;

    IntakeWizard *m_wizard;
    QLineEdit *m_search;
    QListView *m_list;
    QStandardItemModel *m_model;
    QTextBrowser *m_details;
    QLabel *m_error;
};

} // namespace motcua::ui
