#pragma once

// One plain call to the server for the services that work online only (administration, report
// templates): the status and body of the answer, or the transport error when there was none.
// The answer arrives on the event loop; `owner` bounds the call's life.
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <domain/error.h>

#include <functional>

namespace motcua::sync {
class ApiClient;
}

namespace motcua::services {

using ServerAnswer
    = std::function<void(int status, const QByteArray &body, const domain::Error *transport)>;

// `pathAndQuery`: "/api/v1/officers?q=lan" (the query already encoded).
void callServer(sync::ApiClient &api, QObject *owner, const QByteArray &method,
                const QString &pathAndQuery, const QByteArray &body, const QByteArray &contentType,
                ServerAnswer done);
// The same with request headers ("If-Match").
void callServer(sync::ApiClient &api, QObject *owner, const QByteArray &method,
                const QString &pathAndQuery, const QByteArray &body, const QByteArray &contentType,
                const QList<QPair<QByteArray, QByteArray>> &headers, ServerAnswer done);

} // namespace motcua::services
