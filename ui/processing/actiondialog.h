#pragma once

// The small form behind each processing action (issue 6): the fields of the action's payload, a
// message under each field when its value is wrong (Vietnamese), and OK labelled with the action.
// OK checks the fields, then submits the payload; when the domain engine refuses it, its message
// is shown at the field it names (or above the buttons) and the form stays open, nothing stored.
#include "fielderrors.h"

#include <QDialog>
#include <QJsonObject>

#include <domain/entities.h>
#include <domain/result.h>

#include <functional>

class QFormLayout;
class QLabel;
class QPushButton;

namespace motcua::ui::processing {

class ActionDialog : public QDialog
{
    Q_OBJECT
public:
    using Submit = std::function<domain::Result<domain::Dossier>(const QJsonObject &payload)>;

    ActionDialog(const QString &title, const QString &okText, QWidget *parent = nullptr);

    void setSubmit(Submit submit) { m_submit = std::move(submit); }
    [[nodiscard]] QJsonObject payload() const { return buildPayload(); }
    [[nodiscard]] const std::optional<domain::Dossier> &result() const { return m_result; }
    // The message shown under `field` (tests; empty when none), and the general message.
    [[nodiscard]] QString fieldError(const QString &field) const { return m_errors.message(field); }
    [[nodiscard]] QString generalError() const;
    [[nodiscard]] QPushButton *okButton() const { return m_ok; }

    void accept() override;

protected:
    // Adds a labelled input with its message label beneath; `field` as the engine names it
    // ("payload.reason").
    void addField(const QString &label, QWidget *input, const QString &field);
    void addWidget(QWidget *widget);
    // The problems the form sees itself (required fields, ranges); the engine judges the rest.
    [[nodiscard]] virtual QList<services::FieldError> problems() const = 0;
    [[nodiscard]] virtual QJsonObject buildPayload() const = 0;

    static services::FieldError required(const QString &field, const QString &message)
    {
        return {field, message};
    }

private:
    QFormLayout *m_form;
    FieldErrors m_errors;
    QLabel *m_general;
    QPushButton *m_ok;
    Submit m_submit;
    std::optional<domain::Dossier> m_result;
};

// Trimmed text of a QLineEdit / QPlainTextEdit.
QString textOf(const QWidget *input);

} // namespace motcua::ui::processing
