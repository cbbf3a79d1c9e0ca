#include "api_parse.h"

#include "api_errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <domain/json.h>

namespace motcua::sync {

using domain::Error;
using domain::JsonReader;
using domain::Result;

Error badAnswerFrom(const Error &readError)
{
    Error e = badAnswer(readError.toString());
    e.field = readError.field;
    return e;
}

Result<QJsonObject> answerObject(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return badAnswer(QStringLiteral("không phải JSON hợp lệ tại vị trí %1").arg(error.offset));
    return doc.object();
}

Result<Session> parseSession(const QByteArray &body)
{
    auto object = answerObject(body);
    if (!object)
        return object.error();
    JsonReader r(object.value());
    Session s;
    s.accessToken = r.string("accessToken", true, 512);
    s.refreshToken = r.string("refreshToken", true, 512);
    s.expiresAt = r.dateTime("expiresAt", true);
    const QJsonObject officer = r.object("officer", true);
    if (auto st = r.finish(); !st)
        return badAnswerFrom(st.error());
    auto o = domain::officerFromJson(officer);
    if (!o)
        return badAnswerFrom(o.error());
    s.officer = std::move(o).value();
    return s;
}

namespace {

PushOutcome readOutcome(JsonReader &r)
{
    PushOutcome o;
    o.actionId = r.uuid("id", true);
    const QString status = r.string("status", true, 20);
    if (status == QLatin1String("accepted") || status == QLatin1String("duplicate")) {
        o.status = status == QLatin1String("accepted") ? PushOutcome::Status::Accepted
                                                       : PushOutcome::Status::Duplicate;
        o.seq = r.integer("seq", true, 1, (1LL << 53));
        o.version = int(r.integer("version", true, 1));
    } else if (status == QLatin1String("rejected")) {
        o.status = PushOutcome::Status::Rejected;
        o.code = r.string("code", true, 200);
        o.message = r.string("message", true);
        o.field = r.string("field", false, 400);
    } else if (!r.failed()) {
        r.fail("status", QStringLiteral("json.bad_value"),
               QStringLiteral("Trạng thái \"%1\" không hợp lệ.").arg(status));
    }
    return o;
}

Change readChange(JsonReader &r, Error *error)
{
    Change c;
    c.seq = r.integer("seq", true, 1, (1LL << 53));
    QJsonObject action = r.object("action", true);
    const QJsonObject dossier = r.object("dossier", true);
    if (r.failed())
        return c;
    action.remove(QStringLiteral("seq")); // the feed may carry it inside the action too
    auto a = domain::actionFromJson(action);
    if (!a) {
        *error = a.error();
        return c;
    }
    c.action = std::move(a).value();
    auto d = domain::dossierFromJson(dossier);
    if (!d) {
        *error = d.error();
        return c;
    }
    c.dossier = std::move(d).value();
    c.actionObject = action;
    c.dossierObject = dossier;
    return c;
}

} // namespace

Result<QList<PushOutcome>> parsePushOutcomes(const QByteArray &body, const QList<QUuid> &sent)
{
    auto list
        = parseList<PushOutcome>(body, "results", [](const QJsonObject &o) -> Result<PushOutcome> {
              JsonReader r(o);
              PushOutcome outcome = readOutcome(r);
              if (auto st = r.finish(); !st)
                  return st.error();
              return outcome;
          });
    if (!list)
        return list.error();
    // The server stops at an action its database could not write (server.unavailable, the last
    // result): the actions after it were not judged and stay pending.
    const bool stopped = !list->isEmpty() && list->size() < sent.size()
        && list->constLast().status == PushOutcome::Status::Rejected
        && list->constLast().code == QLatin1String("server.unavailable");
    if (list->size() != sent.size() && !stopped)
        return badAnswer(
            QStringLiteral("gửi %1 thao tác, nhận %2 kết quả").arg(sent.size()).arg(list->size()));
    for (qsizetype i = 0; i < list->size(); ++i) {
        if (list->at(i).actionId != sent.at(i))
            return badAnswer(QStringLiteral("kết quả thứ %1 không khớp thao tác đã gửi").arg(i));
    }
    return list;
}

Result<ChangesPage> parseChangesPage(const QByteArray &body,
                                     const std::function<void(qint64, bool)> &onEnvelope)
{
    auto object = answerObject(body);
    if (!object)
        return object.error();
    JsonReader r(object.value());
    ChangesPage page;
    const QJsonArray changes = r.array("changes", true);
    page.nextAfter = r.integer("nextAfter", true, 0, (1LL << 53));
    page.more = r.boolean("more");
    if (auto st = r.finish(); !st)
        return badAnswerFrom(st.error());
    if (onEnvelope)
        onEnvelope(page.nextAfter, page.more);
    page.changes.reserve(changes.size());
    qint64 last = 0;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        JsonReader cr(changes.at(i).toObject(), QStringLiteral("changes[%1]").arg(i));
        Error error;
        Change c = readChange(cr, &error);
        if (auto st = cr.finish(); !st)
            return badAnswerFrom(st.error());
        if (!error.code.isEmpty())
            return badAnswerFrom(error);
        if (c.seq <= last || c.seq > page.nextAfter)
            return badAnswer(QStringLiteral("số thứ tự thay đổi %1 sai thứ tự").arg(c.seq));
        last = c.seq;
        page.changes.append(std::move(c));
    }
    return page;
}

Result<CodeLease> parseCodeLease(const QByteArray &body)
{
    auto object = answerObject(body);
    if (!object)
        return object.error();
    JsonReader r(object.value());
    CodeLease lease;
    lease.agencyCode = r.string("agencyCode", true, 100);
    lease.date = r.date("date", true);
    lease.first = int(r.integer("first", true, 1, 999999999));
    lease.last = int(r.integer("last", true, 1, 999999999));
    lease.pattern = r.string("pattern", true, 200);
    r.skip("codes");
    if (auto st = r.finish(); !st)
        return badAnswerFrom(st.error());
    if (lease.last < lease.first)
        return badAnswer(
            QStringLiteral("khối số %1–%2 không hợp lệ").arg(lease.first).arg(lease.last));
    return lease;
}

} // namespace motcua::sync
