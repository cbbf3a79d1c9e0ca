#pragma once

// A reason (or a note) and, for some actions, a second text: send back for rework (R16.1), refuse
// with directions (R16.4), stop at the applicant's request (R17), request a supplement with what
// to supplement (R15.8), submit for approval (R15.11), complete (R18.2).
#include "actiondialog.h"

class QPlainTextEdit;

namespace motcua::ui::processing {

class ReasonDialog : public ActionDialog
{
    Q_OBJECT
public:
    struct Spec
    {
        Spec(QString label, QString key, QString missing = {})
            : reasonLabel(std::move(label))
            , reasonKey(std::move(key))
            , reasonMissing(std::move(missing))
        {}
        QString reasonLabel;
        QString reasonKey = QStringLiteral("reason"); // payload key
        QString reasonMissing;                        // required when not empty
        QString contentLabel;                         // a second box when not empty
        QString contentMissing;
    };
    ReasonDialog(const QString &title, const QString &okText, Spec spec, QWidget *parent = nullptr);

protected:
    [[nodiscard]] QList<services::FieldError> problems() const override;
    [[nodiscard]] QJsonObject buildPayload() const override;

private:
    Spec m_spec;
    QPlainTextEdit *m_reason;
    QPlainTextEdit *m_content = nullptr;
};

} // namespace motcua::ui::processing
