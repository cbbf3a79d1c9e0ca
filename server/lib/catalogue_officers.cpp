// CatalogueStore: officers' accounts (the password hash lives next to the officer's JSON).
#include "catalogue_rows.h"
#include "catalogue_store.h"

#include <domain/json.h>

namespace motcua::server {
namespace {

using domain::makeError;
using namespace rows;

Result<domain::Officer> officerFromRow(Sql &q)
{
    auto officer = fromColumn<domain::Officer>(q.text(0), domain::officerFromJson,
                                               QStringLiteral("cán bộ"), q.text(2));
    if (officer)
        officer.value().active = q.integer(1) != 0; // the column is authoritative (setActive)
    return officer;
}

const QString kOfficerColumns = QStringLiteral("SELECT json, active, id FROM officers ");

// The officer whose unique `column` (a literal of ours: id or username) equals `value`.
Result<std::optional<domain::Officer>> officerWhere(Database &db, const QString &column,
                                                    const QString &value)
{
    using R = Result<std::optional<domain::Officer>>;
    return withConnection<std::optional<domain::Officer>>(db, [&](QSqlDatabase &c) -> R {
        Sql q(c, kOfficerColumns + QStringLiteral("WHERE %1 = ?").arg(column));
        q.bind(value);
        if (auto st = q.exec(); !st)
            return st.error();
        if (!q.next())
            return std::optional<domain::Officer>();
        auto officer = officerFromRow(q);
        if (!officer)
            return officer.error();
        QList<domain::Officer> one{std::move(officer).value()};
        if (auto st = attachGroups(c, one, {}); !st)
            return st.error();
        return std::optional<domain::Officer>(one.takeFirst());
    });
}

} // namespace

Result<QList<domain::Officer>> CatalogueStore::officers(const QString &agencyCode)
{
    return withConnection<QList<domain::Officer>>(
        m_db, [&](QSqlDatabase &c) -> Result<QList<domain::Officer>> {
            Sql q(c,
                  agencyCode.isEmpty() ? kOfficerColumns + QStringLiteral("ORDER BY username")
                                       : kOfficerColumns
                          + QStringLiteral("WHERE agency_code = ? ORDER BY username"));
            if (!agencyCode.isEmpty())
                q.bind(agencyCode);
            if (auto st = q.exec(); !st)
                return st.error();
            QList<domain::Officer> out;
            while (q.next()) {
                auto officer = officerFromRow(q);
                if (!officer)
                    return officer.error();
                out.append(std::move(officer).value());
            }
            if (auto st = attachGroups(c, out, agencyCode); !st)
                return st.error();
            return out;
        });
}

Result<std::optional<domain::Officer>> CatalogueStore::officer(const QString &id)
{
    return officerWhere(m_db, QStringLiteral("id"), id);
}

Result<std::optional<domain::Officer>> CatalogueStore::officerByUsername(const QString &username)
{
    return officerWhere(m_db, QStringLiteral("username"), username);
}

Check CatalogueStore::putOfficer(const domain::Officer &o, const QString &passwordHash)
{
    if (o.id.trimmed().isEmpty() || o.id.size() > 64)
        return makeError(QStringLiteral("officer.invalid"),
                         QStringLiteral("Mã tài khoản phải có từ 1 đến 64 ký tự."),
                         QStringLiteral("id"));
    if (o.username.trimmed().isEmpty() || o.username.size() > 64
        || o.username != o.username.trimmed()) {
        return makeError(
            QStringLiteral("officer.invalid"),
            QStringLiteral(
                "Tên đăng nhập phải có từ 1 đến 64 ký tự, không có khoảng trắng ở đầu hoặc cuối."),
            QStringLiteral("username"));
    }
    if (o.roles.isEmpty())
        return makeError(QStringLiteral("officer.invalid"),
                         QStringLiteral("Tài khoản phải có ít nhất một vai trò."),
                         QStringLiteral("roles"));
    domain::Officer stored = o; // groups are the groups' to say (attachGroups)
    stored.groupIds.clear();
    stored.groupRoles.clear();
    const QString json = compact(domain::toJson(stored));
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        Sql agency(c, QStringLiteral("SELECT code FROM agencies WHERE code = ?"));
        agency.bind(o.agencyCode);
        if (auto done = agency.exec(); !done)
            return done;
        if (!agency.next()) {
            return makeError(QStringLiteral("officer.unknown_agency"),
                             QStringLiteral("Không tìm thấy cơ quan mã \"%1\".").arg(o.agencyCode),
                             QStringLiteral("agencyCode"));
        }
        Sql taken(c, QStringLiteral("SELECT id FROM officers WHERE username = ? AND id <> ?"));
        taken.bind(o.username).bind(o.id);
        if (auto done = taken.exec(); !done)
            return done;
        if (taken.next()) {
            return makeError(QStringLiteral("officer.username_taken"),
                             QStringLiteral("Tên đăng nhập \"%1\" đã được dùng cho tài khoản khác.")
                                 .arg(o.username),
                             QStringLiteral("username"));
        }
        if (passwordHash.isEmpty()) {
            Sql update(c,
                       QStringLiteral("UPDATE officers SET username = ?, agency_code = ?, active = "
                                      "?, json = ?, updated_at = ? "
                                      "WHERE id = ?"));
            update.bind(o.username)
                .bind(o.agencyCode)
                .bind(o.active ? 1 : 0)
                .bind(json)
                .bind(now())
                .bind(o.id);
            if (auto done = update.exec(); !done)
                return done;
            if (update.numRowsAffected() == 0) {
                return makeError(QStringLiteral("officer.password_required"),
                                 QStringLiteral("Tài khoản mới phải có mật khẩu."),
                                 QStringLiteral("password"));
            }
            // An account moved to another agency leaves the groups of the one it left.
            Sql leave(c,
                      QStringLiteral("DELETE FROM group_members WHERE officer_id = ? AND "
                                     "group_id IN (SELECT id FROM officer_groups WHERE "
                                     "agency_code <> ?)"));
            leave.bind(o.id).bind(o.agencyCode);
            return leave.exec();
        }
        Sql upsert(
            c,
            QStringLiteral(
                "INSERT INTO officers (id, username, agency_code, active, password_hash, json, "
                "updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET username = "
                "excluded.username, "
                "agency_code = excluded.agency_code, active = excluded.active, password_hash = "
                "excluded.password_hash, json = excluded.json, updated_at = excluded.updated_at"));
        upsert.bind(o.id)
            .bind(o.username)
            .bind(o.agencyCode)
            .bind(o.active ? 1 : 0)
            .bind(passwordHash);
        upsert.bind(json).bind(now());
        return upsert.exec();
    });
    if (st)
        ++m_generation;
    return st;
}

Result<QString> CatalogueStore::passwordHash(const QString &officerId)
{
    return withConnection<QString>(m_db, [&](QSqlDatabase &c) -> Result<QString> {
        Sql q(c, QStringLiteral("SELECT password_hash FROM officers WHERE id = ?"));
        q.bind(officerId);
        if (auto st = q.exec(); !st)
            return st.error();
        return q.next() ? q.text(0) : QString();
    });
}

} // namespace motcua::server
