// Sync: devices push batches of actions (each judged by the domain engine in the storage layer)
// and pull the change feed; one dossier can be read by the agencies that hold it.
#include "routes.h"

#include <domain/json.h>

namespace motcua::server::http {

using domain::Action;
using domain::JsonReader;

namespace {

constexpr int kMaxPushBatch = 500;
constexpr int kDefaultChanges = 500;
constexpr int kMaxChanges = 1000;

ApiResponse push(ServerContext &ctx, ApiRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    JsonReader r(body.value());
    const QJsonArray items = r.array("actions", true);
    if (auto st = r.finish(); !st)
        return ApiResponse::fromError(st.error());
    if (items.size() > kMaxPushBatch) {
        return badRequest(QStringLiteral("sync.batch_too_large"),
                          QStringLiteral("Mỗi lần đồng bộ gửi tối đa %1 thao tác (nhận được %2).")
                              .arg(kMaxPushBatch)
                              .arg(items.size()),
                          QStringLiteral("actions"));
    }
    QList<Action> actions;
    actions.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString prefix = QStringLiteral("actions[%1]").arg(i);
        if (!items.at(i).isObject()) {
            return badRequest(
                QStringLiteral("json.wrong_type"),
                QStringLiteral("Phần tử \"%1\" phải là một đối tượng JSON.").arg(prefix), prefix);
        }
        auto action = domain::actionFromJson(items.at(i).toObject());
        if (!action)
            return ApiResponse::fromError(withFieldPrefix(action.error(), prefix));
        actions.append(std::move(action).value());
    }

    const QList<PushOutcome> outcomes = ctx.sync->push(actions, request.officer());
    QJsonArray results;
    for (const PushOutcome &o : outcomes) {
        const QString status = pushStatusKey(o.status);
        ctx.metrics.countPushOutcome(status);
        QJsonObject item{{QStringLiteral("id"), o.actionId.toString(QUuid::WithoutBraces)},
                         {QStringLiteral("status"), status}};
        if (o.status == PushOutcome::Status::Rejected) {
            item.insert(QStringLiteral("code"), o.reasonCode);
            item.insert(QStringLiteral("message"), o.message);
            if (!o.field.isEmpty())
                item.insert(QStringLiteral("field"), o.field);
        } else {
            item.insert(QStringLiteral("seq"), double(o.seq));
            item.insert(QStringLiteral("version"), o.version);
        }
        results.append(item);
    }
    return ApiResponse::json({{QStringLiteral("results"), results}});
}

ApiResponse changes(ServerContext &ctx, ApiRequest &request)
{
    auto after = queryInteger(request, QStringLiteral("after"), 0, 0, (1LL << 53));
    if (!after)
        return ApiResponse::fromError(after.error());
    auto limit = queryInteger(request, QStringLiteral("limit"), kDefaultChanges, 1, kMaxChanges);
    if (!limit)
        return ApiResponse::fromError(limit.error());
    auto page = ctx.sync->changes(after.value(), int(limit.value()), request.officer());
    if (!page)
        return ApiResponse::fromError(page.error());
    QJsonArray out;
    for (const Change &c : page->changes) {
        out.append(QJsonObject{{QStringLiteral("seq"), double(c.seq)},
                               {QStringLiteral("action"), domain::toJson(c.action)},
                               {QStringLiteral("dossier"), domain::toJson(c.dossier)}});
    }
    return ApiResponse::json({{QStringLiteral("changes"), out},
                              {QStringLiteral("nextAfter"), double(page->nextAfter)},
                              {QStringLiteral("more"), page->more}});
}

ApiResponse getDossier(ServerContext &ctx, ApiRequest &request)
{
    const QString text = request.param(QStringLiteral("id"));
    const QUuid id = QUuid::fromString(text);
    if (id.isNull()) {
        return badRequest(
            QStringLiteral("json.bad_uuid"),
            QStringLiteral("Mã hồ sơ \"%1\" không phải là một UUID.").arg(text.left(64)),
            QStringLiteral("id"));
    }
    auto dossier = ctx.sync->dossier(id);
    if (!dossier)
        return ApiResponse::fromError(dossier.error());
    if (!dossier.value())
        return notFound(QStringLiteral("hồ sơ"));
    const QString &agency = request.officer().agencyCode;
    if (dossier.value()->agencyCode != agency && dossier.value()->handlingAgencyCode != agency)
        return forbiddenAgency();
    return ApiResponse::json(domain::toJson(*dossier.value()));
}

} // namespace

void addSyncRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"POST",
               QStringLiteral("/api/v1/sync/push"),
               Access::Officer,
               {},
               QStringLiteral("Push a batch of actions (answered per action)"),
               [&ctx](ApiRequest &request) { return push(ctx, request); }});
    table.add({"GET",
               QStringLiteral("/api/v1/sync/changes"),
               Access::Officer,
               {},
               QStringLiteral("Committed changes after a sequence number"),
               [&ctx](ApiRequest &request) { return changes(ctx, request); }});
    table.add({"GET",
               QStringLiteral("/api/v1/dossiers/{id}"),
               Access::Officer,
               {},
               QStringLiteral("One dossier's current state"),
               [&ctx](ApiRequest &request) { return getDossier(ctx, request); }});
}

} // namespace motcua::server::http
