#include "api.h"

#include <QJsonDocument>
#include <QLoggingCategory>

#include <domain/jsonreader.h>

namespace motcua::server::http {

Q_LOGGING_CATEGORY(lcApi, "motcua.server.api")

using domain::Error;
using domain::makeError;
using domain::Result;

QByteArray ApiRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString ApiRequest::bearerToken() const
{
    const QByteArray value = header(QByteArrayLiteral("Authorization")).trimmed();
    static const QByteArray prefix = QByteArrayLiteral("bearer ");
    if (value.size() <= prefix.size() || !value.left(prefix.size()).toLower().startsWith(prefix))
        return {};
    const QByteArray token = value.mid(prefix.size()).trimmed();
    if (token.size() > 512)
        return {};
    return QString::fromLatin1(token);
}

QString ApiRequest::queryValue(const QString &key) const
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::noContent()
{
    ApiResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

ApiResponse ApiResponse::text(const QByteArray &body, const QByteArray &contentType)
{
    ApiResponse r;
    r.body = body;
    r.contentType = contentType;
    return r;
}

ApiResponse ApiResponse::error(int status, const QString &code, const QString &message,
                               const QString &field, const QJsonObject &details)
{
    QJsonObject d = details;
    if (!field.isEmpty())
        d.insert(QStringLiteral("field"), field);
    ApiResponse r = json({{QStringLiteral("code"), code},
                          {QStringLiteral("message"), message},
                          {QStringLiteral("details"), d}},
                         status);
    r.errorCode = code;
    return r;
}

namespace {

bool isServerFailure(const QString &code)
{
    static const QStringList prefixes{QStringLiteral("db."),      QStringLiteral("sql."),
                                      QStringLiteral("server."),  QStringLiteral("storage."),
                                      QStringLiteral("internal"), QStringLiteral("migration.")};
    for (const auto &p : prefixes) {
        if (code.startsWith(p))
            return true;
    }
    return code.isEmpty() || code.endsWith(QLatin1String("_failed"));
}

} // namespace

int statusForError(const Error &error)
{
    const QString &c = error.code;
    if (c == QLatin1String("auth.invalid_credentials") || c == QLatin1String("auth.invalid_token")
        || c == QLatin1String("auth.expired_token") || c == QLatin1String("auth.missing_token")
        || c == QLatin1String("auth.revoked_token")) {
        return 401;
    }
    if (c == QLatin1String("auth.throttled"))
        return 429;
    if (c.startsWith(QLatin1String("auth.forbidden")))
        return 403;
    if (isServerFailure(c))
        return 500;
    if (c.endsWith(QLatin1String(".not_found")) || c.endsWith(QLatin1String(".unknown")))
        return 404;
    if (c.contains(QLatin1String("conflict")) || c.endsWith(QLatin1String("exists"))
        || c.contains(QLatin1String("duplicate")) || c.endsWith(QLatin1String("_taken"))
        || c.endsWith(QLatin1String("exhausted"))) {
        return 409;
    }
    return 400; // json.*, validation of catalogues, workflows, passwords, dates…
}

ApiResponse ApiResponse::fromError(const Error &error)
{
    const int status = statusForError(error);
    if (status == 500) {
        // The code goes to the log; driver text (error.field) and values stay out of the answer.
        qCWarning(lcApi).noquote() << "internal error" << error.code;
        return internalError();
    }
    QJsonObject details = error.details;
    if (status == 429 && !details.contains(QStringLiteral("retryAfter")))
        details.insert(QStringLiteral("retryAfter"), 60);
    ApiResponse r = ApiResponse::error(status, error.code, error.message, error.field, details);
    if (status == 429) {
        const int seconds = qMax(1, details.value(QStringLiteral("retryAfter")).toInt());
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(seconds)});
    }
    if (status == 401)
        r.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    return r;
}

ApiResponse notFound(const QString &what)
{
    return ApiResponse::error(404, QStringLiteral("http.not_found"),
                              what.isEmpty() ? QStringLiteral("Không tìm thấy tài nguyên yêu cầu.")
                                             : QStringLiteral("Không tìm thấy %1.").arg(what));
}

ApiResponse forbiddenAgency()
{
    return ApiResponse::error(
        403, QStringLiteral("auth.forbidden_agency"),
        QStringLiteral(
            "Dữ liệu này thuộc cơ quan khác: tài khoản của bạn không có quyền truy cập."));
}

ApiResponse forbiddenRole()
{
    return ApiResponse::error(
        403, QStringLiteral("auth.forbidden_role"),
        QStringLiteral("Vai trò của tài khoản không được phép thực hiện thao tác này."));
}

ApiResponse badRequest(const QString &code, const QString &message, const QString &field)
{
    return ApiResponse::error(400, code, message, field);
}

ApiResponse internalError()
{
    return ApiResponse::error(
        500, QStringLiteral("server.internal"),
        QStringLiteral("Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau ít phút."));
}

Result<QJsonObject> bodyObject(const ApiRequest &request)
{
    if (request.body.trimmed().isEmpty()) {
        return makeError(QStringLiteral("json.malformed"),
                         QStringLiteral("Nội dung yêu cầu trống: cần một đối tượng JSON."));
    }
    return domain::parseJsonObject(request.body);
}

Result<qint64> queryInteger(const ApiRequest &request, const QString &key, qint64 fallback,
                            qint64 min, qint64 max)
{
    if (!request.query.hasQueryItem(key))
        return fallback;
    const QString text = request.queryValue(key);
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        return makeError(QStringLiteral("json.bad_query"),
                         QStringLiteral("Tham số \"%1\" phải là số nguyên từ %2 đến %3.")
                             .arg(key)
                             .arg(min)
                             .arg(max),
                         key);
    }
    return value;
}

Error withFieldPrefix(Error error, const QString &prefix)
{
    error.field = error.field.isEmpty() ? prefix : prefix + QLatin1Char('.') + error.field;
    error.message = QStringLiteral("%1: %2").arg(prefix, error.message);
    return error;
}

QJsonObject without(QJsonObject object, const QString &key)
{
    object.remove(key);
    return object;
}

} // namespace motcua::server::http
