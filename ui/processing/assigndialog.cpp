#include "assigndialog.h"

#include <QComboBox>
#include <QPlainTextEdit>

#include <algorithm>
#include <tuple>

namespace motcua::ui::processing {

using domain::Role;

AssignDialog::AssignDialog(const QString &title, const QString &okText,
                           const domain::Dossier &dossier, const QList<domain::Officer> &officers,
                           QWidget *parent)
    : ActionDialog(title, okText, parent)
    , m_handler(new QComboBox)
    , m_note(new QPlainTextEdit)
{
    const QString agency
        = dossier.handlingAgencyCode.isEmpty() ? dossier.agencyCode : dossier.handlingAgencyCode;
    QList<domain::Officer> candidates;
    for (const auto &o : officers) {
        if (o.active && o.agencyCode == agency
            && (o.hasRole(Role::Appraiser) || o.hasRole(Role::Head) || o.hasRole(Role::Leader))
            && o.id != dossier.handlerId)
            candidates.append(o);
    }
    // The dossier's department first, appraisers before heads, then by name.
    std::sort(candidates.begin(), candidates.end(), [&](const auto &a, const auto &b) {
        const auto rank = [&](const domain::Officer &o) {
            return std::tuple(o.departmentId != dossier.departmentId, !o.hasRole(Role::Appraiser),
                              o.fullName);
        };
        return rank(a) < rank(b);
    });
    m_handler->addItem(QString());
    for (const auto &o : candidates)
        m_handler->addItem(QStringLiteral("%1 — %2 (%3)").arg(o.fullName, o.title, o.departmentId),
                           o.id);
    addField(tr("&Appraiser:"), m_handler, QStringLiteral("payload.handlerId"));
    addField(tr("&Note:"), m_note, QStringLiteral("payload.note"));
}

QList<services::FieldError> AssignDialog::problems() const
{
    if (m_handler->currentData().toString().isEmpty())
        return {{QStringLiteral("payload.handlerId"),
                 QString::fromUtf8("Hãy chọn cán bộ thẩm định được giao xử lý hồ sơ.")}};
    return {};
}

QJsonObject AssignDialog::buildPayload() const
{
    QJsonObject p{{QStringLiteral("handlerId"), m_handler->currentData().toString()}};
    if (!textOf(m_note).isEmpty())
        p.insert(QStringLiteral("note"), textOf(m_note));
    return p;
}

} // namespace motcua::ui::processing
