#pragma once

// Work on the server's thread pool whose result is handed to a QObject's thread.
#include <QMetaObject>
#include <QObject>
#include <QThreadPool>

#include <utility>

namespace motcua::server::http {

// Runs `work()` on `pool`, then `done(result)` on `context`'s thread (queued). `context` must
// outlive the pool's jobs (the pool is destroyed, and so waited for, first).
//
// Not QtConcurrent::run(…).then(context, …): under load (tens of thousands of answers a second)
// the server died in QFutureInterfaceBase::reportStarted() inside such a continuation, as if Qt
// 6.4 ran it a second time with its promise already moved away (not traced further in Qt's
// code). A queued call carries the result instead.
template<typename Work, typename Done>
void runThen(QThreadPool &pool, QObject *context, Work work, Done done)
{
    pool.start([work = std::move(work), done = std::move(done), context]() mutable {
        auto result = work();
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done), result = std::move(result)]() mutable {
                done(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

} // namespace motcua::server::http
