#pragma once

// Helpers shared by the catalogue store's files (internal to motcua_server_lib): JSON columns
// read with the domain's strict readers, and this thread's connection.
#include "database.h"
#include "logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <domain/entities.h>

#include <functional>

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

// A write that replaces one whole document (the calendar, the transition chart) only if it is
// still the one the admin edited (If-Match). One writer at a time, so the check sees what the
// write replaces: SQLite's write transactions are one at a time already; PostgreSQL's READ
// COMMITTED would let two writers read the same old document, so they queue on the
// transaction-level advisory lock `lockKey` (readers are not held; it goes with the commit or the
// rollback). With `stillCurrent`, the stored document (`read` on the write's connection) is handed
// to it first: false → Error `staleCode`, nothing written.
template<typename T>
Check replaceIfCurrent(Database &db, qint64 lockKey, Result<T> (*read)(QSqlDatabase &),
                       const std::function<bool(const T &)> &stillCurrent, const QString &staleCode,
                       const std::function<Check(QSqlDatabase &)> &write)
{
    const bool postgres = db.isPostgres();
    return db.transaction([&](QSqlDatabase &c) -> Check {
        if (postgres) {
            Sql lock(c, QStringLiteral("SELECT pg_advisory_xact_lock(?)"));
            lock.bind(lockKey);
            if (auto done = lock.exec(); !done)
                return done;
        }
        if (stillCurrent) {
            auto current = read(c);
            if (!current)
                return current.error();
            if (!stillCurrent(current.value()))
                return makeError(staleCode,
                                 QStringLiteral("Dữ liệu đã được thay đổi trong lúc ghi."));
        }
        return write(c);
    });
}

// Fills Officer::groupIds and groupRoles (catalogue_groups.cpp).
Check attachGroups(QSqlDatabase &c, QList<domain::Officer> &officers, const QString &agencyCode);

inline qint64 now()
{
    return toDbTime(QDateTime::currentDateTimeUtc());
}

} // namespace motcua::server::rows
