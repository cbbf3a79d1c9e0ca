#pragma once

// Answers QHttpServerResponse cannot carry in Qt 6.4: a body streamed from a BodySource (each
// piece read on the worker pool, written on the server thread, never more than a few MiB queued
// on the socket while the client is slow), and HEAD answers (the headers of the GET answer, with
// its Content-Length, and no body). Also large bodies in memory, queued on the socket without
// the copy QHttpServerResponder makes.
#include "api.h"

#include <QPointer>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServerResponder;
class QObject;
class QTcpSocket;
class QThreadPool;
QT_END_NAMESPACE

namespace motcua::server::http {

// Writes `response` on the server thread. `context` lives on that thread and outlives `pool`'s
// tasks; the socket is checked before every write (a client that has gone gets nothing more).
// `written` is called once the whole answer is out (not when the client went away meanwhile).
void writeStreamed(std::shared_ptr<QHttpServerResponder> responder, QPointer<QTcpSocket> socket,
                   ApiResponse response, bool headOnly, QThreadPool *pool, QObject *context,
                   std::function<void()> written);

} // namespace motcua::server::http
