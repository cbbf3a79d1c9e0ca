#pragma once

// JSON-lines logging on stderr: every Qt log message becomes one JSON object per line
// {time, level, category, message}; access-log lines (category motcua.server.http) carry their
// own fields instead of a message. No tokens, bodies or personal data are ever passed in.
#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

namespace motcua::server::http {

Q_DECLARE_LOGGING_CATEGORY(lcHttp) // "motcua.server.http": the access log

// Installs the stderr JSON-lines handler and the level filter ("debug", "info", "warning",
// "error").
void installJsonLogging(const QString &level);

struct AccessLogEntry
{
    QByteArray method;
    QString route; // the pattern ("/api/v1/dossiers/{id}"), never the raw path
    int status = 0;
    double durationMs = 0;
    QString errorCode; // the answer's error code, if any
};
void logAccess(const AccessLogEntry &entry);

} // namespace motcua::server::http
