// CatalogueStore: groups of officers (R01.2b) and what membership grants (R01.2c). A group's JSON
// (name, description, roles) is one row; its members are rows of group_members, so an officer's
// groups are one indexed lookup whenever the account is read.
#include "catalogue_rows.h"
#include "catalogue_store.h"

#include <QHash>

#include <domain/json.h>

namespace motcua::server {
namespace {

using domain::makeError;
using namespace rows;

const QString kMembershipColumns
    = QStringLiteral("SELECT m.officer_id, g.id, g.json FROM group_members m "
                     "JOIN officer_groups g ON g.id = m.group_id ");

Result<domain::OfficerGroup> groupFromColumn(Sql &q, int jsonColumn, int idColumn)
{
    return fromColumn<domain::OfficerGroup>(q.text(jsonColumn), domain::officerGroupFromJson,
                                            QStringLiteral("nhóm cán bộ"), q.text(idColumn));
}

void grant(domain::Officer &officer, const domain::OfficerGroup &group)
{
    if (!officer.groupIds.contains(group.id))
        officer.groupIds.append(group.id);
    for (const domain::Role role : group.roles) {
        if (!officer.groupRoles.contains(role))
            officer.groupRoles.append(role);
    }
}

Result<QList<QString>> membersOf(QSqlDatabase &c, const QString &groupId)
{
    Sql q(c,
          QStringLiteral(
              "SELECT officer_id FROM group_members WHERE group_id = ? ORDER BY officer_id"));
    q.bind(groupId);
    if (auto st = q.exec(); !st)
        return st.error();
    QList<QString> out;
    while (q.next())
        out.append(q.text(0));
    return out;
}

Result<QList<domain::OfficerGroup>> readGroups(QSqlDatabase &c, const QString &where,
                                               const QString &value)
{
    Sql q(c,
          QStringLiteral("SELECT id, json FROM officer_groups ") + where
              + QStringLiteral(" ORDER BY id"));
    if (!where.isEmpty())
        q.bind(value);
    if (auto st = q.exec(); !st)
        return st.error();
    QList<domain::OfficerGroup> out;
    while (q.next()) {
        auto group = groupFromColumn(q, 1, 0);
        if (!group)
            return group.error();
        out.append(std::move(group).value());
    }
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0; // by name for pick-lists
    });
    for (auto &group : out) {
        auto members = membersOf(c, group.id);
        if (!members)
            return members.error();
        group.memberIds = members.value();
    }
    return out;
}

} // namespace

namespace rows {

// The officers' groups and the roles they grant (Officer::groupIds, groupRoles), from one query:
// a single officer's memberships when `officers` holds one, else those of `agencyCode`'s groups
// (every group when it is empty).
Check attachGroups(QSqlDatabase &c, QList<domain::Officer> &officers, const QString &agencyCode)
{
    if (officers.isEmpty())
        return {};
    QString where;
    QString value;
    if (officers.size() == 1) {
        where = QStringLiteral("WHERE m.officer_id = ?");
        value = officers.constFirst().id;
    } else if (!agencyCode.isEmpty()) {
        where = QStringLiteral("WHERE g.agency_code = ?");
        value = agencyCode;
    }
    Sql q(c, kMembershipColumns + where + QStringLiteral(" ORDER BY g.id"));
    if (!where.isEmpty())
        q.bind(value);
    if (auto st = q.exec(); !st)
        return st;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < officers.size(); ++i) {
        officers[i].groupIds.clear();
        officers[i].groupRoles.clear();
        index.insert(officers.at(i).id, i);
    }
    while (q.next()) {
        const auto at = index.constFind(q.text(0));
        if (at == index.constEnd())
            continue;
        auto group = groupFromColumn(q, 2, 1);
        if (!group)
            return group.error();
        grant(officers[*at], group.value());
    }
    return {};
}

} // namespace rows

Result<QList<domain::OfficerGroup>> CatalogueStore::groups(const QString &agencyCode)
{
    return withConnection<QList<domain::OfficerGroup>>(
        m_db, [&](QSqlDatabase &c) -> Result<QList<domain::OfficerGroup>> {
            return agencyCode.isEmpty()
                ? readGroups(c, {}, {})
                : readGroups(c, QStringLiteral("WHERE agency_code = ?"), agencyCode);
        });
}

Result<std::optional<domain::OfficerGroup>> CatalogueStore::group(const QString &id)
{
    using R = Result<std::optional<domain::OfficerGroup>>;
    return withConnection<std::optional<domain::OfficerGroup>>(m_db, [&](QSqlDatabase &c) -> R {
        auto found = readGroups(c, QStringLiteral("WHERE id = ?"), id);
        if (!found)
            return found.error();
        if (found->isEmpty())
            return std::optional<domain::OfficerGroup>();
        return std::optional<domain::OfficerGroup>(found->constFirst());
    });
}

Check CatalogueStore::putGroup(const domain::OfficerGroup &group)
{
    if (group.id.trimmed().isEmpty() || group.id.size() > 64 || group.id != group.id.trimmed()) {
        return makeError(QStringLiteral("group.invalid"),
                         QStringLiteral("Mã nhóm phải có từ 1 đến 64 ký tự, không có khoảng trắng "
                                        "ở đầu hoặc cuối."),
                         QStringLiteral("id"));
    }
    if (group.name.trimmed().isEmpty()) {
        return makeError(QStringLiteral("group.invalid"),
                         QStringLiteral("Tên nhóm không được để trống."), QStringLiteral("name"));
    }
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        Sql agency(c, QStringLiteral("SELECT code FROM agencies WHERE code = ?"));
        agency.bind(group.agencyCode);
        if (auto done = agency.exec(); !done)
            return done;
        if (!agency.next()) {
            return makeError(
                QStringLiteral("group.unknown_agency"),
                QStringLiteral("Không tìm thấy cơ quan mã \"%1\".").arg(group.agencyCode),
                QStringLiteral("agencyCode"));
        }
        Sql other(c, QStringLiteral("SELECT agency_code FROM officer_groups WHERE id = ?"));
        other.bind(group.id);
        if (auto done = other.exec(); !done)
            return done;
        if (other.next() && other.text(0) != group.agencyCode) {
            return makeError(
                QStringLiteral("group.exists"),
                QStringLiteral("Mã nhóm \"%1\" đã được một cơ quan khác dùng.").arg(group.id),
                QStringLiteral("id"));
        }
        for (qsizetype i = 0; i < group.memberIds.size(); ++i) {
            Sql member(c, QStringLiteral("SELECT agency_code FROM officers WHERE id = ?"));
            member.bind(group.memberIds.at(i));
            if (auto done = member.exec(); !done)
                return done;
            if (!member.next() || member.text(0) != group.agencyCode) {
                return makeError(QStringLiteral("group.unknown_member"),
                                 QStringLiteral("Cơ quan %1 không có tài khoản cán bộ mã \"%2\".")
                                     .arg(group.agencyCode, group.memberIds.at(i)),
                                 QStringLiteral("members[%1]").arg(i));
            }
        }
        domain::OfficerGroup row = group;
        row.memberIds.clear(); // members are rows of their own
        Sql upsert(c,
                   QStringLiteral("INSERT INTO officer_groups (id, agency_code, json, "
                                  "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
                                  "SET agency_code = excluded.agency_code, json = "
                                  "excluded.json, updated_at = excluded.updated_at"));
        upsert.bind(group.id).bind(group.agencyCode).bind(compact(domain::toJson(row))).bind(now());
        if (auto done = upsert.exec(); !done)
            return done;
        Sql clear(c, QStringLiteral("DELETE FROM group_members WHERE group_id = ?"));
        clear.bind(group.id);
        if (auto done = clear.exec(); !done)
            return done;
        for (const QString &member : group.memberIds) {
            Sql add(
                c,
                QStringLiteral("INSERT INTO group_members (group_id, officer_id) VALUES (?, ?)"));
            add.bind(group.id).bind(member);
            if (auto done = add.exec(); !done)
                return done;
        }
        return {};
    });
    if (st)
        ++m_generation;
    return st;
}

Result<bool> CatalogueStore::deleteGroup(const QString &id)
{
    bool deleted = false;
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        Sql members(c, QStringLiteral("DELETE FROM group_members WHERE group_id = ?"));
        members.bind(id);
        if (auto done = members.exec(); !done)
            return done;
        Sql group(c, QStringLiteral("DELETE FROM officer_groups WHERE id = ?"));
        group.bind(id);
        if (auto done = group.exec(); !done)
            return done;
        deleted = group.numRowsAffected() > 0;
        return {};
    });
    if (!st)
        return st.error();
    if (deleted)
        ++m_generation;
    return deleted;
}

} // namespace motcua::server
