#include "admin_units.h"

#include <QFile>
#include <QHash>

#include <domain/folding.h>

namespace motcua::server {

using domain::AdministrativeUnit;

namespace {

AdministrativeUnit::Level levelOf(const QString &key)
{
    return key == QLatin1String("province") ? AdministrativeUnit::Level::Province
                                            : AdministrativeUnit::Level::Commune;
}

} // namespace

QStringList provinceSeedStatements()
{
    QFile file(QStringLiteral(":/motcua/catalogues/provinces-2025.csv"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the shipped provinces are missing from the resources");
    const auto parsed = domain::parseAdministrativeUnits(file.readAll());
    if (!parsed.ok() || parsed.units.size() != 34)
        qFatal("the shipped provinces do not parse");
    QStringList out;
    const auto quoted = [](QString s) -> QString {
        return QLatin1Char('\'') + s.replace(QLatin1Char('\''), QStringLiteral("''"))
            + QLatin1Char('\'');
    };
    for (const auto &u : parsed.units) {
        out.append(QStringLiteral("INSERT INTO admin_units (level, code, name, division_type, "
                                  "parent_code, search) VALUES ('province', %1, %2, %3, '', %4)")
                       .arg(quoted(u.code), quoted(u.name), quoted(u.divisionType),
                            quoted(domain::foldForSearch(u.name))));
    }
    return out;
}

Result<QList<AdministrativeUnit>> administrativeUnits(Database &db, const UnitQuery &query)
{
    QList<AdministrativeUnit> out;
    auto st = db.read([&](QSqlDatabase &conn) -> Check {
        QString sql = QStringLiteral(
            "SELECT level, code, name, division_type, parent_code FROM admin_units WHERE 1 = 1");
        QVariantList binds;
        if (!query.level.isEmpty()) {
            sql += QStringLiteral(" AND level = ?");
            binds.append(query.level);
        }
        if (!query.parent.isEmpty()) {
            sql += QStringLiteral(" AND parent_code = ?");
            binds.append(query.parent);
        }
        const QString text = domain::foldForSearch(query.text);
        if (!text.isEmpty()) {
            sql += QStringLiteral(" AND (code = ? OR search LIKE ?)");
            binds.append(query.text.trimmed());
            QString like = text;
            like.replace(QLatin1Char('%'), QString()).replace(QLatin1Char('_'), QString());
            binds.append(QString(QLatin1Char('%') + like + QLatin1Char('%')));
        }
        sql += QStringLiteral(" ORDER BY level DESC, code LIMIT ?");
        binds.append(qBound(1, query.limit, 5000));
        Sql q(conn, sql);
        for (const auto &b : binds)
            q.bind(b);
        if (auto s = q.exec(); !s)
            return s;
        while (q.next())
            out.append({q.text(1), q.text(2), levelOf(q.text(0)), q.text(3), q.text(4)});
        return {};
    });
    if (!st)
        return st.error();
    return out;
}

Result<UnitChanges> importAdministrativeUnits(Database &db, const QList<AdministrativeUnit> &units,
                                              bool dryRun)
{
    UnitChanges changes;
    QHash<QString, AdministrativeUnit> existing;
    const auto run = dryRun ? &Database::read : &Database::transaction;
    auto st = (db.*run)([&](QSqlDatabase &conn) -> Check {
        {
            Sql q(conn,
                  QStringLiteral(
                      "SELECT level, code, name, division_type, parent_code FROM admin_units"));
            if (auto s = q.exec(); !s)
                return s;
            while (q.next()) {
                existing.insert(q.text(0) + QLatin1Char(':') + q.text(1),
                                {q.text(1), q.text(2), levelOf(q.text(0)), q.text(3), q.text(4)});
            }
        }
        for (const auto &u : units) {
            const QString key = domain::unitLevelKey(u.level) + QLatin1Char(':') + u.code;
            const auto it = existing.constFind(key);
            if (it != existing.cend() && *it == u) {
                ++changes.unchanged;
                continue;
            }
            ++(it == existing.cend() ? changes.added : changes.changed);
            UnitChanges::Change change{u, it == existing.cend(), {}};
            if (it != existing.cend()) {
                if (it->name != u.name)
                    change.fields.append(QStringLiteral("name"));
                if (it->divisionType != u.divisionType)
                    change.fields.append(QStringLiteral("division_type"));
                if (it->parentCode != u.parentCode)
                    change.fields.append(QStringLiteral("parent_code"));
            }
            changes.changes.append(change);
            if (dryRun)
                continue;
            if (it != existing.cend()) {
                Sql del(conn,
                        QStringLiteral("DELETE FROM admin_units WHERE level = ? AND code = ?"));
                del.bind(domain::unitLevelKey(u.level)).bind(u.code);
                if (auto s = del.exec(); !s)
                    return s;
            }
            Sql ins(conn,
                    QStringLiteral("INSERT INTO admin_units (level, code, name, "
                                   "division_type, parent_code, search) VALUES (?, ?, ?, ?, "
                                   "?, ?)"));
            ins.bind(domain::unitLevelKey(u.level))
                .bind(u.code)
                .bind(u.name)
                .bind(u.divisionType)
                .bind(u.parentCode)
                .bind(domain::foldForSearch(u.name));
            if (auto s = ins.exec(); !s)
                return s;
        }
        return {};
    });
    if (!st)
        return st.error();
    return changes;
}

} // namespace motcua::server
