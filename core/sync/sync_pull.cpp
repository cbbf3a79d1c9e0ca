// Pull side of a round: the catalogues the engine judges actions with, and the change feed from
// the stored cursor, page by page (the next page is fetched while the previous one is applied).
#include "api_errors.h"
#include "logging.h"
#include "sync_engine.h"

#include <QJsonDocument>

#include <domain/json.h>

namespace motcua::sync {

using domain::Check;
using domain::Result;

Result<domain::HolidayCalendar> calendarFromCache(store::Cache &cache)
{
    auto entries = cache.catalogueEntries(QLatin1String(kCalendarKind));
    if (!entries)
        return entries.error();
    // Before 2026-11-30 the sync engine wrote the entry under the key "holidays" and the
    // catalogue loader under "national"; the workstation read only the latter.
    const store::CatalogueEntry *chosen = nullptr;
    for (const auto &e : entries.value()) {
        if (!chosen || e.key == QLatin1String(kCalendarKey))
            chosen = &e;
    }
    if (!chosen)
        return domain::HolidayCalendar{};
    return domain::HolidayCalendar::fromJson(
        QJsonDocument(chosen->json).toJson(QJsonDocument::Compact));
}

namespace {

// Every entry of `kind`, read with the domain's reader; an unreadable one is an error (the next
// catalogue round replaces it).
template<typename T>
Result<QList<T>> readKind(store::Cache &cache, const char *kind,
                          Result<T> (*read)(const QJsonObject &))
{
    auto entries = cache.catalogueEntries(QLatin1String(kind));
    if (!entries)
        return entries.error();
    QList<T> out;
    out.reserve(entries->size());
    for (const auto &e : entries.value()) {
        auto item = read(e.json);
        if (!item)
            return item.error();
        out.append(std::move(item).value());
    }
    return out;
}

} // namespace

Result<QHash<QString, domain::DocumentType>> documentTypesFromCache(store::Cache &cache)
{
    auto types
        = readKind<domain::DocumentType>(cache, kDocumentTypeKind, domain::documentTypeFromJson);
    if (!types)
        return types.error();
    QHash<QString, domain::DocumentType> out;
    for (auto &t : types.value())
        out.insert(t.code, t);
    return out;
}

Result<QList<domain::ProcedureField>> procedureFieldsFromCache(store::Cache &cache)
{
    return readKind<domain::ProcedureField>(cache, kFieldKind, domain::procedureFieldFromJson);
}

store::CatalogueEntry chartEntry(const domain::ChartSettings &settings)
{
    return {QLatin1String(kChartKind), QLatin1String(kChartKey), domain::toJson(settings)};
}

Result<std::unique_ptr<domain::InMemoryDirectory>> directoryFromCache(store::Cache &cache)
{
    auto holidays = calendarFromCache(cache);
    if (!holidays)
        return holidays.error();
    auto dir = cache.directory(domain::WorkCalendar(holidays.value()));
    if (!dir)
        return dir.error();
    auto charts = cache.catalogueEntries(QLatin1String(kChartKind));
    if (!charts)
        return charts.error();
    for (const auto &e : charts.value()) {
        if (e.key != QLatin1String(kChartKey))
            continue;
        // The server judges every action again: a chart this version cannot build (a newer
        // server's) leaves the standard one for the optimistic judgement, loudly.
        auto settings = domain::chartSettingsFromJson(e.json);
        auto chart = settings ? domain::chartFrom(settings.value())
                              : Result<domain::TransitionChart>(settings.error());
        if (chart)
            dir.value()->setChart(std::move(chart).value());
        else
            qCWarning(lcEngine) << "the transition chart in the cache is not usable:"
                                << chart.error().code;
    }
    return dir;
}

Check SyncEngine::loadDirectory()
{
    auto dir = directoryFromCache(*m_cache);
    if (!dir)
        return dir.error();
    m_directory = std::move(dir).value();
    return {};
}

Check SyncEngine::storeCatalogues(const Catalogues &c)
{
    QList<store::CatalogueEntry> entries;
    for (const auto &a : c.agencies)
        entries.append({QStringLiteral("agency"), a.code, domain::toJson(a)});
    for (const auto &p : c.procedures)
        entries.append({QStringLiteral("procedure"), p.code, domain::toJson(p)});
    for (const auto &o : c.officers)
        entries.append({QStringLiteral("officer"), o.id, domain::toJson(o)});
    for (const auto &w : c.workflows) {
        entries.append({QStringLiteral("workflow"),
                        QStringLiteral("%1@%2").arg(w.id).arg(w.version), domain::toJson(w)});
    }
    entries.append({QLatin1String(kCalendarKind), QLatin1String(kCalendarKey),
                    QJsonDocument::fromJson(c.calendar.toJson()).object()});
    entries.append(chartEntry(c.chart));
    if (auto st = m_cache->putCatalogueEntries(entries); !st)
        return st;
    // Groups (their names, for the workflow diagram), document types (the intake forms) and
    // fields: an entry deleted on the server goes.
    if (auto st = replaceCatalogue(*m_cache, QStringLiteral("group"), c.groups,
                                   [](const auto &g) { return g.id; });
        !st)
        return st;
    if (auto st = replaceCatalogue(*m_cache, QLatin1String(kDocumentTypeKind), c.documentTypes,
                                   [](const auto &t) { return t.code; });
        !st)
        return st;
    if (auto st = replaceCatalogue(*m_cache, QLatin1String(kFieldKind), c.fields,
                                   [](const auto &f) { return f.code; });
        !st)
        return st;
    return loadDirectory();
}

void SyncEngine::stepCatalogues()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_directory && m_cataloguesAt.isValid()
        && m_cataloguesAt.msecsTo(now) < m_options.catalogueMaxAgeMs) {
        stepBlobs();
        return;
    }
    setPhase(Phase::Catalogues);
    struct Gather
    {
        Catalogues catalogues;
        std::optional<domain::Error> error;
        int left = 9;
    };
    auto g = std::make_shared<Gather>();
    const quint64 generation = m_generation;
    const auto done = [this, g, generation, now] {
        if (--g->left > 0 || !current(generation))
            return;
        if (g->error) {
            fail(QStringLiteral("catalogues"), *g->error);
            return;
        }
        if (auto st = storeCatalogues(g->catalogues); !st) {
            fail(QStringLiteral("catalogues"), st.error());
            return;
        }
        m_cataloguesAt = now;
        qCInfo(lcEngine) << "catalogues refreshed:" << g->catalogues.agencies.size() << "agencies,"
                         << g->catalogues.procedures.size() << "procedures,"
                         << g->catalogues.officers.size() << "officers";
        stepBlobs();
    };
    const auto collect = [g, done](auto &slot) {
        return [g, done, &slot](const auto &result) {
            if (result)
                slot = result.value();
            else if (!g->error)
                g->error = result.error();
            done();
        };
    };
    Catalogues &c = g->catalogues;
    whenDone(m_api->agencies(), this, collect(c.agencies));
    whenDone(m_api->procedures(), this, collect(c.procedures));
    whenDone(m_api->officers(), this, collect(c.officers));
    whenDone(m_api->workflows(), this, collect(c.workflows));
    whenDone(m_api->groups(), this, collect(c.groups));
    whenDone(m_api->documentTypes(), this, collect(c.documentTypes));
    whenDone(m_api->procedureFields(), this, collect(c.fields));
    whenDone(m_api->holidayCalendar(), this, collect(c.calendar));
    whenDone(m_api->transitionChart(), this, collect(c.chart));
}

void SyncEngine::stepPull()
{
    setPhase(Phase::Pulling);
    auto cursor = m_cache->cursor();
    if (!cursor) {
        fail(QStringLiteral("pull"), cursor.error());
        return;
    }
    m_initialPull = cursor.value() == 0;
    requestPage(cursor.value());
}

void SyncEngine::requestPage(qint64 after)
{
    const quint64 generation = m_generation;
    // The next page is asked for as soon as this answer's envelope is read: it travels and the
    // server prepares it while this one is decoded and written.
    auto *call
        = m_api->changes(after, m_options.pullPage, [this, generation](qint64 next, bool more) {
              if (more && current(generation))
                  requestPage(next);
          });
    track(call);
    whenDone(call, this, [this, generation, after](const Result<ChangesPage> &page) {
        if (current(generation))
            pullAnswered(after, page);
    });
    m_prefetch = call;
}

void SyncEngine::pullAnswered(qint64 after, const Result<ChangesPage> &answer)
{
    const QString item = QStringLiteral("pull@%1").arg(after);
    if (!answer) {
        fail(item, answer.error());
        return;
    }
    const ChangesPage &page = answer.value(); // the next one is on its way (requestPage)

    QList<store::PulledChange> changes;
    changes.reserve(page.changes.size());
    QList<QUuid> dossiers;
    QSet<QUuid> seen;
    for (const Change &c : page.changes) {
        changes.append({c.seq, c.action, c.dossier, c.actionObject, c.dossierObject});
        if (!seen.contains(c.dossier.id)) {
            seen.insert(c.dossier.id);
            dossiers.append(c.dossier.id);
        }
    }
    if (auto st = m_cache->applyChanges(changes, page.nextAfter, *m_directory); !st) {
        qCWarning(lcEngine) << "cannot apply pulled changes:" << st.error().code;
        fail(item, st.error());
        return;
    }
    if (m_stuck.succeeded(item))
        Q_EMIT unstuck();
    if (!changes.isEmpty()) {
        m_pulledThisRound += changes.size();
        Q_EMIT pullProgress(m_pulledThisRound, page.nextAfter);
        Q_EMIT dossiersChanged(dossiers);
    }
    if (!page.more) {
        // After the first pull of a workstation (the whole agency at once), the planner's
        // statistics and the search index's segments are those of an empty cache: refresh them.
        if (m_initialPull && m_pulledThisRound > 0) {
            m_initialPull = false;
            if (auto st = m_cache->optimize(); !st)
                qCWarning(lcEngine) << "cannot optimise the cache:" << st.error().code;
        }
        stepLease();
    }
}

} // namespace motcua::sync
