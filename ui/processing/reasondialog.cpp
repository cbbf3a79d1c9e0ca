#include "reasondialog.h"

#include <QPlainTextEdit>

namespace motcua::ui::processing {

ReasonDialog::ReasonDialog(const QString &title, const QString &okText, Spec spec, QWidget *parent)
    : ActionDialog(title, okText, parent)
    , m_spec(std::move(spec))
    , m_reason(new QPlainTextEdit)
{
    addField(m_spec.reasonLabel, m_reason, QStringLiteral("payload.") + m_spec.reasonKey);
    if (!m_spec.contentLabel.isEmpty()) {
        m_content = new QPlainTextEdit;
        addField(m_spec.contentLabel, m_content, QStringLiteral("payload.content"));
    }
}

QList<services::FieldError> ReasonDialog::problems() const
{
    QList<services::FieldError> out;
    if (!m_spec.reasonMissing.isEmpty() && textOf(m_reason).isEmpty())
        out.append({QStringLiteral("payload.") + m_spec.reasonKey, m_spec.reasonMissing});
    if (m_content && !m_spec.contentMissing.isEmpty() && textOf(m_content).isEmpty())
        out.append({QStringLiteral("payload.content"), m_spec.contentMissing});
    return out;
}

QJsonObject ReasonDialog::buildPayload() const
{
    QJsonObject p;
    if (!textOf(m_reason).isEmpty())
        p.insert(m_spec.reasonKey, textOf(m_reason));
    if (m_content && !textOf(m_content).isEmpty())
        p.insert(QStringLiteral("content"), textOf(m_content));
    return p;
}

} // namespace motcua::ui::processing
