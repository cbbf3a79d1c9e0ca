// Reports (R23, R25, R27.2): processing statistics of the caller's agency for leaders, heads,
// controllers and admins; and the public, periodic on-time/overdue status of every agency
// (R23.3), as JSON or as a CSV file. Both computed by core/reports on the stored dossiers.
#include "report_facts.h"
#include "routes.h"

#include <QTimeZone>

#include <domain/json.h>
#include <reports/reporttable.h>
#include <reports/statistics.h>

namespace motcua::server::http {

namespace {

using reports::Measure;

QJsonObject valuesOf(const reports::StatisticsRow &row, const QList<Measure> &measures)
{
    QJsonObject values;
    for (const Measure m : measures) {
        if (m == Measure::OnTimeRate && row.value(Measure::Resolved) == 0)
            values.insert(reports::measureKey(m), QJsonValue::Null); // no rate: nothing resolved
        else if (m == Measure::OnTimeRate)
            values.insert(reports::measureKey(m), double(row.value(m)) / 100.0);
        else
            values.insert(reports::measureKey(m), row.value(m));
    }
    return values;
}

domain::Result<QDate> dateParam(const ApiRequest &request, const QString &key)
{
    const QString text = request.queryValue(key);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (text.size() != 10 || !date.isValid()) {
        return domain::makeError(
            QStringLiteral("reports.bad_period"),
            QStringLiteral("Tham số \"%1\" phải là một ngày dạng YYYY-MM-DD.").arg(key), key);
    }
    return date;
}

ApiResponse badInput(const domain::Error &e)
{
    return badRequest(e.code, e.message, e.field);
}

// Names for the labels: agencies, their departments ("agency/department") and officers.
domain::Result<reports::StatisticsLabels> labelsOf(ServerContext &ctx, const QString &agencyCode)
{
    reports::StatisticsLabels labels;
    auto agencies = ctx.catalogue->agencies();
    if (!agencies)
        return agencies.error();
    for (const domain::Agency &a : agencies.value()) {
        labels.agencies.insert(a.code, a.name);
        for (const domain::Department &d : a.departments)
            labels.departments.insert(a.code + u'/' + d.id, d.name);
    }
    if (!agencyCode.isEmpty()) {
        auto officers = ctx.catalogue->officers();
        if (!officers)
            return officers.error();
        for (const domain::Officer &o : officers.value())
            labels.officers.insert(o.id, o.fullName);
    }
    return labels;
}

ApiResponse statistics(ServerContext &ctx, ApiRequest &request)
{
    const domain::Officer &officer = request.officer();
    if (request.query.hasQueryItem(QStringLiteral("agency"))
        && request.queryValue(QStringLiteral("agency")) != officer.agencyCode)
        return forbiddenAgency();

    reports::StatisticsQuery query;
    auto from = dateParam(request, QStringLiteral("from"));
    if (!from)
        return badInput(from.error());
    auto to = dateParam(request, QStringLiteral("to"));
    if (!to)
        return badInput(to.error());
    query.from = from.value();
    query.to = to.value();
    if (auto st = reports::validateQuery(query); !st)
        return badInput(st.error());
    auto groupBy = reports::parseDimensions(request.queryValue(QStringLiteral("groupBy")));
    if (!groupBy)
        return badInput(groupBy.error());
    query.groupBy = groupBy.value();
    auto measures = reports::parseMeasures(request.queryValue(QStringLiteral("measures")));
    if (!measures)
        return badInput(measures.error());
    query.measures = measures.value();
    auto filter = reports::parseFilter(request.queryValue(QStringLiteral("levels")),
                                       request.queryValue(QStringLiteral("channels")),
                                       request.queryValue(QStringLiteral("fields")),
                                       request.queryValue(QStringLiteral("procedures")),
                                       request.queryValue(QStringLiteral("departments")));
    if (!filter)
        return badInput(filter.error());
    query.filter = filter.value();
    const QList<Measure> shown = query.measures.isEmpty() ? reports::allMeasures() : query.measures;

    auto procedures = ctx.catalogue->procedures();
    if (!procedures)
        return ApiResponse::fromError(procedures.error());
    auto labels = labelsOf(ctx, officer.agencyCode);
    if (!labels)
        return ApiResponse::fromError(labels.error());
    query.filter.agencies = {officer.agencyCode}; // received or handled there
    auto computed = ctx.reportFacts.statistics(
        *ctx.db, query, reports::catalogueOf(procedures.value()), labels.value());
    if (!computed)
        return ApiResponse::fromError(computed.error());
    const reports::Statistics &s = computed.value();

    QJsonArray dims, measureKeys, columns, rows;
    for (const auto d : query.groupBy) {
        dims.append(reports::dimensionKey(d));
        columns.append(reports::dimensionName(d));
    }
    for (const Measure m : shown) {
        measureKeys.append(reports::measureKey(m));
        columns.append(reports::measureName(m));
    }
    for (const reports::StatisticsRow &row : s.rows) {
        rows.append(QJsonObject{{QStringLiteral("keys"), QJsonArray::fromStringList(row.keys)},
                                {QStringLiteral("labels"), QJsonArray::fromStringList(row.labels)},
                                {QStringLiteral("values"), valuesOf(row, shown)}});
    }
    return ApiResponse::json(QJsonObject{
        {QStringLiteral("agencyCode"), officer.agencyCode},
        {QStringLiteral("agencyName"), labels->agencies.value(officer.agencyCode)},
        {QStringLiteral("from"), query.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), query.to.toString(Qt::ISODate)},
        {QStringLiteral("asOf"), domain::formatInstant(s.asOf)},
        {QStringLiteral("groupBy"), dims},
        {QStringLiteral("measures"), measureKeys},
        {QStringLiteral("columns"), columns},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("total"),
         QJsonObject{{QStringLiteral("values"), valuesOf(s.total, shown)}}},
    });
}

// ?year=YYYY [&month=M | &quarter=Q] [&format=json|csv]: the period published.
ApiResponse publicStatus(ServerContext &ctx, ApiRequest &request)
{
    if (auto throttled = publicThrottle(ctx, request))
        return *throttled;
    auto year = queryInteger(request, QStringLiteral("year"), 0, 2000, 2100);
    if (!year)
        return ApiResponse::fromError(year.error());
    if (year.value() == 0) {
        return badRequest(QStringLiteral("reports.bad_period"),
                          QStringLiteral("Cần chọn năm công khai (year=YYYY)."),
                          QStringLiteral("year"));
    }
    auto month = queryInteger(request, QStringLiteral("month"), 0, 1, 12);
    if (!month)
        return ApiResponse::fromError(month.error());
    auto quarter = queryInteger(request, QStringLiteral("quarter"), 0, 1, 4);
    if (!quarter)
        return ApiResponse::fromError(quarter.error());
    if (month.value() != 0 && quarter.value() != 0) {
        return badRequest(QStringLiteral("reports.bad_period"),
                          QStringLiteral("Chỉ chọn tháng hoặc quý, không chọn cả hai."),
                          QStringLiteral("quarter"));
    }
    const QString format = request.queryValue(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("csv")) {
        return badRequest(QStringLiteral("reports.bad_format"),
                          QStringLiteral("Định dạng công khai phải là json hoặc csv."),
                          QStringLiteral("format"));
    }

    reports::StatisticsQuery query;
    const int y = int(year.value());
    if (month.value() != 0) {
        query.from = QDate(y, int(month.value()), 1);
        query.to = query.from.addMonths(1).addDays(-1);
    } else if (quarter.value() != 0) {
        query.from = QDate(y, int(quarter.value() - 1) * 3 + 1, 1);
        query.to = query.from.addMonths(3).addDays(-1);
    } else {
        query.from = QDate(y, 1, 1);
        query.to = QDate(y, 12, 31);
    }
    query.groupBy = {reports::Dimension::Agency};
    query.measures = {Measure::Received,   Measure::Resolved, Measure::OnTime,    Measure::Late,
                      Measure::InProgress, Measure::Overdue,  Measure::OnTimeRate};

    auto procedures = ctx.catalogue->procedures();
    if (!procedures)
        return ApiResponse::fromError(procedures.error());
    auto labels = labelsOf(ctx, {});
    if (!labels)
        return ApiResponse::fromError(labels.error());
    auto computed = ctx.reportFacts.statistics(
        *ctx.db, query, reports::catalogueOf(procedures.value()), labels.value());
    if (!computed)
        return ApiResponse::fromError(computed.error());
    const reports::Statistics &s = computed.value();

    if (format == QLatin1String("csv")) {
        const reports::ReportTable table = reports::tableOf(
            s, QStringLiteral("CÔNG KHAI TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH"), {});
        ApiResponse r = ApiResponse::text(reports::csvOf(table),
                                          QByteArrayLiteral("text/csv; charset=utf-8"));
        r.headers.append({QByteArrayLiteral("Content-Disposition"),
                          QStringLiteral("attachment; filename=\"cong-khai-%1-%2.csv\"")
                              .arg(query.from.toString(QStringLiteral("yyyyMMdd")),
                                   query.to.toString(QStringLiteral("yyyyMMdd")))
                              .toLatin1()});
        return r;
    }
    QJsonArray agencies;
    for (const reports::StatisticsRow &row : s.rows) {
        QJsonObject a = valuesOf(row, query.measures);
        a.insert(QStringLiteral("agencyCode"), row.keys.value(0));
        a.insert(QStringLiteral("agencyName"), row.labels.value(0));
        agencies.append(a);
    }
    return ApiResponse::json(QJsonObject{
        {QStringLiteral("from"), query.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), query.to.toString(Qt::ISODate)},
        {QStringLiteral("asOf"), domain::formatInstant(s.asOf)},
        {QStringLiteral("agencies"), agencies},
        {QStringLiteral("total"), valuesOf(s.total, query.measures)},
    });
}

} // namespace

void addReportRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add(
        {"GET",
         QStringLiteral("/api/v1/reports/statistics"),
         Access::Officer,
         {domain::Role::Leader, domain::Role::Head, domain::Role::Controller, domain::Role::Admin},
         QStringLiteral("Processing statistics of the caller's agency (R25)"),
         [&ctx](ApiRequest &request) { return statistics(ctx, request); }});
    table.add({"GET",
               QStringLiteral("/api/v1/public/processing-status"),
               Access::Public,
               {},
               QStringLiteral("Published on-time/overdue status per agency (R23.3, R27.2)"),
               [&ctx](ApiRequest &request) { return publicStatus(ctx, request); }});
}

} // namespace motcua::server::http
