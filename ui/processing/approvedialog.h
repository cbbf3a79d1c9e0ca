#pragma once

// A sign-off on the draft result (R16.1–R16.2): the final approval, or a sign-off that passes the
// dossier on to the next signer (dossiers signed several times).
#include "actiondialog.h"

class QCheckBox;
class QPlainTextEdit;

namespace motcua::ui::processing {

class ApproveDialog : public ActionDialog
{
    Q_OBJECT
public:
    ApproveDialog(const QString &title, const QString &okText, const domain::Dossier &dossier,
                  QWidget *parent = nullptr);

protected:
    [[nodiscard]] QList<services::FieldError> problems() const override { return {}; }
    [[nodiscard]] QJsonObject buildPayload() const override;

private:
    QCheckBox *m_final;
    QPlainTextEdit *m_note;
};

} // namespace motcua::ui::processing
