#pragma once

// Messages at the field (R12.1d): each input has a small red label under it and a red frame
// while its value is wrong. Fields are named as services::FieldError names them.
#include <QHash>
#include <QPointer>
#include <QString>

#include <services/intakedraft.h>

class QLabel;
class QWidget;

namespace motcua::ui {

class FieldErrors
{
public:
    // Registers `input` under `field`; the message label is made and returned (lay it out below
    // the input).
    QLabel *add(const QString &field, QWidget *input);
    // Shows `errors` (of the registered fields; the others are returned) and clears the rest.
    // Focuses the first input at fault.
    QList<services::FieldError> show(const QList<services::FieldError> &errors);
    void clear();
    [[nodiscard]] QString message(const QString &field) const;
    [[nodiscard]] QWidget *input(const QString &field) const;

private:
    struct Entry
    {
        QPointer<QWidget> input;
        QPointer<QLabel> label;
    };
    QHash<QString, Entry> m_fields;
    QStringList m_order;
};

} // namespace motcua::ui
