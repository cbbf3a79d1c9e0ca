#include "api_server.h"

#include "json_log.h"
#include "pool_job.h"
#include "routes.h"
#include "streamed_reply.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <admin_audit.h>

namespace motcua::server::http {

using domain::makeError;

namespace {

// Accepts connections with Nagle's algorithm off. QHttpServer writes an answer's headers and its
// body separately; with Nagle on, the body's last segment waits for the client to acknowledge the
// first (a delayed ACK: tens of milliseconds), which held small sync pages at ≈ 1,400 answers/s
// whatever the number of threads.
class LowDelayTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        addPendingConnection(socket);
    }
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

QHostAddress plainAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

// Bodies from this size on are queued on the socket without a copy (writeStreamed()).
constexpr qsizetype kQueuedBody = 16 * 1024;

QHttpServerResponse toQt(const ApiResponse &r)
{
    const auto status = QHttpServerResponse::StatusCode(r.status);
    QHttpServerResponse response = r.contentType.isEmpty()
        ? QHttpServerResponse(status)
        : QHttpServerResponse(r.contentType, r.body, status);
    for (const auto &[name, value] : r.headers)
        response.addHeader(name, value);
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    return response;
}

QByteArray joinMethods(const QList<QByteArray> &methods)
{
    QList<QByteArray> all = methods;
    all.append(QByteArrayLiteral("OPTIONS"));
    return all.join(", ");
}

} // namespace

ApiServer::ApiServer(ServerContext &ctx)
    : m_ctx(ctx)
    , m_routes(buildRouteTable(ctx))
    , m_context(std::make_unique<QObject>())
    , m_server(std::make_unique<QHttpServer>())
{
    m_pool.setMaxThreadCount(ctx.config.workerThreads());
    m_pool.setExpiryTimeout(-1); // keep threads, and with them their database connections
    m_server->route(
        QStringLiteral("/<arg>"),
        [this](const QUrl &, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            accept(request, std::move(responder));
        });
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
            auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
            QPointer<QTcpSocket> socket = shared->socket();
            startInTurn(socket.data(), [this, shared, socket] {
                if (!socket || socket->state() != QAbstractSocket::ConnectedState)
                    return;
                toQt(notFound()).write(std::move(*shared));
                answered(socket.data());
            });
        });
}

ApiServer::~ApiServer()
{
    m_server.reset();
    m_pool.waitForDone();
}

domain::Result<quint16> ApiServer::listen(const QHostAddress &address, quint16 port)
{
    auto tcp = std::make_unique<LowDelayTcpServer>();
    if (!tcp->listen(address, port)) {
        return makeError(QStringLiteral("server.listen_failed"),
                         QStringLiteral("Không mở được cổng %1 trên địa chỉ %2 (cổng đang bận hoặc "
                                        "không có quyền).")
                             .arg(port)
                             .arg(address.toString()));
    }
    const quint16 bound = tcp->serverPort();
    m_server->bind(tcp.release()); // the HTTP server becomes its parent
    // Read the dossiers for the statistics now, so the first report request does not wait for it.
    m_pool.start([this] {
        if (auto read = m_ctx.reportFacts.catchUp(*m_ctx.db); !read)
            qCWarning(lcHttp).noquote() << "statistics index not read:" << read.error().code;
    });
    return bound;
}

void ApiServer::accept(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    QElapsedTimer timer;
    timer.start();
    ApiRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyEncoded).toUtf8();
    r.query = request.query();
    r.body = request.body();
    r.headers = request.headers();
    r.peer = plainAddress(request.remoteAddress());

    // QHttpServerResponder is move-only and the pool's jobs must be copyable: share it. The
    // answer is written on the server thread (context m_context, which outlives the pool); the
    // socket is checked there, where it lives: a client that has gone gets no answer.
    auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = shared->socket();
    const bool head = r.method == "HEAD";
    auto start = [this, r = std::move(r), timer, shared, socket, head]() mutable {
        runThen(
            m_pool, m_context.get(),
            [this, r = std::move(r), timer]() mutable { return dispatch(std::move(r), timer); },
            [this, shared, socket, head](ApiResponse &&response) {
                if (!socket || socket->state() != QAbstractSocket::ConnectedState)
                    return; // its turn keeping ends with the socket
                // Streamed bodies and HEAD answers: QHttpServerResponse can carry neither.
                // Large bodies: QHttpServerResponder copies its body into the socket's buffer
                // (on this thread, a feed page is ≈ 0.6 MB); writeStreamed() queues it as it is.
                if (head || response.stream
                    || (response.body.size() >= kQueuedBody && !response.contentType.isEmpty())) {
                    writeStreamed(shared, socket, std::move(response), head, &m_pool,
                                  m_context.get(), [this, socket] {
                                      if (socket)
                                          answered(socket.data());
                                  });
                    return;
                }
                toQt(response).write(std::move(*shared));
                answered(socket.data());
            });
    };
    startInTurn(socket.data(), std::move(start));
}

void ApiServer::startInTurn(QTcpSocket *socket, std::function<void()> start)
{
    if (!socket) {
        start(); // no connection to keep a turn for (its answer will not be written anyway)
        return;
    }
    auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        it = m_connections.insert(socket, {});
        QObject::connect(socket, &QObject::destroyed, m_context.get(),
                         [this, socket] { m_connections.remove(socket); });
    }
    if (it->busy) {
        it->waiting.push_back(std::move(start));
        return;
    }
    it->busy = true;
    start();
}

void ApiServer::answered(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->waiting.empty()) {
        it->busy = false;
        return;
    }
    std::function<void()> next = std::move(it->waiting.front());
    it->waiting.pop_front();
    next();
}

ApiResponse ApiServer::dispatch(ApiRequest request, const QElapsedTimer &timer)
{
    QString routeLabel = QStringLiteral("unmatched");
    ApiResponse response = respond(request, &routeLabel);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    m_ctx.metrics.observeRequest(request.method, routeLabel, response.status, seconds);
    logAccess({request.method, routeLabel, response.status, seconds * 1000.0, response.errorCode});
    return response;
}

QString ApiServer::sourceAddress(const ApiRequest &request) const
{
    if (m_ctx.config.trustProxy && request.peer.isLoopback()) {
        // nginx appends the client it saw: the last entry is the one our proxy vouches for.
        const QByteArray forwarded = request.header(QByteArrayLiteral("X-Forwarded-For"));
        if (!forwarded.isEmpty()) {
            const QHostAddress client(QString::fromLatin1(forwarded.split(',').last().trimmed()));
            if (!client.isNull())
                return plainAddress(client).toString();
        }
    }
    return request.peer.toString();
}

ApiResponse ApiServer::respond(ApiRequest &request, QString *routeLabel)
{
    request.sourceAddress = sourceAddress(request);

    const RouteTable::Match match = m_routes.match(request.method, request.path);
    if (!match.pattern.isEmpty())
        *routeLabel = match.pattern;

    const qint64 limit = m_ctx.config.bodyLimit;
    const QByteArray declared = request.header(QByteArrayLiteral("Content-Length"));
    if (request.body.size() > limit || (!declared.isEmpty() && declared.toLongLong() > limit)) {
        request.body.clear();
        return ApiResponse::error(413, QStringLiteral("http.body_too_large"),
                                  QStringLiteral("Nội dung yêu cầu vượt quá giới hạn %1 MiB.")
                                      .arg(double(limit) / (1024 * 1024), 0, 'f', 1),
                                  {}, {{QStringLiteral("limit"), double(limit)}});
    }

    // HEAD reaches a route only where one is declared (blobs); elsewhere it is answered here.
    if (request.method == "OPTIONS" || (request.method == "HEAD" && !match.route)) {
        QList<QByteArray> methods = match.allowedMethods;
        if (match.route)
            methods.prepend(match.route->method);
        if (request.method == "OPTIONS" && methods.isEmpty())
            return notFound();
        // OPTIONS: 204 with Allow. HEAD: no body may follow, so an empty 405 (or 404); nginx turns
        // HEAD into GET before it reaches the server.
        ApiResponse r = ApiResponse::noContent();
        if (request.method == "HEAD") {
            r.status = methods.isEmpty() ? 404 : 405;
            r.errorCode = methods.isEmpty() ? QStringLiteral("http.not_found")
                                            : QStringLiteral("http.method_not_allowed");
        }
        if (!methods.isEmpty())
            r.headers.append({QByteArrayLiteral("Allow"), joinMethods(methods)});
        return r;
    }
    if (!match.route) {
        if (match.allowedMethods.isEmpty())
            return notFound();
        ApiResponse r
            = ApiResponse::error(405, QStringLiteral("http.method_not_allowed"),
                                 QStringLiteral("Phương thức %1 không được hỗ trợ cho địa chỉ này.")
                                     .arg(QString::fromLatin1(request.method)));
        r.headers.append({QByteArrayLiteral("Allow"), joinMethods(match.allowedMethods)});
        return r;
    }

    const Route &route = *match.route;
    *routeLabel = route.pattern;
    request.params = match.params;

    if (route.access == Access::Officer) {
        const QString token = request.bearerToken();
        if (token.isEmpty()) {
            return ApiResponse::fromError(makeError(
                QStringLiteral("auth.missing_token"),
                QStringLiteral(
                    "Cần đăng nhập: yêu cầu thiếu mã truy cập (Authorization: Bearer).")));
        }
        auto session = m_ctx.auth->authenticate(token);
        if (!session)
            return ApiResponse::fromError(session.error());
        const auto &officer = session->officer;
        if (!route.roles.isEmpty()
            && std::none_of(route.roles.cbegin(), route.roles.cend(),
                            [&](domain::Role role) { return officer.hasRole(role); })) {
            return forbiddenRole();
        }
        request.session = std::move(session).value();
    }
    ApiResponse response = route.handler(request);
    const QString dryRun = request.queryValue(QStringLiteral("dryRun"));
    const bool adminOnly = route.roles == QList<domain::Role>{domain::Role::Admin};
    if ((adminOnly || route.audited) && route.method != "GET" && response.status < 300
        && dryRun != QLatin1String("1") && dryRun != QLatin1String("true"))
        recordAdminChange(route, request, response.status);
    return response;
}

Q_LOGGING_CATEGORY(lcAdminTrail, "motcua.server.audit")

// Every successful admin write joins the administration trail (issue 10). The change is
// committed already: a trail that cannot be written is logged loudly, never hidden.
void ApiServer::recordAdminChange(const Route &route, const ApiRequest &request, int status)
{
    AdminAuditEntry entry;
    entry.at = ServerContext::now();
    entry.actorId = request.officer().id;
    entry.agencyCode = request.officer().agencyCode;
    entry.method = QString::fromLatin1(route.method);
    entry.route = route.pattern;
    entry.target = QString::fromUtf8(request.path);
    entry.status = status;
    entry.detail = auditDetail(request.body);
    if (auto st = appendAdminAudit(*m_ctx.db, entry); !st)
        qCCritical(lcAdminTrail).noquote()
            << "admin trail not written:" << st.error().code << route.pattern;
}

} // namespace motcua::server::http
