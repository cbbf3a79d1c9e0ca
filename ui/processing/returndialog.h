#pragma once

// Return of the result (R18.4–R18.6): who receives it (the applicant, a proxy or an authorised
// recipient), the fee receipt, and whether the originals were shown — without them the result is
// recorded "not yet returned".
#include "actiondialog.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace motcua::ui::processing {

class ReturnDialog : public ActionDialog
{
    Q_OBJECT
public:
    // `fees`: the procedure's fees (a receipt number is required when there are any).
    ReturnDialog(const QString &title, const QString &okText, const domain::Dossier &dossier,
                 qint64 feesVnd, QWidget *parent = nullptr);

protected:
    [[nodiscard]] QList<services::FieldError> problems() const override;
    [[nodiscard]] QJsonObject buildPayload() const override;

private:
    qint64 m_fees;
    QLineEdit *m_recipient;
    QComboBox *m_relation;
    QLineEdit *m_receipt;
    QCheckBox *m_originals;
    QPlainTextEdit *m_note;
};

} // namespace motcua::ui::processing
