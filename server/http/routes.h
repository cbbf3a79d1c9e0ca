#pragma once

// The route table, area by area. Each add…Routes() appends its routes; handlers capture `ctx`
// and run on the worker pool after the guard (token, roles) has passed. Agency scope is checked
// in the handlers, where the resource's agency is known.
#include "route_table.h"
#include "server_context.h"

#include <optional>

namespace motcua::server::http {

void addOpsRoutes(RouteTable &table, ServerContext &ctx);  // health, metrics
void addAuthRoutes(RouteTable &table, ServerContext &ctx); // login, refresh, logout
void addCatalogueRoutes(RouteTable &table,
                        ServerContext &ctx); // agencies, procedures, statuses, calendar
void addOfficerRoutes(RouteTable &table, ServerContext &ctx);         // officers
void addGroupRoutes(RouteTable &table, ServerContext &ctx);           // groups of officers
void addSharedCatalogueRoutes(RouteTable &table, ServerContext &ctx); // document types, fields
void addWorkflowRoutes(RouteTable &table, ServerContext &ctx);        // workflows
void addSyncRoutes(RouteTable &table, ServerContext &ctx);            // push, changes, dossiers
void addCodeRoutes(RouteTable &table, ServerContext &ctx);            // dossier code leases
void addPublicRoutes(RouteTable &table, ServerContext &ctx);          // public lookup (R26)

void addBlobRoutes(RouteTable &table, ServerContext &ctx); // blobs: upload (resumable), download
void addSlipTemplateRoutes(RouteTable &table, ServerContext &ctx);   // printable slip templates
void addReportRoutes(RouteTable &table, ServerContext &ctx);         // statistics, public status
void addReportTemplateRoutes(RouteTable &table, ServerContext &ctx); // saved report templates

// The public routes' shared rate limit per source address: a 429 answer, or none.
std::optional<ApiResponse> publicThrottle(ServerContext &ctx, const ApiRequest &request);
void addAdminRoutes(RouteTable &table, ServerContext &ctx); // accounts, import, admin trail

// Every route of the server, in documentation order.
RouteTable buildRouteTable(ServerContext &ctx);

// "Nguyễn Văn Đức" → "Nguyễn V** Đ**" (public lookup with the slip's token).
QString maskName(const QString &name);

// Helpers shared by the areas.
inline bool isAdminOf(const domain::Officer &officer, const QString &agencyCode)
{
    return officer.hasRole(domain::Role::Admin) && officer.agencyCode == agencyCode;
}

} // namespace motcua::server::http
