#include "snapshot_reader.h"

#include "logging.h"

#include <QPointer>

namespace motcua::sync {

using domain::Result;

// Everything below runs on the reader's thread.
class SnapshotReader::Worker : public QObject
{
public:
    Worker(ApiClient::Options api, int pageSize, int lookahead, QObject *receiver, Deliver deliver)
        : m_options(std::move(api))
        , m_pageSize(pageSize)
        , m_lookahead(std::max(1, lookahead))
        , m_receiver(receiver)
        , m_deliver(std::move(deliver))
    {}

    void start(const QString &after, qint64 seq)
    {
        if (!m_api)
            m_api = new ApiClient(m_options, this); // its QNetworkAccessManager on this thread
        m_seq = seq;
        request(after);
    }

    void pageStored()
    {
        --m_outstanding;
        if (m_next && m_outstanding < m_lookahead) {
            const QString after = *m_next;
            m_next.reset();
            request(after);
        }
    }

    void stop()
    {
        m_stopped = true;
        for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
            if (call)
                call->abort();
        }
    }

private:
    void request(const QString &after)
    {
        if (m_stopped)
            return;
        ++m_outstanding;
        auto *call = m_api->snapshot(after, m_pageSize,
                                     [this](qint64 pageSeq, const QString &next, bool more) {
                                         if (m_seq == 0)
                                             m_seq = pageSeq;
                                         if (!more || m_stopped)
                                             return;
                                         if (m_outstanding < m_lookahead)
                                             request(next);
                                         else
                                             m_next = next;
                                     });
        m_calls.append(call);
        const qint64 seqAsked = m_seq;
        whenDone(call, this, [this, after, seqAsked, call](const Result<SnapshotPage> &page) {
            m_calls.removeAll(call);
            if (m_stopped)
                return;
            if (!page)
                stop(); // nothing after an error
            // The first page's seq, which every later page carries on.
            const qint64 seq = seqAsked > 0 ? seqAsked : (page ? page->seq : 0);
            QMetaObject::invokeMethod(
                m_receiver,
                [deliver = m_deliver, after, seq, page = Result<SnapshotPage>(page)] {
                    deliver(after, seq, page);
                },
                Qt::QueuedConnection);
        });
    }

    ApiClient::Options m_options;
    int m_pageSize;
    int m_lookahead;
    QPointer<QObject> m_receiver;
    Deliver m_deliver;
    ApiClient *m_api = nullptr;
    QList<QPointer<ApiCall>> m_calls;
    std::optional<QString> m_next; // the page to ask for once one is stored
    qint64 m_seq = 0;
    int m_outstanding = 0; // asked for and not yet stored
    bool m_stopped = false;
};

SnapshotReader::SnapshotReader(ApiClient::Options api, int pageSize, int lookahead,
                               QObject *receiver, Deliver deliver)
{
    m_thread.setObjectName(QStringLiteral("snapshot"));
    m_worker = new Worker(std::move(api), pageSize, lookahead, receiver, std::move(deliver));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

SnapshotReader::~SnapshotReader()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->stop(); });
    m_thread.quit();
    m_thread.wait();
}

void SnapshotReader::start(const QString &after, qint64 seq)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, after, seq] { w->start(after, seq); });
}

void SnapshotReader::pageStored()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->pageStored(); });
}

} // namespace motcua::sync
