#include "streamed_reply.h"

#include "pool_job.h"

#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QThreadPool>

namespace motcua::server::http {
namespace {

Q_LOGGING_CATEGORY(lcStream, "motcua.server.api")

constexpr qint64 kHighWater = 4 * 1024 * 1024; // queued on the socket: wait for the client
constexpr qint64 kLowWater = 1024 * 1024;      // … until it has taken all but this

struct Piece
{
    QByteArray data;
    QString error; // the Error's code
};

class Streamer : public std::enable_shared_from_this<Streamer>
{
public:
    Streamer(std::shared_ptr<QHttpServerResponder> responder, QPointer<QTcpSocket> socket,
             std::shared_ptr<BodySource> source, QThreadPool *pool, QObject *context,
             std::function<void()> written)
        : m_responder(std::move(responder))
        , m_socket(std::move(socket))
        , m_source(std::move(source))
        , m_pool(pool)
        , m_context(context)
        , m_written(std::move(written))
    {}

    void fetch()
    {
        const std::shared_ptr<BodySource> source = m_source;
        const qint64 offset = m_offset;
        runThen(
            *m_pool, m_context,
            [source, offset] {
                Piece piece;
                auto read = source->read(offset);
                if (read)
                    piece.data = read.value();
                else
                    piece.error = read.error().code;
                return piece;
            },
            [self = shared_from_this()](Piece &&piece) { self->deliver(piece); });
    }

private:
    [[nodiscard]] bool connected() const
    {
        return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    }

    void deliver(const Piece &piece)
    {
        if (!connected())
            return; // the client has gone: nothing more to do
        const qint64 left = m_source->length - m_offset;
        if (!piece.error.isEmpty() || piece.data.isEmpty() || piece.data.size() > left) {
            // The headers are out already: closing the connection is the only way to tell the
            // client its body is incomplete (it counts fewer bytes than Content-Length).
            qCWarning(lcStream).noquote() << "streamed body failed at byte" << m_offset << "of"
                                          << m_source->length << piece.error;
            m_socket->abort();
            return;
        }
        m_responder->writeBody(piece.data);
        m_offset += piece.data.size();
        if (m_offset >= m_source->length) {
            m_written();
            return; // done; the responder goes with the last reference to this object
        }
        if (m_socket->bytesToWrite() > kHighWater)
            waitForClient();
        else
            fetch();
    }

    void waitForClient()
    {
        qCDebug(lcStream) << "streamed body: waiting for a slow client at byte" << m_offset;
        m_drained = QObject::connect(
            m_socket.data(), &QIODevice::bytesWritten, m_context,
            [self = shared_from_this()](qint64) {
                if (self->connected() && self->m_socket->bytesToWrite() > kLowWater)
                    return;
                const auto keep = self; // the connection's copy goes with the disconnect
                QObject::disconnect(keep->m_drained);
                if (keep->connected())
                    keep->fetch();
            });
    }

    std::shared_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    std::shared_ptr<BodySource> m_source;
    QThreadPool *m_pool;
    QObject *m_context;
    std::function<void()> m_written;
    qint64 m_offset = 0;
    QMetaObject::Connection m_drained;
};

} // namespace

void writeStreamed(std::shared_ptr<QHttpServerResponder> responder, QPointer<QTcpSocket> socket,
                   ApiResponse response, bool headOnly, QThreadPool *pool, QObject *context,
                   std::function<void()> written)
{
    QHttpServerResponder &r = *responder;
    r.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    for (const auto &[name, value] : response.headers)
        r.writeHeader(name, value);
    if (!response.contentType.isEmpty())
        r.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
    const qint64 length = response.stream ? response.stream->length : response.body.size();
    r.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(length));
    r.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    r.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    if (headOnly || length == 0) {
        r.writeBody(QByteArray()); // ends the headers
        written();
        return;
    }
    if (!response.stream) {
        r.writeBody(QByteArray()); // ends the headers
        // QIODevice::write(const QByteArray &) queues the bytes as they are (a shallow copy);
        // QHttpServerResponder::writeBody() would copy them.
        if (socket)
            socket->write(response.body);
        written();
        return;
    }
    r.writeBody(QByteArray()); // the headers go now, the body follows as it is read
    auto streamer
        = std::make_shared<Streamer>(std::move(responder), std::move(socket),
                                     std::move(response.stream), pool, context, std::move(written));
    streamer->fetch();
}

} // namespace motcua::server::http
