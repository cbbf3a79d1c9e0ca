// The authorisation matrix: EVERY route the server registers × every role × the officer's own
// agency or another one. A route is allowed (any answer but 401/403/5xx) or refused with 403 —
// or, for blobs, with 404 like an absent one (a content hash must not reveal who holds a file);
// every route but the public ones answers 401 without a token. The table must list exactly the
// routes of `motcua-server --print-routes`, so a new route without a row here fails this test.
#include "http_fixture.h"

#include <QCryptographicHash>
#include <QTest>

#include <domain/demo.h>
#include <domain/json.h>
#include <domain/roles.h>
#include <domain/workcalendar.h>

using namespace motcua;
using namespace motcua::test;
using domain::Role;

namespace {

enum class Side {
    A,
    B
};
const QString kAgencyA = domain::demo::kCentreCode;  // service centre
const QString kAgencyB = domain::demo::kJusticeCode; // provincial department of justice
const QString kPassword = QStringLiteral("Matrix-Passw0rd-2026");

QString agencyOf(Side side)
{
    return side == Side::A ? kAgencyA : kAgencyB;
}
QString suffix(Side side)
{
    return side == Side::A ? QStringLiteral("a") : QStringLiteral("b");
}
QString officerId(Role role, Side side)
{
    return QStringLiteral("m-%1-%2").arg(domain::roleKey(role), suffix(side));
}
QString procedureCode(Side side)
{
    return side == Side::A ? QStringLiteral("9.900001") : QStringLiteral("9.900002");
}
QString workflowId(Side side)
{
    return QStringLiteral("wf-matrix-") + suffix(side);
}

domain::Procedure matrixProcedure(Side side)
{
    domain::Procedure p;
    p.code = procedureCode(side);
    p.name = QStringLiteral("Thủ tục kiểm thử phân quyền ") + suffix(side).toUpper();
    p.fieldCode = QStringLiteral("KT");
    p.fieldName = QStringLiteral("Kiểm thử");
    p.applicantTypes = {domain::ApplicantType::Person};
    p.deadline = {domain::Deadline::Unit::WorkingDays, 5};
    p.agencyCode = agencyOf(side);
    p.workflowId = workflowId(side);
    return p;
}

domain::Workflow matrixWorkflow(Side side)
{
    using domain::ActionType;
    using domain::AssigneeKind;
    domain::Workflow w;
    w.id = workflowId(side);
    w.version = 1;
    w.name = QStringLiteral("Quy trình kiểm thử");
    w.procedureCode = procedureCode(side);
    w.startStepId = QStringLiteral("intake");
    w.steps = {{QStringLiteral("intake"),
                QStringLiteral("Tiếp nhận"),
                AssigneeKind::Role,
                QStringLiteral("counter"),
                240,
                {ActionType::Receive},
                false},
               {QStringLiteral("supplement"),
                QStringLiteral("Bổ sung"),
                AssigneeKind::Role,
                QStringLiteral("counter"),
                0,
                {ActionType::RequestSupplement},
                true},
               {QStringLiteral("handle"),
                QStringLiteral("Giải quyết"),
                AssigneeKind::Role,
                QStringLiteral("appraiser"),
                480,
                {ActionType::SubmitForApproval},
                false}};
    w.transitions
        = {{QStringLiteral("intake"), QStringLiteral("supplement"), ActionType::RequestSupplement},
           {QStringLiteral("intake"), QStringLiteral("handle"), ActionType::Transfer}};
    return w;
}

bool prepareMatrix(TestDatabase &db, QString *error)
{
    for (const Side side : {Side::A, Side::B}) {
        for (const Role role : domain::allRoles()) {
            domain::Officer o;
            o.id = o.username = officerId(role, side);
            o.fullName = QStringLiteral("Cán bộ kiểm thử %1").arg(o.id);
            o.agencyCode = agencyOf(side);
            o.roles = {role};
            if (!db.putOfficer(o, kPassword, error))
                return false;
        }
        // An account the admin routes act on (password reset, activation) and nobody logs in as.
        domain::Officer spare;
        spare.id = spare.username = QStringLiteral("m-spare-") + suffix(side);
        spare.fullName = QStringLiteral("Cán bộ dự phòng");
        spare.agencyCode = agencyOf(side);
        spare.roles = {Role::Counter};
        if (!db.putOfficer(spare, kPassword, error))
            return false;
        if (!db.putProcedure(matrixProcedure(side), error)
            || !db.addWorkflow(matrixWorkflow(side), error))
            return false;
    }
    return true;
}

// What a route allows.
enum class Rule {
    Public,          // no token needed
    AnyOfficer,      // any role, any agency
    OwnAgency,       // any role, own agency's resource only
    AdminOwnAgency,  // admin, own agency's resource only
    AdminAny,        // admin of any agency
    CounterOrAdmin,  // counter or admin (own agency implied)
    OwnAgencyHidden, // any role, own agency's resource only; another's answers 404 (must be 2xx
                     // own)
    ReportReaders,   // leader, head, controller or admin, own agency's figures only
    ReportRoles,     // leader, head, controller or admin; no agency in the request
    TemplateReaders, // report roles, own agency's shared template; another's answers 404
    TemplateEditors, // leader or admin, own agency's shared template; another's answers 404
};

struct Request
{
    QString path;
    QByteArray body;
    QString token; // empty: the officer's token
};

struct Context
{
    Client *client = nullptr;
    QHash<QString, QString> tokens; // officer id → access token
    QHash<Side, QUuid> dossiers;
    QHash<Side, QString> blobs;     // sha256 of a blob uploaded by the side's counter
    QHash<Side, QString> templates; // a shared report template of the side's admin
    int serial = 0;
};

using Make = std::function<Request(Context &, Role, Side own, Side target)>;

struct Case
{
    QByteArray method;
    QString pattern;
    Rule rule;
    Make make;
};

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The current document at `path`, read with an officer of `side`.
QJsonObject fetch(Context &ctx, const QString &path, Side side)
{
    return ctx.client->get(path, ctx.tokens.value(officerId(Role::Admin, side))).json;
}

QByteArray blobContent(const QString &name)
{
    return QByteArrayLiteral("matrix blob ") + name.toLatin1();
}

QString sha256Of(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QJsonObject slipEdit()
{
    return {
        {QStringLiteral("title"), QStringLiteral("Phiếu từ chối giải quyết hồ sơ")},
        {QStringLiteral("legalBasis"), QStringLiteral("Nghị định 118/2025/NĐ-CP")},
        {QStringLiteral("format"), QStringLiteral("html")},
        {QStringLiteral("content"), QStringLiteral("<p>{{dossier.code}}: {{refusal.reason}}</p>")}};
}

QJsonObject reportTemplate(const QString &name, bool shared)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("shared"), shared},
            {QStringLiteral("groupBy"), QJsonArray{QStringLiteral("month")}},
            {QStringLiteral("period"), QStringLiteral("yearToDate")}};
}

// A new shared report template of `side`, made by its admin: its path.
QString newSharedTemplate(Context &ctx, Side side)
{
    const Reply r = ctx.client->post(
        QStringLiteral("/api/v1/report-templates"),
        reportTemplate(QStringLiteral("Mẫu dùng chung %1").arg(++ctx.serial), true),
        ctx.tokens.value(officerId(Role::Admin, side)));
    return QStringLiteral("/api/v1/report-templates/")
        + r.json.value(QStringLiteral("id")).toString();
}

QJsonObject matrixGroup(const QString &id, Side side)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("agencyCode"), agencyOf(side)},
            {QStringLiteral("name"), QString(QStringLiteral("Nhóm kiểm thử ") + id)},
            {QStringLiteral("roles"), QJsonArray()},
            {QStringLiteral("members"), QJsonArray{officerId(Role::Archivist, side)}}};
}

// A new group of `side`, made by its admin: its path.
QString newGroup(Context &ctx, Side side)
{
    const QString id = QStringLiteral("m-group-%1").arg(++ctx.serial);
    const QString path = QStringLiteral("/api/v1/groups/") + id;
    ctx.client->put(path, matrixGroup(id, side), ctx.tokens.value(officerId(Role::Admin, side)));
    return path;
}

QString sharedTemplate(Context &ctx, Side side)
{
    if (!ctx.templates.contains(side))
        ctx.templates.insert(side, newSharedTemplate(ctx, side));
    return ctx.templates.value(side);
}

QList<Case> cases()
{
    const auto fixed = [](const QString &path, const QByteArray &body = {}) {
        return Make([path, body](Context &, Role, Side, Side) { return Request{path, body, {}}; });
    };
    const auto emptyPush = json({{QStringLiteral("actions"), QJsonArray()}});
    QList<Case> c;
    c.append({"GET", QStringLiteral("/api/v1/health"), Rule::Public,
              fixed(QStringLiteral("/api/v1/health"))});
    c.append({"GET", QStringLiteral("/metrics"), Rule::Public, fixed(QStringLiteral("/metrics"))});
    c.append({"POST", QStringLiteral("/api/v1/auth/login"), Rule::Public,
              fixed(QStringLiteral("/api/v1/auth/login"),
                    json({{QStringLiteral("username"), officerId(Role::Head, Side::A)},
                          {QStringLiteral("password"), kPassword}}))});
    c.append({"POST", QStringLiteral("/api/v1/auth/refresh"), Rule::Public,
              fixed(QStringLiteral("/api/v1/auth/refresh"),
                    json({{QStringLiteral("refreshToken"), QString(43, QLatin1Char('x'))}}))});
    c.append({"POST", QStringLiteral("/api/v1/auth/logout"), Rule::AnyOfficer,
              [](Context &ctx, Role role, Side own, Side) {
                  // A fresh session: logging out must not end the one the matrix uses.
                  Client &client = *ctx.client;
                  return Request{QStringLiteral("/api/v1/auth/logout"),
                                 {},
                                 client.login(officerId(role, own), kPassword)};
              }});
    c.append({"GET", QStringLiteral("/api/v1/agencies"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/agencies"))});
    c.append({"GET", QStringLiteral("/api/v1/agencies/{code}"), Rule::AnyOfficer,
              [](Context &, Role, Side, Side target) {
                  return Request{QStringLiteral("/api/v1/agencies/") + agencyOf(target), {}, {}};
              }});
    c.append({"PUT", QStringLiteral("/api/v1/agencies/{code}"), Rule::AdminOwnAgency,
              [](Context &ctx, Role, Side, Side target) {
                  const QString path = QStringLiteral("/api/v1/agencies/") + agencyOf(target);
                  return Request{path, json(fetch(ctx, path, target)), {}};
              }});
    c.append({"GET", QStringLiteral("/api/v1/procedures"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/procedures"))});
    c.append(
        {"GET", QStringLiteral("/api/v1/procedures/{code}"), Rule::AnyOfficer,
         [](Context &, Role, Side, Side target) {
             return Request{QStringLiteral("/api/v1/procedures/") + procedureCode(target), {}, {}};
         }});
    c.append({"PUT", QStringLiteral("/api/v1/procedures/{code}"), Rule::AdminOwnAgency,
              [](Context &ctx, Role, Side, Side target) {
                  const QString path
                      = QStringLiteral("/api/v1/procedures/") + procedureCode(target);
                  return Request{path, json(fetch(ctx, path, target)), {}};
              }});
    c.append({"GET", QStringLiteral("/api/v1/statuses"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/statuses"))});
    c.append({"GET", QStringLiteral("/api/v1/transition-chart"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/transition-chart"))});
    c.append({"PUT", QStringLiteral("/api/v1/transition-chart"), Rule::AdminAny,
              [](Context &ctx, Role, Side own, Side) {
                  return Request{QStringLiteral("/api/v1/transition-chart"),
                                 json(fetch(ctx, QStringLiteral("/api/v1/transition-chart"), own)),
                                 {}};
              }});
    c.append({"GET", QStringLiteral("/api/v1/calendar"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/calendar"))});
    c.append({"PUT", QStringLiteral("/api/v1/calendar"), Rule::AdminAny,
              [](Context &ctx, Role, Side own, Side) {
                  return Request{QStringLiteral("/api/v1/calendar"),
                                 json(fetch(ctx, QStringLiteral("/api/v1/calendar"), own)),
                                 {}};
              }});
    c.append(
        {"GET", QStringLiteral("/api/v1/officers"), Rule::OwnAgency,
         [](Context &, Role, Side, Side target) {
             return Request{QStringLiteral("/api/v1/officers?agency=") + agencyOf(target), {}, {}};
         }});
    c.append(
        {"GET", QStringLiteral("/api/v1/officers/{id}"), Rule::OwnAgency,
         [](Context &, Role, Side, Side target) {
             return Request{
                 QStringLiteral("/api/v1/officers/") + officerId(Role::Archivist, target), {}, {}};
         }});
    c.append({"POST", QStringLiteral("/api/v1/officers"), Rule::AdminOwnAgency,
              [](Context &ctx, Role, Side, Side target) {
                  const QString id = QStringLiteral("new-officer-%1").arg(++ctx.serial);
                  return Request{
                      QStringLiteral("/api/v1/officers"),
                      json({{QStringLiteral("id"), id},
                            {QStringLiteral("username"), id},
                            {QStringLiteral("fullName"), QStringLiteral("Cán bộ mới")},
                            {QStringLiteral("agencyCode"), agencyOf(target)},
                            {QStringLiteral("roles"), QJsonArray{QStringLiteral("counter")}},
                            {QStringLiteral("active"), true},
                            {QStringLiteral("password"), kPassword}}),
                      {}};
              }});
    c.append({"PUT", QStringLiteral("/api/v1/officers/{id}"), Rule::AdminOwnAgency,
              [](Context &ctx, Role, Side, Side target) {
                  const QString path
                      = QStringLiteral("/api/v1/officers/") + officerId(Role::Archivist, target);
                  return Request{path, json(fetch(ctx, path, target)), {}};
              }});
    c.append({"POST", QStringLiteral("/api/v1/officers/{id}/password"), Rule::AdminOwnAgency,
              [](Context &, Role, Side, Side target) {
                  return Request{
                      QStringLiteral("/api/v1/officers/m-spare-%1/password").arg(suffix(target)),
                      json({{QStringLiteral("password"), kPassword}}),
                      {}};
              }});
    c.append({"POST", QStringLiteral("/api/v1/officers/{id}/active"), Rule::AdminOwnAgency,
              [](Context &, Role, Side, Side target) {
                  return Request{
                      QStringLiteral("/api/v1/officers/m-spare-%1/active").arg(suffix(target)),
                      json({{QStringLiteral("active"), true}}),
                      {}};
              }});
    c.append({"GET", QStringLiteral("/api/v1/groups"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/groups"))});
    c.append({"PUT", QStringLiteral("/api/v1/groups/{id}"), Rule::AdminOwnAgency,
              [](Context &ctx, Role, Side, Side target) {
                  const QString id = QStringLiteral("m-group-%1").arg(++ctx.serial);
                  return Request{
                      QStringLiteral("/api/v1/groups/") + id, json(matrixGroup(id, target)), {}};
              }});
    c.append({"DELETE", QStringLiteral("/api/v1/groups/{id}"), Rule::AdminOwnAgency,
              [](Context &ctx, Role, Side, Side target) {
                  return Request{newGroup(ctx, target), {}, {}};
              }});
    // The shared catalogues (R02): any officer reads, any admin writes (province-wide, like the
    // calendar). Each case writes its own code, so nothing a later case needs is changed.
    for (const QString &base :
         {QStringLiteral("/api/v1/document-types"), QStringLiteral("/api/v1/fields")}) {
        c.append({"GET", base, Rule::AnyOfficer, fixed(base)});
        c.append({"PUT", base + QStringLiteral("/{code}"), Rule::AdminAny,
                  [base](Context &ctx, Role, Side, Side) {
                      const QString code = QStringLiteral("M-%1").arg(++ctx.serial);
                      return Request{base + QLatin1Char('/') + code,
                                     json({{QStringLiteral("code"), code},
                                           {QStringLiteral("name"), QStringLiteral("Thử")}}),
                                     {}};
                  }});
        c.append({"DELETE", base + QStringLiteral("/{code}"), Rule::AdminAny,
                  [base](Context &ctx, Role, Side own, Side) {
                      const QString code = QStringLiteral("M-%1").arg(++ctx.serial);
                      ctx.client->put(base + QLatin1Char('/') + code,
                                      QJsonObject{{QStringLiteral("code"), code},
                                                  {QStringLiteral("name"), QStringLiteral("Thử")}},
                                      ctx.tokens.value(officerId(Role::Admin, own)));
                      return Request{base + QLatin1Char('/') + code, {}, {}};
                  }});
        c.append({"POST", base + QStringLiteral("/import"), Rule::AdminAny,
                  [base](Context &ctx, Role, Side, Side) {
                      const QString key = base.endsWith(QLatin1String("fields"))
                          ? QStringLiteral("fields")
                          : QStringLiteral("documentTypes");
                      const QJsonArray list{QJsonObject{
                          {QStringLiteral("code"), QStringLiteral("M-%1").arg(++ctx.serial)},
                          {QStringLiteral("name"), QStringLiteral("Thử")}}};
                      return Request{base + QStringLiteral("/import"), json({{key, list}}), {}};
                  }});
    }
    c.append({"POST", QStringLiteral("/api/v1/procedures/import"), Rule::AdminOwnAgency,
              [](Context &, Role, Side, Side target) {
                  const QJsonArray records{QJsonObject{
                      {QStringLiteral("MaTTHC"),
                       target == Side::A ? QStringLiteral("9.900101") : QStringLiteral("9.900102")},
                      {QStringLiteral("TenTTHC"), QStringLiteral("Thủ tục nhập thử")},
                      {QStringLiteral("CoQuanThucHien"),
                       QJsonObject{{QStringLiteral("MaDonVi"), agencyOf(target)}}}}};
                  return Request{QStringLiteral("/api/v1/procedures/import?dryRun=1"),
                                 QJsonDocument(records).toJson(QJsonDocument::Compact),
                                 {}};
              }});
    c.append({"GET", QStringLiteral("/api/v1/admin-units"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/admin-units?level=province"))});
    c.append({"POST", QStringLiteral("/api/v1/admin-units/import"), Rule::AdminAny,
              fixed(QStringLiteral("/api/v1/admin-units/import?dryRun=1"),
                    QByteArrayLiteral("level,code,name,division_type,parent_code\n"
                                      "commune,00004,Phường Ba Đình,phường,01\n"))});
    c.append({"GET", QStringLiteral("/api/v1/admin/audit"), Rule::AdminAny,
              fixed(QStringLiteral("/api/v1/admin/audit"))});
    c.append({"GET", QStringLiteral("/api/v1/workflows"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/workflows"))});
    c.append({"GET", QStringLiteral("/api/v1/workflows/{id}"), Rule::AnyOfficer,
              [](Context &, Role, Side, Side target) {
                  return Request{QStringLiteral("/api/v1/workflows/") + workflowId(target), {}, {}};
              }});
    c.append(
        {"POST", QStringLiteral("/api/v1/workflows/{id}/versions"), Rule::AdminOwnAgency,
         [](Context &ctx, Role, Side, Side target) {
             QJsonObject w
                 = fetch(ctx, QStringLiteral("/api/v1/workflows/") + workflowId(target), target);
             w.insert(QStringLiteral("version"), w.value(QStringLiteral("version")).toInt() + 1);
             return Request{QStringLiteral("/api/v1/workflows/%1/versions").arg(workflowId(target)),
                            json(w),
                            {}};
         }});
    c.append({"GET", QStringLiteral("/api/v1/slip-templates"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/slip-templates"))});
    c.append({"GET", QStringLiteral("/api/v1/slip-templates/{kind}"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/slip-templates/receipt"))});
    c.append({"PUT", QStringLiteral("/api/v1/slip-templates/{kind}"), Rule::AdminAny,
              fixed(QStringLiteral("/api/v1/slip-templates/refusal"), json(slipEdit()))});
    c.append({"POST", QStringLiteral("/api/v1/sync/push"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/sync/push"), emptyPush)});
    c.append({"GET", QStringLiteral("/api/v1/sync/changes"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/sync/changes?after=0&limit=10"))});
    c.append({"GET", QStringLiteral("/api/v1/sync/snapshot"), Rule::AnyOfficer,
              fixed(QStringLiteral("/api/v1/sync/snapshot?limit=10"))});
    c.append({"GET", QStringLiteral("/api/v1/dossiers/{id}"), Rule::OwnAgency,
              [](Context &ctx, Role, Side, Side target) {
                  return Request{QStringLiteral("/api/v1/dossiers/")
                                     + ctx.dossiers.value(target).toString(QUuid::WithoutBraces),
                                 {},
                                 {}};
              }});
    c.append({"POST", QStringLiteral("/api/v1/codes/lease"), Rule::CounterOrAdmin,
              [](Context &, Role, Side, Side) {
                  const QDate today = domain::toVietnamTime(QDateTime::currentDateTimeUtc()).date();
                  return Request{QStringLiteral("/api/v1/codes/lease"),
                                 json({{QStringLiteral("date"), today.toString(Qt::ISODate)},
                                       {QStringLiteral("count"), 1}}),
                                 {}};
              }});
    c.append({"PUT", QStringLiteral("/api/v1/blobs/{sha256}"), Rule::AnyOfficer,
              [](Context &, Role role, Side own, Side) {
                  const QByteArray content = blobContent(officerId(role, own));
                  return Request{QStringLiteral("/api/v1/blobs/") + sha256Of(content), content, {}};
              }});
    for (const QByteArray &method : {QByteArrayLiteral("GET"), QByteArrayLiteral("HEAD")}) {
        c.append(
            {method, QStringLiteral("/api/v1/blobs/{sha256}"), Rule::OwnAgencyHidden,
             [](Context &ctx, Role, Side, Side target) {
                 return Request{QStringLiteral("/api/v1/blobs/") + ctx.blobs.value(target), {}, {}};
             }});
    }
    c.append({"GET", QStringLiteral("/api/v1/reports/statistics"), Rule::ReportReaders,
              [](Context &, Role, Side, Side target) {
                  return Request{QStringLiteral("/api/v1/reports/statistics?from=2026-01-01&"
                                                "to=2026-12-31&groupBy=field,month&agency=")
                                     + agencyOf(target),
                                 {},
                                 {}};
              }});
    c.append({"GET", QStringLiteral("/api/v1/report-templates"), Rule::ReportRoles,
              fixed(QStringLiteral("/api/v1/report-templates"))});
    c.append({"POST", QStringLiteral("/api/v1/report-templates"), Rule::ReportRoles,
              [](Context &ctx, Role, Side, Side) {
                  return Request{
                      QStringLiteral("/api/v1/report-templates"),
                      json(reportTemplate(QStringLiteral("Mẫu riêng %1").arg(++ctx.serial), false)),
                      {}};
              }});
    c.append({"GET", QStringLiteral("/api/v1/report-templates/{id}"), Rule::TemplateReaders,
              [](Context &ctx, Role, Side, Side target) {
                  return Request{sharedTemplate(ctx, target), {}, {}};
              }});
    c.append({"PUT", QStringLiteral("/api/v1/report-templates/{id}"), Rule::TemplateEditors,
              [](Context &ctx, Role, Side, Side target) {
                  const QString path = sharedTemplate(ctx, target);
                  return Request{path, json(fetch(ctx, path, target)), {}};
              }});
    c.append({"DELETE", QStringLiteral("/api/v1/report-templates/{id}"), Rule::TemplateEditors,
              [](Context &ctx, Role, Side, Side target) {
                  return Request{newSharedTemplate(ctx, target), {}, {}};
              }});
    c.append({"GET", QStringLiteral("/api/v1/public/processing-status"), Rule::Public,
              fixed(QStringLiteral("/api/v1/public/processing-status?year=2026&quarter=4"))});
    c.append({"GET", QStringLiteral("/api/v1/public/dossiers/{code}"), Rule::Public,
              fixed(QStringLiteral("/api/v1/public/dossiers/%1-261128-0001").arg(kAgencyA))});
    return c;
}

bool readsReports(Role role)
{
    return role == Role::Leader || role == Role::Head || role == Role::Controller
        || role == Role::Admin;
}

bool allowed(Rule rule, Role role, bool ownAgency)
{
    switch (rule) {
    case Rule::Public:
    case Rule::AnyOfficer:
        return true;
    case Rule::OwnAgency:
    case Rule::OwnAgencyHidden:
        return ownAgency;
    case Rule::AdminOwnAgency:
        return role == Role::Admin && ownAgency;
    case Rule::AdminAny:
        return role == Role::Admin;
    case Rule::CounterOrAdmin:
        return role == Role::Counter || role == Role::Admin;
    case Rule::ReportReaders:
    case Rule::TemplateReaders:
        return ownAgency && readsReports(role);
    case Rule::ReportRoles:
        return readsReports(role);
    case Rule::TemplateEditors:
        return ownAgency && (role == Role::Leader || role == Role::Admin);
    }
    return false;
}

// The answer to a refused request: 404 where the resource is hidden from the caller.
int refusal(Rule rule, Role role, bool ownAgency)
{
    if (rule == Rule::OwnAgencyHidden)
        return 404;
    if ((rule == Rule::TemplateReaders || rule == Rule::TemplateEditors) && !ownAgency
        && readsReports(role))
        return 404;
    return 403;
}

bool dependsOnTarget(Rule rule)
{
    return rule == Rule::OwnAgency || rule == Rule::AdminOwnAgency || rule == Rule::OwnAgencyHidden
        || rule == Rule::ReportReaders || rule == Rule::TemplateReaders
        || rule == Rule::TemplateEditors;
}

// A dossier received at `side` by its counter, for a procedure of that agency.
QJsonObject receiveAction(Side side, const QUuid &dossier)
{
    domain::Action a = domain::demo::exampleReceive();
    a.id = QUuid::createUuid();
    a.dossierId = dossier;
    a.actorId = officerId(Role::Counter, side);
    a.payload.insert(QStringLiteral("code"),
                     QString(agencyOf(side) + QStringLiteral("-261128-0001")));
    a.payload.insert(QStringLiteral("procedureCode"), procedureCode(side));
    a.payload.remove(QStringLiteral("components"));
    return domain::toJson(a);
}

} // namespace

class TestHttpAuthz : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void tableListsEveryRoute()
    {
        QStringList table;
        for (const Case &c : cases())
            table.append(QString::fromLatin1(c.method) + QLatin1Char(' ') + c.pattern);
        QStringList served = serverRoutes();
        QVERIFY(!served.isEmpty());
        table.sort();
        served.sort();
        QCOMPARE(table, served);
    }

    void matrix()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend, {}, {}, true, prepareMatrix), qPrintable(s.error()));
        Context ctx;
        ctx.client = &s.client();
        for (const Side side : {Side::A, Side::B}) {
            for (const Role role : domain::allRoles()) {
                const QString id = officerId(role, side);
                const QString token = s.client().login(id, kPassword);
                QVERIFY2(!token.isEmpty(), qPrintable(s.client().lastLogin.describe()));
                ctx.tokens.insert(id, token);
            }
            const QUuid dossier = QUuid::createUuid();
            const Reply push = s.client().post(
                QStringLiteral("/api/v1/sync/push"),
                {{QStringLiteral("actions"), QJsonArray{receiveAction(side, dossier)}}},
                ctx.tokens.value(officerId(Role::Counter, side)));
            const QJsonObject result
                = push.json.value(QStringLiteral("results")).toArray().at(0).toObject();
            QVERIFY2(result.value(QStringLiteral("status")).toString() == QLatin1String("accepted"),
                     qPrintable(push.describe()));
            ctx.dossiers.insert(side, dossier);

            const QByteArray content = blobContent(suffix(side));
            const QString sha = sha256Of(content);
            const Reply upload
                = s.client().send("PUT", QStringLiteral("/api/v1/blobs/") + sha, content,
                                  ctx.tokens.value(officerId(Role::Counter, side)));
            QVERIFY2(upload.status == 201, qPrintable(upload.describe()));
            ctx.blobs.insert(side, sha);
        }

        QStringList failures;
        int checked = 0;
        for (const Case &c : cases()) {
            const QString name = QString::fromLatin1(c.method) + QLatin1Char(' ') + c.pattern;
            // Without a token.
            {
                const Request r = c.make(ctx, Role::Admin, Side::A, Side::A);
                const Reply reply = s.client().send(c.method, r.path, r.body);
                ++checked;
                const bool isPublic = c.rule == Rule::Public;
                if (isPublic ? (reply.status == 401
                                && reply.code() == QLatin1String("auth.missing_token"))
                            || reply.status == 403 || reply.status >= 500
                             : reply.status != 401) {
                    failures.append(
                        QStringLiteral("%1 without token → %2").arg(name, reply.describe()));
                }
            }
            if (c.rule == Rule::Public)
                continue;
            for (const Side own : {Side::A, Side::B}) {
                for (const Role role : domain::allRoles()) {
                    const QList<Side> targets = dependsOnTarget(c.rule)
                        ? QList<Side>{Side::A, Side::B}
                        : QList<Side>{own};
                    for (const Side target : targets) {
                        const Request r = c.make(ctx, role, own, target);
                        const QString token
                            = r.token.isEmpty() ? ctx.tokens.value(officerId(role, own)) : r.token;
                        const Reply reply = s.client().send(c.method, r.path, r.body, token);
                        ++checked;
                        const bool ok = allowed(c.rule, role, own == target);
                        const bool hidden = c.rule == Rule::OwnAgencyHidden;
                        const int refused = refusal(c.rule, role, own == target);
                        const bool pass = ok
                            ? reply.status >= 200 && reply.status < (hidden ? 300 : 500)
                                && reply.status != 401 && reply.status != 403
                            : reply.status == refused;
                        if (!pass) {
                            failures.append(
                                QStringLiteral("%1 as %2 (%3 agency) expected %4, got %5")
                                    .arg(name, officerId(role, own),
                                         own == target ? QStringLiteral("own")
                                                       : QStringLiteral("other"),
                                         ok ? QStringLiteral("allowed") : QString::number(refused),
                                         reply.describe()));
                        } else if (!ok && c.method != "HEAD"
                                   && reply.json.value(QStringLiteral("message"))
                                          .toString()
                                          .isEmpty()) {
                            failures.append(name + QStringLiteral(": refusal without a message"));
                        }
                    }
                }
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY(checked >= 550); // 32 without a token, 518 role × agency × route
        QVERIFY(s.healthy());
    }
};

QTEST_GUILESS_MAIN(TestHttpAuthz)
#include "test_http_authz.moc"
