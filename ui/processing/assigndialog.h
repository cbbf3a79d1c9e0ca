#pragma once

// Assign or reassign (R14.1–R14.2): a head picks an appraiser of the handling agency — the
// dossier's department first — or takes the dossier over.
#include "actiondialog.h"

class QComboBox;
class QPlainTextEdit;

namespace motcua::ui::processing {

class AssignDialog : public ActionDialog
{
    Q_OBJECT
public:
    AssignDialog(const QString &title, const QString &okText, const domain::Dossier &dossier,
                 const QList<domain::Officer> &officers, QWidget *parent = nullptr);
    [[nodiscard]] QComboBox *handler() const { return m_handler; }

protected:
    [[nodiscard]] QList<services::FieldError> problems() const override;
    [[nodiscard]] QJsonObject buildPayload() const override;

private:
    QComboBox *m_handler;
    QPlainTextEdit *m_note;
};

} // namespace motcua::ui::processing
