#pragma once

// The sync feed's gzip pieces (gzip_splice.h) kept in memory by seq after a page read them, so
// that the pages most asked for — the feed's recent end, read by every workstation of an agency
// — are spliced without reading the pieces from the database again. A committed change's piece
// never changes, so an entry is never stale: only pieces read from committed rows go in.
// Bounded in bytes; the entries put in first leave first. Safe to share between threads.
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QReadWriteLock>

#include <atomic>
#include <deque>

namespace motcua::server {

class PieceCache
{
public:
    explicit PieceCache(qint64 capacityBytes = 0);
    PieceCache(const PieceCache &) = delete;
    PieceCache &operator=(const PieceCache &) = delete;

    // 0: nothing is kept. Shrinking drops the oldest entries.
    void setCapacity(qint64 bytes);
    qint64 capacity() const;

    // pieces[i] = the cached piece of seqs[i], or a null QByteArray; returns how many were not
    // cached. One lock for the whole page.
    qsizetype find(const QList<qint64> &seqs, QList<QByteArray> &pieces) const;
    // Keeps these pieces (seq, piece); empty pieces and pieces already kept are skipped.
    void insert(const QList<std::pair<qint64, QByteArray>> &pieces);

    struct Stats
    {
        qint64 entries = 0;
        qint64 bytes = 0; // the pieces' sizes plus a fixed cost per entry
        qint64 hits = 0;  // pieces found
        qint64 misses = 0;
        qint64 capacity = 0;
    };
    Stats stats() const;

    static constexpr qint64 kEntryCost = 64; // the hash node, the queue slot, the array header

private:
    void evictTo(qint64 capacity); // with the write lock held

    mutable QReadWriteLock m_lock;
    QHash<qint64, QByteArray> m_pieces;
    std::deque<qint64> m_order; // insertion order: the front leaves first
    qint64 m_bytes = 0;
    std::atomic<qint64> m_capacity;
    mutable std::atomic<qint64> m_hits{0};
    mutable std::atomic<qint64> m_misses{0};
};

} // namespace motcua::server
