#pragma once

// The administration trail (issue 10): every successful admin write through the API — accounts,
// catalogues, calendar, procedures, templates — with who, when, which route and resource and what
// was sent (passwords blanked). Read by `GET /api/v1/admin/audit` and `motcuactl audit log`.
#include "database.h"

#include <QDateTime>
#include <QList>

namespace motcua::server {

struct AdminAuditEntry
{
    qint64 seq = 0;
    QDateTime at; // UTC
    QString actorId;
    QString agencyCode; // the actor's agency
    QString method;     // "PUT"
    QString route;      // "/api/v1/officers/{id}"
    QString target;     // the path as called, "/api/v1/officers/o-7"
    int status = 0;
    QString detail; // the request body (JSON, passwords blanked), at most 4 KiB
};

Check appendAdminAudit(Database &db, const AdminAuditEntry &entry);
// Newest first; empty agency: every agency. `limit` 1…1000.
Result<QList<AdminAuditEntry>> adminAudit(Database &db, const QString &agencyCode, int limit);

// The body as stored: JSON with every "password" value replaced by "***", cut to 4 KiB.
QString auditDetail(const QByteArray &body);

} // namespace motcua::server
