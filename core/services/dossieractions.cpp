#include "dossieractions.h"

#include "workstation.h"

#include <QUuid>

#include <domain/engine.h>
#include <domain/status.h>

namespace motcua::services {

using domain::ActionType;
using domain::Result;

DossierActions::DossierActions(Workstation &workstation)
    : m_ws(workstation)
{}

QList<ActionType> DossierActions::allowedNow(const domain::Dossier &d) const
{
    QList<ActionType> out;
    for (ActionType t : domain::TransitionChart::standard().actionsFrom(d.stage)) {
        if (t == ActionType::Sign || t == ActionType::SubmitOnline || out.contains(t))
            continue;
        if (domain::permitted(d, t, m_ws.officer()))
            out.append(t);
    }
    return out;
}

Result<domain::Dossier> DossierActions::perform(const domain::Dossier &d, ActionType type,
                                                QJsonObject payload)
{
    store::Cache &cache = m_ws.cache();
    domain::Dossier after;
    const domain::Check st = cache.transaction([&]() -> domain::Check {
        if (type == ActionType::Receive && d.code.isEmpty()
            && !payload.contains(QStringLiteral("code"))) {
            auto code = cache.takeNextCode(m_ws.officer().agencyCode, Workstation::now().date(),
                                           m_ws.codePattern());
            if (!code)
                return code.error();
            payload.insert(QStringLiteral("code"), code->code);
        }
        domain::Action a;
        a.id = QUuid::createUuid();
        a.dossierId = d.id;
        a.type = type;
        a.actorId = m_ws.officer().id;
        a.baseVersion = d.version;
        a.deviceTime = Workstation::now();
        a.payload = payload;
        auto r = cache.recordAction(a, m_ws.directory());
        if (!r)
            return r.error();
        after = r.value();
        return {};
    });
    if (!st)
        return st.error();
    m_ws.notifyDossiersChanged();
    return after;
}

Result<domain::Dossier> DossierActions::acceptPortalDossier(const domain::Dossier &d)
{
    return perform(d, ActionType::Receive);
}

Result<domain::Dossier> DossierActions::refuse(const domain::Dossier &d, const QString &reason)
{
    return perform(d, ActionType::Refuse, {{QStringLiteral("reason"), reason.trimmed()}});
}

Result<domain::Dossier> DossierActions::requestSupplement(const domain::Dossier &d,
                                                          const QString &reason,
                                                          const QString &content)
{
    return perform(d, ActionType::RequestSupplement,
                   {{QStringLiteral("reason"), reason.trimmed()},
                    {QStringLiteral("content"), content.trimmed()}});
}

Result<domain::Dossier> DossierActions::recordSupplement(const domain::Dossier &d,
                                                         const QString &note)
{
    QJsonObject p;
    if (!note.trimmed().isEmpty())
        p.insert(QStringLiteral("note"), note.trimmed());
    return perform(d, ActionType::RecordSupplement, p);
}

Result<domain::Dossier> DossierActions::recordPrint(const QUuid &dossierId, const QString &form,
                                                    int copies)
{
    auto current = m_ws.cache().dossier(dossierId);
    if (!current)
        return current.error();
    if (!current.value()) {
        return domain::makeError(
            QStringLiteral("print.no_dossier"),
            QStringLiteral(
                "Hồ sơ không có trong bộ nhớ của máy trạm nên chưa ghi nhận được lần in."));
    }
    const domain::Dossier &d = *current.value();
    const bool reprint = std::any_of(d.prints.cbegin(), d.prints.cend(),
                                     [&](const domain::PrintRecord &p) { return p.form == form; });
    return perform(d, ActionType::RecordPrint,
                   {{QStringLiteral("form"), form},
                    {QStringLiteral("copies"), qBound(1, copies, 100)},
                    {QStringLiteral("reprint"), reprint}});
}

Result<domain::Dossier> DossierActions::passOn(const domain::Dossier &d, const QString &agencyCode,
                                               const QString &departmentId, const QString &note)
{
    QJsonObject p{{QStringLiteral("agencyCode"), agencyCode}};
    if (!departmentId.isEmpty())
        p.insert(QStringLiteral("departmentId"), departmentId);
    if (!note.trimmed().isEmpty())
        p.insert(QStringLiteral("note"), note.trimmed());
    return perform(d, ActionType::Transfer, p);
}

} // namespace motcua::services
