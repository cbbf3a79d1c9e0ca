#include "catalogue_store.h"

#include "catalogue_rows.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <domain/dossiercode.h>
#include <domain/json.h>

namespace motcua::server {
namespace {

using domain::makeError;
using namespace rows;

Check putProcedureIn(QSqlDatabase &c, const domain::Procedure &p)
{
    if (p.code.trimmed().isEmpty() || p.name.trimmed().isEmpty()) {
        return makeError(
            QStringLiteral("procedure.invalid"), QStringLiteral("Thủ tục phải có mã và tên."),
            p.code.trimmed().isEmpty() ? QStringLiteral("code") : QStringLiteral("name"));
    }
    Sql q(c,
          QStringLiteral("INSERT INTO procedures (code, agency_code, name, json, updated_at) "
                         "VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT (code) DO UPDATE SET agency_code = excluded.agency_code, "
                         "name = excluded.name, "
                         "json = excluded.json, updated_at = excluded.updated_at"));
    q.bind(p.code).bind(p.agencyCode).bind(p.name).bind(compact(domain::toJson(p))).bind(now());
    return q.exec();
}

} // namespace

// ---- Agencies ---------------------------------------------------------------------------------

Result<QList<domain::Agency>> CatalogueStore::agencies()
{
    return withConnection<QList<domain::Agency>>(
        m_db, [](QSqlDatabase &c) -> Result<QList<domain::Agency>> {
            Sql q(c, QStringLiteral("SELECT json, code FROM agencies ORDER BY code"));
            if (auto st = q.exec(); !st)
                return st.error();
            QList<domain::Agency> out;
            while (q.next()) {
                auto agency = fromColumn<domain::Agency>(q.text(0), domain::agencyFromJson,
                                                         QStringLiteral("cơ quan"), q.text(1));
                if (!agency)
                    return agency.error();
                out.append(std::move(agency).value());
            }
            return out;
        });
}

Result<std::optional<domain::Agency>> CatalogueStore::agency(const QString &code)
{
    using R = Result<std::optional<domain::Agency>>;
    return withConnection<std::optional<domain::Agency>>(m_db, [&](QSqlDatabase &c) -> R {
        Sql q(c, QStringLiteral("SELECT json FROM agencies WHERE code = ?"));
        q.bind(code);
        if (auto st = q.exec(); !st)
            return st.error();
        if (!q.next())
            return std::optional<domain::Agency>();
        auto agency = fromColumn<domain::Agency>(q.text(0), domain::agencyFromJson,
                                                 QStringLiteral("cơ quan"), code);
        if (!agency)
            return agency.error();
        return std::optional<domain::Agency>(std::move(agency).value());
    });
}

Check CatalogueStore::putAgency(const domain::Agency &a)
{
    if (auto st = domain::validateAgencyCode(a.code, QStringLiteral("code")); !st)
        return st;
    if (a.name.trimmed().isEmpty())
        return makeError(QStringLiteral("agency.invalid"), QStringLiteral("Cơ quan phải có tên."),
                         QStringLiteral("name"));
    auto st = m_db.transaction([&](QSqlDatabase &c) {
        Sql q(c,
              QStringLiteral(
                  "INSERT INTO agencies (code, name, parent_code, kind, json, updated_at) VALUES "
                  "(?, ?, ?, ?, "
                  "?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = "
                  "excluded.parent_code, kind = excluded.kind, json = excluded.json, updated_at = "
                  "excluded.updated_at"));
        q.bind(a.code)
            .bind(a.name)
            .bind(a.parentCode)
            .bind(domain::agencyKindKey(a.kind))
            .bind(compact(domain::toJson(a)))
            .bind(now());
        return q.exec();
    });
    if (st)
        ++m_generation;
    return st;
}

// ---- Procedures -------------------------------------------------------------------------------

Result<QList<domain::Procedure>> CatalogueStore::procedures(const QString &agencyCode)
{
    return withConnection<QList<domain::Procedure>>(
        m_db, [&](QSqlDatabase &c) -> Result<QList<domain::Procedure>> {
            Sql q(c,
                  agencyCode.isEmpty()
                      ? QStringLiteral("SELECT json, code FROM procedures ORDER BY code")
                      : QStringLiteral(
                          "SELECT json, code FROM procedures WHERE agency_code = ? ORDER BY code"));
            if (!agencyCode.isEmpty())
                q.bind(agencyCode);
            if (auto st = q.exec(); !st)
                return st.error();
            QList<domain::Procedure> out;
            while (q.next()) {
                auto p = fromColumn<domain::Procedure>(q.text(0), domain::procedureFromJson,
                                                       QStringLiteral("thủ tục"), q.text(1));
                if (!p)
                    return p.error();
                out.append(std::move(p).value());
            }
            return out;
        });
}

Result<std::optional<domain::Procedure>> CatalogueStore::procedure(const QString &code)
{
    using R = Result<std::optional<domain::Procedure>>;
    return withConnection<std::optional<domain::Procedure>>(m_db, [&](QSqlDatabase &c) -> R {
        Sql q(c, QStringLiteral("SELECT json FROM procedures WHERE code = ?"));
        q.bind(code);
        if (auto st = q.exec(); !st)
            return st.error();
        if (!q.next())
            return std::optional<domain::Procedure>();
        auto p = fromColumn<domain::Procedure>(q.text(0), domain::procedureFromJson,
                                               QStringLiteral("thủ tục"), code);
        if (!p)
            return p.error();
        return std::optional<domain::Procedure>(std::move(p).value());
    });
}

Check CatalogueStore::putProcedure(const domain::Procedure &procedure)
{
    return putProcedures({procedure});
}

Check CatalogueStore::putProcedures(const QList<domain::Procedure> &procedures)
{
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        for (const auto &p : procedures) {
            if (auto done = putProcedureIn(c, p); !done)
                return done;
        }
        return {};
    });
    if (st)
        ++m_generation;
    return st;
}

// ---- Workflows --------------------------------------------------------------------------------

Result<QList<domain::Workflow>> CatalogueStore::workflows()
{
    return withConnection<QList<domain::Workflow>>(
        m_db, [](QSqlDatabase &c) -> Result<QList<domain::Workflow>> {
            Sql q(c,
                  QStringLiteral("SELECT w.json, w.id FROM workflows w WHERE w.version = (SELECT "
                                 "MAX(v.version) FROM "
                                 "workflows v WHERE v.id = w.id) ORDER BY w.id"));
            if (auto st = q.exec(); !st)
                return st.error();
            QList<domain::Workflow> out;
            while (q.next()) {
                auto w = fromColumn<domain::Workflow>(q.text(0), domain::workflowFromJson,
                                                      QStringLiteral("quy trình"), q.text(1));
                if (!w)
                    return w.error();
                out.append(std::move(w).value());
            }
            return out;
        });
}

Result<std::optional<domain::Workflow>> CatalogueStore::workflow(const QString &id, int version)
{
    using R = Result<std::optional<domain::Workflow>>;
    return withConnection<std::optional<domain::Workflow>>(m_db, [&](QSqlDatabase &c) -> R {
        Sql q(c,
              version > 0
                  ? QStringLiteral("SELECT json FROM workflows WHERE id = ? AND version = ?")
                  : QStringLiteral(
                      "SELECT json FROM workflows WHERE id = ? ORDER BY version DESC LIMIT 1"));
        q.bind(id);
        if (version > 0)
            q.bind(version);
        if (auto st = q.exec(); !st)
            return st.error();
        if (!q.next())
            return std::optional<domain::Workflow>();
        auto w = fromColumn<domain::Workflow>(q.text(0), domain::workflowFromJson,
                                              QStringLiteral("quy trình"), id);
        if (!w)
            return w.error();
        return std::optional<domain::Workflow>(std::move(w).value());
    });
}

Result<int> CatalogueStore::latestWorkflowVersion(const QString &id)
{
    return withConnection<int>(m_db, [&](QSqlDatabase &c) -> Result<int> {
        Sql q(c, QStringLiteral("SELECT MAX(version) FROM workflows WHERE id = ?"));
        q.bind(id);
        if (auto st = q.exec(); !st)
            return st.error();
        return q.next() ? int(q.integer(0)) : 0;
    });
}

Check CatalogueStore::addWorkflowVersion(const domain::Workflow &w)
{
    if (w.id.trimmed().isEmpty() || w.version < 1) {
        return makeError(QStringLiteral("workflow.invalid"),
                         QStringLiteral("Quy trình phải có mã và phiên bản từ 1 trở lên."),
                         w.id.trimmed().isEmpty() ? QStringLiteral("id")
                                                  : QStringLiteral("version"));
    }
    const QString json = compact(domain::toJson(w));
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        Sql existing(c, QStringLiteral("SELECT json FROM workflows WHERE id = ? AND version = ?"));
        existing.bind(w.id).bind(w.version);
        if (auto done = existing.exec(); !done)
            return done;
        if (existing.next()) {
            if (existing.text(0) == json)
                return {}; // the same version again: nothing to do
            return makeError(
                QStringLiteral("workflow.version_exists"),
                QStringLiteral("Quy trình \"%1\" đã có phiên bản %2; hãy lưu thành phiên bản mới.")
                    .arg(w.id)
                    .arg(w.version),
                QStringLiteral("version"));
        }
        Sql insert(c,
                   QStringLiteral("INSERT INTO workflows (id, version, procedure_code, json, "
                                  "created_at) VALUES (?, ?, ?, ?, ?)"));
        insert.bind(w.id).bind(w.version).bind(w.procedureCode).bind(json).bind(now());
        return insert.exec();
    });
    if (st)
        ++m_generation;
    return st;
}

// ---- Calendar ---------------------------------------------------------------------------------

namespace {

const QString kOfficeHours = QStringLiteral("officeHours");
constexpr qint64 kCalendarWriterLock = 0x4d6f74437561436cLL; // "MotCuaCl"

// The calendar as stored: the years' rows and the settings' rows, on the caller's connection (so
// a write can read what it replaces in its own transaction).
Result<domain::HolidayCalendar> readCalendar(QSqlDatabase &c)
{
    Sql q(c, QStringLiteral("SELECT json, year FROM calendar_years ORDER BY year"));
    if (auto st = q.exec(); !st)
        return st.error();
    QJsonArray years;
    while (q.next()) {
        const QJsonDocument doc = QJsonDocument::fromJson(q.text(0).toUtf8());
        if (!doc.isObject())
            return corrupt(QStringLiteral("lịch nghỉ năm"), q.text(1));
        years.append(doc.object());
    }
    QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("years"), years}};
    Sql settings(c, QStringLiteral("SELECT json FROM calendar_settings WHERE name = ?"));
    settings.bind(kOfficeHours);
    if (auto st = settings.exec(); !st)
        return st.error();
    if (settings.next()) {
        const QJsonDocument doc = QJsonDocument::fromJson(settings.text(0).toUtf8());
        if (!doc.isObject())
            return corrupt(QStringLiteral("giờ làm việc"), kOfficeHours);
        root.insert(kOfficeHours, doc.object());
    }
    auto calendar
        = domain::HolidayCalendar::fromJson(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!calendar)
        return corrupt(QStringLiteral("lịch nghỉ"), calendar.error().field);
    return calendar;
}

} // namespace

Result<domain::HolidayCalendar> CatalogueStore::holidayCalendar()
{
    return withConnection<domain::HolidayCalendar>(m_db, readCalendar);
}

Check CatalogueStore::putHolidayCalendar(const domain::HolidayCalendar &calendar,
                                         const StillCurrent &stillCurrent)
{
    const QJsonObject document = QJsonDocument::fromJson(calendar.toJson()).object();
    const QJsonArray years = document.value(QStringLiteral("years")).toArray();
    auto st = replaceIfCurrent<domain::HolidayCalendar>(
        m_db, kCalendarWriterLock, readCalendar, stillCurrent, QStringLiteral("calendar.stale"),
        [&](QSqlDatabase &c) -> Check {
            Sql clear(c, QStringLiteral("DELETE FROM calendar_years"));
            if (auto done = clear.exec(); !done)
                return done;
            Sql insert(c,
                       QStringLiteral(
                           "INSERT INTO calendar_years (year, json, updated_at) VALUES (?, ?, ?)"));
            for (const auto &year : years) {
                const QJsonObject object = year.toObject();
                insert.bind(object.value(QStringLiteral("year")).toInt())
                    .bind(compact(object))
                    .bind(now());
                if (auto done = insert.exec(); !done)
                    return done;
            }
            Sql clearHours(c, QStringLiteral("DELETE FROM calendar_settings WHERE name = ?"));
            clearHours.bind(kOfficeHours);
            if (auto done = clearHours.exec(); !done)
                return done;
            if (calendar.hasOwnOfficeHours()) {
                Sql hours(c,
                          QStringLiteral("INSERT INTO calendar_settings (name, json, updated_at) "
                                         "VALUES (?, ?, ?)"));
                hours.bind(kOfficeHours)
                    .bind(compact(document.value(kOfficeHours).toObject()))
                    .bind(now());
                if (auto done = hours.exec(); !done)
                    return done;
            }
            return {};
        });
    if (st)
        ++m_generation;
    return st;
}

} // namespace motcua::server
