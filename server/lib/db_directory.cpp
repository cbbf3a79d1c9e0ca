// DbDirectory: the engine's Directory over the catalogue store, shared by every worker thread.
#include "catalogue_store.h"
#include "logging.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QReadWriteLock>

#include <memory>
#include <vector>

namespace motcua::server {
namespace {
// Another process (motcuactl, a second server) may change the catalogues: reload at least this
// often.
constexpr qint64 kMaxCacheAgeMs = 60 * 1000;
} // namespace

struct DbDirectory::Cache
{
    mutable QReadWriteLock lock;
    quint64 generation = 0; // 0: never loaded
    QElapsedTimer loadedAt;
    QHash<QString, domain::Agency> agencies;
    QHash<QString, domain::Procedure> procedures;
    QHash<QString, domain::DocumentType> documentTypes;
    QByteArray calendarJson;
    std::shared_ptr<const domain::WorkCalendar> calendar = std::make_shared<domain::WorkCalendar>();
    // calendar() hands out references: a replaced calendar stays alive as long as the directory.
    std::vector<std::shared_ptr<const domain::WorkCalendar>> retired;
    // The province's transition chart, handed out by reference the same way.
    domain::ChartSettings chartSettings;
    std::shared_ptr<const domain::TransitionChart> chart
        = std::make_shared<domain::TransitionChart>(domain::TransitionChart::standard());
    std::vector<std::shared_ptr<const domain::TransitionChart>> retiredCharts;
    // Workflow versions read so far, by "id@version": a version is never overwritten.
    mutable QMutex workflowLock;
    QHash<QString, domain::Workflow> workflowVersions;

    [[nodiscard]] bool fresh(quint64 current) const
    {
        return generation == current && loadedAt.isValid() && loadedAt.elapsed() < kMaxCacheAgeMs;
    }
    void refresh(CatalogueStore &store);
};

// Reloads agencies, procedures and the calendar when the store changed (or the cache is old).
void DbDirectory::Cache::refresh(CatalogueStore &store)
{
    const quint64 current = store.generation();
    {
        const QReadLocker read(&lock);
        if (fresh(current))
            return;
    }
    const QWriteLocker write(&lock);
    if (fresh(current))
        return;
    auto loadedAgencies = store.agencies();
    auto loadedProcedures = store.procedures();
    auto holidays = store.holidayCalendar();
    auto settings = store.chartSettings();
    auto types = store.documentTypes();
    if (!loadedAgencies || !loadedProcedures || !holidays || !settings || !types) {
        qCWarning(lcStorage) << "cannot reload the catalogues; keeping the cached ones";
        return;
    }
    agencies.clear();
    for (const auto &a : loadedAgencies.value())
        agencies.insert(a.code, a);
    procedures.clear();
    for (const auto &p : loadedProcedures.value())
        procedures.insert(p.code, p);
    documentTypes.clear();
    for (const auto &t : types.value())
        documentTypes.insert(t.code, t);
    const QByteArray json = holidays.value().toJson();
    if (json != calendarJson) {
        retired.push_back(calendar);
        calendar = std::make_shared<domain::WorkCalendar>(holidays.value());
        calendarJson = json;
    }
    if (settings.value() != chartSettings) {
        // Stored through putChartSettings, which checks it; a row that no longer makes a chart
        // (a hand edit) leaves the one in force.
        if (auto chartNow = domain::chartFrom(settings.value())) {
            retiredCharts.push_back(chart);
            chart = std::make_shared<domain::TransitionChart>(std::move(chartNow).value());
            chartSettings = settings.value();
        } else {
            qCWarning(lcStorage) << "the stored transition chart is not valid; keeping the one"
                                    " in force:"
                                 << chartNow.error().code;
        }
    }
    generation = current;
    loadedAt.start();
}

DbDirectory::DbDirectory(CatalogueStore &store)
    : m_store(store)
    , m_cache(std::make_unique<Cache>())
{}

DbDirectory::~DbDirectory() = default;

std::optional<domain::Officer> DbDirectory::officer(const QString &id) const
{
    auto officer = m_store.officer(id); // fresh: a deactivation takes effect at once
    if (!officer) {
        qCWarning(lcStorage) << "officer lookup failed:" << officer.error().code;
        return std::nullopt;
    }
    return officer.value();
}

std::optional<domain::Procedure> DbDirectory::procedure(const QString &code) const
{
    m_cache->refresh(m_store);
    const QReadLocker read(&m_cache->lock);
    const auto it = m_cache->procedures.constFind(code);
    return it == m_cache->procedures.constEnd() ? std::nullopt
                                                : std::optional<domain::Procedure>(*it);
}

std::optional<domain::Agency> DbDirectory::agency(const QString &code) const
{
    m_cache->refresh(m_store);
    const QReadLocker read(&m_cache->lock);
    const auto it = m_cache->agencies.constFind(code);
    return it == m_cache->agencies.constEnd() ? std::nullopt : std::optional<domain::Agency>(*it);
}

const domain::WorkCalendar &DbDirectory::calendar(const QString &) const
{
    m_cache->refresh(m_store);
    const QReadLocker read(&m_cache->lock);
    return *m_cache->calendar;
}

std::optional<domain::DocumentType> DbDirectory::documentType(const QString &code) const
{
    m_cache->refresh(m_store);
    const QReadLocker read(&m_cache->lock);
    const auto it = m_cache->documentTypes.constFind(code);
    return it == m_cache->documentTypes.constEnd() ? std::nullopt
                                                   : std::optional<domain::DocumentType>(*it);
}

const domain::TransitionChart &DbDirectory::chart() const
{
    m_cache->refresh(m_store);
    const QReadLocker read(&m_cache->lock);
    return *m_cache->chart;
}

std::optional<domain::Workflow> DbDirectory::workflow(const QString &id, int version) const
{
    if (version <= 0) {
        // Asked fresh (one indexed row), so that only the version's own document is cached.
        auto latest = m_store.latestWorkflowVersion(id);
        if (!latest) {
            qCWarning(lcStorage) << "workflow lookup failed:" << latest.error().code;
            return std::nullopt;
        }
        if (latest.value() <= 0)
            return std::nullopt;
        version = latest.value();
    }
    const QString key = QStringLiteral("%1@%2").arg(id).arg(version);
    {
        const QMutexLocker locked(&m_cache->workflowLock);
        const auto it = m_cache->workflowVersions.constFind(key);
        if (it != m_cache->workflowVersions.constEnd())
            return *it;
    }
    auto found = m_store.workflow(id, version);
    if (!found) {
        qCWarning(lcStorage) << "workflow lookup failed:" << found.error().code;
        return std::nullopt;
    }
    if (!found.value())
        return std::nullopt;
    const domain::Workflow &w = *found.value();
    const QMutexLocker locked(&m_cache->workflowLock);
    m_cache->workflowVersions.insert(key, w);
    return w;
}

} // namespace motcua::server
