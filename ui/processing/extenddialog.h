#pragma once

// Extension of the processing time (R15.5): working days and the reason; the new due date is
// shown as the officer types. The extension request slip is printed after the action is saved.
#include "actiondialog.h"

#include <domain/workcalendar.h>

class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace motcua::ui::processing {

class ExtendDialog : public ActionDialog
{
    Q_OBJECT
public:
    ExtendDialog(const QString &title, const QString &okText, const domain::Dossier &dossier,
                 const domain::WorkCalendar &calendar, QWidget *parent = nullptr);

protected:
    [[nodiscard]] QList<services::FieldError> problems() const override;
    [[nodiscard]] QJsonObject buildPayload() const override;

private:
    qint64 minutes() const;

    domain::Dossier m_dossier;
    const domain::WorkCalendar &m_calendar;
    QSpinBox *m_days;
    QLabel *m_newDue;
    QPlainTextEdit *m_reason;
};

} // namespace motcua::ui::processing
