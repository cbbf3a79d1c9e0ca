#include "catalogue_rows.h"
#include "logging.h"
#include "report_templates.h"

#include <domain/roles.h>

namespace motcua::server {
namespace {

using domain::makeError;
using reports::ReportTemplate;
using namespace rows;

const QString kColumns = QStringLiteral(
    "id, agency_code, scope, owner_id, name, definition, version, updated_at, updated_by");

Result<ReportTemplate> fromRow(const Sql &q)
{
    const QString id = q.text(0);
    auto t = fromColumn<ReportTemplate>(q.text(5), &reports::templateFromJson,
                                        QStringLiteral("mẫu báo cáo"), id);
    if (!t)
        return t;
    ReportTemplate out = t.value();
    out.id = QUuid::fromString(id);
    out.agencyCode = q.text(1);
    out.shared = q.text(2).isEmpty();
    out.ownerId = q.text(3);
    out.name = q.text(4);
    out.version = int(q.integer(6));
    out.updatedAt = fromDbTime(q.integer(7));
    out.updatedBy = q.text(8);
    return out;
}

// The stored definition: what the officer chose, without the row's own columns.
QString definitionOf(ReportTemplate t)
{
    t.id = QUuid();
    t.ownerId.clear();
    t.agencyCode.clear();
    t.version = 0;
    t.updatedAt = {};
    t.updatedBy.clear();
    return compact(reports::toJson(t));
}

Error notFound()
{
    return makeError(QStringLiteral("report_template.not_found"),
                     QStringLiteral("Không tìm thấy mẫu báo cáo này (có thể đã bị xóa, hoặc là "
                                    "mẫu riêng của người khác)."));
}

Error forbiddenShared()
{
    return makeError(QStringLiteral("auth.forbidden_report_template"),
                     QStringLiteral("Chỉ lãnh đạo đơn vị hoặc quản trị viên mới được tạo, sửa hoặc "
                                    "xóa mẫu báo cáo dùng chung."),
                     QStringLiteral("shared"));
}

Error duplicateName(const QString &name, bool shared)
{
    return makeError(
        QStringLiteral("report_template.duplicate_name"),
        shared ? QStringLiteral("Cơ quan đã có mẫu báo cáo dùng chung tên \"%1\".").arg(name)
               : QStringLiteral("Bạn đã có mẫu báo cáo tên \"%1\".").arg(name),
        QStringLiteral("name"));
}

QString scopeOf(const domain::Officer &officer, bool shared)
{
    return shared ? QString() : officer.id;
}

bool visible(const domain::Officer &officer, const ReportTemplate &t)
{
    return t.agencyCode == officer.agencyCode && (t.shared || t.ownerId == officer.id);
}

bool writable(const domain::Officer &officer, const ReportTemplate &t)
{
    return t.shared ? ReportTemplateStore::canShare(officer) : t.ownerId == officer.id;
}

Result<std::optional<ReportTemplate>> load(QSqlDatabase &c, const QUuid &id)
{
    Sql q(c, QStringLiteral("SELECT %1 FROM report_templates WHERE id = ?").arg(kColumns));
    q.bind(id.toString(QUuid::WithoutBraces));
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return std::optional<ReportTemplate>();
    auto t = fromRow(q);
    if (!t)
        return t.error();
    return std::optional<ReportTemplate>(t.value());
}

Result<bool> nameTaken(QSqlDatabase &c, const QString &agency, const QString &scope,
                       const QString &name, const QUuid &except)
{
    Sql q(c,
          QStringLiteral("SELECT COUNT(*) FROM report_templates WHERE agency_code = ? AND scope = "
                         "? AND name = ? AND id <> ?"));
    q.bind(agency).bind(scope).bind(name).bind(except.toString(QUuid::WithoutBraces));
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next() && q.integer(0) > 0;
}

} // namespace

bool ReportTemplateStore::canShare(const domain::Officer &officer)
{
    return officer.hasRole(domain::Role::Leader) || officer.hasRole(domain::Role::Admin);
}

Result<QList<ReportTemplate>> ReportTemplateStore::visibleTo(const domain::Officer &officer)
{
    using R = Result<QList<ReportTemplate>>;
    return withConnection<QList<ReportTemplate>>(m_db, [&](QSqlDatabase &c) -> R {
        Sql q(c,
              QStringLiteral("SELECT %1 FROM report_templates WHERE agency_code = ? AND (scope = "
                             "'' OR scope = ?) ORDER BY scope DESC, name")
                  .arg(kColumns));
        q.bind(officer.agencyCode).bind(officer.id);
        if (auto st = q.exec(); !st)
            return st.error();
        QList<ReportTemplate> out;
        while (q.next()) {
            auto t = fromRow(q);
            if (!t)
                return t.error();
            out.append(t.value());
        }
        return out;
    });
}

Result<ReportTemplate> ReportTemplateStore::find(const domain::Officer &officer, const QUuid &id)
{
    using R = Result<ReportTemplate>;
    return withConnection<ReportTemplate>(m_db, [&](QSqlDatabase &c) -> R {
        auto t = load(c, id);
        if (!t)
            return t.error();
        if (!t.value() || !visible(officer, *t.value()))
            return notFound();
        return *t.value();
    });
}

Result<ReportTemplate> ReportTemplateStore::create(const domain::Officer &officer, ReportTemplate t)
{
    if (auto st = reports::validateTemplate(t); !st)
        return st.error();
    if (t.shared && !canShare(officer))
        return forbiddenShared();
    t.name = t.name.trimmed();
    t.id = QUuid::createUuid();
    t.ownerId = officer.id;
    t.agencyCode = officer.agencyCode;
    t.version = 1;
    t.updatedAt = fromDbTime(now());
    t.updatedBy = officer.id;
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        auto taken = nameTaken(c, t.agencyCode, scopeOf(officer, t.shared), t.name, t.id);
        if (!taken)
            return taken.error();
        if (taken.value())
            return duplicateName(t.name, t.shared);
        Sql q(c,
              QStringLiteral("INSERT INTO report_templates (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(kColumns));
        q.bind(t.id.toString(QUuid::WithoutBraces))
            .bind(t.agencyCode)
            .bind(scopeOf(officer, t.shared))
            .bind(t.ownerId)
            .bind(t.name)
            .bind(definitionOf(t))
            .bind(t.version)
            .bind(toDbTime(t.updatedAt))
            .bind(t.updatedBy);
        return q.exec();
    });
    if (!st) {
        if (isConstraintViolation(st.error())) // two saves of one name at once
            return duplicateName(t.name, t.shared);
        return st.error();
    }
    qCInfo(lcStorage).noquote() << "report template" << t.id.toString(QUuid::WithoutBraces)
                                << (t.shared ? "shared" : "personal") << "created by officer"
                                << officer.id;
    return t;
}

Result<ReportTemplate> ReportTemplateStore::update(const domain::Officer &officer, const QUuid &id,
                                                   ReportTemplate t)
{
    if (auto st = reports::validateTemplate(t); !st)
        return st.error();
    t.name = t.name.trimmed();
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        auto stored = load(c, id);
        if (!stored)
            return stored.error();
        if (!stored.value() || !visible(officer, *stored.value()))
            return notFound();
        const ReportTemplate &old = *stored.value();
        if (!writable(officer, old))
            return old.shared ? forbiddenShared() : notFound();
        if (t.shared != old.shared && !canShare(officer))
            return forbiddenShared();
        if (t.version != old.version) {
            Error e = makeError(
                QStringLiteral("report_template.version_conflict"),
                QStringLiteral("Mẫu báo cáo \"%1\" đã được sửa (phiên bản %2, bạn sửa từ phiên "
                               "bản %3): hãy tải lại rồi sửa tiếp.")
                    .arg(old.name)
                    .arg(old.version)
                    .arg(t.version),
                QStringLiteral("version"));
            e.details.insert(QStringLiteral("expected"), old.version);
            return e;
        }
        // The owner stays the creator; a shared template made personal goes to the editor.
        t.ownerId = t.shared ? old.ownerId : officer.id;
        const QString scope = t.shared ? QString() : t.ownerId;
        auto taken = nameTaken(c, old.agencyCode, scope, t.name, id);
        if (!taken)
            return taken.error();
        if (taken.value())
            return duplicateName(t.name, t.shared);
        t.id = id;
        t.agencyCode = old.agencyCode;
        t.version = old.version + 1;
        t.updatedAt = fromDbTime(now());
        t.updatedBy = officer.id;
        Sql q(c,
              QStringLiteral("UPDATE report_templates SET scope = ?, owner_id = ?, name = ?, "
                             "definition = ?, version = ?, updated_at = ?, updated_by = ? WHERE "
                             "id = ? AND version = ?"));
        q.bind(scope)
            .bind(t.ownerId)
            .bind(t.name)
            .bind(definitionOf(t))
            .bind(t.version)
            .bind(toDbTime(t.updatedAt))
            .bind(t.updatedBy)
            .bind(id.toString(QUuid::WithoutBraces))
            .bind(old.version);
        return q.exec();
    });
    if (!st) {
        if (isConstraintViolation(st.error()))
            return duplicateName(t.name, t.shared);
        return st.error();
    }
    return t;
}

Check ReportTemplateStore::remove(const domain::Officer &officer, const QUuid &id)
{
    return m_db.transaction([&](QSqlDatabase &c) -> Check {
        auto stored = load(c, id);
        if (!stored)
            return stored.error();
        if (!stored.value() || !visible(officer, *stored.value()))
            return notFound();
        if (!writable(officer, *stored.value()))
            return forbiddenShared();
        Sql q(c, QStringLiteral("DELETE FROM report_templates WHERE id = ?"));
        q.bind(id.toString(QUuid::WithoutBraces));
        return q.exec();
    });
}

} // namespace motcua::server
