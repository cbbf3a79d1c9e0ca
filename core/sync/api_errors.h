#pragma once

// Errors of the REST client. Every error keeps the server's code and Vietnamese message when the
// server answered, plus details.httpStatus (0: no HTTP answer) and details.retryAfter (seconds)
// when the server asked to wait. Transport failures have codes of their own:
//   sync.unreachable   no connection to the server (offline, refused, DNS, reset)
//   sync.timeout       the server stopped answering for longer than the timeout
//   sync.tls           the secure connection failed (certificate)
//   sync.bad_answer    the answer is not what the API promises (a proxy page, a truncated body)
//   sync.cancelled     the call was aborted
//   sync.not_logged_in no session: log in first
//   sync.session_expired  the refresh token no longer works: log in again
#include <QByteArray>
#include <QNetworkReply>

#include <domain/error.h>

namespace motcua::sync {

domain::Error transportError(QNetworkReply::NetworkError error, bool timedOut);
// An HTTP error answer: the server's {code, message, details} when present.
domain::Error httpError(int status, const QByteArray &body, const QByteArray &retryAfter = {});
domain::Error badAnswer(const QString &what);
domain::Error notLoggedIn();
domain::Error sessionExpired(const domain::Error &cause);

// 0 when the error did not come with an HTTP answer.
int httpStatusOf(const domain::Error &error);
// Seconds the server asked to wait (429, 503), 0 when none.
int retryAfterOf(const domain::Error &error);

// Worth retrying later without a change on our side: no connection, timeouts, 5xx, 429, an answer
// garbled on the way. Everything else (4xx) needs a person (a new login, an upgrade, a fix).
bool isTransient(const domain::Error &error);
// The server was not reached at all (offline), as opposed to reached and unhappy.
bool isUnreachable(const domain::Error &error);
// The session is gone (refresh failed with 401): the officer must log in again.
bool isSessionError(const domain::Error &error);

} // namespace motcua::sync
