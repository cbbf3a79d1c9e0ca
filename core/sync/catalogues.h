#pragma once

// The catalogues a workstation keeps in its cache to judge and show actions offline: agencies,
// procedures, officers and their groups, workflow versions, the province's document types, fields
// and transition chart, the work calendar. The sync engine's catalogue step and
// services::CatalogueLoader (after a login) fetch and store them with the same two functions, so
// the two cannot drift apart; readers take them back with the functions below.
#include "api_client.h"

#include <domain/directory.h>
#include <domain/json.h>
#include <store/cache.h>

#include <functional>
#include <memory>

namespace motcua::sync {

// What one catalogue round brings from the server.
struct Catalogues
{
    QList<domain::Agency> agencies;
    QList<domain::Procedure> procedures;
    QList<domain::Officer> officers;
    QList<domain::Workflow> workflows; // the latest version of each
    QList<domain::OfficerGroup> groups;
    QList<domain::DocumentType> documentTypes;
    QList<domain::ProcedureField> fields;
    domain::HolidayCalendar calendar;
    domain::ChartSettings chart;
};

// One call per catalogue, all at once; `done` is called once, on `context`'s thread, with all of
// them or with the first error — never after `context` is destroyed.
void fetchCatalogues(ApiClient &api, QObject *context,
                     std::function<void(const domain::Result<Catalogues> &)> done);

// Stores a round: agencies, procedures, officers and workflow versions are added or replaced;
// groups, document types and fields replace their kind whole (an entry deleted on the server
// goes); the calendar and the chart are one entry each.
domain::Check storeCatalogues(store::Cache &cache, const Catalogues &catalogues);

// The work calendar (holidays and office hours) in the cache: one catalogue entry.
inline constexpr auto kCalendarKind = "calendar";
inline constexpr auto kCalendarKey = "national";
// That entry (an entry stored under another key by an older version is taken when it is the only
// one); an empty calendar when there is none.
domain::Result<domain::HolidayCalendar> calendarFromCache(store::Cache &cache);

// The shared catalogues in the cache (R02): document types (the intake forms of components,
// R05.1b) and fields, each under its code.
inline constexpr auto kDocumentTypeKind = "document-type";
inline constexpr auto kFieldKind = "field";
domain::Result<QHash<QString, domain::DocumentType>> documentTypesFromCache(store::Cache &cache);
domain::Result<QList<domain::ProcedureField>> procedureFieldsFromCache(store::Cache &cache);

// The province's transition chart (R04.2): its settings as one catalogue entry.
inline constexpr auto kChartKind = "transition-chart";
inline constexpr auto kChartKey = "province";

// The Directory the domain engine judges local actions with, from the catalogues the engine stored
// in the cache (officers, procedures, agencies; the work calendar with its office hours; the
// province's transition chart).
domain::Result<std::unique_ptr<domain::InMemoryDirectory>> directoryFromCache(store::Cache &cache);

} // namespace motcua::sync
