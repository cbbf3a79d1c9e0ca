// Administration (issue 10): resetting an officer's password, activating and deactivating an
// account (both revoke the officer's tokens at once), importing procedures from the National
// Database's exports with a dry run, and reading the administration trail. All admin-only and
// scoped to the admin's own agency; the dispatcher writes every successful change to the trail.
#include "routes.h"

#include <QJsonDocument>

#include <admin_audit.h>
#include <admin_units.h>
#include <domain/adminunits.h>
#include <domain/json.h>
#include <domain/procedureimport.h>

namespace motcua::server::http {

using domain::Role;

namespace {

// The officer at {id}, when the caller administers its agency.
Result<domain::Officer> administeredOfficer(ServerContext &ctx, ApiRequest &request,
                                            ApiResponse *refusal)
{
    const QString id = request.param(QStringLiteral("id"));
    auto officer = ctx.catalogue->officer(id);
    if (!officer) {
        *refusal = ApiResponse::fromError(officer.error());
        return officer.error();
    }
    if (!officer.value()) {
        *refusal = notFound(QStringLiteral("tài khoản cán bộ \"%1\"").arg(id));
        return domain::makeError(QStringLiteral("http.not_found"), {});
    }
    if (!isAdminOf(request.officer(), officer.value()->agencyCode)) {
        *refusal = forbiddenAgency();
        return domain::makeError(QStringLiteral("auth.forbidden_agency"), {});
    }
    return *officer.value();
}

ApiResponse resetPassword(ServerContext &ctx, ApiRequest &request)
{
    ApiResponse refusal;
    auto officer = administeredOfficer(ctx, request, &refusal);
    if (!officer)
        return refusal;
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    const QJsonValue value = body->value(QStringLiteral("password"));
    if (!value.isString() || value.toString().isEmpty()) {
        return badRequest(QStringLiteral("json.missing_field"),
                          QStringLiteral("Thiếu mật khẩu mới (trường \"password\")."),
                          QStringLiteral("password"));
    }
    if (auto st = checkPasswordPolicy(value.toString()); !st) {
        domain::Error e = st.error();
        e.field = QStringLiteral("password");
        return ApiResponse::fromError(e);
    }
    if (auto st = ctx.auth->changePassword(officer->id, value.toString()); !st)
        return ApiResponse::fromError(st.error());
    return ApiResponse::json(
        {{QStringLiteral("id"), officer->id}, {QStringLiteral("tokensRevoked"), true}});
}

ApiResponse setActive(ServerContext &ctx, ApiRequest &request)
{
    ApiResponse refusal;
    auto officer = administeredOfficer(ctx, request, &refusal);
    if (!officer)
        return refusal;
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    const QJsonValue value = body->value(QStringLiteral("active"));
    if (!value.isBool()) {
        return badRequest(QStringLiteral("json.wrong_type"),
                          QStringLiteral("Trường \"active\" phải là true hoặc false."),
                          QStringLiteral("active"));
    }
    const bool active = value.toBool();
    if (!active && officer->id == request.officer().id) {
        return ApiResponse::error(409, QStringLiteral("officer.self_lockout"),
                                  QStringLiteral("Không thể tự khóa tài khoản của mình."),
                                  QStringLiteral("active"));
    }
    domain::Officer updated = officer.value();
    updated.active = active;
    if (auto st = ctx.catalogue->putOfficer(updated); !st)
        return ApiResponse::fromError(st.error());
    if (auto st = ctx.auth->setActive(updated.id, active); !st)
        return ApiResponse::fromError(st.error());
    return ApiResponse::json(domain::toJson(updated));
}

QJsonArray problemsJson(const QList<domain::ImportProblem> &problems)
{
    QJsonArray out;
    for (const auto &p : problems) {
        out.append(QJsonObject{{QStringLiteral("row"), p.row},
                               {QStringLiteral("column"), p.column},
                               {QStringLiteral("message"), p.message},
                               {QStringLiteral("text"), p.toString()}});
    }
    return out;
}

ApiResponse importProcedures(ServerContext &ctx, ApiRequest &request)
{
    const QString dry = request.queryValue(QStringLiteral("dryRun"));
    const bool dryRun = dry == QLatin1String("1") || dry == QLatin1String("true");
    const QByteArray type = request.header(QByteArrayLiteral("Content-Type")).toLower();
    const auto format = type.contains("csv") ? domain::ImportFormat::Csv
        : type.contains("json")              ? domain::ImportFormat::Json
                                             : domain::ImportFormat::Guess;
    domain::ProcedureImport parsed = domain::parseProcedureImport(request.body, format);
    if (!parsed.ok()) {
        return ApiResponse::error(400, QStringLiteral("import.bad_rows"),
                                  QStringLiteral("Tệp có %1 lỗi; chưa nhập thủ tục nào. %2")
                                      .arg(parsed.problems.size())
                                      .arg(parsed.problems.constFirst().toString()),
                                  {},
                                  {{QStringLiteral("problems"), problemsJson(parsed.problems)}});
    }
    const QString own = request.officer().agencyCode;
    for (auto &p : parsed.procedures) {
        if (p.agencyCode.isEmpty())
            p.agencyCode = own;
        if (p.agencyCode != own)
            return forbiddenAgency();
    }
    auto existing = ctx.catalogue->procedures();
    if (!existing)
        return ApiResponse::fromError(existing.error());
    for (const auto &p : existing.value()) {
        const bool imported = std::any_of(parsed.procedures.cbegin(), parsed.procedures.cend(),
                                          [&](const auto &i) { return i.code == p.code; });
        if (imported && p.agencyCode != own)
            return forbiddenAgency(); // another agency's procedure
    }
    const auto changes = domain::previewProcedureImport(parsed.procedures, existing.value());
    QJsonArray rows;
    QList<domain::Procedure> toWrite;
    int counts[3] = {0, 0, 0};
    for (const auto &c : changes) {
        ++counts[int(c.kind)];
        rows.append(QJsonObject{{QStringLiteral("code"), c.procedure.code},
                                {QStringLiteral("name"), c.procedure.name},
                                {QStringLiteral("kind"), domain::importChangeKindKey(c.kind)},
                                {QStringLiteral("fields"), QJsonArray::fromStringList(c.fields)}});
        if (c.kind != domain::ImportChange::Kind::Unchanged)
            toWrite.append(c.procedure);
    }
    if (!dryRun && !toWrite.isEmpty()) {
        if (auto st = ctx.catalogue->putProcedures(toWrite); !st)
            return ApiResponse::fromError(st.error());
    }
    return ApiResponse::json({{QStringLiteral("dryRun"), dryRun},
                              {QStringLiteral("applied"), !dryRun},
                              {QStringLiteral("added"), counts[0]},
                              {QStringLiteral("changed"), counts[1]},
                              {QStringLiteral("unchanged"), counts[2]},
                              {QStringLiteral("changes"), rows}});
}

ApiResponse readTrail(ServerContext &ctx, ApiRequest &request)
{
    bool ok = false;
    int limit = request.queryValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok)
        limit = 200;
    auto entries = adminAudit(*ctx.db, request.officer().agencyCode, limit);
    if (!entries)
        return ApiResponse::fromError(entries.error());
    QJsonArray out;
    for (const auto &e : entries.value()) {
        out.append(QJsonObject{{QStringLiteral("seq"), double(e.seq)},
                               {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
                               {QStringLiteral("actorId"), e.actorId},
                               {QStringLiteral("method"), e.method},
                               {QStringLiteral("route"), e.route},
                               {QStringLiteral("target"), e.target},
                               {QStringLiteral("status"), e.status},
                               {QStringLiteral("detail"), e.detail}});
    }
    return ApiResponse::json({{QStringLiteral("entries"), out}});
}

ApiResponse listUnits(ServerContext &ctx, ApiRequest &request)
{
    UnitQuery query;
    query.level = request.queryValue(QStringLiteral("level"));
    if (!query.level.isEmpty() && query.level != QLatin1String("province")
        && query.level != QLatin1String("commune")) {
        return badRequest(QStringLiteral("json.bad_value"),
                          QStringLiteral("Tham số level phải là province hoặc commune."),
                          QStringLiteral("level"));
    }
    query.parent = request.queryValue(QStringLiteral("parent"));
    query.text = request.queryValue(QStringLiteral("q"));
    auto units = administrativeUnits(*ctx.db, query);
    if (!units)
        return ApiResponse::fromError(units.error());
    QJsonArray out;
    for (const auto &u : units.value()) {
        QJsonObject o{{QStringLiteral("code"), u.code},
                      {QStringLiteral("name"), u.name},
                      {QStringLiteral("level"), domain::unitLevelKey(u.level)},
                      {QStringLiteral("divisionType"), u.divisionType}};
        if (!u.parentCode.isEmpty())
            o.insert(QStringLiteral("parentCode"), u.parentCode);
        out.append(o);
    }
    return ApiResponse::json({{QStringLiteral("units"), out}});
}

// The national list of administrative units: any admin may publish it (like the holiday data).
ApiResponse importUnits(ServerContext &ctx, ApiRequest &request)
{
    const QString dry = request.queryValue(QStringLiteral("dryRun"));
    const bool dryRun = dry == QLatin1String("1") || dry == QLatin1String("true");
    UnitQuery provincesOnly;
    provincesOnly.level = QStringLiteral("province");
    auto provinces = administrativeUnits(*ctx.db, provincesOnly);
    if (!provinces)
        return ApiResponse::fromError(provinces.error());
    QStringList known;
    for (const auto &p : provinces.value())
        known.append(p.code);
    const domain::UnitImport parsed = domain::parseAdministrativeUnits(request.body, known);
    if (!parsed.ok()) {
        return ApiResponse::error(
            400, QStringLiteral("import.bad_rows"),
            QStringLiteral("Tệp có %1 lỗi; chưa nhập đơn vị hành chính nào. %2")
                .arg(parsed.problems.size())
                .arg(parsed.problems.constFirst().toString()),
            {}, {{QStringLiteral("problems"), problemsJson(parsed.problems)}});
    }
    auto changes = importAdministrativeUnits(*ctx.db, parsed.units, dryRun);
    if (!changes)
        return ApiResponse::fromError(changes.error());
    QJsonArray rows;
    for (const auto &c : changes->changes) {
        QJsonObject o{
            {QStringLiteral("kind"), c.added ? QStringLiteral("added") : QStringLiteral("changed")},
            {QStringLiteral("level"), domain::unitLevelKey(c.unit.level)},
            {QStringLiteral("code"), c.unit.code},
            {QStringLiteral("name"), c.unit.name},
            {QStringLiteral("fields"), QJsonArray::fromStringList(c.fields)}};
        if (!c.unit.parentCode.isEmpty())
            o.insert(QStringLiteral("parentCode"), c.unit.parentCode);
        rows.append(o);
    }
    return ApiResponse::json({{QStringLiteral("dryRun"), dryRun},
                              {QStringLiteral("applied"), !dryRun},
                              {QStringLiteral("added"), changes->added},
                              {QStringLiteral("changed"), changes->changed},
                              {QStringLiteral("unchanged"), changes->unchanged},
                              {QStringLiteral("changes"), rows}});
}

} // namespace

void addAdminRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"POST",
               QStringLiteral("/api/v1/officers/{id}/password"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Reset an officer's password (revokes the tokens)"),
               [&ctx](ApiRequest &request) { return resetPassword(ctx, request); }});
    table.add({"POST",
               QStringLiteral("/api/v1/officers/{id}/active"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Activate or deactivate an officer (deactivation revokes tokens)"),
               [&ctx](ApiRequest &request) { return setActive(ctx, request); }});
    table.add({"POST",
               QStringLiteral("/api/v1/procedures/import"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Import procedures from a national export (?dryRun=1 previews)"),
               [&ctx](ApiRequest &request) { return importProcedures(ctx, request); }});
    table.add({"GET",
               QStringLiteral("/api/v1/admin-units"),
               Access::Officer,
               {},
               QStringLiteral("Administrative units (?level=province|commune&parent=&q=)"),
               [&ctx](ApiRequest &request) { return listUnits(ctx, request); }});
    table.add({"POST",
               QStringLiteral("/api/v1/admin-units/import"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Import the statistics office's unit list (CSV; ?dryRun=1)"),
               [&ctx](ApiRequest &request) { return importUnits(ctx, request); }});
    table.add({"GET",
               QStringLiteral("/api/v1/admin/audit"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("The administration trail of the admin's agency"),
               [&ctx](ApiRequest &request) { return readTrail(ctx, request); }});
}

} // namespace motcua::server::http
