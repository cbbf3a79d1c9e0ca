#pragma once

// A consultation request (R15.9a): whom, the content, the deadline for the answer and how to
// reply.
#include "actiondialog.h"

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace motcua::ui::processing {

class ConsultDialog : public ActionDialog
{
    Q_OBJECT
public:
    // `today`: the first day the deadline may be (Vietnam time).
    ConsultDialog(const QString &title, const QString &okText, const QDate &today,
                  QWidget *parent = nullptr);

protected:
    [[nodiscard]] QList<services::FieldError> problems() const override;
    [[nodiscard]] QJsonObject buildPayload() const override;

private:
    QDate m_today;
    QString m_id;
    QLineEdit *m_agency;
    QPlainTextEdit *m_content;
    QDateEdit *m_deadline;
    QComboBox *m_reply;
};

} // namespace motcua::ui::processing
