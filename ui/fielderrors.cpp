#include "fielderrors.h"

#include <QLabel>
#include <QStyle>
#include <QWidget>

namespace motcua::ui {

QLabel *FieldErrors::add(const QString &field, QWidget *input)
{
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("error_")
                         + QString(field).replace(QLatin1Char('.'), QLatin1Char('_')));
    label->setProperty("fieldError", true);
    label->setWordWrap(true);
    label->setVisible(false);
    m_fields.insert(field, {input, label});
    m_order.append(field);
    return label;
}

static void setInvalid(QWidget *w, bool invalid)
{
    if (!w || w->property("invalid").toBool() == invalid)
        return;
    w->setProperty("invalid", invalid);
    w->style()->unpolish(w);
    w->style()->polish(w);
}

QList<services::FieldError> FieldErrors::show(const QList<services::FieldError> &errors)
{
    clear();
    QList<services::FieldError> rest;
    for (const auto &e : errors) {
        const auto it = m_fields.constFind(e.field);
        if (it == m_fields.constEnd() || !it->label) {
            rest.append(e);
            continue;
        }
        if (!it->label->text().isEmpty())
            continue; // one message per field: the first
        it->label->setText(e.message);
        it->label->setVisible(true);
        setInvalid(it->input, true);
    }
    // The first field at fault in the order of the form gets the focus.
    for (const QString &field : std::as_const(m_order)) {
        const Entry e = m_fields.value(field);
        if (e.label && !e.label->text().isEmpty() && e.input) {
            e.input->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
    return rest;
}

void FieldErrors::clear()
{
    for (const auto &e : std::as_const(m_fields)) {
        if (e.label) {
            e.label->clear();
            e.label->setVisible(false);
        }
        setInvalid(e.input, false);
    }
}

QString FieldErrors::message(const QString &field) const
{
    const auto e = m_fields.value(field);
    return e.label ? e.label->text() : QString();
}

QWidget *FieldErrors::input(const QString &field) const
{
    return m_fields.value(field).input;
}

} // namespace motcua::ui
