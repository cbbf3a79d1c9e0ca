// Officers: every officer reads their own agency's accounts (heads assign from this list); admins
// create and update accounts of their agency. Password hashes never leave the server; a
// deactivation or a new password revokes the officer's tokens at once.
#include "routes.h"

#include <domain/folding.h>
#include <domain/json.h>

namespace motcua::server::http {

using domain::Officer;
using domain::Role;

namespace {

// The body's "password" (optional or required), checked by the password policy.
domain::Result<QString> readPassword(const QJsonObject &body, bool required)
{
    const QJsonValue value = body.value(QStringLiteral("password"));
    if (value.isUndefined() || value.isNull()) {
        if (!required)
            return QString();
        return domain::makeError(
            QStringLiteral("json.missing_field"),
            QStringLiteral("Thiếu trường bắt buộc \"password\" (mật khẩu ban đầu)."),
            QStringLiteral("password"));
    }
    if (!value.isString()) {
        return domain::makeError(QStringLiteral("json.wrong_type"),
                                 QStringLiteral("Trường \"password\" phải là chuỗi ký tự."),
                                 QStringLiteral("password"));
    }
    const QString password = value.toString();
    if (auto st = checkPasswordPolicy(password); !st) {
        domain::Error e = st.error();
        e.field = QStringLiteral("password");
        return e;
    }
    return password;
}

// The officer's department must exist in the agency.
domain::Check checkDepartment(ServerContext &ctx, const Officer &officer)
{
    auto agency = ctx.catalogue->agency(officer.agencyCode);
    if (!agency)
        return agency.error();
    if (!agency.value()) {
        return domain::makeError(
            QStringLiteral("json.bad_value"),
            QStringLiteral("Không có cơ quan mã \"%1\".").arg(officer.agencyCode),
            QStringLiteral("agencyCode"));
    }
    if (officer.departmentId.isEmpty())
        return {};
    const auto &departments = agency.value()->departments;
    if (std::none_of(departments.cbegin(), departments.cend(),
                     [&](const auto &d) { return d.id == officer.departmentId; })) {
        return domain::makeError(QStringLiteral("json.bad_value"),
                                 QStringLiteral("Cơ quan %1 không có phòng ban mã \"%2\".")
                                     .arg(officer.agencyCode, officer.departmentId),
                                 QStringLiteral("departmentId"));
    }
    return {};
}

ApiResponse conflict(const QString &code, const QString &message, const QString &field)
{
    return ApiResponse::error(409, code, message, field);
}

ApiResponse listOfficers(ServerContext &ctx, ApiRequest &request)
{
    QString agency = request.queryValue(QStringLiteral("agency"));
    if (agency.isEmpty())
        agency = request.officer().agencyCode;
    if (agency != request.officer().agencyCode)
        return forbiddenAgency();
    auto officers = ctx.catalogue->officers(agency);
    if (!officers)
        return ApiResponse::fromError(officers.error());
    // ?q= searches names, user names, titles and ids, accents and case aside (R01.2a).
    const QString q = domain::foldForSearch(request.queryValue(QStringLiteral("q")));
    QJsonArray out;
    for (const auto &o : officers.value()) {
        if (!q.isEmpty()
            && !domain::foldForSearch(
                    QStringList{o.fullName, o.username, o.title, o.id}.join(QLatin1Char(' ')))
                    .contains(q))
            continue;
        out.append(domain::toJson(o));
    }
    return ApiResponse::json({{QStringLiteral("officers"), out}});
}

ApiResponse getOfficer(ServerContext &ctx, ApiRequest &request)
{
    const QString id = request.param(QStringLiteral("id"));
    auto officer = ctx.catalogue->officer(id);
    if (!officer)
        return ApiResponse::fromError(officer.error());
    if (!officer.value())
        return notFound(QStringLiteral("tài khoản cán bộ \"%1\"").arg(id));
    if (officer.value()->agencyCode != request.officer().agencyCode)
        return forbiddenAgency();
    return ApiResponse::json(domain::toJson(*officer.value()));
}

ApiResponse createOfficer(ServerContext &ctx, ApiRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    auto officer = domain::officerFromJson(without(body.value(), QStringLiteral("password")));
    if (!officer)
        return ApiResponse::fromError(officer.error());
    if (!isAdminOf(request.officer(), officer->agencyCode))
        return forbiddenAgency();
    officer.value().groupIds.clear(); // membership is the groups' to say (PUT /groups/{id})
    officer.value().groupRoles.clear();
    auto password = readPassword(body.value(), true);
    if (!password)
        return ApiResponse::fromError(password.error());
    if (auto st = checkDepartment(ctx, officer.value()); !st)
        return ApiResponse::fromError(st.error());

    auto byId = ctx.catalogue->officer(officer->id);
    if (!byId)
        return ApiResponse::fromError(byId.error());
    if (byId.value()) {
        return conflict(QStringLiteral("officer.exists"),
                        QStringLiteral("Đã có tài khoản mã \"%1\".").arg(officer->id),
                        QStringLiteral("id"));
    }
    auto byName = ctx.catalogue->officerByUsername(officer->username);
    if (!byName)
        return ApiResponse::fromError(byName.error());
    if (byName.value()) {
        return conflict(QStringLiteral("officer.username_taken"),
                        QStringLiteral("Tên đăng nhập \"%1\" đã được dùng.").arg(officer->username),
                        QStringLiteral("username"));
    }
    auto hash = hashPassword(password.value());
    if (!hash)
        return ApiResponse::fromError(hash.error());
    if (auto st = ctx.catalogue->putOfficer(officer.value(), hash.value()); !st)
        return ApiResponse::fromError(st.error());
    return ApiResponse::json(domain::toJson(officer.value()), 201);
}

ApiResponse updateOfficer(ServerContext &ctx, ApiRequest &request)
{
    const QString id = request.param(QStringLiteral("id"));
    auto existing = ctx.catalogue->officer(id);
    if (!existing)
        return ApiResponse::fromError(existing.error());
    if (!existing.value())
        return notFound(QStringLiteral("tài khoản cán bộ \"%1\"").arg(id));
    if (!isAdminOf(request.officer(), existing.value()->agencyCode))
        return forbiddenAgency();

    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    auto officer = domain::officerFromJson(without(body.value(), QStringLiteral("password")));
    if (!officer)
        return ApiResponse::fromError(officer.error());
    if (officer->id != id) {
        return badRequest(
            QStringLiteral("json.bad_value"),
            QStringLiteral("Mã tài khoản trong nội dung (\"%1\") khác mã trên địa chỉ "
                           "(\"%2\").")
                .arg(officer->id, id),
            QStringLiteral("id"));
    }
    if (!isAdminOf(request.officer(), officer->agencyCode))
        return forbiddenAgency(); // moving an account to another agency
    // Membership is the groups' to say: what the body claims is replaced by what they grant.
    officer.value().groupIds = existing.value()->groupIds;
    officer.value().groupRoles = existing.value()->groupRoles;
    auto password = readPassword(body.value(), false);
    if (!password)
        return ApiResponse::fromError(password.error());
    if (auto st = checkDepartment(ctx, officer.value()); !st)
        return ApiResponse::fromError(st.error());
    if (id == request.officer().id && (!officer->active || !officer->hasRole(Role::Admin))) {
        return conflict(
            QStringLiteral("officer.self_lockout"),
            QStringLiteral("Không thể tự khóa tài khoản của mình hoặc tự bỏ vai trò quản "
                           "trị."),
            officer->active ? QStringLiteral("roles") : QStringLiteral("active"));
    }
    if (officer->username != existing.value()->username) {
        auto byName = ctx.catalogue->officerByUsername(officer->username);
        if (!byName)
            return ApiResponse::fromError(byName.error());
        if (byName.value() && byName.value()->id != id) {
            return conflict(
                QStringLiteral("officer.username_taken"),
                QStringLiteral("Tên đăng nhập \"%1\" đã được dùng.").arg(officer->username),
                QStringLiteral("username"));
        }
    }

    if (auto st = ctx.catalogue->putOfficer(officer.value()); !st)
        return ApiResponse::fromError(st.error());
    if (auto stored = ctx.catalogue->officer(id); stored && stored.value())
        officer = *stored.value(); // an account moved to another agency left its groups
    if (!password->isEmpty()) {
        if (auto st = ctx.auth->changePassword(id, password.value()); !st)
            return ApiResponse::fromError(st.error());
    }
    if (existing.value()->active != officer->active || !officer->active) {
        if (auto st = ctx.auth->setActive(id, officer->active); !st)
            return ApiResponse::fromError(st.error());
    }
    return ApiResponse::json(domain::toJson(officer.value()));
}

} // namespace

void addOfficerRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"GET",
               QStringLiteral("/api/v1/officers"),
               Access::Officer,
               {},
               QStringLiteral("Officers of the caller's agency"),
               [&ctx](ApiRequest &request) { return listOfficers(ctx, request); }});
    table.add({"GET",
               QStringLiteral("/api/v1/officers/{id}"),
               Access::Officer,
               {},
               QStringLiteral("One officer of the caller's agency"),
               [&ctx](ApiRequest &request) { return getOfficer(ctx, request); }});
    table.add({"POST",
               QStringLiteral("/api/v1/officers"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Create an officer with an initial password"),
               [&ctx](ApiRequest &request) { return createOfficer(ctx, request); }});
    table.add({"PUT",
               QStringLiteral("/api/v1/officers/{id}"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Update an officer (active=false revokes the tokens)"),
               [&ctx](ApiRequest &request) { return updateOfficer(ctx, request); }});
}

} // namespace motcua::server::http
