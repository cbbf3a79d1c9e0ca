#include "extenddialog.h"

#include "labels.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace motcua::ui::processing {

namespace {
// A working day of the standard office hours (07:30–11:30, 13:30–17:00).
constexpr qint64 kMinutesPerWorkingDay = 450;
} // namespace

ExtendDialog::ExtendDialog(const QString &title, const QString &okText,
                           const domain::Dossier &dossier, const domain::WorkCalendar &calendar,
                           QWidget *parent)
    : ActionDialog(title, okText, parent)
    , m_dossier(dossier)
    , m_calendar(calendar)
    , m_days(new QSpinBox)
    , m_newDue(new QLabel)
    , m_reason(new QPlainTextEdit)
{
    m_days->setRange(0, 100);
    m_days->setValue(0);
    m_newDue->setObjectName(QStringLiteral("newDue"));
    addField(tr("Extend by (&working days):"), m_days, QStringLiteral("payload.minutes"));
    addWidget(m_newDue);
    addField(tr("&Reason:"), m_reason, QStringLiteral("payload.reason"));
    const auto update = [this] {
        m_newDue->setText(
            m_days->value() > 0 && m_dossier.dueAt.isValid()
                ? tr("Due %1 → %2")
                      .arg(Labels::dateTime(m_dossier.dueAt),
                           Labels::dateTime(m_calendar.extend(m_dossier.dueAt, minutes())))
                : QString());
    };
    connect(m_days, &QSpinBox::valueChanged, this, update);
    update();
}

qint64 ExtendDialog::minutes() const
{
    return m_days->value() * kMinutesPerWorkingDay;
}

QList<services::FieldError> ExtendDialog::problems() const
{
    QList<services::FieldError> out;
    if (m_days->value() <= 0)
        out.append({QStringLiteral("payload.minutes"),
                    QString::fromUtf8("Số ngày gia hạn phải từ 1 đến 100 ngày làm việc.")});
    if (textOf(m_reason).isEmpty())
        out.append({QStringLiteral("payload.reason"),
                    QString::fromUtf8("Hãy nêu lý do gia hạn thời gian giải quyết.")});
    return out;
}

QJsonObject ExtendDialog::buildPayload() const
{
    return {{QStringLiteral("minutes"), minutes()}, {QStringLiteral("reason"), textOf(m_reason)}};
}

} // namespace motcua::ui::processing
