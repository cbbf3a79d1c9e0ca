// Transport of the REST client: requests, timeouts, errors, the token refresh on 401.
#include "api_client.h"

#include "api_errors.h"
#include "api_parse.h"
#include "logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace motcua::sync {

Q_LOGGING_CATEGORY(lcApi, "motcua.sync.api")
Q_LOGGING_CATEGORY(lcAuth, "motcua.sync.auth")

using domain::Error;
using domain::Result;

namespace {
// Qt's archive-bomb check starts past this many inflated bytes (its default: 10 MiB). The largest
// page the server sends (2,000 dossiers) stays well under it.
constexpr qint64 kInflateCheckFrom = 256LL * 1024 * 1024;
} // namespace

struct ApiClient::Pending
{
    QPointer<ApiCall> owner;
    Request request;
    std::function<void(Result<Response>)> done;
    Sink sink;
    QPointer<QNetworkReply> reply;
    QString tokenUsed;
    QByteArray body;
    QElapsedTimer elapsed;
    int status = 0;
    bool retried = false; // replayed once after a refresh already
    bool timedOut = false;
    bool aborted = false;
    bool sinkStopped = false;
    bool completed = false;

    void complete(Result<Response> result)
    {
        if (completed)
            return;
        completed = true;
        if (owner)
            owner->setAbortHandler({});
        done(std::move(result));
    }
};

void ApiCall::abort()
{
    if (isFinished())
        return;
    if (m_abort)
        std::exchange(m_abort, {})();
    finishCancelled();
}

void ApiCall::markFinished()
{
    m_finished = true;
    m_abort = {};
    Q_EMIT finished();
}

ApiClient::ApiClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_nam(new QNetworkAccessManager(this))
    , m_holder(m_options.session ? m_options.session : std::make_shared<SessionHolder>())
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    // Queued when another thread's client changed the session.
    connect(m_holder.get(), &SessionHolder::changed, this, &ApiClient::sessionChanged);
    connect(m_holder.get(), &SessionHolder::ended, this, &ApiClient::sessionEnded);
    connect(m_holder.get(), &SessionHolder::refreshFinished, this, &ApiClient::onRefreshFinished);
}

ApiClient::~ApiClient()
{
    // A refresh of ours still on its way: release the claim, or the other clients wait forever.
    if (m_refreshing)
        m_holder->refreshDone(cancelledError(), false);
}

void ApiClient::setSession(const Session &session)
{
    if (session != m_holder->session())
        m_holder->set(session);
}

void ApiClient::clearSession()
{
    m_holder->clear();
}

bool ApiClient::tokenNearExpiry(const Session &session) const
{
    if (!session.expiresAt.isValid() || session.refreshToken.isEmpty())
        return false;
    return QDateTime::currentDateTimeUtc().addSecs(m_options.refreshMarginSeconds)
        >= session.expiresAt;
}

void ApiClient::send(ApiCall *owner, const Request &request,
                     std::function<void(Result<Response>)> done, Sink sink)
{
    auto pending = std::make_shared<Pending>();
    pending->owner = owner;
    pending->request = request;
    pending->done = std::move(done);
    pending->sink = std::move(sink);
    dispatch(pending);
}

void ApiClient::dispatch(const std::shared_ptr<Pending> &pending)
{
    if (!pending->owner || pending->owner->isFinished())
        return; // the call was deleted or aborted meanwhile
    const Request &r = pending->request;
    const Session session = r.authenticated ? m_holder->session() : Session();
    if (r.authenticated && !session.isValid()) {
        QMetaObject::invokeMethod(
            this, [pending] { pending->complete(notLoggedIn()); }, Qt::QueuedConnection);
        return;
    }
    if (r.authenticated && !pending->retried && tokenNearExpiry(session)) {
        pending->retried = true;
        pending->tokenUsed = session.accessToken;
        waitForRefresh(pending, notLoggedIn());
        return;
    }

    QUrl url = m_options.baseUrl;
    url.setPath(url.path() + r.path);
    if (!r.query.isEmpty())
        url.setQuery(r.query);
    QNetworkRequest nr(url);
    nr.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // Pages of the feed and of the snapshot come gzip-compressed (Qt asks and inflates). Qt
    // aborts an answer that inflates past 10 MiB at a high ratio as a possible archive bomb; a
    // page of 2,000 dossiers of much the same shape can do both.
    nr.setDecompressedSafetyCheckThreshold(kInflateCheckFrom);
    nr.setRawHeader("Accept", "application/json");
    nr.setRawHeader("User-Agent", m_options.userAgent);
    if (!r.body.isEmpty() || r.method == "POST" || r.method == "PUT")
        nr.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
    for (const auto &[name, value] : r.headers)
        nr.setRawHeader(name, value);
    if (r.authenticated) {
        pending->tokenUsed = session.accessToken;
        nr.setRawHeader("Authorization", "Bearer " + session.accessToken.toLatin1());
    }

    pending->body.clear();
    pending->status = 0;
    pending->elapsed.start();
    // HEAD through head(): a custom "HEAD" verb makes QNetworkAccessManager wait for the body that
    // Content-Length announces, which never comes.
    QNetworkReply *reply
        = r.method == "HEAD" ? m_nam->head(nr) : m_nam->sendCustomRequest(nr, r.method, r.body);
    pending->reply = reply;

    // Inactivity timeout: restarted whenever bytes move either way.
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    timer->setInterval(m_options.timeoutMs);
    connect(timer, &QTimer::timeout, reply, [pending, reply] {
        pending->timedOut = true;
        reply->abort();
    });
    timer->start();
    connect(reply, &QNetworkReply::uploadProgress, timer, [timer, pending](qint64 done, qint64) {
        timer->start();
        Q_UNUSED(done)
    });
    // Only a GET's body is the call's payload; the small answer to a PUT or POST is not progress
    // (an upload reports its own, per chunk).
    const bool reportsDownload = r.method == "GET";
    connect(reply, &QNetworkReply::downloadProgress, timer,
            [timer, pending, reportsDownload](qint64 done, qint64 total) {
                timer->start();
                if (reportsDownload && pending->owner)
                    Q_EMIT pending->owner->progress(done, total);
            });
    connect(reply, &QNetworkReply::readyRead, this, [pending, reply] {
        if (pending->status == 0)
            pending->status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (!pending->sink || pending->status / 100 != 2 || pending->sinkStopped)
            return;
        if (!pending->sink(reply->readAll())) {
            pending->sinkStopped = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, pending] { onReplyFinished(pending); });
    pending->owner->setAbortHandler([pending] {
        pending->aborted = true;
        if (pending->reply)
            pending->reply->abort();
    });
}

void ApiClient::onReplyFinished(const std::shared_ptr<Pending> &pending)
{
    QNetworkReply *reply = pending->reply;
    if (!reply)
        return;
    reply->deleteLater();
    pending->reply = nullptr;
    const Request &r = pending->request;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const qint64 ms = pending->elapsed.elapsed();

    if (pending->aborted || pending->sinkStopped) {
        pending->complete(cancelledError());
        return;
    }
    // Network-level failures (codes below 200) — also after a status line, when the body broke off.
    if (status == 0 || (error != QNetworkReply::NoError && int(error) < 200)) {
        const Error e = transportError(error, pending->timedOut);
        qCInfo(lcApi).noquote() << r.method << r.path << "failed:" << e.code << "after" << ms
                                << "ms";
        pending->complete(e);
        return;
    }
    qCDebug(lcApi).noquote() << r.method << r.path << status << ms << "ms";

    if (status == 401 && r.authenticated && !pending->retried) {
        pending->retried = true;
        waitForRefresh(pending,
                       httpError(status, reply->readAll(), reply->rawHeader("Retry-After")));
        return;
    }

    Response response;
    response.status = status;
    for (const auto &[name, value] : reply->rawHeaderPairs())
        response.headers.insert(name.toLower(), value);
    const QByteArray rest = reply->readAll();
    if (pending->sink && status / 100 == 2) {
        if (!rest.isEmpty() && !pending->sink(rest)) {
            pending->complete(cancelledError());
            return;
        }
    } else {
        response.body = rest;
    }
    pending->complete(std::move(response));
}

// ---- token refresh ------------------------------------------------------------------------------
// One refresh at a time across every client sharing the holder: the claimant refreshes, the others
// wait for SessionHolder::refreshFinished, then every waiting request is sent again.

void ApiClient::waitForRefresh(const std::shared_ptr<Pending> &pending, const Error &ifNone)
{
    switch (m_holder->claimRefresh(pending->tokenUsed)) {
    case SessionHolder::Claim::Retry:
        dispatch(pending); // refreshed by another call meanwhile
        return;
    case SessionHolder::Claim::None: {
        const Error e = sessionExpired(ifNone);
        m_holder->clear();
        Q_EMIT sessionEnded(e);
        pending->complete(e);
        return;
    }
    case SessionHolder::Claim::Wait:
        m_waitingForRefresh.append(pending);
        return;
    case SessionHolder::Claim::Refresh:
        m_waitingForRefresh.append(pending);
        startRefresh();
        return;
    }
}

void ApiClient::startRefresh()
{
    const Session current = m_holder->session();
    m_refreshing = true;
    qCInfo(lcAuth) << "refreshing the access token of" << current.officer.id;
    auto *call = new Call<Session>(this);
    Request request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/auth/refresh");
    request.authenticated = false;
    request.body
        = QJsonDocument(QJsonObject{{QStringLiteral("refreshToken"), current.refreshToken}})
              .toJson(QJsonDocument::Compact);
    send(call, request, [this, call](Result<Response> r) {
        Result<Session> session = !r ? Result<Session>(r.error())
            : r->status / 100 != 2
            ? Result<Session>(httpError(r->status, r->body, r->headers.value("retry-after")))
            : parseSession(r->body);
        call->deleteLater();
        bool ends = false;
        if (session) {
            qCInfo(lcAuth) << "access token refreshed for" << session->officer.id;
        } else if (!isTransient(session.error())
                   && session.error().code != QLatin1String("sync.cancelled")) {
            qCWarning(lcAuth) << "the refresh token was refused:" << session.error().code;
            session = sessionExpired(session.error());
            ends = true;
        }
        m_refreshing = false;
        m_holder->refreshDone(session, ends); // → onRefreshFinished in every client
    });
}

void ApiClient::onRefreshFinished(bool ok, const Error &error)
{
    const auto waiting = std::exchange(m_waitingForRefresh, {});
    const auto calls = std::exchange(m_refreshCalls, {});
    const Session session = m_holder->session();
    for (const auto &p : waiting) {
        if (ok)
            dispatch(p);
        else
            p->complete(error);
    }
    for (const auto &c : calls) {
        if (!c)
            continue;
        if (ok)
            c->finish(session);
        else
            c->finish(error);
    }
}

Call<Session> *ApiClient::refresh()
{
    auto *call = new Call<Session>(this);
    const Session current = m_holder->session();
    switch (m_holder->claimRefresh(current.accessToken)) {
    case SessionHolder::Claim::Retry: // cannot happen with the current token; answer it anyway
    case SessionHolder::Claim::None:
        QMetaObject::invokeMethod(
            call, [call] { call->finish(notLoggedIn()); }, Qt::QueuedConnection);
        return call;
    case SessionHolder::Claim::Wait:
        m_refreshCalls.append(call);
        return call;
    case SessionHolder::Claim::Refresh:
        m_refreshCalls.append(call);
        startRefresh();
        return call;
    }
    return call;
}

} // namespace motcua::sync
