#include "http_fixture.h"

#include <QDeadlineTimer>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpSocket>

#include <domain/json.h>

namespace motcua::test {

// ---- Reply ------------------------------------------------------------------------------------

QString Reply::describe() const
{
    return QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(600)));
}

namespace {

Reply makeReply(int status, const QByteArray &body, QHash<QByteArray, QByteArray> headers)
{
    Reply r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        r.json = doc.object();
    return r;
}

Reply finish(QNetworkReply *reply)
{
    QHash<QByteArray, QByteArray> headers;
    for (const auto &[name, value] : reply->rawHeaderPairs())
        headers.insert(name.toLower(), value);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    Reply r = makeReply(status, reply->readAll(), std::move(headers));
    reply->deleteLater();
    return r;
}

QNetworkRequest makeRequest(const QString &url, const QString &token,
                            const QHash<QByteArray, QByteArray> &headers, bool hasBody)
{
    QNetworkRequest request{QUrl(url)};
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(60000);
    if (hasBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1());
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        request.setRawHeader(it.key(), it.value());
    return request;
}

} // namespace

// ---- Client -----------------------------------------------------------------------------------

Client::Client(QString baseUrl)
    : m_base(std::move(baseUrl))
{}

Reply Client::send(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QString &token, const QHash<QByteArray, QByteArray> &headers)
{
    const QNetworkRequest request = makeRequest(m_base + path, token, headers, !body.isEmpty());
    // HEAD through head(): a custom "HEAD" verb would wait for the body Content-Length announces.
    QNetworkReply *reply
        = method == "HEAD" ? m_nam.head(request) : m_nam.sendCustomRequest(request, method, body);
    if (!waitFor([reply] { return reply->isFinished(); }, 90000)) {
        reply->abort();
        reply->deleteLater();
        return {};
    }
    return finish(reply);
}

QString Client::login(const QString &username, const QString &password)
{
    lastLogin
        = post(QStringLiteral("/api/v1/auth/login"),
               {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    return lastLogin.json.value(QStringLiteral("accessToken")).toString();
}

bool pushEachAccepted(Client &client, const QList<domain::Action> &actions,
                      QHash<QString, QString> &tokens, QString *error)
{
    for (const domain::Action &a : actions) {
        if (!tokens.contains(a.actorId))
            tokens.insert(a.actorId, client.login(a.actorId));
        const Reply r = client.post(QStringLiteral("/api/v1/sync/push"),
                                    {{QStringLiteral("actions"), QJsonArray{domain::toJson(a)}}},
                                    tokens.value(a.actorId));
        const QString status = r.json.value(QStringLiteral("results"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("status"))
                                   .toString();
        if (status != QLatin1String("accepted")) {
            *error = domain::actionTypeKey(a.type) + QLatin1Char(' ') + r.describe();
            return false;
        }
    }
    return true;
}

QList<Reply> sendConcurrently(const QString &baseUrl, const QList<QByteArray> &methods,
                              const QStringList &paths, const QList<QByteArray> &bodies,
                              const QStringList &tokens,
                              const QList<QHash<QByteArray, QByteArray>> &headers)
{
    // One manager per request: separate connections, so the server really sees them at once.
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QList<QNetworkReply *> replies;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        const QNetworkRequest request = makeRequest(baseUrl + paths.at(i), tokens.value(i),
                                                    headers.value(i), !bodies.value(i).isEmpty());
        replies.append(managers.back()->sendCustomRequest(request, methods.at(i), bodies.value(i)));
    }
    waitFor(
        [&] {
            return std::all_of(replies.cbegin(), replies.cend(),
                               [](QNetworkReply *r) { return r->isFinished(); });
        },
        120000);
    QList<Reply> out;
    for (QNetworkReply *r : replies)
        out.append(r->isFinished() ? finish(r) : Reply{});
    return out;
}

// ---- raw requests -----------------------------------------------------------------------------

Reply rawRequest(quint16 port, const QByteArray &request, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    socket.flush();
    QByteArray data;
    QDeadlineTimer deadline(timeoutMs);
    qsizetype headerEnd = -1;
    qint64 contentLength = -1;
    while (!deadline.hasExpired()) {
        if (!socket.waitForReadyRead(200)) {
            if (socket.state() != QAbstractSocket::ConnectedState)
                break;
        }
        data += socket.readAll();
        if (headerEnd < 0) {
            headerEnd = data.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                static const QRegularExpression re(
                    QStringLiteral("(?i)\r\ncontent-length:\\s*([0-9]+)"));
                const auto m = re.match(QString::fromLatin1(data.left(headerEnd)));
                contentLength = m.hasMatch() ? m.captured(1).toLongLong() : 0;
            }
        }
        if (headerEnd >= 0 && data.size() >= headerEnd + 4 + contentLength)
            break;
    }
    if (headerEnd < 0)
        return {};
    const QList<QByteArray> lines = data.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).split(' ');
    QHash<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                           lines.at(i).mid(colon + 1).trimmed());
    }
    return makeReply(statusLine.value(1).toInt(), data.mid(headerEnd + 4, contentLength),
                     std::move(headers));
}

} // namespace motcua::test
