#pragma once

// Helpers shared by the catalogue store's files (internal to motcua_server_lib): JSON columns
// read with the domain's strict readers, and this thread's connection.
#include "database.h"
#include "logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <domain/entities.h>

namespace motcua::server::rows {

using domain::makeError;

inline QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline Error corrupt(const QString &what, const QString &key)
{
    qCWarning(lcStorage).noquote() << "unreadable" << what << "row" << key;
    return makeError(
        QStringLiteral("db.corrupt_row"),
        QStringLiteral("Dữ liệu %1 \"%2\" trong cơ sở dữ liệu bị hỏng.").arg(what, key));
}

// Parses a JSON column with the domain reader `read`.
template<typename T>
Result<T> fromColumn(const QString &text, Result<T> (*read)(const QJsonObject &),
                     const QString &what, const QString &key)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt(what, key);
    auto value = read(doc.object());
    if (!value)
        return corrupt(what, key);
    return value;
}

// Runs `body` on this thread's connection (inside the caller's transaction, if any).
template<typename T, typename F>
Result<T> withConnection(Database &db, F body)
{
    auto conn = db.connection();
    if (!conn)
        return conn.error();
    return body(conn.value());
}

// Fills Officer::groupIds and groupRoles (catalogue_groups.cpp).
Check attachGroups(QSqlDatabase &c, QList<domain::Officer> &officers, const QString &agencyCode);

inline qint64 now()
{
    return toDbTime(QDateTime::currentDateTimeUtc());
}

} // namespace motcua::server::rows
