#include "approvedialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>

namespace motcua::ui::processing {

ApproveDialog::ApproveDialog(const QString &title, const QString &okText,
                             const domain::Dossier &dossier, QWidget *parent)
    : ActionDialog(title, okText, parent)
    , m_final(new QCheckBox(tr("&Final approval (otherwise signed and passed to the next signer)")))
    , m_note(new QPlainTextEdit)
{
    m_final->setChecked(true);
    if (!dossier.signOffs.isEmpty())
        addWidget(new QLabel(
            tr("%n sign-off(s) already on this round.", nullptr, int(dossier.signOffs.size()))));
    addField(QString(), m_final, QStringLiteral("payload.final"));
    addField(tr("&Note:"), m_note, QStringLiteral("payload.note"));
}

QJsonObject ApproveDialog::buildPayload() const
{
    QJsonObject p{{QStringLiteral("final"), m_final->isChecked()}};
    if (!textOf(m_note).isEmpty())
        p.insert(QStringLiteral("note"), textOf(m_note));
    return p;
}

} // namespace motcua::ui::processing
