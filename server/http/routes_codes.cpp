// Dossier code leases (R12.3a): a counter draws a block of daily sequence numbers for its agency so
// that slips printed offline carry their final official code.
#include "routes.h"

#include <domain/dossiercode.h>
#include <domain/jsonreader.h>
#include <domain/workcalendar.h>

namespace motcua::server::http {

using domain::Role;

namespace {

ApiResponse lease(ServerContext &ctx, ApiRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    domain::JsonReader r(body.value());
    const QDate date = r.date("date", true);
    const int count = int(r.integer("count", true, 1, 1000));
    if (auto st = r.finish(); !st)
        return ApiResponse::fromError(st.error());

    const QDate today = domain::toVietnamTime(ServerContext::now()).date();
    if (date != today && date != today.addDays(1)) {
        return badRequest(
            QStringLiteral("codes.bad_date"),
            QStringLiteral("Chỉ cấp trước số hồ sơ cho hôm nay (%1) hoặc ngày mai (%2).")
                .arg(today.toString(QStringLiteral("dd/MM/yyyy")),
                     today.addDays(1).toString(QStringLiteral("dd/MM/yyyy"))),
            QStringLiteral("date"));
    }

    const domain::Officer &officer = request.officer();
    auto agency = ctx.catalogue->agency(officer.agencyCode);
    if (!agency)
        return ApiResponse::fromError(agency.error());
    auto pattern = domain::DossierCodePattern::standard();
    if (agency.value() && !agency.value()->codePattern.isEmpty()) {
        auto compiled = domain::DossierCodePattern::compile(agency.value()->codePattern);
        if (!compiled)
            return ApiResponse::fromError(compiled.error());
        pattern = compiled.value();
    }

    auto block = leaseCodeBlock(*ctx.db, officer.agencyCode, date, count, officer.id);
    if (!block)
        return ApiResponse::fromError(block.error());
    auto first = pattern.make({officer.agencyCode, date, block->first});
    auto last = pattern.make({officer.agencyCode, date, block->last});
    if (!first)
        return ApiResponse::fromError(first.error());
    if (!last)
        return ApiResponse::fromError(last.error());
    return ApiResponse::json({{QStringLiteral("agencyCode"), block->agencyCode},
                              {QStringLiteral("date"), block->date.toString(Qt::ISODate)},
                              {QStringLiteral("first"), block->first},
                              {QStringLiteral("last"), block->last},
                              {QStringLiteral("pattern"), pattern.pattern()},
                              {QStringLiteral("codes"), QJsonArray{first.value(), last.value()}}},
                             201);
}

} // namespace

void addCodeRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"POST",
               QStringLiteral("/api/v1/codes/lease"),
               Access::Officer,
               {Role::Counter, Role::Admin},
               QStringLiteral("Lease a block of dossier sequence numbers"),
               [&ctx](ApiRequest &request) { return lease(ctx, request); }});
}

} // namespace motcua::server::http
