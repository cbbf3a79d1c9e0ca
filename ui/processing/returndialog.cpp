#include "returndialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>

namespace motcua::ui::processing {

ReturnDialog::ReturnDialog(const QString &title, const QString &okText,
                           const domain::Dossier &dossier, qint64 feesVnd, QWidget *parent)
    : ActionDialog(title, okText, parent)
    , m_fees(feesVnd)
    , m_recipient(new QLineEdit(dossier.applicant.fullName))
    , m_relation(new QComboBox)
    , m_receipt(new QLineEdit)
    , m_originals(new QCheckBox(tr("&Originals shown and checked")))
    , m_note(new QPlainTextEdit)
{
    m_relation->addItem(tr("The applicant"), QStringLiteral("self"));
    m_relation->addItem(tr("A proxy (with a power of attorney)"), QStringLiteral("proxy"));
    m_relation->addItem(tr("An authorised recipient"), QStringLiteral("authorised"));
    m_originals->setChecked(true);
    if (m_fees > 0)
        addWidget(
            new QLabel(tr("Fees due: %1 VND").arg(QLocale(QLocale::Vietnamese).toString(m_fees))));
    addField(tr("&Recipient:"), m_recipient, QStringLiteral("payload.recipientName"));
    addField(tr("Recipient &is:"), m_relation, QStringLiteral("payload.recipientRelation"));
    addField(tr("&Fee receipt no.:"), m_receipt, QStringLiteral("payload.feeReceipt"));
    addField(QString(), m_originals, QStringLiteral("payload.originalsChecked"));
    addField(tr("&Note:"), m_note, QStringLiteral("payload.note"));
}

QList<services::FieldError> ReturnDialog::problems() const
{
    QList<services::FieldError> out;
    if (textOf(m_recipient).isEmpty())
        out.append({QStringLiteral("payload.recipientName"),
                    QString::fromUtf8("Hãy ghi họ tên người nhận kết quả.")});
    if (m_fees > 0 && m_originals->isChecked() && textOf(m_receipt).isEmpty())
        out.append({QStringLiteral("payload.feeReceipt"),
                    QString::fromUtf8("Thủ tục có thu phí, lệ phí: hãy ghi số biên lai.")});
    if (!m_originals->isChecked() && textOf(m_note).isEmpty())
        out.append({QStringLiteral("payload.note"),
                    QString::fromUtf8("Hãy ghi bản chính còn thiếu để hẹn lại ngày trả.")});
    return out;
}

QJsonObject ReturnDialog::buildPayload() const
{
    QJsonObject p{{QStringLiteral("recipientName"), textOf(m_recipient)},
                  {QStringLiteral("recipientRelation"), m_relation->currentData().toString()},
                  {QStringLiteral("originalsChecked"), m_originals->isChecked()}};
    if (!textOf(m_receipt).isEmpty())
        p.insert(QStringLiteral("feeReceipt"), textOf(m_receipt));
    if (!textOf(m_note).isEmpty())
        p.insert(QStringLiteral("note"), textOf(m_note));
    return p;
}

} // namespace motcua::ui::processing
