#pragma once

// The numbered migrations of the server schema (internal to motcua_server_lib).
#include <QList>
#include <QString>
#include <QStringList>

namespace motcua::server::schema {

struct Migration
{
    int version = 0;
    QString description;
    QStringList statements; // portable SQL; see forDialect()
};

const QList<Migration> &migrations();

// The statement for one dialect: {BIGKEY} → "INTEGER" (SQLite's rowid alias) or "BIGINT";
// {BYTES} → "BLOB" or "BYTEA"; a statement starting with {PG} is for PostgreSQL only (empty for
// SQLite: skipped).
QString forDialect(const QString &statement, bool postgres);

} // namespace motcua::server::schema
