#include "workstation.h"

#include <QJsonDocument>
#include <QTimeZone>

#include <domain/json.h>
#include <sync/sync_engine.h>

namespace motcua::services {

Workstation::Workstation(std::unique_ptr<store::Cache> cache, domain::Officer officer,
                         sync::ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_cache(std::move(cache))
    , m_officer(std::move(officer))
    , m_api(api)
    , m_directory(std::make_unique<domain::InMemoryDirectory>())
{
    (void)reloadCatalogues();
}

Workstation::~Workstation() = default;

std::optional<domain::Agency> Workstation::agency() const
{
    return m_directory->agency(m_officer.agencyCode);
}

domain::DossierCodePattern Workstation::codePattern() const
{
    if (const auto a = agency(); a && !a->codePattern.isEmpty()) {
        if (auto compiled = domain::DossierCodePattern::compile(a->codePattern))
            return compiled.value();
    }
    return domain::DossierCodePattern::standard();
}

namespace {
std::function<QDateTime()> &testClock()
{
    static std::function<QDateTime()> clock;
    return clock;
}
} // namespace

QDateTime Workstation::now()
{
    return domain::toVietnamTime(testClock() ? testClock()() : QDateTime::currentDateTimeUtc());
}

void Workstation::setClockForTesting(std::function<QDateTime()> clock)
{
    testClock() = std::move(clock);
}

domain::Check Workstation::reloadCatalogues()
{
    auto dir = sync::directoryFromCache(*m_cache);
    if (!dir)
        return dir.error();
    m_directory = std::move(dir).value();
    m_calendar = m_directory->calendar(m_officer.agencyCode);

    m_procedures.clear();
    auto procs = m_cache->catalogueEntries(QStringLiteral("procedure"));
    if (!procs)
        return procs.error();
    for (const auto &e : procs.value()) {
        if (auto p = domain::procedureFromJson(e.json))
            m_procedures.append(p.value());
    }
    auto types = sync::documentTypesFromCache(*m_cache);
    if (!types)
        return types.error();
    m_documentTypes = std::move(types).value();
    if (auto self = m_directory->officer(m_officer.id))
        m_officer = *self;
    Q_EMIT cataloguesChanged();
    return {};
}

} // namespace motcua::services
