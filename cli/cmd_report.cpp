// motcuactl report: processing statistics (R25) of the officer's agency, computed by the server,
// written as .xlsx, .docx, .pptx, .odt, .pdf or .csv (R23.2).
#include "cliparser.h"
#include "command.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include <domain/workcalendar.h>
#include <reports/exporters.h>
#include <reports/reporttemplate.h>
#include <reports/statistics.h>

namespace motcua::cli {

namespace {

const QString kWords = QStringLiteral("report");

// Standard reports: a grouping and measures under a title.
struct Template
{
    const char *name;
    const char *groupBy;
    const char *measures;
    const char *title;
};
constexpr std::array kTemplates{
    Template{"r25", "level", "received,inProgress,resolved,ontime,late,services",
             "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THEO MỨC ĐỘ DỊCH VỤ CÔNG"},
    Template{"by-month", "month", "received,resolved,early,ontime,late,inProgress,overdue",
             "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THEO THÁNG"},
    Template{"by-field", "field", "received,resolved,ontime,late,inProgress,overdue,ontimeRate",
             "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THEO LĨNH VỰC"},
    Template{"by-department", "department", "received,resolved,ontime,late,inProgress,overdue",
             "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THEO PHÒNG BAN"},
    Template{"by-officer", "officer", "resolved,ontime,late,inProgress,overdue,ontimeRate",
             "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THEO CÁN BỘ XỬ LÝ"},
};

struct Reply
{
    int status = 0; // 0: no answer
    QJsonObject body;
    QString transportError;
};

Reply exchange(QNetworkAccessManager &nam, const QNetworkRequest &request, const QByteArray &method,
               const QByteArray &body = {})
{
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = QJsonDocument::fromJson(reply->readAll()).object();
    if (out.status == 0)
        out.transportError = reply->errorString();
    reply->deleteLater();
    return out;
}

QNetworkRequest requestTo(const QUrl &base, const QString &path, const QUrlQuery &query = {})
{
    QUrl url = base;
    url.setPath(base.path().chopped(base.path().endsWith(u'/') ? 1 : 0) + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(60000);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("motcuactl"));
    return request;
}

// The server's Vietnamese message, or what went wrong on the way.
QString failureOf(const Reply &reply, const QUrl &server)
{
    if (reply.status == 0) {
        return QStringLiteral("Không kết nối được máy chủ %1: %2.")
            .arg(server.toDisplayString(), reply.transportError);
    }
    const QString message = reply.body.value(QStringLiteral("message")).toString();
    return message.isEmpty() ? QStringLiteral("Máy chủ trả lời lỗi HTTP %1.").arg(reply.status)
                             : message;
}

// The server's answer as the table the exporters write.
reports::ReportTable tableOf(const QJsonObject &answer, const QString &title)
{
    reports::ReportTable t;
    t.title = title;
    t.agencyName = answer.value(QStringLiteral("agencyName")).toString();
    t.period = reports::periodText(
        QDate::fromString(answer.value(QStringLiteral("from")).toString(), Qt::ISODate),
        QDate::fromString(answer.value(QStringLiteral("to")).toString(), Qt::ISODate));
    const QDateTime asOf
        = QDateTime::fromString(answer.value(QStringLiteral("asOf")).toString(), Qt::ISODateWithMs);
    if (asOf.isValid()) {
        t.note = QStringLiteral("Số liệu tính đến %1.")
                     .arg(domain::toVietnamTime(asOf).toString(
                         QStringLiteral("HH:mm 'ngày' dd/MM/yyyy")));
    }
    const QJsonArray dims = answer.value(QStringLiteral("groupBy")).toArray();
    const QJsonArray measures = answer.value(QStringLiteral("measures")).toArray();
    for (const QJsonValue &c : answer.value(QStringLiteral("columns")).toArray())
        t.columns.append(c.toString());
    t.labelColumns = int(dims.size());
    if (dims.isEmpty()) {
        t.columns.prepend(QStringLiteral("Nội dung"));
        t.labelColumns = 1;
    }
    const auto figures = [&](const QJsonObject &values, QVariantList &cells) {
        for (const QJsonValue &m : measures) {
            const QJsonValue v = values.value(m.toString());
            if (m.toString() == QLatin1String("ontimeRate"))
                cells.append(v.isNull() ? QVariant(QStringLiteral("—")) : QVariant(v.toDouble()));
            else
                cells.append(qint64(v.toDouble()));
        }
    };
    for (const QJsonValue &r : answer.value(QStringLiteral("rows")).toArray()) {
        QVariantList cells;
        for (const QJsonValue &label : r.toObject().value(QStringLiteral("labels")).toArray())
            cells.append(label.toString());
        figures(r.toObject().value(QStringLiteral("values")).toObject(), cells);
        t.rows.append(cells);
    }
    QVariantList totals{QStringLiteral("Tổng cộng")};
    for (int i = 1; i < t.labelColumns; ++i)
        totals.append(QString());
    figures(
        answer.value(QStringLiteral("total")).toObject().value(QStringLiteral("values")).toObject(),
        totals);
    if (dims.isEmpty())
        t.rows.append(totals);
    else
        t.totals = totals;
    return t;
}

} // namespace

int runReport(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Processing statistics of your agency (R25), computed by the server, written as a file.\n"
        "Templates: r25, by-month, by-field, by-department, by-officer.\n"
        "Group by: month, quarter, year, field, procedure, level, channel, agency, department, "
        "officer.\nMeasures: received, inProgress, overdue, resolved, early, ontime, late, "
        "notResolved, online, services, ontimeRate."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("server"), QStringLiteral("Server URL."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("user"), QStringLiteral("Username."), QStringLiteral("U")});
    parser.addOption({QStringLiteral("password-env"),
                      QStringLiteral("Name of the environment variable holding the password."),
                      QStringLiteral("VAR")});
    parser.addOption({QStringLiteral("template"),
                      QStringLiteral("A standard report, or a report template saved in MotCua "
                                     "(yours first, then your agency's shared ones)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("group-by"), QStringLiteral("Dimensions, comma-separated."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("measures"), QStringLiteral("Measures, comma-separated."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("First day (YYYY-MM-DD); a saved template without --from "
                                     "and --to reports on its own period."),
                      QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("Last day (YYYY-MM-DD)."), QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("xlsx, docx, pptx, odt, pdf or csv."), QStringLiteral("F")});
    parser.addOption(
        {QStringLiteral("title"), QStringLiteral("The report's title."), QStringLiteral("TEXT")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("The file to write."), QStringLiteral("FILE")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"server", "user", "password-env", "format", "out"}))
        return kUsage;

    const bool byTemplate = parser.isSet(QStringLiteral("template"));
    if (byTemplate
        == (parser.isSet(QStringLiteral("group-by")) || parser.isSet(QStringLiteral("measures")))) {
        io.err << helpFor(parser, kWords);
        return badInput(io, kWords,
                        QStringLiteral("Chọn một mẫu báo cáo (--template) hoặc cách nhóm và chỉ "
                                       "tiêu (--group-by, --measures), không cả hai."));
    }
    QString groupBy = parser.value(QStringLiteral("group-by"));
    QString measures = parser.value(QStringLiteral("measures"));
    QString title = QStringLiteral("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH");
    // A name that is no standard report is looked up among the saved templates after login.
    QString savedTemplate;
    if (byTemplate) {
        const QString name = parser.value(QStringLiteral("template"));
        const auto it = std::find_if(kTemplates.begin(), kTemplates.end(), [&](const Template &t) {
            return name == QLatin1String(t.name);
        });
        if (it == kTemplates.end()) {
            savedTemplate = name.trimmed();
        } else {
            groupBy = QString::fromLatin1(it->groupBy);
            measures = QString::fromLatin1(it->measures);
            title = QString::fromUtf8(it->title);
        }
    }
    // Checked here too, so a typo costs no login.
    if (auto d = reports::parseDimensions(groupBy); !d)
        return badInput(io, kWords, d.error().message);
    if (auto m = reports::parseMeasures(measures); !m)
        return badInput(io, kWords, m.error().message);
    const bool periodGiven
        = parser.isSet(QStringLiteral("from")) || parser.isSet(QStringLiteral("to"));
    reports::StatisticsQuery period;
    if (periodGiven || savedTemplate.isEmpty()) {
        period.from = QDate::fromString(parser.value(QStringLiteral("from")), Qt::ISODate);
        period.to = QDate::fromString(parser.value(QStringLiteral("to")), Qt::ISODate);
        if (auto st = reports::validateQuery(period); !st)
            return badInput(io, kWords, st.error().message);
    }
    const auto format = reports::exportFormatFromKey(parser.value(QStringLiteral("format")));
    if (!format) {
        return badInput(io, kWords,
                        QStringLiteral("Định dạng \"%1\" không được hỗ trợ: chọn xlsx, docx, pptx, "
                                       "odt, pdf hoặc csv.")
                            .arg(parser.value(QStringLiteral("format"))));
    }
    const QUrl server(parser.value(QStringLiteral("server")));
    if (!server.isValid()
        || (server.scheme() != QLatin1String("http")
            && server.scheme() != QLatin1String("https"))) {
        return badInput(
            io, kWords,
            QStringLiteral("Địa chỉ máy chủ \"%1\" không hợp lệ (http:// hoặc https://).")
                .arg(parser.value(QStringLiteral("server"))));
    }
    const QString variable = parser.value(QStringLiteral("password-env"));
    const QString password = qEnvironmentVariable(variable.toLocal8Bit().constData());
    if (password.isEmpty())
        return badInput(io, kWords,
                        QStringLiteral("Biến môi trường %1 không có mật khẩu.").arg(variable));

    QNetworkAccessManager nam;
    const Reply login
        = exchange(nam, requestTo(server, QStringLiteral("/api/v1/auth/login")), "POST",
                   QJsonDocument(QJsonObject{{QStringLiteral("username"),
                                              parser.value(QStringLiteral("user"))},
                                             {QStringLiteral("password"), password}})
                       .toJson(QJsonDocument::Compact));
    if (login.status != 200)
        return badInput(io, kWords, failureOf(login, server));
    const QByteArray token = login.body.value(QStringLiteral("accessToken")).toString().toUtf8();

    const auto authorised = [&](QNetworkRequest request) {
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + token);
        return request;
    };
    const auto logoutAnd = [&](int code, const QString &message) {
        exchange(nam, authorised(requestTo(server, QStringLiteral("/api/v1/auth/logout"))), "POST",
                 QByteArrayLiteral("{}"));
        return message.isEmpty() ? code : badInput(io, kWords, message);
    };

    reports::StatisticsFilter filter;
    if (!savedTemplate.isEmpty()) {
        const Reply list = exchange(
            nam, authorised(requestTo(server, QStringLiteral("/api/v1/report-templates"))), "GET");
        if (list.status != 200)
            return logoutAnd(kBadInput, failureOf(list, server));
        std::optional<reports::ReportTemplate> found;
        QStringList names;
        for (const QJsonValue &v : list.body.value(QStringLiteral("templates")).toArray()) {
            auto t = reports::templateFromJson(v.toObject());
            if (!t)
                continue;
            names.append(t->name);
            if (!found && t->name.compare(savedTemplate, Qt::CaseInsensitive) == 0)
                found = t.value();
        }
        if (!found) {
            return logoutAnd(kBadInput,
                             QStringLiteral("Không có mẫu báo cáo \"%1\". Mẫu chuẩn: r25, "
                                            "by-month, by-field, by-department, by-officer%2.")
                                 .arg(savedTemplate,
                                      names.isEmpty() ? QString()
                                                      : QStringLiteral("; mẫu đã lưu: ")
                                              + names.join(QStringLiteral(", "))));
        }
        const auto query = reports::queryOf(
            *found, domain::toVietnamTime(QDateTime::currentDateTimeUtc()).date(), period.from,
            period.to);
        period.from = query.from;
        period.to = query.to;
        if (auto st = reports::validateQuery(period); !st)
            return logoutAnd(kBadInput, st.error().message);
        QStringList keys;
        for (const auto d : query.groupBy)
            keys.append(reports::dimensionKey(d));
        groupBy = keys.join(u',');
        keys.clear();
        for (const auto m : query.measures)
            keys.append(reports::measureKey(m));
        measures = keys.join(u',');
        filter = query.filter;
        title = found->printedTitle();
    }
    if (parser.isSet(QStringLiteral("title")))
        title = parser.value(QStringLiteral("title"));

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("from"), period.from.toString(Qt::ISODate));
    query.addQueryItem(QStringLiteral("to"), period.to.toString(Qt::ISODate));
    if (!groupBy.isEmpty())
        query.addQueryItem(QStringLiteral("groupBy"), groupBy);
    if (!measures.isEmpty())
        query.addQueryItem(QStringLiteral("measures"), measures);
    for (const auto &[name, keys] : reports::filterParameters(filter))
        query.addQueryItem(name, keys);
    const Reply answer = exchange(
        nam, authorised(requestTo(server, QStringLiteral("/api/v1/reports/statistics"), query)),
        "GET");
    logoutAnd(kOk, {});
    if (answer.status != 200)
        return badInput(io, kWords, failureOf(answer, server));

    const reports::ReportTable table = tableOf(answer.body, title);
    const QString out = parser.value(QStringLiteral("out"));
    if (auto st = reports::writeReport(table, *format, out); !st)
        return badInput(io, kWords, st.error().message);
    io.out << QStringLiteral("Đã ghi báo cáo %1 (%2 dòng).\n").arg(out).arg(table.rows.size());
    return kOk;
}

} // namespace motcua::cli
