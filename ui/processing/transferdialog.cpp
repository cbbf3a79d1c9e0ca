#include "transferdialog.h"

#include <QComboBox>
#include <QPlainTextEdit>

namespace motcua::ui::processing {

TransferDialog::TransferDialog(const QString &title, const QString &okText,
                               const QList<domain::Agency> &agencies, QWidget *parent)
    : ActionDialog(title, okText, parent)
    , m_agencies(agencies)
    , m_agency(new QComboBox)
    , m_department(new QComboBox)
    , m_note(new QPlainTextEdit)
{
    for (const auto &a : m_agencies)
        m_agency->addItem(a.name, a.code);
    addField(tr("&Agency:"), m_agency, QStringLiteral("payload.agencyCode"));
    addField(tr("&Department:"), m_department, QStringLiteral("payload.departmentId"));
    addField(tr("&Note:"), m_note, QStringLiteral("payload.note"));
    connect(m_agency, &QComboBox::currentIndexChanged, this, &TransferDialog::fillDepartments);
    fillDepartments();
}

void TransferDialog::fillDepartments()
{
    m_department->clear();
    m_department->addItem(tr("(the agency decides)"), QString());
    const int i = m_agency->currentIndex();
    if (i < 0 || i >= m_agencies.size())
        return;
    for (const auto &d : m_agencies.at(i).departments)
        m_department->addItem(d.name, d.id);
}

QList<services::FieldError> TransferDialog::problems() const
{
    if (m_agency->currentData().toString().isEmpty())
        return {{QStringLiteral("payload.agencyCode"),
                 QString::fromUtf8("Hãy chọn cơ quan nhận hồ sơ.")}};
    return {};
}

QJsonObject TransferDialog::buildPayload() const
{
    QJsonObject p{{QStringLiteral("agencyCode"), m_agency->currentData().toString()}};
    if (const QString dep = m_department->currentData().toString(); !dep.isEmpty())
        p.insert(QStringLiteral("departmentId"), dep);
    if (!textOf(m_note).isEmpty())
        p.insert(QStringLiteral("note"), textOf(m_note));
    return p;
}

} // namespace motcua::ui::processing
