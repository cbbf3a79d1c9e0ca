// Sync: devices push batches of actions (each judged by the domain engine in the storage layer)
// and pull the change feed; one dossier can be read by the agencies that hold it.
#include "routes.h"

#include <QJsonDocument>

#include <domain/json.h>
#include <gzip_splice.h>

namespace motcua::server::http {

using domain::Action;
using domain::JsonReader;

namespace {

constexpr int kMaxPushBatch = 500;
constexpr int kDefaultChanges = 500;
constexpr int kMaxChanges = 1000;
constexpr int kDefaultSnapshot = 1000;
constexpr int kRetryAfterSeconds = 5;
constexpr qsizetype kCompressFrom = 1024; // smaller answers gain nothing from gzip

// A storage failure (db.*: the database is down, locked, missing a table or holds a broken row)
// is 503 with Retry-After: the client tries again later. The answer names no SQL, no driver text
// (Error::field) and no value; the access log gets the storage code.
ApiResponse failure(const domain::Error &error)
{
    if (!error.code.startsWith(QLatin1String("db.")))
        return ApiResponse::fromError(error);
    ApiResponse r = ApiResponse::error(
        503, QStringLiteral("server.unavailable"),
        QStringLiteral("Cơ sở dữ liệu của máy chủ tạm thời không phục vụ được. Vui lòng thử lại "
                       "sau ít giây."),
        {}, {{QStringLiteral("retryAfter"), kRetryAfterSeconds}});
    r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(kRetryAfterSeconds)});
    r.errorCode = error.code;
    return r;
}

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
    // The database wrote nothing: 503, as for the other sync routes. Past the first action, the
    // answer lists what was written and the action it stopped at (server.unavailable).
    if (outcomes.size() == 1 && isUnavailable(outcomes.first()))
        return failure(
            domain::makeError(QStringLiteral("db.unavailable"), outcomes.first().message));
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

// The stored action JSON without its top-level "seq" (the change carries it beside the action),
// as the parts before and after it. The text is canonical (sorted keys, compact) and "type" is
// the only top-level key after "seq", so the top-level "seq" is the last `,"seq":N,"type":"` with
// only the type's key after it. Anything else is re-encoded the slow way into `reencoded` (then
// `head`); false when the row is not a JSON object.
bool actionWithoutSeq(const SyncStore::RawChange &change, QByteArrayView &head,
                      QByteArrayView &tail, QByteArray &reencoded)
{
    const QByteArray &json = change.actionJson;
    const QByteArray seq = QByteArrayLiteral(",\"seq\":") + QByteArray::number(change.seq);
    const QByteArray needle = seq + ",\"type\":\"";
    const qsizetype at = json.lastIndexOf(needle);
    if (at > 0 && json.startsWith('{') && json.endsWith("\"}")
        && json.indexOf('"', at + needle.size()) == json.size() - 2) {
        head = QByteArrayView(json).first(at);
        tail = QByteArrayView(json).sliced(at + seq.size());
        return true;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return false;
    QJsonObject object = doc.object();
    object.remove(QStringLiteral("seq"));
    reencoded = QJsonDocument(object).toJson(QJsonDocument::Compact);
    head = reencoded;
    tail = {};
    return true;
}

// {"action":…,"dossier":…,"seq": of a stored change (SyncStore::appendChangeHead): the text its
// gzip piece holds.
bool appendChangeHead(QByteArray &out, const SyncStore::RawChange &c)
{
    QByteArrayView head;
    QByteArrayView tail;
    QByteArray reencoded;
    if (!actionWithoutSeq(c, head, tail, reencoded) || !c.dossierJson.startsWith('{')
        || !c.dossierJson.endsWith('}'))
        return false;
    SyncStore::appendChangeHead(out, head, tail, c.dossierJson);
    return true;
}

domain::Error corruptChange(qint64 seq)
{
    return domain::makeError(
        QStringLiteral("db.corrupt_row"),
        QStringLiteral("Thay đổi số %1 trong cơ sở dữ liệu bị hỏng.").arg(seq));
}

QByteArray pageTail(const SyncStore::RawPage &page)
{
    return QByteArrayLiteral("],\"more\":") + (page.more ? "true" : "false")
        + ",\"nextAfter\":" + QByteArray::number(page.nextAfter) + '}';
}

// The page as the stored JSON, spliced without parsing: {changes: [{action, dossier, seq}], more,
// nextAfter}, compact, keys in the order QJsonDocument writes them; the same content as parsing
// and re-encoding every change (test_http_sync checks it).
domain::Result<QByteArray> changesBody(const SyncStore::RawPage &page)
{
    qsizetype size = 64;
    for (const auto &c : page.changes)
        size += c.actionJson.size() + c.dossierJson.size() + 48;
    QByteArray body;
    body.reserve(size);
    body += "{\"changes\":[";
    for (qsizetype i = 0; i < page.changes.size(); ++i) {
        const SyncStore::RawChange &c = page.changes.at(i);
        if (i > 0)
            body += ',';
        if (!appendChangeHead(body, c))
            return corruptChange(c.seq);
        body += QByteArray::number(c.seq);
        body += '}';
    }
    body += pageTail(page);
    return body;
}

// The same page gzip-compressed: each change's piece as it was stored at push time, the text
// between them (seq numbers, commas, the tail) in stored blocks. A change without a piece is
// compressed here.
domain::Result<QByteArray> changesGzipBody(const SyncStore::RawPage &page)
{
    qsizetype size = 64;
    for (const auto &c : page.changes)
        size += c.changeGzip.size() + 32;
    gzip::Splice body(size);
    body.text("{\"changes\":[");
    for (qsizetype i = 0; i < page.changes.size(); ++i) {
        const SyncStore::RawChange &c = page.changes.at(i);
        if (i > 0)
            body.text(",");
        if (gzip::isPiece(c.changeGzip)) {
            body.append(c.changeGzip);
        } else {
            QByteArray head;
            if (!appendChangeHead(head, c))
                return corruptChange(c.seq);
            const QByteArray piece = gzip::piece(head);
            if (gzip::isPiece(piece))
                body.append(piece);
            else
                body.text(head);
        }
        body.text(QByteArray::number(c.seq));
        body.text("}");
    }
    body.text(pageTail(page));
    return body.finish();
}

ApiResponse changes(ServerContext &ctx, ApiRequest &request)
{
    auto after = queryInteger(request, QStringLiteral("after"), 0, 0, (1LL << 53));
    if (!after)
        return ApiResponse::fromError(after.error());
    auto limit = queryInteger(request, QStringLiteral("limit"), kDefaultChanges, 1, kMaxChanges);
    if (!limit)
        return ApiResponse::fromError(limit.error());
    // Pages are large (≈ 3.4 KB a change) and compress about threefold: a client that accepts
    // gzip (QNetworkAccessManager asks for it and inflates) gets the stored pieces.
    const bool compressed = gzip::accepted(request.header(QByteArrayLiteral("Accept-Encoding")));
    auto page
        = ctx.sync->rawChanges(after.value(), int(limit.value()), request.officer(), compressed);
    if (!page)
        return failure(page.error());
    auto body = compressed ? changesGzipBody(page.value()) : changesBody(page.value());
    if (!body)
        return failure(body.error());
    ApiResponse r;
    r.body = std::move(body).value();
    if (compressed)
        r.headers.append({QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip")});
    r.headers.append({QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding")});
    return r;
}

// {dossiers: [{dossier, seq}], more, next, seq}: the stored JSON spliced as for the feed.
domain::Result<QByteArray> snapshotBody(const SyncStore::RawSnapshot &page)
{
    qsizetype size = 128;
    for (const auto &d : page.dossiers)
        size += d.json.size() + 40;
    QByteArray body;
    body.reserve(size);
    body += "{\"dossiers\":[";
    for (qsizetype i = 0; i < page.dossiers.size(); ++i) {
        const SyncStore::RawDossier &d = page.dossiers.at(i);
        if (!d.json.startsWith('{') || !d.json.endsWith('}')) {
            return domain::makeError(QStringLiteral("db.corrupt_row"),
                                     QStringLiteral("Dữ liệu hồ sơ trong cơ sở dữ liệu bị hỏng."));
        }
        body += i == 0 ? "{\"dossier\":" : ",{\"dossier\":";
        body += d.json;
        body += ",\"seq\":";
        body += QByteArray::number(d.seq);
        body += '}';
    }
    body += "],\"more\":";
    body += page.more ? "true" : "false";
    body += ",\"next\":";
    body += '"';
    body += page.next.toLatin1(); // a dossier id: a UUID's hex digits and hyphens
    body += '"';
    body += ",\"seq\":";
    body += QByteArray::number(page.seq);
    body += '}';
    return body;
}

ApiResponse snapshot(ServerContext &ctx, ApiRequest &request)
{
    const QString after = request.queryValue(QStringLiteral("after"));
    if (!after.isEmpty() && QUuid::fromString(after).toString(QUuid::WithoutBraces) != after) {
        return badRequest(QStringLiteral("json.bad_uuid"),
                          QStringLiteral("Tham số \"after\" phải là mã hồ sơ (UUID chữ thường) "
                                         "của trang trước."),
                          QStringLiteral("after"));
    }
    auto limit = queryInteger(request, QStringLiteral("limit"), kDefaultSnapshot, 1,
                              SyncStore::kMaxSnapshotPage);
    if (!limit)
        return ApiResponse::fromError(limit.error());
    auto page = ctx.sync->rawSnapshot(after, int(limit.value()), request.officer());
    if (!page)
        return failure(page.error());
    auto body = snapshotBody(page.value());
    if (!body)
        return failure(body.error());
    ApiResponse r;
    r.body = std::move(body).value();
    // Up to 2,000 dossiers (≈ 2 KB each) a page, read once per workstation: compressed now for
    // a client that accepts gzip (≈ 15 ms a page here; several times fewer bytes on the link).
    if (r.body.size() >= kCompressFrom
        && gzip::accepted(request.header(QByteArrayLiteral("Accept-Encoding")))) {
        QByteArray compressed = gzip::compress(r.body);
        if (!compressed.isEmpty()) {
            r.body = std::move(compressed);
            r.headers.append({QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip")});
        }
    }
    r.headers.append({QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding")});
    return r;
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
        return failure(dossier.error());
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
               QStringLiteral("/api/v1/sync/snapshot"),
               Access::Officer,
               {},
               QStringLiteral("The agency's dossiers as they stand, for a first sync"),
               [&ctx](ApiRequest &request) { return snapshot(ctx, request); }});
    table.add({"GET",
               QStringLiteral("/api/v1/dossiers/{id}"),
               Access::Officer,
               {},
               QStringLiteral("One dossier's current state"),
               [&ctx](ApiRequest &request) { return getDossier(ctx, request); }});
}

} // namespace motcua::server::http
