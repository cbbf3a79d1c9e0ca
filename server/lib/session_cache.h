#pragma once

// The sessions the server authenticated, by token hash, so that a request does not read its
// token, its officer and the officer's groups again: each is trusted only under the
// authorisation epoch it was read under (schema version 12: a number the database moves whenever
// a token, an officer or a group changes), which every request reads. Only valid sessions are
// kept; expiry is checked by the caller against the kept expiry. Bounded: when full, emptied.
// Safe to share between threads.
#include "auth.h"

#include <QHash>
#include <QReadWriteLock>

#include <atomic>
#include <optional>

namespace motcua::server {

class SessionCache
{
public:
    explicit SessionCache(qsizetype capacity = 4096);
    SessionCache(const SessionCache &) = delete;
    SessionCache &operator=(const SessionCache &) = delete;

    struct Entry
    {
        Session session;
        qint64 expiresAt = 0; // the token's expiry, as stored (toDbTime)
    };
    // The session kept for this token under this epoch, if any.
    std::optional<Entry> find(const QString &tokenHash, qint64 epoch) const;
    // Keeps a session read under `epoch` (read before the token): entries of an older epoch are
    // dropped; a session read under an epoch older than the newest one seen is not kept.
    void insert(const QString &tokenHash, qint64 epoch, Entry entry);

    struct Stats
    {
        qint64 entries = 0;
        qint64 hits = 0;
        qint64 misses = 0;
    };
    Stats stats() const;

private:
    const qsizetype m_capacity;
    mutable QReadWriteLock m_lock;
    QHash<QString, Entry> m_entries;
    qint64 m_epoch = -1;
    mutable std::atomic<qint64> m_hits{0};
    mutable std::atomic<qint64> m_misses{0};
};

} // namespace motcua::server
