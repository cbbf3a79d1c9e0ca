#include "admin_audit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace motcua::server {
namespace {

QJsonValue blankPasswords(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().contains(QLatin1String("password"), Qt::CaseInsensitive))
                it.value() = QStringLiteral("***");
            else
                it.value() = blankPasswords(it.value());
        }
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (auto it = a.begin(); it != a.end(); ++it)
            *it = blankPasswords(*it);
        return a;
    }
    return value;
}

} // namespace

QString auditDetail(const QByteArray &body)
{
    constexpr qsizetype kMax = 4096;
    if (body.trimmed().isEmpty())
        return {};
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    QByteArray out;
    if (error.error == QJsonParseError::NoError) {
        const QJsonValue blanked
            = blankPasswords(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
        out = blanked.isObject() ? QJsonDocument(blanked.toObject()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(blanked.toArray()).toJson(QJsonDocument::Compact);
    } else {
        // Not JSON (a CSV import): its size only, the content is in the catalogue afterwards.
        return QStringLiteral("(%1 byte)").arg(body.size());
    }
    if (out.size() > kMax)
        return QString::fromUtf8(out.left(kMax)) + QStringLiteral("…");
    return QString::fromUtf8(out);
}

Check appendAdminAudit(Database &db, const AdminAuditEntry &e)
{
    return db.transaction([&](QSqlDatabase &conn) -> Check {
        Sql q(conn,
              QStringLiteral("INSERT INTO admin_audit (at, actor_id, agency_code, method, "
                             "route, target, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        q.bind(toDbTime(e.at.isValid() ? e.at : QDateTime::currentDateTimeUtc()))
            .bind(e.actorId)
            .bind(e.agencyCode)
            .bind(e.method)
            .bind(e.route)
            .bind(e.target)
            .bind(e.status)
            .bind(e.detail);
        return q.exec();
    });
}

Result<QList<AdminAuditEntry>> adminAudit(Database &db, const QString &agencyCode, int limit)
{
    limit = qBound(1, limit, 1000);
    QList<AdminAuditEntry> out;
    auto st = db.read([&](QSqlDatabase &conn) -> Check {
        const QString where
            = agencyCode.isEmpty() ? QString() : QStringLiteral(" WHERE agency_code = ?");
        Sql q(conn,
              QStringLiteral("SELECT seq, at, actor_id, agency_code, method, route, target, "
                             "status, detail FROM admin_audit")
                  + where + QStringLiteral(" ORDER BY seq DESC LIMIT ?"));
        if (!agencyCode.isEmpty())
            q.bind(agencyCode);
        q.bind(limit);
        if (auto s = q.exec(); !s)
            return s;
        while (q.next()) {
            out.append({q.integer(0), fromDbTime(q.integer(1)), q.text(2), q.text(3), q.text(4),
                        q.text(5), q.text(6), int(q.integer(7)), q.text(8)});
        }
        return {};
    });
    if (!st)
        return st.error();
    return out;
}

} // namespace motcua::server
