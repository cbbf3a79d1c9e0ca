#include "servercall.h"

#include <QUrlQuery>

#include <sync/api_call.h>
#include <sync/api_client.h>

namespace motcua::services {

void callServer(sync::ApiClient &api, QObject *owner, const QByteArray &method,
                const QString &pathAndQuery, const QByteArray &body, const QByteArray &contentType,
                ServerAnswer done)
{
    callServer(api, owner, method, pathAndQuery, body, contentType, {}, std::move(done));
}

void callServer(sync::ApiClient &api, QObject *owner, const QByteArray &method,
                const QString &pathAndQuery, const QByteArray &body, const QByteArray &contentType,
                const QList<QPair<QByteArray, QByteArray>> &headers, ServerAnswer done)
{
    auto *call = new sync::Call<bool>(owner);
    sync::ApiClient::Request request;
    request.method = method;
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    request.path = q < 0 ? pathAndQuery : pathAndQuery.left(q);
    if (q >= 0)
        request.query = QUrlQuery(pathAndQuery.mid(q + 1));
    request.body = body;
    request.contentType = contentType;
    request.headers = headers;
    api.send(call, request,
             [call, handler = std::move(done)](domain::Result<sync::ApiClient::Response> r) {
                 if (!r)
                     handler(0, {}, &r.error());
                 else
                     handler(r->status, r->body, nullptr);
                 call->deleteLater();
             });
}

} // namespace motcua::services
