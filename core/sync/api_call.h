#pragma once

// An asynchronous request to the server, in the style of QNetworkReply: the ApiClient returns a
// call object; `finished()` is emitted exactly once, always from the event loop (never inside the
// method that started the call), after which result() holds a value or a typed Error with a
// Vietnamese message. The call is a child of the ApiClient; delete it (deleteLater) when done, or
// use whenDone() which does.
#include <QObject>

#include <domain/result.h>

#include <functional>
#include <optional>

namespace motcua::sync {

class ApiCall : public QObject
{
    Q_OBJECT
public:
    [[nodiscard]] bool isFinished() const { return m_finished; }
    // Stops the request; the call finishes with the error "sync.cancelled".
    void abort();

Q_SIGNALS:
    void finished();
    // Bytes sent or received so far of a long transfer (blobs, long pulls); total -1 if unknown.
    void progress(qint64 done, qint64 total);

protected:
    explicit ApiCall(QObject *parent)
        : QObject(parent)
    {}
    void markFinished();
    virtual void finishCancelled() = 0;

public:
    // For the client: how to stop the transfer in flight (set and cleared as requests go).
    void setAbortHandler(std::function<void()> handler) { m_abort = std::move(handler); }

private:
    std::function<void()> m_abort;
    bool m_finished = false;
};

domain::Error cancelledError();

template<typename T>
class Call final : public ApiCall
{
public:
    explicit Call(QObject *parent)
        : ApiCall(parent)
    {}

    // Valid once finished() was emitted.
    [[nodiscard]] const domain::Result<T> &result() const { return *m_result; }

    // For the client: sets the result and emits finished() (once; later calls are ignored).
    void finish(domain::Result<T> result)
    {
        if (isFinished())
            return;
        m_result.emplace(std::move(result));
        markFinished();
    }

private:
    void finishCancelled() override { finish(cancelledError()); }
    std::optional<domain::Result<T>> m_result;
};

// Calls `handler(result)` in `context`'s thread when `call` finishes, then deletes the call.
template<typename T, typename Handler>
void whenDone(Call<T> *call, QObject *context, Handler handler)
{
    QObject::connect(call, &ApiCall::finished, context,
                     [call, handler = std::move(handler)]() mutable {
                         handler(call->result());
                         call->deleteLater();
                     });
}

} // namespace motcua::sync
