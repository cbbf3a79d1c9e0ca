#include "consultdialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTimeZone>
#include <QUuid>

namespace motcua::ui::processing {

ConsultDialog::ConsultDialog(const QString &title, const QString &okText, const QDate &today,
                             QWidget *parent)
    : ActionDialog(title, okText, parent)
    , m_today(today)
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_agency(new QLineEdit)
    , m_content(new QPlainTextEdit)
    , m_deadline(new QDateEdit(today.addDays(5)))
    , m_reply(new QComboBox)
{
    m_deadline->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_deadline->setCalendarPopup(true);
    m_reply->setEditable(true);
    m_reply->addItems({QString::fromUtf8("Văn bản giấy"), QString::fromUtf8("Trên hệ thống"),
                       QString::fromUtf8("Thư điện tử")});
    addField(tr("Ask &whom:"), m_agency, QStringLiteral("payload.agency"));
    addField(tr("&Content:"), m_content, QStringLiteral("payload.content"));
    addField(tr("Answer &by:"), m_deadline, QStringLiteral("payload.deadline"));
    addField(tr("&Reply method:"), m_reply, QStringLiteral("payload.replyMethod"));
}

QList<services::FieldError> ConsultDialog::problems() const
{
    QList<services::FieldError> out;
    if (textOf(m_agency).isEmpty())
        out.append({QStringLiteral("payload.agency"),
                    QString::fromUtf8("Hãy nêu cơ quan, đơn vị được xin ý kiến.")});
    if (textOf(m_content).isEmpty())
        out.append({QStringLiteral("payload.content"),
                    QString::fromUtf8("Hãy nêu nội dung cần xin ý kiến.")});
    if (m_deadline->date() < m_today)
        out.append({QStringLiteral("payload.deadline"),
                    QString::fromUtf8("Hạn trả lời không được trước ngày hôm nay.")});
    if (m_reply->currentText().trimmed().isEmpty())
        out.append({QStringLiteral("payload.replyMethod"),
                    QString::fromUtf8("Hãy chọn hình thức trả lời.")});
    return out;
}

QJsonObject ConsultDialog::buildPayload() const
{
    const QDateTime deadline(m_deadline->date(), QTime(17, 0), QTimeZone(7 * 3600));
    return {{QStringLiteral("consultationId"), m_id},
            {QStringLiteral("agency"), textOf(m_agency)},
            {QStringLiteral("content"), textOf(m_content)},
            {QStringLiteral("deadline"), deadline.toString(Qt::ISODate)},
            {QStringLiteral("replyMethod"), m_reply->currentText().trimmed()}};
}

} // namespace motcua::ui::processing
