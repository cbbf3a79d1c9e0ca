#pragma once

// The REST layer's request and response: plain data, copied off QHttpServerRequest on the server
// thread so handlers can run on the worker pool. Every error answer is JSON
// {code, message, details} with a Vietnamese message; details.field names the input at fault.
#include "auth.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <domain/error.h>
#include <domain/result.h>

#include <functional>
#include <memory>
#include <optional>

namespace motcua::server::http {

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct ApiRequest
{
    QByteArray method; // "GET", "POST"…
    QByteArray path;   // percent-encoded, as received
    QUrlQuery query;
    QHash<QString, QString> params; // path parameters, percent-decoded
    QByteArray body;
    Headers headers;
    QHostAddress peer;              // the TCP peer
    QString sourceAddress;          // the client: the peer, or X-Forwarded-For from a trusted proxy
    std::optional<Session> session; // set by the guard on routes that need a token

    [[nodiscard]] QByteArray header(const QByteArray &name) const; // case-insensitive; first one
    [[nodiscard]] QString param(const QString &name) const { return params.value(name); }
    [[nodiscard]] const domain::Officer &officer() const { return session->officer; }
    [[nodiscard]] QString bearerToken() const; // empty when absent or malformed
    [[nodiscard]] QString queryValue(const QString &key) const;
};

// A body too large to hold in memory (blobs): `length` bytes, read piece by piece on the worker
// pool while the server thread writes them out, no faster than the client takes them.
struct BodySource
{
    qint64 length = 0;
    // The bytes from `offset` (0 ≤ offset < length), about 1 MiB at most. An error or an empty
    // piece ends the answer early: the connection is closed, so the client sees it is truncated.
    std::function<domain::Result<QByteArray>(qint64 offset)> read;
};

struct ApiResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    Headers headers;
    QString errorCode;                  // for the access log; empty on success
    std::shared_ptr<BodySource> stream; // set: the body comes from here, `body` is unused

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse noContent();
    static ApiResponse text(const QByteArray &body, const QByteArray &contentType);
    // {code, message, details}; `field` goes into details.field.
    static ApiResponse error(int status, const QString &code, const QString &message,
                             const QString &field = {}, const QJsonObject &details = {});
    // A domain or storage Error, with the status its code calls for (statusForError). Unknown
    // errors become a 500 with a generic message: SQL, driver text and stack never leave the
    // server.
    static ApiResponse fromError(const domain::Error &error);
};

// 400 for json.* and validation errors, 401 for bad credentials or tokens, 403, 404 for
// *.not_found, 409 for conflicts, 429 for auth.throttled, 500 for storage failures.
int statusForError(const domain::Error &error);

// Common answers with Vietnamese messages.
ApiResponse notFound(const QString &what = {});
ApiResponse forbiddenAgency();
ApiResponse forbiddenRole();
ApiResponse badRequest(const QString &code, const QString &message, const QString &field = {});
ApiResponse internalError();

// The body as a JSON object (400 json.malformed naming the offset otherwise).
domain::Result<QJsonObject> bodyObject(const ApiRequest &request);

// A query parameter as an integer within [min, max]; absent → fallback; bad → json.bad_query.
domain::Result<qint64> queryInteger(const ApiRequest &request, const QString &key, qint64 fallback,
                                    qint64 min, qint64 max);

// Re-roots a reader error under a path prefix: "payload" → "actions[3].payload".
domain::Error withFieldPrefix(domain::Error error, const QString &prefix);

// Returns `object` without `key` (to read the rest with a strict domain reader).
QJsonObject without(QJsonObject object, const QString &key);

} // namespace motcua::server::http
