#include "api_errors.h"

#include "api_call.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace motcua::sync {

using domain::Error;
using domain::makeError;

namespace {

const QString kHttpStatus = QStringLiteral("httpStatus");
const QString kRetryAfter = QStringLiteral("retryAfter");

Error withStatus(Error error, int status)
{
    error.details.insert(kHttpStatus, status);
    return error;
}

} // namespace

Error cancelledError()
{
    return withStatus(makeError(QStringLiteral("sync.cancelled"),
                                QStringLiteral("Yêu cầu gửi máy chủ đã bị hủy.")),
                      0);
}

Error transportError(QNetworkReply::NetworkError error, bool timedOut)
{
    if (timedOut || error == QNetworkReply::TimeoutError) {
        return withStatus(makeError(QStringLiteral("sync.timeout"),
                                    QStringLiteral("Máy chủ không phản hồi kịp thời. Dữ liệu vẫn "
                                                   "được lưu trên máy và sẽ tự đồng bộ lại sau.")),
                          0);
    }
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        return withStatus(
            makeError(QStringLiteral("sync.tls"),
                      QStringLiteral("Không thiết lập được kết nối an toàn với máy chủ (chứng chỉ "
                                     "không hợp lệ hoặc không tin cậy). Hãy báo quản trị viên.")),
            0);
    case QNetworkReply::OperationCanceledError:
        return cancelledError();
    default:
        break;
    }
    Error e = makeError(QStringLiteral("sync.unreachable"),
                        QStringLiteral("Không kết nối được máy chủ. Dữ liệu được lưu trên máy và "
                                       "sẽ tự đồng bộ khi có mạng trở lại."));
    e.details.insert(QStringLiteral("network"), int(error));
    return withStatus(e, 0);
}

Error httpError(int status, const QByteArray &body, const QByteArray &retryAfter)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    Error e;
    e.code = json.value(QStringLiteral("code")).toString();
    e.message = json.value(QStringLiteral("message")).toString();
    const QJsonObject details = json.value(QStringLiteral("details")).toObject();
    e.field = details.value(QStringLiteral("field")).toString();
    e.details = details;
    if (e.code.isEmpty() || e.message.isEmpty()) {
        e.code = status >= 500 ? QStringLiteral("server.unavailable")
                               : QStringLiteral("http.%1").arg(status);
        e.message = status >= 500
            ? QStringLiteral("Máy chủ đang gặp sự cố (mã %1). Dữ liệu được giữ trên máy và sẽ "
                             "tự đồng bộ lại sau.")
                  .arg(status)
            : QStringLiteral("Máy chủ từ chối yêu cầu (mã %1).").arg(status);
    }
    bool ok = false;
    const int seconds = retryAfter.trimmed().toInt(&ok);
    if (ok && seconds > 0)
        e.details.insert(kRetryAfter, seconds);
    return withStatus(e, status);
}

Error badAnswer(const QString &what)
{
    return withStatus(makeError(QStringLiteral("sync.bad_answer"),
                                QStringLiteral("Câu trả lời của máy chủ không đúng định dạng (%1). "
                                               "Sẽ thử lại sau.")
                                    .arg(what)),
                      0);
}

Error notLoggedIn()
{
    return withStatus(makeError(QStringLiteral("sync.not_logged_in"),
                                QStringLiteral("Chưa đăng nhập trực tuyến: hãy đăng nhập để đồng "
                                               "bộ dữ liệu với máy chủ.")),
                      0);
}

Error sessionExpired(const Error &cause)
{
    Error e = makeError(QStringLiteral("sync.session_expired"),
                        QStringLiteral("Phiên đăng nhập đã hết hạn hoặc bị thu hồi: hãy đăng nhập "
                                       "lại để tiếp tục đồng bộ."));
    e.details.insert(QStringLiteral("cause"), cause.code);
    return withStatus(e, httpStatusOf(cause));
}

int httpStatusOf(const Error &error)
{
    return error.details.value(kHttpStatus).toInt();
}

int retryAfterOf(const Error &error)
{
    return error.details.value(kRetryAfter).toInt();
}

bool isUnreachable(const Error &error)
{
    return error.code == QLatin1String("sync.unreachable")
        || error.code == QLatin1String("sync.timeout");
}

bool isTransient(const Error &error)
{
    if (isUnreachable(error) || error.code == QLatin1String("sync.bad_answer"))
        return true;
    const int status = httpStatusOf(error);
    return status >= 500 || status == 429 || status == 408;
}

bool isSessionError(const Error &error)
{
    return error.code == QLatin1String("sync.session_expired")
        || error.code == QLatin1String("sync.not_logged_in");
}

} // namespace motcua::sync
