#pragma once

// What pages of the sync feed already read tell about each agency's feed: after a page of agency
// A read from the database, A's changes in (after, end] are known to be exactly the ones it
// returned, where `end` is its last change when it was full and the committed counter it was
// read under otherwise. Committed numbers never change and no change commits below the counter
// (sync_store.cpp), so what is known stays true: a later page that lies inside a known range
// takes its numbers from memory and, with its pieces in the PieceCache, reads nothing but the
// authorisation epoch. All the workstations of an agency read the same feed, so the ranges one
// of them read serve the others. Overlapping and touching ranges are merged; bounded by the
// number of seqs kept, the oldest numbers leave first. Safe to share between threads.
#include <QHash>
#include <QList>
#include <QReadWriteLock>
#include <QString>

#include <atomic>
#include <map>
#include <vector>

namespace motcua::server {

class FeedRanges
{
public:
    explicit FeedRanges(qint64 capacitySeqs = 0);
    FeedRanges(const FeedRanges &) = delete;
    FeedRanges &operator=(const FeedRanges &) = delete;

    // 0: nothing is kept. Shrinking drops the oldest numbers.
    void setCapacity(qint64 seqs);
    qint64 capacity() const;

    // The first `count` changes of the agency's feed after `after` when a known range holds that
    // many after it: true and `out` filled (in order); otherwise false.
    bool find(const QString &agency, qint64 after, qsizetype count, QList<qint64> &out) const;
    // The agency's changes in (after, end] are exactly `seqs` (ascending, each in the range).
    // Ignored when `seqs` does not fit the range.
    void insert(const QString &agency, qint64 after, qint64 end, const QList<qint64> &seqs);

    struct Stats
    {
        qint64 ranges = 0;
        qint64 seqs = 0;
        qint64 hits = 0;   // pages whose numbers were known
        qint64 misses = 0; // pages read from the database
        qint64 capacity = 0;
    };
    Stats stats() const;

private:
    struct Range
    {
        qint64 end = 0;
        std::vector<qint64> seqs;
    };
    using Ranges = std::map<qint64, Range>; // by the range's start (exclusive)

    void evictTo(qint64 capacity); // with the write lock held

    mutable QReadWriteLock m_lock;
    QHash<QString, Ranges> m_agencies;
    qint64 m_seqs = 0;
    qint64 m_ranges = 0;
    std::atomic<qint64> m_capacity;
    mutable std::atomic<qint64> m_hits{0};
    mutable std::atomic<qint64> m_misses{0};
};

} // namespace motcua::server
