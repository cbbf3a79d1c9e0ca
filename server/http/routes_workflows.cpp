// Workflows: versioned definitions every officer reads; an admin of the procedure's agency adds a
// version, validated with the domain (steps, reachability, Σ durations ≤ the procedure's deadline).
#include "routes.h"

#include <domain/json.h>

namespace motcua::server::http {

using domain::Role;

namespace {

ApiResponse listWorkflows(ServerContext &ctx)
{
    auto workflows = ctx.catalogue->workflows();
    if (!workflows)
        return ApiResponse::fromError(workflows.error());
    QJsonArray out;
    for (const auto &w : workflows.value())
        out.append(domain::toJson(w));
    return ApiResponse::json({{QStringLiteral("workflows"), out}});
}

ApiResponse getWorkflow(ServerContext &ctx, ApiRequest &request)
{
    const QString id = request.param(QStringLiteral("id"));
    auto version = queryInteger(request, QStringLiteral("version"), 0, 1, 100000);
    if (!version)
        return ApiResponse::fromError(version.error());
    auto workflow = ctx.catalogue->workflow(id, int(version.value()));
    if (!workflow)
        return ApiResponse::fromError(workflow.error());
    if (!workflow.value())
        return notFound(QStringLiteral("quy trình \"%1\"").arg(id));
    return ApiResponse::json(domain::toJson(*workflow.value()));
}

// A step given to a group names one of the agency's groups (R01.2c).
domain::Check checkGroups(ServerContext &ctx, const domain::Workflow &workflow,
                          const QString &agencyCode)
{
    QStringList known;
    for (qsizetype i = 0; i < workflow.steps.size(); ++i) {
        const auto &step = workflow.steps.at(i);
        if (step.assigneeKind != domain::AssigneeKind::Group)
            continue;
        if (known.isEmpty()) {
            auto groups = ctx.catalogue->groups(agencyCode);
            if (!groups)
                return groups.error();
            for (const auto &g : groups.value())
                known.append(g.id);
            known.append(QString()); // looked up, even when there are none
        }
        if (step.assignee.isEmpty() || !known.contains(step.assignee)) {
            return domain::makeError(
                QStringLiteral("workflow.unknown_group"),
                QStringLiteral("Bước \"%1\" được giao cho nhóm \"%2\", nhưng cơ quan không có "
                               "nhóm cán bộ này.")
                    .arg(step.name, step.assignee),
                QStringLiteral("steps[%1].assignee").arg(i));
        }
    }
    return {};
}

ApiResponse addVersion(ServerContext &ctx, ApiRequest &request)
{
    const QString id = request.param(QStringLiteral("id"));
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    auto workflow = domain::workflowFromJson(body.value());
    if (!workflow)
        return ApiResponse::fromError(workflow.error());
    if (workflow->id != id) {
        return badRequest(
            QStringLiteral("json.bad_value"),
            QStringLiteral("Mã quy trình trong nội dung (\"%1\") khác mã trên địa chỉ "
                           "(\"%2\").")
                .arg(workflow->id, id),
            QStringLiteral("id"));
    }
    auto procedure = ctx.catalogue->procedure(workflow->procedureCode);
    if (!procedure)
        return ApiResponse::fromError(procedure.error());
    if (!procedure.value()) {
        return badRequest(
            QStringLiteral("json.bad_value"),
            QStringLiteral("Không có thủ tục mã \"%1\".").arg(workflow->procedureCode),
            QStringLiteral("procedureCode"));
    }
    if (!isAdminOf(request.officer(), procedure.value()->agencyCode))
        return forbiddenAgency();
    if (auto st = domain::validateWorkflow(workflow.value(), procedure.value()->deadline); !st)
        return ApiResponse::fromError(st.error());
    if (auto st = checkGroups(ctx, workflow.value(), procedure.value()->agencyCode); !st)
        return ApiResponse::fromError(st.error());

    auto latest = ctx.catalogue->workflow(id, 0);
    if (!latest)
        return ApiResponse::fromError(latest.error());
    const int next = latest.value() ? latest.value()->version + 1 : 1;
    if (workflow->version != next) {
        return ApiResponse::error(409, QStringLiteral("workflow.version_conflict"),
                                  QStringLiteral("Phiên bản mới của quy trình \"%1\" phải là %2 "
                                                 "(nhận được %3): đã có người khác cập nhật.")
                                      .arg(id)
                                      .arg(next)
                                      .arg(workflow->version),
                                  QStringLiteral("version"), {{QStringLiteral("expected"), next}});
    }
    if (auto st = ctx.catalogue->addWorkflowVersion(workflow.value()); !st)
        return ApiResponse::fromError(st.error());
    return ApiResponse::json(domain::toJson(workflow.value()), 201);
}

} // namespace

void addWorkflowRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"GET",
               QStringLiteral("/api/v1/workflows"),
               Access::Officer,
               {},
               QStringLiteral("Latest version of every workflow"),
               [&ctx](ApiRequest &) { return listWorkflows(ctx); }});
    table.add({"GET",
               QStringLiteral("/api/v1/workflows/{id}"),
               Access::Officer,
               {},
               QStringLiteral("One workflow (?version=N, default latest)"),
               [&ctx](ApiRequest &request) { return getWorkflow(ctx, request); }});
    table.add({"POST",
               QStringLiteral("/api/v1/workflows/{id}/versions"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Add a new version of a workflow"),
               [&ctx](ApiRequest &request) { return addVersion(ctx, request); }});
}

} // namespace motcua::server::http
