#include "dossieractions.h"

#include "componentfiles.h"
#include "scanextraction.h"
#include "workstation.h"

#include <QJsonArray>
#include <QUuid>

#include <domain/engine.h>
#include <domain/json.h>
#include <domain/status.h>
#include <store/cache.h>

namespace motcua::services {

using domain::ActionType;
using domain::Result;

DossierActions::DossierActions(Workstation &workstation)
    : m_ws(workstation)
{}

QList<ActionType> DossierActions::allowedNow(const domain::Dossier &d) const
{
    QList<ActionType> out;
    for (ActionType t : m_ws.directory().chart().actionsFrom(d.stage)) {
        if (t == ActionType::Sign || t == ActionType::SubmitOnline || out.contains(t))
            continue;
        if (domain::permitted(d, t, m_ws.officer(), m_ws.directory()))
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

Result<domain::Dossier>
DossierActions::recordSupplement(const domain::Dossier &d, const QString &note,
                                 const QMap<QString, ComponentEntry> &arrived)
{
    QJsonObject p;
    if (!note.trimmed().isEmpty())
        p.insert(QStringLiteral("note"), note.trimmed());
    if (arrived.isEmpty())
        return perform(d, ActionType::RecordSupplement, p);

    store::Cache &cache = m_ws.cache();
    const auto procedure = m_ws.directory().procedure(d.procedureCode);
    domain::Dossier after;
    const domain::Check st = cache.transaction([&]() -> domain::Check {
        QJsonArray components;
        for (auto it = arrived.cbegin(); it != arrived.cend(); ++it) {
            const QString &code = it.key();
            const ComponentEntry &entry = it.value();
            domain::Component c;
            const auto held = std::find_if(d.components.cbegin(), d.components.cend(),
                                           [&](const domain::Component &x) {
                                               return x.documentTypeCode == code || x.id == code;
                                           });
            if (held != d.components.cend()) {
                c = *held; // the files already held stay; the new ones are added
            } else {
                std::optional<domain::RequiredComponent> required;
                for (const auto &rc :
                     procedure ? procedure->components : QList<domain::RequiredComponent>{}) {
                    if (rc.documentTypeCode == code)
                        required = rc;
                }
                if (!required) {
                    return domain::makeError(
                        QStringLiteral("supplement.unknown_component"),
                        QStringLiteral("Thành phần hồ sơ \"%1\" không thuộc thủ tục của hồ sơ này.")
                            .arg(code));
                }
                c.id = code;
                c.documentTypeCode = code;
                c.name = required->name;
                c.original = entry.original;
                c.copies = std::max(1, entry.copies);
            }
            if (auto stored = storeComponentFiles(cache, c, entry.files, nullptr); !stored)
                return stored;
            applyEntryValues(c, entry);
            components.append(domain::toJson(c));
        }
        p.insert(QStringLiteral("components"), components);
        auto recorded = perform(d, ActionType::RecordSupplement, p);
        if (!recorded)
            return recorded.error();
        after = recorded.value();
        // The dossier's scans, the supplement's included, searchable again (R21).
        const QString text = componentsText(cache, after);
        return text.isEmpty() ? domain::Check{} : cache.setOcrText(after.id, text);
    });
    if (!st)
        return st.error();
    return after;
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
