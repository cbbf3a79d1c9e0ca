// Report templates (R24): the report readers of an agency (leaders, heads, controllers, admins)
// keep their own templates and use the agency's shared ones; leaders and admins write the shared
// ones. The store decides who sees and writes what; every write joins the administration trail.
#include "routes.h"

#include <domain/jsonreader.h>

namespace motcua::server::http {

namespace {

const QList<domain::Role> kReaders{domain::Role::Leader, domain::Role::Head,
                                   domain::Role::Controller, domain::Role::Admin};

domain::Result<QUuid> idParam(const ApiRequest &request)
{
    const QUuid id = QUuid::fromString(request.param(QStringLiteral("id")));
    if (id.isNull()) {
        return domain::makeError(QStringLiteral("report_template.not_found"),
                                 QStringLiteral("Mã mẫu báo cáo không hợp lệ."));
    }
    return id;
}

domain::Result<reports::ReportTemplate> bodyTemplate(const ApiRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return body.error();
    return reports::templateFromJson(body.value());
}

ApiResponse list(ServerContext &ctx, ApiRequest &request)
{
    auto templates = ctx.reportTemplates->visibleTo(request.officer());
    if (!templates)
        return ApiResponse::fromError(templates.error());
    QJsonArray out;
    for (const auto &t : templates.value())
        out.append(reports::toJson(t));
    return ApiResponse::json(
        {{QStringLiteral("templates"), out},
         {QStringLiteral("canShare"), ReportTemplateStore::canShare(request.officer())}});
}

ApiResponse get(ServerContext &ctx, ApiRequest &request)
{
    auto id = idParam(request);
    if (!id)
        return ApiResponse::fromError(id.error());
    auto t = ctx.reportTemplates->find(request.officer(), id.value());
    if (!t)
        return ApiResponse::fromError(t.error());
    return ApiResponse::json(reports::toJson(t.value()));
}

ApiResponse create(ServerContext &ctx, ApiRequest &request)
{
    auto t = bodyTemplate(request);
    if (!t)
        return ApiResponse::fromError(t.error());
    auto stored = ctx.reportTemplates->create(request.officer(), t.value());
    if (!stored)
        return ApiResponse::fromError(stored.error());
    return ApiResponse::json(reports::toJson(stored.value()), 201);
}

ApiResponse update(ServerContext &ctx, ApiRequest &request)
{
    auto id = idParam(request);
    if (!id)
        return ApiResponse::fromError(id.error());
    auto t = bodyTemplate(request);
    if (!t)
        return ApiResponse::fromError(t.error());
    auto stored = ctx.reportTemplates->update(request.officer(), id.value(), t.value());
    if (!stored)
        return ApiResponse::fromError(stored.error());
    return ApiResponse::json(reports::toJson(stored.value()));
}

ApiResponse remove(ServerContext &ctx, ApiRequest &request)
{
    auto id = idParam(request);
    if (!id)
        return ApiResponse::fromError(id.error());
    if (auto st = ctx.reportTemplates->remove(request.officer(), id.value()); !st)
        return ApiResponse::fromError(st.error());
    return ApiResponse::json({{QStringLiteral("deleted"), id->toString(QUuid::WithoutBraces)}});
}

} // namespace

void addReportTemplateRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"GET", QStringLiteral("/api/v1/report-templates"), Access::Officer, kReaders,
               QStringLiteral("The caller's own report templates and the agency's shared ones"),
               [&ctx](ApiRequest &request) { return list(ctx, request); }});
    table.add({"POST", QStringLiteral("/api/v1/report-templates"), Access::Officer, kReaders,
               QStringLiteral("Save a new report template (shared: leaders and admins)"),
               [&ctx](ApiRequest &request) { return create(ctx, request); }, true});
    table.add({"GET", QStringLiteral("/api/v1/report-templates/{id}"), Access::Officer, kReaders,
               QStringLiteral("One report template the caller may see"),
               [&ctx](ApiRequest &request) { return get(ctx, request); }});
    table.add({"PUT", QStringLiteral("/api/v1/report-templates/{id}"), Access::Officer, kReaders,
               QStringLiteral("Change a report template (its version must be the stored one)"),
               [&ctx](ApiRequest &request) { return update(ctx, request); }, true});
    table.add({"DELETE", QStringLiteral("/api/v1/report-templates/{id}"), Access::Officer, kReaders,
               QStringLiteral("Delete a report template"),
               [&ctx](ApiRequest &request) { return remove(ctx, request); }, true});
}

} // namespace motcua::server::http
