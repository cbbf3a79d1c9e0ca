// Operations: health and Prometheus metrics (no token: scraped by monitoring on the same host).
#include "migrations.h"
#include "routes.h"

namespace motcua::server::http {

void addOpsRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"GET",
               QStringLiteral("/api/v1/health"),
               Access::Public,
               {},
               QStringLiteral("Liveness and database check"),
               [&ctx](ApiRequest &) {
                   auto version = currentSchemaVersion(*ctx.db);
                   if (!version) {
                       ApiResponse r = ApiResponse::json(
                           {{QStringLiteral("status"), QStringLiteral("error")},
                            {QStringLiteral("db"), QStringLiteral("error")},
                            {QStringLiteral("message"),
                             QStringLiteral("Máy chủ không kết nối được cơ sở dữ liệu.")}},
                           503);
                       r.errorCode = version.error().code;
                       return r;
                   }
                   return ApiResponse::json(
                       {{QStringLiteral("status"), QStringLiteral("ok")},
                        {QStringLiteral("db"), QStringLiteral("ok")},
                        {QStringLiteral("schemaVersion"), version.value()},
                        {QStringLiteral("version"), QStringLiteral(MOTCUA_VERSION)}});
               }});

    table.add({"GET",
               QStringLiteral("/metrics"),
               Access::Public,
               {},
               QStringLiteral("Prometheus metrics"),
               [&ctx](ApiRequest &) {
                   return ApiResponse::text(
                       ctx.metrics.render() + Metrics::render(ctx.sync->pieceCache().stats())
                           + Metrics::render(ctx.sync->feedRanges().stats())
                           + Metrics::render(ctx.sync->batchStats())
                           + Metrics::render(ctx.auth->sessionStats()),
                       QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
               }});
}

RouteTable buildRouteTable(ServerContext &ctx)
{
    RouteTable table;
    addOpsRoutes(table, ctx);
    addAuthRoutes(table, ctx);
    addCatalogueRoutes(table, ctx);
    addOfficerRoutes(table, ctx);
    addGroupRoutes(table, ctx);
    addSharedCatalogueRoutes(table, ctx);
    addAdminRoutes(table, ctx);
    addWorkflowRoutes(table, ctx);
    addSlipTemplateRoutes(table, ctx);
    addSyncRoutes(table, ctx);
    addCodeRoutes(table, ctx);
    addBlobRoutes(table, ctx);
    addPublicRoutes(table, ctx);
    addReportRoutes(table, ctx);
    addReportTemplateRoutes(table, ctx);
    return table;
}

} // namespace motcua::server::http
