// Groups of officers (R01.2b, R01.2c): every officer reads their agency's groups (the workflow
// designer and the dossier view name them); an admin of the agency creates, changes and deletes
// them. A change takes effect at once: the server reads an officer's groups with the account.
#include "routes.h"

#include <domain/json.h>

namespace motcua::server::http {

using domain::Role;

namespace {

ApiResponse listGroups(ServerContext &ctx, ApiRequest &request)
{
    auto groups = ctx.catalogue->groups(request.officer().agencyCode);
    if (!groups)
        return ApiResponse::fromError(groups.error());
    QJsonArray out;
    for (const auto &g : groups.value())
        out.append(domain::toJson(g));
    return ApiResponse::json({{QStringLiteral("groups"), out}});
}

// The group at {id} when it is the caller's agency's (nullopt: none by that id).
domain::Result<std::optional<domain::OfficerGroup>>
ownGroup(ServerContext &ctx, ApiRequest &request, ApiResponse *refusal)
{
    const QString id = request.param(QStringLiteral("id"));
    auto existing = ctx.catalogue->group(id);
    if (!existing) {
        *refusal = ApiResponse::fromError(existing.error());
        return existing.error();
    }
    if (existing.value() && !isAdminOf(request.officer(), existing.value()->agencyCode)) {
        *refusal = forbiddenAgency();
        return domain::makeError(QStringLiteral("auth.forbidden_agency"), {});
    }
    return existing;
}

// Steps of the agency's workflows given to group `id`, as "workflow › step" (none: deletable).
domain::Result<QStringList> stepsGivenTo(ServerContext &ctx, const QString &agencyCode,
                                         const QString &id)
{
    auto workflows = ctx.catalogue->workflows();
    if (!workflows)
        return workflows.error();
    QStringList out;
    for (const auto &w : workflows.value()) {
        for (const auto &s : w.steps) {
            if (s.assigneeKind != domain::AssigneeKind::Group || s.assignee != id)
                continue;
            auto procedure = ctx.catalogue->procedure(w.procedureCode);
            if (!procedure)
                return procedure.error();
            if (procedure.value() && procedure.value()->agencyCode == agencyCode)
                out.append(QStringLiteral("%1 › %2").arg(w.name, s.name));
        }
    }
    return out;
}

// An admin may not take the admin role away from themself through a group, as they may not on
// their own account (officer.self_lockout): `changed` replaces group `id` (null: deletes it).
std::optional<ApiResponse> refuseSelfLockout(ServerContext &ctx, const domain::Officer &me,
                                             const QString &id, const domain::OfficerGroup *changed)
{
    if (me.roles.contains(Role::Admin))
        return std::nullopt;
    auto groups = ctx.catalogue->groups(me.agencyCode);
    if (!groups)
        return ApiResponse::fromError(groups.error());
    const bool keeps = [&] {
        if (changed && changed->roles.contains(Role::Admin) && changed->memberIds.contains(me.id))
            return true;
        return std::any_of(groups->cbegin(), groups->cend(), [&](const domain::OfficerGroup &g) {
            return g.id != id && g.roles.contains(Role::Admin) && g.memberIds.contains(me.id);
        });
    }();
    if (keeps)
        return std::nullopt;
    return ApiResponse::error(409, QStringLiteral("group.self_lockout"),
                              QStringLiteral("Không thể tự bỏ quyền quản trị của mình qua nhóm "
                                             "cán bộ: tài khoản của bạn chỉ có quyền này nhờ "
                                             "nhóm \"%1\".")
                                  .arg(changed ? changed->name : id),
                              QStringLiteral("roles"));
}

ApiResponse putGroup(ServerContext &ctx, ApiRequest &request)
{
    ApiResponse refusal;
    auto existing = ownGroup(ctx, request, &refusal);
    if (!existing)
        return refusal;
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    auto group = domain::officerGroupFromJson(body.value());
    if (!group)
        return ApiResponse::fromError(group.error());
    const QString id = request.param(QStringLiteral("id"));
    if (group->id != id) {
        return badRequest(QStringLiteral("json.bad_value"),
                          QStringLiteral("Mã nhóm trong nội dung (\"%1\") khác mã trên địa chỉ "
                                         "(\"%2\").")
                              .arg(group->id, id),
                          QStringLiteral("id"));
    }
    if (!isAdminOf(request.officer(), group->agencyCode))
        return forbiddenAgency();
    if (auto lockout = refuseSelfLockout(ctx, request.officer(), id, &group.value()))
        return *lockout;
    const bool created = !existing.value();
    if (auto st = ctx.catalogue->putGroup(group.value()); !st) {
        const int status = st.error().code == QLatin1String("group.exists") ? 409 : 400;
        return ApiResponse::error(status, st.error().code, st.error().message, st.error().field);
    }
    auto stored = ctx.catalogue->group(id);
    if (!stored || !stored.value())
        return ApiResponse::fromError(stored ? domain::makeError(QStringLiteral("db.error"), {})
                                             : stored.error());
    return ApiResponse::json(domain::toJson(*stored.value()), created ? 201 : 200);
}

ApiResponse deleteGroup(ServerContext &ctx, ApiRequest &request)
{
    ApiResponse refusal;
    auto existing = ownGroup(ctx, request, &refusal);
    if (!existing)
        return refusal;
    const QString id = request.param(QStringLiteral("id"));
    if (!existing.value())
        return notFound(QStringLiteral("nhóm cán bộ \"%1\"").arg(id));
    auto steps = stepsGivenTo(ctx, existing.value()->agencyCode, id);
    if (!steps)
        return ApiResponse::fromError(steps.error());
    if (!steps->isEmpty()) {
        return ApiResponse::error(
            409, QStringLiteral("group.in_use"),
            QStringLiteral("Nhóm \"%1\" đang được giao các bước quy trình: %2. Hãy giao các bước "
                           "này cho người khác trước khi xóa nhóm.")
                .arg(existing.value()->name, steps->join(QStringLiteral("; "))),
            QStringLiteral("id"));
    }
    if (auto lockout = refuseSelfLockout(ctx, request.officer(), id, nullptr))
        return *lockout;
    auto deleted = ctx.catalogue->deleteGroup(id);
    if (!deleted)
        return ApiResponse::fromError(deleted.error());
    return ApiResponse::json({{QStringLiteral("deleted"), id}});
}

} // namespace

void addGroupRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"GET",
               QStringLiteral("/api/v1/groups"),
               Access::Officer,
               {},
               QStringLiteral("Groups of officers of the caller's agency, with their members"),
               [&ctx](ApiRequest &request) { return listGroups(ctx, request); }});
    table.add({"PUT",
               QStringLiteral("/api/v1/groups/{id}"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Create or replace a group (name, roles it grants, members)"),
               [&ctx](ApiRequest &request) { return putGroup(ctx, request); }});
    table.add({"DELETE",
               QStringLiteral("/api/v1/groups/{id}"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Delete a group no workflow step is given to"),
               [&ctx](ApiRequest &request) { return deleteGroup(ctx, request); }});
}

} // namespace motcua::server::http
