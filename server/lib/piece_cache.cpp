#include "piece_cache.h"

namespace motcua::server {

PieceCache::PieceCache(qint64 capacityBytes)
    : m_capacity(std::max<qint64>(capacityBytes, 0))
{}

void PieceCache::setCapacity(qint64 bytes)
{
    bytes = std::max<qint64>(bytes, 0);
    QWriteLocker lock(&m_lock);
    m_capacity = bytes;
    evictTo(bytes);
}

qint64 PieceCache::capacity() const
{
    return m_capacity;
}

qsizetype PieceCache::find(const QList<qint64> &seqs, QList<QByteArray> &pieces) const
{
    pieces.resize(seqs.size());
    qsizetype missing = 0;
    {
        QReadLocker lock(&m_lock);
        for (qsizetype i = 0; i < seqs.size(); ++i) {
            const auto it = m_pieces.constFind(seqs.at(i));
            if (it == m_pieces.cend()) {
                pieces[i] = QByteArray();
                ++missing;
            } else {
                pieces[i] = it.value();
            }
        }
    }
    m_hits += seqs.size() - missing;
    m_misses += missing;
    return missing;
}

void PieceCache::insert(const QList<std::pair<qint64, QByteArray>> &pieces)
{
    const qint64 capacity = m_capacity;
    if (capacity == 0 || pieces.isEmpty())
        return;
    QWriteLocker lock(&m_lock);
    for (const auto &[seq, piece] : pieces) {
        const qint64 cost = piece.size() + kEntryCost;
        if (piece.isEmpty() || cost > capacity || m_pieces.contains(seq))
            continue;
        m_pieces.insert(seq, piece);
        m_order.push_back(seq);
        m_bytes += cost;
    }
    evictTo(capacity);
}

void PieceCache::evictTo(qint64 capacity)
{
    while (m_bytes > capacity && !m_order.empty()) {
        const auto it = m_pieces.constFind(m_order.front());
        m_order.pop_front();
        if (it == m_pieces.cend())
            continue;
        m_bytes -= it.value().size() + kEntryCost;
        m_pieces.erase(it);
    }
}

PieceCache::Stats PieceCache::stats() const
{
    QReadLocker lock(&m_lock);
    return Stats{m_pieces.size(), m_bytes, m_hits, m_misses, m_capacity};
}

} // namespace motcua::server
