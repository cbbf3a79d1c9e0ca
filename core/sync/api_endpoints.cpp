// The API's routes as typed calls (docs/openapi.yaml).
#include "api_client.h"
#include "api_errors.h"
#include "api_parse.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <domain/json.h>

namespace motcua::sync {

using domain::Result;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

ApiClient::Request get(const QString &path)
{
    ApiClient::Request r;
    r.path = path;
    return r;
}

ApiClient::Request post(const QString &path, const QJsonObject &body)
{
    ApiClient::Request r;
    r.method = "POST";
    r.path = path;
    r.body = compact(body);
    return r;
}

Result<ApiClient::Response> successful(Result<ApiClient::Response> r)
{
    if (!r)
        return r;
    if (r->status / 100 != 2)
        return httpError(r->status, r->body, r->headers.value("retry-after"));
    return r;
}

Result<domain::Workflow> workflowAnswer(const QByteArray &body)
{
    auto object = answerObject(body);
    if (!object)
        return object.error();
    auto w = domain::workflowFromJson(object.value());
    if (!w)
        return badAnswerFrom(w.error());
    return w;
}

} // namespace

template<typename T>
Call<T> *ApiClient::jsonCall(const Request &request,
                             std::function<Result<T>(const Response &)> parse)
{
    auto *call = new Call<T>(this);
    send(call, request, [call, parse = std::move(parse)](Result<Response> response) {
        auto r = successful(std::move(response));
        if (!r)
            call->finish(r.error());
        else
            call->finish(parse(r.value()));
    });
    return call;
}

// ---- auth ---------------------------------------------------------------------------------------

Call<Session> *ApiClient::login(const QString &username, const QString &password)
{
    Request r
        = post(QStringLiteral("/api/v1/auth/login"),
               {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    r.authenticated = false;
    auto *call = jsonCall<Session>(
        r, [](const Response &response) { return parseSession(response.body); });
    connect(call, &ApiCall::finished, this, [this, call] {
        if (!call->result())
            return;
        qCInfo(lcAuth) << "logged in as" << call->result()->officer.id;
        m_holder->set(call->result().value());
    });
    return call;
}

Call<void> *ApiClient::logout()
{
    auto *call = jsonCall<void>(post(QStringLiteral("/api/v1/auth/logout"), {}),
                                [](const Response &) { return Result<void>(); });
    connect(call, &ApiCall::finished, this, [this] {
        qCInfo(lcAuth) << "logged out" << m_holder->session().officer.id;
        m_holder->clear();
    });
    return call;
}

// ---- sync ---------------------------------------------------------------------------------------

Call<QList<PushOutcome>> *ApiClient::push(const QList<domain::Action> &actions)
{
    QJsonArray items;
    QList<QUuid> ids;
    ids.reserve(actions.size());
    for (const auto &a : actions) {
        items.append(domain::toJson(a));
        ids.append(a.id);
    }
    return jsonCall<QList<PushOutcome>>(
        post(QStringLiteral("/api/v1/sync/push"), {{QStringLiteral("actions"), items}}),
        [ids](const Response &response) { return parsePushOutcomes(response.body, ids); });
}

Call<ChangesPage> *ApiClient::changes(qint64 after, int limit, EnvelopeHandler onEnvelope)
{
    Request r = get(QStringLiteral("/api/v1/sync/changes"));
    r.query.addQueryItem(QStringLiteral("after"), QString::number(after));
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return jsonCall<ChangesPage>(r, [onEnvelope = std::move(onEnvelope)](const Response &response) {
        return parseChangesPage(response.body, onEnvelope);
    });
}

Call<SnapshotPage> *ApiClient::snapshot(const QString &after, int limit,
                                        SnapshotEnvelopeHandler onEnvelope)
{
    Request r = get(QStringLiteral("/api/v1/sync/snapshot"));
    if (!after.isEmpty())
        r.query.addQueryItem(QStringLiteral("after"), after);
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return jsonCall<SnapshotPage>(r,
                                  [onEnvelope = std::move(onEnvelope)](const Response &response) {
                                      return parseSnapshotPage(response.body, onEnvelope);
                                  });
}

Call<domain::Dossier> *ApiClient::dossier(const QUuid &id)
{
    return jsonCall<domain::Dossier>(
        get(QStringLiteral("/api/v1/dossiers/") + id.toString(QUuid::WithoutBraces)),
        [](const Response &response) -> Result<domain::Dossier> {
            auto object = answerObject(response.body);
            if (!object)
                return object.error();
            auto d = domain::dossierFromJson(object.value());
            if (!d)
                return badAnswerFrom(d.error());
            return d;
        });
}

Call<CodeLease> *ApiClient::leaseCodes(const QDate &date, int count)
{
    return jsonCall<CodeLease>(
        post(QStringLiteral("/api/v1/codes/lease"),
             {{QStringLiteral("date"), date.toString(Qt::ISODate)},
              {QStringLiteral("count"), count}}),
        [](const Response &response) { return parseCodeLease(response.body); });
}

// ---- catalogues ---------------------------------------------------------------------------------

namespace {

template<typename T>
std::function<Result<QList<T>>(const ApiClient::Response &)>
listOf(const char *key, Result<T> (*read)(const QJsonObject &))
{
    return [key, read](const ApiClient::Response &response) {
        return parseList<T>(response.body, key, read);
    };
}

} // namespace

Call<QList<domain::Agency>> *ApiClient::agencies()
{
    return jsonCall<QList<domain::Agency>>(get(QStringLiteral("/api/v1/agencies")),
                                           listOf("agencies", &domain::agencyFromJson));
}

Call<QList<domain::Procedure>> *ApiClient::procedures(const QString &agencyCode)
{
    Request r = get(QStringLiteral("/api/v1/procedures"));
    if (!agencyCode.isEmpty())
        r.query.addQueryItem(QStringLiteral("agency"), agencyCode);
    return jsonCall<QList<domain::Procedure>>(r, listOf("procedures", &domain::procedureFromJson));
}

Call<QList<domain::Officer>> *ApiClient::officers()
{
    return jsonCall<QList<domain::Officer>>(get(QStringLiteral("/api/v1/officers")),
                                            listOf("officers", &domain::officerFromJson));
}

Call<QList<domain::OfficerGroup>> *ApiClient::groups()
{
    return jsonCall<QList<domain::OfficerGroup>>(get(QStringLiteral("/api/v1/groups")),
                                                 listOf("groups", &domain::officerGroupFromJson));
}

Call<QList<domain::DocumentType>> *ApiClient::documentTypes()
{
    return jsonCall<QList<domain::DocumentType>>(
        get(QStringLiteral("/api/v1/document-types")),
        listOf("documentTypes", &domain::documentTypeFromJson));
}

Call<QList<domain::ProcedureField>> *ApiClient::procedureFields()
{
    return jsonCall<QList<domain::ProcedureField>>(
        get(QStringLiteral("/api/v1/fields")), listOf("fields", &domain::procedureFieldFromJson));
}

Call<QList<domain::Workflow>> *ApiClient::workflows()
{
    return jsonCall<QList<domain::Workflow>>(get(QStringLiteral("/api/v1/workflows")),
                                             listOf("workflows", &domain::workflowFromJson));
}

Call<domain::Workflow> *ApiClient::workflow(const QString &id, int version)
{
    Request r = get(QStringLiteral("/api/v1/workflows/%1")
                        .arg(QString::fromLatin1(QUrl::toPercentEncoding(id))));
    if (version > 0)
        r.query.addQueryItem(QStringLiteral("version"), QString::number(version));
    return jsonCall<domain::Workflow>(r, [](const Response &response) -> Result<domain::Workflow> {
        return workflowAnswer(response.body);
    });
}

Call<domain::Workflow> *ApiClient::addWorkflowVersion(const domain::Workflow &workflow)
{
    return jsonCall<domain::Workflow>(
        post(QStringLiteral("/api/v1/workflows/%1/versions")
                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(workflow.id))),
             domain::toJson(workflow)),
        [](const Response &response) -> Result<domain::Workflow> {
            return workflowAnswer(response.body);
        });
}

Call<domain::ChartSettings> *ApiClient::transitionChart()
{
    return jsonCall<domain::ChartSettings>(
        get(QStringLiteral("/api/v1/transition-chart")),
        [](const Response &response) -> Result<domain::ChartSettings> {
            auto object = answerObject(response.body);
            if (!object)
                return object.error();
            auto settings = domain::chartSettingsFromJson(object.value());
            if (!settings)
                return badAnswerFrom(settings.error());
            return settings;
        });
}

Call<domain::HolidayCalendar> *ApiClient::holidayCalendar()
{
    return jsonCall<domain::HolidayCalendar>(
        get(QStringLiteral("/api/v1/calendar")),
        [](const Response &response) -> Result<domain::HolidayCalendar> {
            auto calendar = domain::HolidayCalendar::fromJson(response.body);
            if (!calendar)
                return badAnswerFrom(calendar.error());
            return calendar;
        });
}

} // namespace motcua::sync
