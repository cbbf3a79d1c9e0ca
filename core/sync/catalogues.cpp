// The workstation's catalogues: fetched from the server and stored in the cache in one place
// (the sync engine's catalogue step and services::CatalogueLoader), read back by the directory
// the engine judges with.
#include "catalogues.h"

#include "logging.h"

#include <QJsonDocument>

#include <optional>

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

namespace {

// Catalogue entries of `kind` for `items`, each under key(item), as the domain's JSON.
template<typename T, typename Key>
QList<store::CatalogueEntry> catalogueEntries(const QString &kind, const QList<T> &items, Key key)
{
    QList<store::CatalogueEntry> out;
    out.reserve(items.size());
    for (const T &item : items)
        out.append({kind, key(item), domain::toJson(item)});
    return out;
}

// Replaces every entry of `kind` with `items` (one transaction): an entry deleted on the server
// leaves the cache too.
template<typename T, typename Key>
domain::Check replaceCatalogue(store::Cache &cache, const QString &kind, const QList<T> &items,
                               Key key)
{
    return cache.replaceCatalogueKind(kind, catalogueEntries(kind, items, key));
}

store::CatalogueEntry chartEntry(const domain::ChartSettings &settings)
{
    return {QLatin1String(kChartKind), QLatin1String(kChartKey), domain::toJson(settings)};
}

} // namespace

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

void fetchCatalogues(ApiClient &api, QObject *context,
                     std::function<void(const Result<Catalogues> &)> done)
{
    struct Gather
    {
        Catalogues catalogues;
        std::optional<domain::Error> error;
        int left = 9;
        std::function<void(const Result<Catalogues> &)> done;
    };
    auto g = std::make_shared<Gather>();
    g->done = std::move(done);
    const auto collect = [g](auto &slot) {
        return [g, &slot](const auto &result) {
            if (result)
                slot = result.value();
            else if (!g->error)
                g->error = result.error();
            if (--g->left > 0)
                return;
            if (g->error)
                g->done(*g->error);
            else
                g->done(g->catalogues);
        };
    };
    Catalogues &c = g->catalogues;
    whenDone(api.agencies(), context, collect(c.agencies));
    whenDone(api.procedures(), context, collect(c.procedures));
    whenDone(api.officers(), context, collect(c.officers));
    whenDone(api.workflows(), context, collect(c.workflows));
    whenDone(api.groups(), context, collect(c.groups));
    whenDone(api.documentTypes(), context, collect(c.documentTypes));
    whenDone(api.procedureFields(), context, collect(c.fields));
    whenDone(api.holidayCalendar(), context, collect(c.calendar));
    whenDone(api.transitionChart(), context, collect(c.chart));
}

Check storeCatalogues(store::Cache &cache, const Catalogues &c)
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
    if (auto st = cache.putCatalogueEntries(entries); !st)
        return st;
    // Groups (their names, for the workflow diagram), document types (the intake forms) and
    // fields: an entry deleted on the server goes.
    if (auto st = replaceCatalogue(cache, QStringLiteral("group"), c.groups,
                                   [](const auto &g) { return g.id; });
        !st)
        return st;
    if (auto st = replaceCatalogue(cache, QLatin1String(kDocumentTypeKind), c.documentTypes,
                                   [](const auto &t) { return t.code; });
        !st)
        return st;
    if (auto st = replaceCatalogue(cache, QLatin1String(kFieldKind), c.fields,
                                   [](const auto &f) { return f.code; });
        !st)
        return st;
    return {};
}

} // namespace motcua::sync
