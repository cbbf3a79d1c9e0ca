#include "adminservice.h"

#include "servercall.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <domain/json.h>
#include <domain/roles.h>
#include <sync/api_client.h>
#include <sync/api_errors.h>

namespace motcua::services {

using domain::Error;
using domain::Result;

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The answer as one document read with `read`; `what` names it when the answer is malformed.
template<typename T>
Result<T> documentFrom(const QByteArray &body, Result<T> (*read)(const QJsonObject &),
                       const QString &what)
{
    auto value = read(QJsonDocument::fromJson(body).object());
    if (!value)
        return sync::badAnswer(what);
    return value.value();
}

// The answer's `key` array, each element read with `read`.
template<typename T>
Result<QList<T>> listFrom(const QByteArray &body, const char *key,
                          Result<T> (*read)(const QJsonObject &), const QString &what)
{
    QList<T> out;
    const QJsonArray list
        = QJsonDocument::fromJson(body).object().value(QLatin1String(key)).toArray();
    for (const auto &v : list) {
        auto value = read(v.toObject());
        if (!value)
            return sync::badAnswer(what);
        out.append(value.value());
    }
    return out;
}

Result<domain::Agency> agencyFrom(const QByteArray &body)
{
    return documentFrom(body, &domain::agencyFromJson, QStringLiteral("cơ quan"));
}

QString agencyPath(const QString &code)
{
    return QStringLiteral("/api/v1/agencies/") + QString::fromLatin1(QUrl::toPercentEncoding(code));
}

Result<domain::Officer> officerFrom(const QByteArray &body)
{
    return documentFrom(body, &domain::officerFromJson, QStringLiteral("tài khoản cán bộ"));
}

// The handler of a server call: a transport error, or a status not in `ok`, is the error;
// otherwise `read` turns the body into the answer.
template<typename T, typename Read>
auto answer(AdminService::Done<T> done, Read read, QList<int> ok = {200})
{
    return [done = std::move(done), read, ok](int status, const QByteArray &body, const Error *e) {
        if (e)
            return done(*e);
        if (!ok.contains(status))
            return done(sync::httpError(status, body));
        done(read(body));
    };
}

// The faults of a refused import (400 import.bad_rows), or nothing when the answer is another.
bool importProblems(int status, const QJsonObject &o, QList<domain::ImportProblem> *out)
{
    if (status != 400
        || o.value(QStringLiteral("code")).toString() != QLatin1String("import.bad_rows"))
        return false;
    const QJsonArray problems
        = o.value(QStringLiteral("details")).toObject().value(QStringLiteral("problems")).toArray();
    for (const auto &v : problems) {
        const QJsonObject p = v.toObject();
        out->append({p.value(QStringLiteral("row")).toInt(),
                     p.value(QStringLiteral("column")).toString(),
                     p.value(QStringLiteral("message")).toString()});
    }
    return true;
}

QByteArray entityTag(const QByteArray &json)
{
    return '"' + QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex() + '"';
}

Result<CalendarVersion> calendarFrom(const QByteArray &body)
{
    auto calendar = domain::HolidayCalendar::fromJson(body);
    if (!calendar)
        return sync::badAnswer(QStringLiteral("lịch nghỉ"));
    return CalendarVersion{calendar.value(), entityTag(body)};
}

Result<ChartVersion> chartFrom(const QByteArray &body)
{
    auto settings
        = documentFrom(body, &domain::chartSettingsFromJson, QStringLiteral("lưu đồ trạng thái"));
    if (!settings)
        return settings.error();
    return ChartVersion{settings.value(), entityTag(body)};
}

} // namespace

AdminService::AdminService(sync::ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{}

void AdminService::call(const QByteArray &method, const QString &path, const QByteArray &body,
                        const QByteArray &contentType,
                        std::function<void(int status, const QByteArray &body, const Error *)> done)
{
    callServer(m_api, this, method, path, body, contentType, std::move(done));
}

void AdminService::officers(const QString &query, Done<QList<domain::Officer>> done)
{
    QUrlQuery q;
    if (!query.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("q"), query.trimmed());
    const QString path = QStringLiteral("/api/v1/officers")
        + (q.isEmpty() ? QString() : QLatin1Char('?') + q.toString(QUrl::FullyEncoded));
    call("GET", path, {}, {}, answer(done, [](const QByteArray &body) {
             return listFrom(body, "officers", &domain::officerFromJson,
                             QStringLiteral("danh sách cán bộ"));
         }));
}

void AdminService::createOfficer(const domain::Officer &officer, const QString &password,
                                 Done<domain::Officer> done)
{
    QJsonObject body = domain::toJson(officer);
    body.insert(QStringLiteral("password"), password);
    call("POST", QStringLiteral("/api/v1/officers"), compact(body), "application/json",
         answer(done, &officerFrom, {201}));
}

void AdminService::setActive(const QString &officerId, bool active, Done<domain::Officer> done)
{
    call("POST",
         QStringLiteral("/api/v1/officers/%1/active")
             .arg(QString::fromLatin1(QUrl::toPercentEncoding(officerId))),
         compact({{QStringLiteral("active"), active}}), "application/json",
         answer(done, &officerFrom));
}

void AdminService::updateOfficer(const domain::Officer &officer, Done<domain::Officer> done)
{
    call("PUT",
         QStringLiteral("/api/v1/officers/%1")
             .arg(QString::fromLatin1(QUrl::toPercentEncoding(officer.id))),
         compact(domain::toJson(officer)), "application/json", answer(done, &officerFrom));
}

void AdminService::groups(Done<QList<domain::OfficerGroup>> done)
{
    call("GET", QStringLiteral("/api/v1/groups"), {}, {}, answer(done, [](const QByteArray &body) {
             return listFrom(body, "groups", &domain::officerGroupFromJson,
                             QStringLiteral("danh sách nhóm cán bộ"));
         }));
}

void AdminService::saveGroup(const domain::OfficerGroup &group, Done<domain::OfficerGroup> done)
{
    call("PUT",
         QStringLiteral("/api/v1/groups/%1")
             .arg(QString::fromLatin1(QUrl::toPercentEncoding(group.id))),
         compact(domain::toJson(group)), "application/json",
         answer(done,
                [](const QByteArray &reply) {
                    return documentFrom(reply, &domain::officerGroupFromJson,
                                        QStringLiteral("nhóm cán bộ"));
                },
                {200, 201}));
}

void AdminService::deleteGroup(const QString &groupId, Done<bool> done)
{
    call("DELETE",
         QStringLiteral("/api/v1/groups/%1")
             .arg(QString::fromLatin1(QUrl::toPercentEncoding(groupId))),
         {}, {}, [done](int status, const QByteArray &reply, const Error *e) {
             if (e)
                 return done(*e);
             if (status != 200)
                 return done(sync::httpError(status, reply));
             done(true);
         });
}

namespace {

QString cataloguePath(AdminService::SharedCatalogue catalogue)
{
    return catalogue == AdminService::SharedCatalogue::DocumentTypes
        ? QStringLiteral("/api/v1/document-types")
        : QStringLiteral("/api/v1/fields");
}

QString entryPath(AdminService::SharedCatalogue catalogue, const QString &code)
{
    return cataloguePath(catalogue) + QLatin1Char('/')
        + QString::fromLatin1(QUrl::toPercentEncoding(code));
}

template<typename T>
QByteArray importBody(const char *key, const QList<T> &entries)
{
    QJsonArray list;
    for (const T &e : entries)
        list.append(domain::toJson(e));
    return compact({{QLatin1String(key), list}});
}

Result<int> importedFrom(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("imported")).toInt();
}

} // namespace

void AdminService::agency(const QString &code, Done<domain::Agency> done)
{
    call("GET", agencyPath(code), {}, {}, answer(done, &agencyFrom));
}

void AdminService::saveAgency(const domain::Agency &agency, Done<domain::Agency> done)
{
    call("PUT", agencyPath(agency.code), compact(domain::toJson(agency)), "application/json",
         answer(done, &agencyFrom));
}

void AdminService::documentTypes(Done<QList<domain::DocumentType>> done)
{
    call("GET", cataloguePath(SharedCatalogue::DocumentTypes), {}, {},
         answer(done, [](const QByteArray &body) {
             return listFrom(body, "documentTypes", &domain::documentTypeFromJson,
                             QStringLiteral("danh mục loại giấy tờ"));
         }));
}

void AdminService::saveDocumentType(const domain::DocumentType &type,
                                    Done<domain::DocumentType> done)
{
    call("PUT", entryPath(SharedCatalogue::DocumentTypes, type.code), compact(domain::toJson(type)),
         "application/json",
         answer(done,
                [](const QByteArray &body) {
                    return documentFrom(body, &domain::documentTypeFromJson,
                                        QStringLiteral("loại giấy tờ"));
                },
                {200, 201}));
}

void AdminService::importDocumentTypes(const QList<domain::DocumentType> &types, Done<int> done)
{
    call("POST", cataloguePath(SharedCatalogue::DocumentTypes) + QStringLiteral("/import"),
         importBody("documentTypes", types), "application/json", answer(done, &importedFrom));
}

void AdminService::procedureFields(Done<QList<domain::ProcedureField>> done)
{
    call("GET", cataloguePath(SharedCatalogue::Fields), {}, {},
         answer(done, [](const QByteArray &body) {
             return listFrom(body, "fields", &domain::procedureFieldFromJson,
                             QStringLiteral("danh mục lĩnh vực"));
         }));
}

void AdminService::saveProcedureField(const domain::ProcedureField &field,
                                      Done<domain::ProcedureField> done)
{
    call("PUT", entryPath(SharedCatalogue::Fields, field.code), compact(domain::toJson(field)),
         "application/json",
         answer(done,
                [](const QByteArray &body) {
                    return documentFrom(body, &domain::procedureFieldFromJson,
                                        QStringLiteral("lĩnh vực"));
                },
                {200, 201}));
}

void AdminService::importProcedureFields(const QList<domain::ProcedureField> &fields,
                                         Done<int> done)
{
    call("POST", cataloguePath(SharedCatalogue::Fields) + QStringLiteral("/import"),
         importBody("fields", fields), "application/json", answer(done, &importedFrom));
}

void AdminService::deleteCatalogueEntry(SharedCatalogue catalogue, const QString &code,
                                        Done<bool> done)
{
    call("DELETE", entryPath(catalogue, code), {}, {},
         answer(done, [](const QByteArray &) { return Result<bool>(true); }));
}

void AdminService::resetPassword(const QString &officerId, const QString &password, Done<bool> done)
{
    call("POST",
         QStringLiteral("/api/v1/officers/%1/password")
             .arg(QString::fromLatin1(QUrl::toPercentEncoding(officerId))),
         compact({{QStringLiteral("password"), password}}), "application/json",
         [done](int status, const QByteArray &reply, const Error *e) {
             if (e)
                 return done(*e);
             if (status != 200)
                 return done(sync::httpError(status, reply));
             done(true);
         });
}

void AdminService::importProcedures(const QByteArray &data, bool csv, bool dryRun,
                                    Done<ImportPreview> done)
{
    const QString path = QStringLiteral("/api/v1/procedures/import")
        + (dryRun ? QStringLiteral("?dryRun=1") : QString());
    call("POST", path, data,
         csv ? QByteArrayLiteral("text/csv") : QByteArrayLiteral("application/json"),
         [done](int status, const QByteArray &reply, const Error *e) {
             if (e)
                 return done(*e);
             const QJsonObject o = QJsonDocument::fromJson(reply).object();
             ImportPreview preview;
             if (importProblems(status, o, &preview.problems))
                 return done(preview);
             if (status != 200)
                 return done(sync::httpError(status, reply));
             preview.applied = o.value(QStringLiteral("applied")).toBool();
             preview.added = o.value(QStringLiteral("added")).toInt();
             preview.changed = o.value(QStringLiteral("changed")).toInt();
             preview.unchanged = o.value(QStringLiteral("unchanged")).toInt();
             for (const auto &v : o.value(QStringLiteral("changes")).toArray()) {
                 const QJsonObject c = v.toObject();
                 QStringList fields;
                 for (const auto &f : c.value(QStringLiteral("fields")).toArray())
                     fields.append(f.toString());
                 preview.rows.append({c.value(QStringLiteral("code")).toString(),
                                      c.value(QStringLiteral("name")).toString(),
                                      c.value(QStringLiteral("kind")).toString(), fields});
             }
             done(preview);
         });
}

namespace {

FormTemplate formTemplateFrom(const QJsonObject &o)
{
    return {o.value(QStringLiteral("kind")).toString(),
            o.value(QStringLiteral("agencyCode")).toString(),
            o.value(QStringLiteral("version")).toInt(),
            o.value(QStringLiteral("title")).toString(),
            o.value(QStringLiteral("legalBasis")).toString(),
            o.value(QStringLiteral("content")).toString(),
            QDateTime::fromString(o.value(QStringLiteral("updatedAt")).toString(), Qt::ISODate),
            o.value(QStringLiteral("updatedBy")).toString()};
}

} // namespace

void AdminService::formTemplates(Done<QList<FormTemplate>> done)
{
    call("GET", QStringLiteral("/api/v1/slip-templates"), {}, {},
         [done](int status, const QByteArray &reply, const Error *e) {
             if (e)
                 return done(*e);
             if (status != 200)
                 return done(sync::httpError(status, reply));
             QList<FormTemplate> out;
             const QJsonArray list = QJsonDocument::fromJson(reply)
                                         .object()
                                         .value(QStringLiteral("templates"))
                                         .toArray();
             for (const auto &v : list)
                 out.append(formTemplateFrom(v.toObject()));
             done(out);
         });
}

void AdminService::formTemplate(const QString &kind, int version, bool national,
                                Done<FormTemplate> done)
{
    call("GET",
         QStringLiteral("/api/v1/slip-templates/%1?version=%2&source=%3")
             .arg(QString::fromLatin1(QUrl::toPercentEncoding(kind)))
             .arg(version)
             .arg(national ? QStringLiteral("national") : QStringLiteral("agency")),
         {}, {}, answer(done, [](const QByteArray &reply) {
             return formTemplateFrom(QJsonDocument::fromJson(reply).object());
         }));
}

void AdminService::calendar(Done<CalendarVersion> done)
{
    call("GET", QStringLiteral("/api/v1/calendar"), {}, {}, answer(done, &calendarFrom));
}

void AdminService::saveCalendar(const domain::HolidayCalendar &calendar, const QByteArray &tag,
                                Done<CalendarVersion> done)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!tag.isEmpty())
        headers.append({QByteArrayLiteral("If-Match"), tag});
    callServer(m_api, this, "PUT", QStringLiteral("/api/v1/calendar"), calendar.toJson(),
               "application/json", headers, answer(done, &calendarFrom));
}

void AdminService::transitionChart(Done<ChartVersion> done)
{
    call("GET", QStringLiteral("/api/v1/transition-chart"), {}, {}, answer(done, &chartFrom));
}

void AdminService::saveTransitionChart(const domain::ChartSettings &settings, const QByteArray &tag,
                                       Done<ChartVersion> done)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!tag.isEmpty())
        headers.append({QByteArrayLiteral("If-Match"), tag});
    callServer(m_api, this, "PUT", QStringLiteral("/api/v1/transition-chart"),
               QJsonDocument(domain::toJson(settings)).toJson(QJsonDocument::Compact),
               "application/json", headers, answer(done, &chartFrom));
}

void AdminService::adminUnits(Done<QList<domain::AdministrativeUnit>> done)
{
    call("GET", QStringLiteral("/api/v1/admin-units"), {}, {},
         [done](int status, const QByteArray &reply, const Error *e) {
             if (e)
                 return done(*e);
             if (status != 200)
                 return done(sync::httpError(status, reply));
             QList<domain::AdministrativeUnit> out;
             const QJsonArray list
                 = QJsonDocument::fromJson(reply).object().value(QStringLiteral("units")).toArray();
             for (const auto &v : list) {
                 const QJsonObject o = v.toObject();
                 domain::AdministrativeUnit u;
                 u.code = o.value(QStringLiteral("code")).toString();
                 u.name = o.value(QStringLiteral("name")).toString();
                 u.level = o.value(QStringLiteral("level")).toString() == QLatin1String("commune")
                     ? domain::AdministrativeUnit::Level::Commune
                     : domain::AdministrativeUnit::Level::Province;
                 u.divisionType = o.value(QStringLiteral("divisionType")).toString();
                 u.parentCode = o.value(QStringLiteral("parentCode")).toString();
                 if (u.code.isEmpty() || u.name.isEmpty())
                     return done(sync::badAnswer(QStringLiteral("danh mục đơn vị hành chính")));
                 out.append(u);
             }
             done(out);
         });
}

void AdminService::importUnits(const QByteArray &csv, bool dryRun, Done<UnitImportPreview> done)
{
    const QString path = QStringLiteral("/api/v1/admin-units/import")
        + (dryRun ? QStringLiteral("?dryRun=1") : QString());
    call("POST", path, csv, QByteArrayLiteral("text/csv"),
         [done](int status, const QByteArray &reply, const Error *e) {
             if (e)
                 return done(*e);
             const QJsonObject o = QJsonDocument::fromJson(reply).object();
             UnitImportPreview preview;
             if (importProblems(status, o, &preview.problems))
                 return done(preview);
             if (status != 200)
                 return done(sync::httpError(status, reply));
             preview.applied = o.value(QStringLiteral("applied")).toBool();
             preview.added = o.value(QStringLiteral("added")).toInt();
             preview.changed = o.value(QStringLiteral("changed")).toInt();
             preview.unchanged = o.value(QStringLiteral("unchanged")).toInt();
             for (const auto &v : o.value(QStringLiteral("changes")).toArray()) {
                 const QJsonObject c = v.toObject();
                 QStringList fields;
                 for (const auto &f : c.value(QStringLiteral("fields")).toArray())
                     fields.append(f.toString());
                 preview.rows.append({c.value(QStringLiteral("kind")).toString(),
                                      c.value(QStringLiteral("level")).toString(),
                                      c.value(QStringLiteral("code")).toString(),
                                      c.value(QStringLiteral("name")).toString(),
                                      c.value(QStringLiteral("parentCode")).toString(), fields});
             }
             done(preview);
         });
}

QStringList AdminService::officerCsvHeader()
{
    return {QStringLiteral("Mã tài khoản"), QStringLiteral("Tên đăng nhập"),
            QStringLiteral("Họ và tên"),    QStringLiteral("Chức danh"),
            QStringLiteral("Cơ quan"),      QStringLiteral("Phòng ban"),
            QStringLiteral("Vai trò"),      QStringLiteral("Trạng thái")};
}

reports::ReportTable AdminService::officerTable(const QList<domain::Officer> &officers,
                                                const QString &agencyName)
{
    reports::ReportTable table;
    table.agencyName = agencyName;
    table.title = QStringLiteral("DANH SÁCH CÁN BỘ");
    table.period = QStringLiteral("Ngày %1").arg(
        QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy")));
    table.columns = officerCsvHeader();
    table.labelColumns = int(table.columns.size());
    for (const QStringList &row : officerCsvRows(officers)) {
        QVariantList cells;
        for (const QString &cell : row)
            cells.append(cell);
        table.rows.append(cells);
    }
    table.note = QStringLiteral("Tổng số: %1 tài khoản.").arg(officers.size());
    return table;
}

QList<QStringList> AdminService::officerCsvRows(const QList<domain::Officer> &officers)
{
    QList<QStringList> rows;
    for (const auto &o : officers) {
        QStringList roles;
        for (const auto role : o.roles)
            roles.append(domain::roleKey(role));
        rows.append({o.id, o.username, o.fullName, o.title, o.agencyCode, o.departmentId,
                     roles.join(QLatin1Char(',')),
                     o.active ? QStringLiteral("Hoạt động") : QStringLiteral("Đã khóa")});
    }
    return rows;
}

} // namespace motcua::services
