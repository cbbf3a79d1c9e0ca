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

namespace {

// A small walker over JSON that is known to be valid: positions only, no values built.
struct RawWalker
{
    const char *s;
    qsizetype n;
    qsizetype i = 0;

    void space()
    {
        while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
            ++i;
    }
    bool is(char c)
    {
        space();
        return i < n && s[i] == c;
    }
    bool take(char c)
    {
        if (!is(c))
            return false;
        ++i;
        return true;
    }
    // A string at i (the opening quote): its raw text between the quotes.
    bool string(QByteArrayView *text)
    {
        if (!is('"'))
            return false;
        const qsizetype start = ++i;
        while (i < n && s[i] != '"')
            i += s[i] == '\\' ? 2 : 1;
        if (i >= n)
            return false;
        *text = QByteArrayView(s + start, i - start);
        ++i;
        return true;
    }
    bool skipValue()
    {
        space();
        if (i >= n)
            return false;
        if (s[i] == '"') {
            QByteArrayView ignored;
            return string(&ignored);
        }
        if (s[i] == '{' || s[i] == '[') {
            int depth = 0;
            while (i < n) {
                const char c = s[i];
                if (c == '"') {
                    QByteArrayView ignored;
                    if (!string(&ignored))
                        return false;
                    continue;
                }
                ++i;
                if (c == '{' || c == '[')
                    ++depth;
                else if ((c == '}' || c == ']') && --depth == 0)
                    return true;
            }
            return false;
        }
        while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n'
               && s[i] != '\r' && s[i] != '\t')
            ++i;
        return true;
    }
};

} // namespace

QList<QByteArray> rawMembers(const QByteArray &json, QLatin1StringView array,
                             QLatin1StringView member)
{
    RawWalker w{json.constData(), json.size()};
    // A key is compared as written: one with an escape might name the same member another way
    // (QJsonDocument keeps the last of two), so it ends the walk.
    const auto key = [&w](QByteArrayView *name) {
        return w.string(name) && !name->contains('\\') && w.take(':');
    };
    const QByteArrayView arrayKey(array.data(), array.size());
    const QByteArrayView memberKey(member.data(), member.size());
    QList<QByteArray> out;
    bool found = false;
    if (!w.take('{'))
        return {};
    for (bool first = true; !w.take('}'); first = false) {
        QByteArrayView name;
        if ((!first && !w.take(',')) || !key(&name))
            return {};
        if (name != arrayKey) {
            if (!w.skipValue())
                return {};
            continue;
        }
        if (found || !w.take('['))
            return {};
        found = true;
        for (bool firstElement = true; !w.take(']'); firstElement = false) {
            if ((!firstElement && !w.take(',')) || !w.take('{'))
                return {};
            QByteArray text;
            for (bool firstMember = true; !w.take('}'); firstMember = false) {
                QByteArrayView m;
                if ((!firstMember && !w.take(',')) || !key(&m))
                    return {};
                w.space();
                const qsizetype start = w.i;
                if (!w.skipValue())
                    return {};
                if (m == memberKey) {
                    if (!text.isNull())
                        return {};
                    text = QByteArray(w.s + start, w.i - start);
                }
            }
            out.append(text);
        }
    }
    return found ? out : QList<QByteArray>();
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

// `dossierText`: the dossier's text in the answer (empty: encoded again from what was read).
Change readChange(JsonReader &r, const QByteArray &dossierText, Error *error)
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
    c.dossierJson = dossierText.isEmpty() ? QJsonDocument(dossier).toJson(QJsonDocument::Compact)
                                          : dossierText;
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
    // Each dossier's text as sent, stored without encoding it again (see parseSnapshotPage).
    const QList<QByteArray> texts
        = rawMembers(body, QLatin1StringView("changes"), QLatin1StringView("dossier"));
    const bool haveTexts = texts.size() == changes.size();
    qint64 last = 0;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        JsonReader cr(changes.at(i).toObject(), QStringLiteral("changes[%1]").arg(i));
        Error error;
        Change c = readChange(cr, haveTexts ? texts.at(i) : QByteArray(), &error);
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

Result<SnapshotPage>
parseSnapshotPage(const QByteArray &body,
                  const std::function<void(qint64, const QString &, bool)> &onEnvelope)
{
    auto object = answerObject(body);
    if (!object)
        return object.error();
    JsonReader r(object.value());
    SnapshotPage page;
    const QJsonArray dossiers = r.array("dossiers", true);
    page.seq = r.integer("seq", true, 0, (1LL << 53));
    page.next = r.string("next", false, 64);
    page.more = r.boolean("more");
    if (auto st = r.finish(); !st)
        return badAnswerFrom(st.error());
    if (page.more && QUuid::fromString(page.next).isNull())
        return badAnswer(QStringLiteral("trang hồ sơ thiếu mã để đọc tiếp"));
    if (onEnvelope)
        onEnvelope(page.seq, page.next, page.more);
    page.dossiers.reserve(dossiers.size());
    // Each dossier's text as sent (read below like any answer), else encoded again.
    const QList<QByteArray> texts
        = rawMembers(body, QLatin1StringView("dossiers"), QLatin1StringView("dossier"));
    QString last;
    for (qsizetype i = 0; i < dossiers.size(); ++i) {
        JsonReader dr(dossiers.at(i).toObject(), QStringLiteral("dossiers[%1]").arg(i));
        SnapshotDossier entry;
        entry.seq = dr.integer("seq", true, 1, (1LL << 53));
        const QJsonObject read = dr.object("dossier", true);
        if (auto st = dr.finish(); !st)
            return badAnswerFrom(st.error());
        auto d = domain::dossierFromJson(read);
        if (!d)
            return badAnswerFrom(d.error());
        entry.dossier = std::move(d).value();
        entry.json = texts.size() == dossiers.size()
            ? texts.at(i)
            : QJsonDocument(read).toJson(QJsonDocument::Compact);
        const QString id = entry.dossier.id.toString(QUuid::WithoutBraces);
        if (!last.isEmpty() && id <= last)
            return badAnswer(QStringLiteral("hồ sơ %1 sai thứ tự").arg(id));
        last = id;
        page.dossiers.append(std::move(entry));
    }
    if (page.more && last != page.next)
        return badAnswer(QStringLiteral("mã đọc tiếp không phải hồ sơ cuối trang"));
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
