// Slip templates (R05.2, R19): every officer reads the set in force at their agency (its own
// versions, else the national defaults); an admin stores new versions for their own agency. Old
// versions are kept and can be read with ?version=.
#include "routes.h"

#include <domain/jsonreader.h>

namespace motcua::server::http {

using domain::Role;

namespace {

QJsonArray placeholdersJson()
{
    QJsonArray out;
    for (const auto &p : slipPlaceholders()) {
        out.append(QJsonObject{{QStringLiteral("name"), p.name},
                               {QStringLiteral("description"), p.description},
                               {QStringLiteral("html"), p.html}});
    }
    return out;
}

QJsonArray kindsJson()
{
    QJsonArray out;
    for (const auto &k : slipKinds()) {
        out.append(QJsonObject{{QStringLiteral("kind"), k.key},
                               {QStringLiteral("title"), k.title},
                               {QStringLiteral("legalBasis"), k.legalBasis}});
    }
    return out;
}

ApiResponse unknownKind(const QString &kind)
{
    return ApiResponse::error(404, QStringLiteral("slip_template.not_found"),
                              QStringLiteral("Không có loại mẫu phiếu \"%1\".").arg(kind.left(60)));
}

ApiResponse listTemplates(ServerContext &ctx, ApiRequest &request)
{
    auto templates = ctx.slipTemplates->effective(request.officer().agencyCode);
    if (!templates)
        return ApiResponse::fromError(templates.error());
    QJsonArray out;
    for (const auto &t : templates.value())
        out.append(toJson(t));
    return ApiResponse::json({{QStringLiteral("templates"), out},
                              {QStringLiteral("kinds"), kindsJson()},
                              {QStringLiteral("placeholders"), placeholdersJson()}});
}

ApiResponse getTemplate(ServerContext &ctx, ApiRequest &request)
{
    const QString kind = request.param(QStringLiteral("kind"));
    if (!findSlipKind(kind))
        return unknownKind(kind);
    auto version = queryInteger(request, QStringLiteral("version"), 0, 1, 1000000);
    if (!version)
        return ApiResponse::fromError(version.error());
    auto source = SlipTemplateStore::Source::Effective;
    if (request.query.hasQueryItem(QStringLiteral("source"))) {
        const QString text = request.queryValue(QStringLiteral("source"));
        if (text == QLatin1String("agency"))
            source = SlipTemplateStore::Source::Agency;
        else if (text == QLatin1String("national"))
            source = SlipTemplateStore::Source::National;
        else if (text != QLatin1String("effective"))
            return badRequest(QStringLiteral("json.bad_query"),
                              QStringLiteral("Tham số \"source\" phải là effective, agency hoặc "
                                             "national."),
                              QStringLiteral("source"));
    }
    auto slip
        = ctx.slipTemplates->find(kind, request.officer().agencyCode, source, int(version.value()));
    if (!slip)
        return ApiResponse::fromError(slip.error());
    if (!slip.value()) {
        return ApiResponse::error(
            404, QStringLiteral("slip_template.not_found"),
            version.value() > 0
                ? QStringLiteral("Mẫu phiếu \"%1\" không có phiên bản %2.")
                      .arg(kind)
                      .arg(version.value())
                : QStringLiteral("Cơ quan chưa có mẫu phiếu \"%1\" riêng.").arg(kind));
    }
    return ApiResponse::json(toJson(*slip.value()));
}

ApiResponse putTemplate(ServerContext &ctx, ApiRequest &request)
{
    const domain::Officer &admin = request.officer();
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    domain::JsonReader r(body.value());
    SlipTemplate slip;
    slip.kind = request.param(QStringLiteral("kind"));
    const QString bodyKind = r.string("kind", false, 100);
    slip.title = r.string("title", true, 300);
    slip.legalBasis = r.string("legalBasis", true, 2000);
    slip.format = r.string("format", true, 20);
    slip.content = r.string("content", true, kMaxSlipContentBytes);
    const int baseVersion = int(r.integer("baseVersion", false, 0, 1000000, -1));
    if (auto st = r.finish(); !st)
        return ApiResponse::fromError(st.error());
    if (!bodyKind.isEmpty() && bodyKind != slip.kind) {
        return badRequest(QStringLiteral("json.bad_value"),
                          QStringLiteral("Loại mẫu phiếu trong nội dung (\"%1\") khác loại trên "
                                         "địa chỉ (\"%2\").")
                              .arg(bodyKind, slip.kind.left(60)),
                          QStringLiteral("kind"));
    }
    slip.agencyCode = admin.agencyCode; // an admin writes their own agency's version only
    slip.updatedBy = admin.id;
    auto stored = ctx.slipTemplates->addVersion(slip, r.has("baseVersion") ? baseVersion : -1);
    if (!stored)
        return ApiResponse::fromError(stored.error());
    return ApiResponse::json(toJson(stored.value()), 201);
}

} // namespace

void addSlipTemplateRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"GET",
               QStringLiteral("/api/v1/slip-templates"),
               Access::Officer,
               {},
               QStringLiteral("Slip templates in force at the caller's agency"),
               [&ctx](ApiRequest &request) { return listTemplates(ctx, request); }});
    table.add({"GET",
               QStringLiteral("/api/v1/slip-templates/{kind}"),
               Access::Officer,
               {},
               QStringLiteral("One slip template (?version=N, ?source=agency|national)"),
               [&ctx](ApiRequest &request) { return getTemplate(ctx, request); }});
    table.add({"PUT",
               QStringLiteral("/api/v1/slip-templates/{kind}"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Store a new version of the admin's agency's slip template"),
               [&ctx](ApiRequest &request) { return putTemplate(ctx, request); }});
}

} // namespace motcua::server::http
