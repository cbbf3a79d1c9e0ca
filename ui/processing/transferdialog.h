#pragma once

// Pass the dossier on to another unit (R06.1, R15.10): the agency, optionally its department.
#include "actiondialog.h"

#include <domain/directory.h>

class QComboBox;
class QPlainTextEdit;

namespace motcua::ui::processing {

class TransferDialog : public ActionDialog
{
    Q_OBJECT
public:
    // `agencies`: those the dossier may go to (the officer's and the competent one first).
    TransferDialog(const QString &title, const QString &okText,
                   const QList<domain::Agency> &agencies, QWidget *parent = nullptr);

protected:
    [[nodiscard]] QList<services::FieldError> problems() const override;
    [[nodiscard]] QJsonObject buildPayload() const override;

private:
    void fillDepartments();

    QList<domain::Agency> m_agencies;
    QComboBox *m_agency;
    QComboBox *m_department;
    QPlainTextEdit *m_note;
};

} // namespace motcua::ui::processing
