#pragma once

// The HTTP front of motcua-server: one catch-all QHttpServer rule hands every request to the route
// table; database work runs on a dedicated thread pool (max(4, 2 × cores) threads that never
// expire, so each keeps its own database connection) and the answer is written back on the server
// thread.
//
// Why not return QFuture<QHttpServerResponse> from QHttpServer::route() directly: Qt 6.4's
// QHttpServer keeps a reference to the request while the future runs and uses it after the client
// has gone (use-after-free on disconnect, reproduced under ASan). We run the work on the pool
// ourselves and write the answer on the server thread only if the connection's socket still
// exists and is connected — through a queued call (pool_job.h), not a QFuture continuation, which
// Qt 6.4 could run twice under load.
#include "route_table.h"
#include "server_context.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QThreadPool>

#include <deque>
#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QHttpServerResponse;
class QTcpSocket;
QT_END_NAMESPACE

namespace motcua::server::http {

class ApiServer
{
public:
    explicit ApiServer(ServerContext &ctx);
    ~ApiServer(); // stops listening, drops open connections, waits for running handlers
    ApiServer(const ApiServer &) = delete;
    ApiServer &operator=(const ApiServer &) = delete;

    // The bound port (useful with port 0), or an error.
    domain::Result<quint16> listen(const QHostAddress &address, quint16 port);

    [[nodiscard]] const RouteTable &routes() const { return m_routes; }

private:
    void accept(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    // A connection's requests are answered in the order they came (HTTP/1.1 pipelining): the
    // next one is dispatched when the answer before it has been written.
    void startInTurn(QTcpSocket *socket, std::function<void()> start);
    void answered(QTcpSocket *socket);
    ApiResponse dispatch(ApiRequest request, const QElapsedTimer &timer);
    ApiResponse respond(ApiRequest &request, QString *routeLabel);
    [[nodiscard]] QString sourceAddress(const ApiRequest &request) const;
    void recordAdminChange(const Route &route, const ApiRequest &request, int status);

    ServerContext &m_ctx;
    RouteTable m_routes;
    std::unique_ptr<QObject> m_context; // where answers are written; destroyed after the pool
    QThreadPool m_pool;
    std::unique_ptr<QHttpServer> m_server;
    struct Connection
    {
        bool busy = false; // a request of it is being answered
        std::deque<std::function<void()>> waiting;
    };
    QHash<QTcpSocket *, Connection> m_connections; // server thread only
};

} // namespace motcua::server::http
