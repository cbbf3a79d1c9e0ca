#include "opiniondialog.h"

#include "labels.h"

#include <QComboBox>
#include <QPlainTextEdit>

namespace motcua::ui::processing {

OpinionDialog::OpinionDialog(const QString &title, const QString &okText,
                             const domain::Dossier &dossier, QWidget *parent)
    : ActionDialog(title, okText, parent)
    , m_consultation(new QComboBox)
    , m_answer(new QPlainTextEdit)
{
    for (const auto &c : dossier.consultations) {
        if (!c.answeredAt.isValid())
            m_consultation->addItem(
                tr("%1 (answer by %2)").arg(c.agency, Labels::dateTime(c.deadline)), c.id);
    }
    addField(tr("&Consultation:"), m_consultation, QStringLiteral("payload.consultationId"));
    addField(tr("&Answer:"), m_answer, QStringLiteral("payload.answer"));
}

QList<services::FieldError> OpinionDialog::problems() const
{
    QList<services::FieldError> out;
    if (m_consultation->currentData().toString().isEmpty())
        out.append({QStringLiteral("payload.consultationId"),
                    QString::fromUtf8("Không có phiếu xin ý kiến nào đang chờ trả lời.")});
    if (textOf(m_answer).isEmpty())
        out.append({QStringLiteral("payload.answer"),
                    QString::fromUtf8("Hãy ghi nội dung ý kiến trả lời.")});
    return out;
}

QJsonObject OpinionDialog::buildPayload() const
{
    return {{QStringLiteral("consultationId"), m_consultation->currentData().toString()},
            {QStringLiteral("answer"), textOf(m_answer)}};
}

} // namespace motcua::ui::processing
