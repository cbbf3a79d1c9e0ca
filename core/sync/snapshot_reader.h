#pragma once

// Reads a first sync's snapshot pages (GET /api/v1/sync/snapshot) on a thread of its own, a few
// pages ahead of the one being stored: the download and the strict reading of a page (a fifth of
// a first sync's time) run beside the writing of the previous one instead of before it. Pages are
// handed over in order, on the receiver's thread; the reader goes further only as pages are
// stored, so at most `lookahead` pages are held at once.
#include "api_client.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace motcua::sync {

class SnapshotReader : public QObject
{
    Q_OBJECT
public:
    // `after`, `seq`: where the snapshot stands (empty, 0: from the start). `deliver(after, seq,
    // page)` runs on `receiver`'s thread for each page in order — `after` the page's start, `seq`
    // the first page's feed seq (0 until that page has answered) — then nothing more after an
    // error or the last page.
    using Deliver = std::function<void(const QString &after, qint64 seq,
                                       const domain::Result<SnapshotPage> &page)>;
    SnapshotReader(ApiClient::Options api, int pageSize, int lookahead, QObject *receiver,
                   Deliver deliver);
    ~SnapshotReader() override;

    // From the receiver's thread.
    void start(const QString &after, qint64 seq);
    void pageStored(); // one delivered page is stored: read further

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives in m_thread
};

} // namespace motcua::sync
