// Catalogues every officer reads (agencies, procedures, the status chart, the calendar) and their
// admin-only writes. An admin writes only their own agency's records; the holiday calendar is
// national data that any admin may publish.
#include "routes.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <domain/chart.h>
#include <domain/dossiercode.h>
#include <domain/json.h>
#include <domain/status.h>

namespace motcua::server::http {

using domain::Role;

namespace {

ApiResponse listAgencies(ServerContext &ctx)
{
    auto agencies = ctx.catalogue->agencies();
    if (!agencies)
        return ApiResponse::fromError(agencies.error());
    QJsonArray out;
    for (const auto &a : agencies.value())
        out.append(domain::toJson(a));
    return ApiResponse::json({{QStringLiteral("agencies"), out}});
}

ApiResponse getAgency(ServerContext &ctx, const QString &code)
{
    auto agency = ctx.catalogue->agency(code);
    if (!agency)
        return ApiResponse::fromError(agency.error());
    if (!agency.value())
        return notFound(QStringLiteral("cơ quan mã \"%1\"").arg(code));
    return ApiResponse::json(domain::toJson(*agency.value()));
}

ApiResponse putAgency(ServerContext &ctx, ApiRequest &request)
{
    const QString code = request.param(QStringLiteral("code"));
    if (!isAdminOf(request.officer(), code))
        return forbiddenAgency();
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    auto agency = domain::agencyFromJson(body.value());
    if (!agency)
        return ApiResponse::fromError(agency.error());
    if (agency->code != code) {
        return badRequest(QStringLiteral("json.bad_value"),
                          QStringLiteral("Mã cơ quan trong nội dung (\"%1\") khác mã trên địa chỉ "
                                         "(\"%2\").")
                              .arg(agency->code, code),
                          QStringLiteral("code"));
    }
    if (auto st = domain::validateAgencyCode(agency->code, QStringLiteral("code")); !st)
        return ApiResponse::fromError(st.error());
    if (!agency->codePattern.isEmpty()) {
        if (auto p = domain::DossierCodePattern::compile(agency->codePattern); !p) {
            domain::Error e = p.error();
            e.field = QStringLiteral("codePattern");
            return ApiResponse::fromError(e);
        }
    }
    // A department its officers still belong to stays.
    auto officers = ctx.catalogue->officers(code);
    if (!officers)
        return ApiResponse::fromError(officers.error());
    for (const auto &o : officers.value()) {
        if (o.departmentId.isEmpty()
            || std::any_of(agency->departments.cbegin(), agency->departments.cend(),
                           [&o](const domain::Department &d) { return d.id == o.departmentId; }))
            continue;
        return ApiResponse::error(
            409, QStringLiteral("agency.department_in_use"),
            QStringLiteral("Không thể bỏ phòng ban \"%1\": cán bộ %2 đang thuộc phòng ban này. Hãy "
                           "chuyển cán bộ sang phòng ban khác trước.")
                .arg(o.departmentId, o.fullName),
            QStringLiteral("departments"));
    }
    if (auto st = ctx.catalogue->putAgency(agency.value()); !st)
        return ApiResponse::fromError(st.error());
    return ApiResponse::json(domain::toJson(agency.value()));
}

ApiResponse listProcedures(ServerContext &ctx, ApiRequest &request)
{
    auto procedures = ctx.catalogue->procedures(request.queryValue(QStringLiteral("agency")));
    if (!procedures)
        return ApiResponse::fromError(procedures.error());
    QJsonArray out;
    for (const auto &p : procedures.value())
        out.append(domain::toJson(p));
    return ApiResponse::json({{QStringLiteral("procedures"), out}});
}

ApiResponse getProcedure(ServerContext &ctx, const QString &code)
{
    auto procedure = ctx.catalogue->procedure(code);
    if (!procedure)
        return ApiResponse::fromError(procedure.error());
    if (!procedure.value())
        return notFound(QStringLiteral("thủ tục mã \"%1\"").arg(code));
    return ApiResponse::json(domain::toJson(*procedure.value()));
}

ApiResponse putProcedure(ServerContext &ctx, ApiRequest &request)
{
    const QString code = request.param(QStringLiteral("code"));
    auto existing = ctx.catalogue->procedure(code);
    if (!existing)
        return ApiResponse::fromError(existing.error());
    if (existing.value() && !isAdminOf(request.officer(), existing.value()->agencyCode))
        return forbiddenAgency();
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    auto procedure = domain::procedureFromJson(body.value());
    if (!procedure)
        return ApiResponse::fromError(procedure.error());
    if (procedure->code != code) {
        return badRequest(QStringLiteral("json.bad_value"),
                          QStringLiteral("Mã thủ tục trong nội dung (\"%1\") khác mã trên địa chỉ "
                                         "(\"%2\").")
                              .arg(procedure->code, code),
                          QStringLiteral("code"));
    }
    if (!isAdminOf(request.officer(), procedure->agencyCode))
        return forbiddenAgency();
    if (auto st = ctx.catalogue->putProcedure(procedure.value()); !st)
        return ApiResponse::fromError(st.error());
    return ApiResponse::json(domain::toJson(procedure.value()), existing.value() ? 200 : 201);
}

QJsonObject statusChart(const domain::TransitionChart &chart)
{
    using namespace domain;
    QJsonArray statuses;
    for (const Status s : {Status::AwaitingIntake, Status::Accepted, Status::SupplementRequested,
                           Status::Returned, Status::Stopped, Status::InProgress, Status::Done}) {
        statuses.append(QJsonObject{{QStringLiteral("key"), statusKey(s)},
                                    {QStringLiteral("name"), statusName(s)}});
    }
    QJsonArray stages;
    for (const Stage st : allStages()) {
        stages.append(QJsonObject{{QStringLiteral("key"), stageKey(st)},
                                  {QStringLiteral("name"), stageName(st)},
                                  {QStringLiteral("status"), statusKey(statusOf(st))},
                                  {QStringLiteral("final"), isFinal(st)},
                                  {QStringLiteral("clockRunning"), isClockRunning(st)}});
    }
    QJsonArray events;
    for (const StatusEvent &e : statusCatalogue()) {
        QJsonArray eventStages;
        for (const Stage st : e.stages)
            eventStages.append(stageKey(st));
        events.append(QJsonObject{{QStringLiteral("key"), e.key},
                                  {QStringLiteral("event"), e.event},
                                  {QStringLiteral("status"), statusKey(e.status)},
                                  {QStringLiteral("info"), statusInfoLabel(e.info)},
                                  {QStringLiteral("stages"), eventStages}});
    }
    QJsonArray transitions;
    for (const Transition &t : chart.transitions()) {
        transitions.append(QJsonObject{{QStringLiteral("from"), stageKey(t.from)},
                                       {QStringLiteral("action"), actionTypeKey(t.action)},
                                       {QStringLiteral("to"), stageKey(t.to)}});
    }
    QJsonArray initial;
    for (const Stage st : chart.initialStages())
        initial.append(stageKey(st));
    return {{QStringLiteral("statuses"), statuses},
            {QStringLiteral("stages"), stages},
            {QStringLiteral("events"), events},
            {QStringLiteral("transitions"), transitions},
            {QStringLiteral("initialStages"), initial}};
}

// A document's version as an entity tag (the calendar's, the chart's): the SHA-256 of the JSON
// GET answers with, so a client can also compute it from the body it read.
QByteArray entityTag(const QByteArray &json)
{
    return '"' + QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex() + '"';
}

ApiResponse getCalendar(ServerContext &ctx)
{
    auto calendar = ctx.catalogue->holidayCalendar();
    if (!calendar)
        return ApiResponse::fromError(calendar.error());
    const QByteArray json = calendar->toJson();
    ApiResponse r = ApiResponse::text(json, QByteArrayLiteral("application/json"));
    r.headers.append({QByteArrayLiteral("ETag"), entityTag(json)});
    return r;
}

// With If-Match (the tag of the calendar the admin edited), a calendar changed since by someone
// else is not overwritten: 409 calendar.stale. Without it the write replaces whatever is there.
ApiResponse putCalendar(ServerContext &ctx, ApiRequest &request)
{
    if (auto body = bodyObject(request); !body)
        return ApiResponse::fromError(body.error());
    auto calendar = domain::HolidayCalendar::fromJson(request.body);
    if (!calendar)
        return ApiResponse::fromError(calendar.error());
    const QByteArray expected = request.header(QByteArrayLiteral("If-Match")).trimmed();
    CatalogueStore::StillCurrent stillCurrent;
    if (!expected.isEmpty() && expected != "*") {
        // Compared in the write's own transaction: two admins saving at once cannot both pass.
        stillCurrent = [&expected](const domain::HolidayCalendar &current) {
            return entityTag(current.toJson()) == expected;
        };
    }
    if (auto st = ctx.catalogue->putHolidayCalendar(calendar.value(), stillCurrent); !st) {
        if (st.error().code == QLatin1String("calendar.stale")) {
            return ApiResponse::error(
                409, QStringLiteral("calendar.stale"),
                QStringLiteral("Lịch nghỉ đã được một quản trị viên khác thay đổi sau khi bạn mở "
                               "nó; hãy tải lại lịch rồi sửa lại."),
                QStringLiteral("If-Match"));
        }
        return ApiResponse::fromError(st.error());
    }
    const QByteArray json = calendar->toJson();
    ApiResponse r = ApiResponse::text(json, QByteArrayLiteral("application/json"));
    r.headers.append({QByteArrayLiteral("ETag"), entityTag(json)});
    return r;
}

// The chart's settings as GET answers them (their entity tag is taken over this).
QByteArray chartJson(const domain::ChartSettings &settings)
{
    return QJsonDocument(domain::toJson(settings)).toJson(QJsonDocument::Compact);
}

ApiResponse chartAnswer(const domain::ChartSettings &settings)
{
    const QByteArray json = chartJson(settings);
    ApiResponse r = ApiResponse::text(json, QByteArrayLiteral("application/json"));
    r.headers.append({QByteArrayLiteral("ETag"), entityTag(json)});
    return r;
}

ApiResponse getChart(ServerContext &ctx)
{
    auto settings = ctx.catalogue->chartSettings();
    if (!settings)
        return ApiResponse::fromError(settings.error());
    return chartAnswer(settings.value());
}

// R04.2: the admin switches off optional steps and narrows roles; it counts at the next action
// the server judges. With If-Match, settings changed since by someone else are not overwritten.
ApiResponse putChart(ServerContext &ctx, ApiRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    auto settings = domain::chartSettingsFromJson(body.value());
    if (!settings)
        return ApiResponse::fromError(settings.error());
    // Whether they make a chart (a locked step, a dead end) is the store's check.
    const QByteArray expected = request.header(QByteArrayLiteral("If-Match")).trimmed();
    CatalogueStore::ChartStillCurrent stillCurrent;
    if (!expected.isEmpty() && expected != "*") {
        stillCurrent = [&expected](const domain::ChartSettings &current) {
            return entityTag(chartJson(current)) == expected;
        };
    }
    if (auto st = ctx.catalogue->putChartSettings(settings.value(), stillCurrent); !st) {
        if (st.error().code == QLatin1String("chart.stale")) {
            return ApiResponse::error(
                409, QStringLiteral("chart.stale"),
                QStringLiteral("Lưu đồ trạng thái đã được một quản trị viên khác thay đổi sau khi "
                               "bạn mở nó; hãy tải lại rồi sửa lại."),
                QStringLiteral("If-Match"));
        }
        return ApiResponse::fromError(st.error());
    }
    return chartAnswer(settings.value());
}

} // namespace

void addCatalogueRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"GET",
               QStringLiteral("/api/v1/agencies"),
               Access::Officer,
               {},
               QStringLiteral("List agencies"),
               [&ctx](ApiRequest &) { return listAgencies(ctx); }});
    table.add({"GET",
               QStringLiteral("/api/v1/agencies/{code}"),
               Access::Officer,
               {},
               QStringLiteral("One agency with its departments"),
               [&ctx](ApiRequest &request) {
                   return getAgency(ctx, request.param(QStringLiteral("code")));
               }});
    table.add({"PUT",
               QStringLiteral("/api/v1/agencies/{code}"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Update the admin's own agency"),
               [&ctx](ApiRequest &request) { return putAgency(ctx, request); }});

    table.add({"GET",
               QStringLiteral("/api/v1/procedures"),
               Access::Officer,
               {},
               QStringLiteral("List procedures (?agency=CODE)"),
               [&ctx](ApiRequest &request) { return listProcedures(ctx, request); }});
    table.add({"GET",
               QStringLiteral("/api/v1/procedures/{code}"),
               Access::Officer,
               {},
               QStringLiteral("One procedure"),
               [&ctx](ApiRequest &request) {
                   return getProcedure(ctx, request.param(QStringLiteral("code")));
               }});
    table.add({"PUT",
               QStringLiteral("/api/v1/procedures/{code}"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Create or update a procedure of the admin's agency"),
               [&ctx](ApiRequest &request) { return putProcedure(ctx, request); }});

    table.add(
        {"GET",
         QStringLiteral("/api/v1/statuses"),
         Access::Officer,
         {},
         QStringLiteral("Status catalogue and transition chart"),
         [&ctx](ApiRequest &) { return ApiResponse::json(statusChart(ctx.directory->chart())); }});
    table.add({"GET",
               QStringLiteral("/api/v1/transition-chart"),
               Access::Officer,
               {},
               QStringLiteral("The province's changes to the standard transition chart"),
               [&ctx](ApiRequest &) { return getChart(ctx); }});
    table.add({"PUT",
               QStringLiteral("/api/v1/transition-chart"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Replace the province's changes to the standard transition chart"),
               [&ctx](ApiRequest &request) { return putChart(ctx, request); }});

    table.add({"GET",
               QStringLiteral("/api/v1/calendar"),
               Access::Officer,
               {},
               QStringLiteral("Yearly holiday decisions"),
               [&ctx](ApiRequest &) { return getCalendar(ctx); }});
    table.add({"PUT",
               QStringLiteral("/api/v1/calendar"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Replace the yearly holiday decisions"),
               [&ctx](ApiRequest &request) { return putCalendar(ctx, request); }});
}

} // namespace motcua::server::http
