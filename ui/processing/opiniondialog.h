#pragma once

// Records the answer to a consultation (R15.9b): which request, and the answer received.
#include "actiondialog.h"

class QComboBox;
class QPlainTextEdit;

namespace motcua::ui::processing {

class OpinionDialog : public ActionDialog
{
    Q_OBJECT
public:
    OpinionDialog(const QString &title, const QString &okText, const domain::Dossier &dossier,
                  QWidget *parent = nullptr);

protected:
    [[nodiscard]] QList<services::FieldError> problems() const override;
    [[nodiscard]] QJsonObject buildPayload() const override;

private:
    QComboBox *m_consultation;
    QPlainTextEdit *m_answer;
};

} // namespace motcua::ui::processing
