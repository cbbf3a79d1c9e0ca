#include "session_cache.h"

namespace motcua::server {

SessionCache::SessionCache(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(capacity, 1))
{}

std::optional<SessionCache::Entry> SessionCache::find(const QString &tokenHash, qint64 epoch) const
{
    {
        QReadLocker lock(&m_lock);
        if (epoch == m_epoch) {
            const auto it = m_entries.constFind(tokenHash);
            if (it != m_entries.cend()) {
                ++m_hits;
                return it.value();
            }
        }
    }
    ++m_misses;
    return std::nullopt;
}

void SessionCache::insert(const QString &tokenHash, qint64 epoch, Entry entry)
{
    QWriteLocker lock(&m_lock);
    if (epoch < m_epoch)
        return;
    if (epoch > m_epoch || m_entries.size() >= m_capacity) {
        m_entries.clear();
        m_epoch = epoch;
    }
    m_entries.insert(tokenHash, std::move(entry));
}

SessionCache::Stats SessionCache::stats() const
{
    QReadLocker lock(&m_lock);
    return Stats{m_entries.size(), m_hits, m_misses};
}

} // namespace motcua::server
