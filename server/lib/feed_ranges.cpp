#include "feed_ranges.h"

#include <algorithm>

namespace motcua::server {

FeedRanges::FeedRanges(qint64 capacitySeqs)
    : m_capacity(std::max<qint64>(capacitySeqs, 0))
{}

void FeedRanges::setCapacity(qint64 seqs)
{
    seqs = std::max<qint64>(seqs, 0);
    QWriteLocker lock(&m_lock);
    m_capacity = seqs;
    evictTo(seqs);
}

qint64 FeedRanges::capacity() const
{
    return m_capacity;
}

bool FeedRanges::find(const QString &agency, qint64 after, qsizetype count,
                      QList<qint64> &out) const
{
    out.clear();
    {
        QReadLocker lock(&m_lock);
        const auto a = m_agencies.constFind(agency);
        if (a != m_agencies.cend() && count > 0) {
            // The range whose (start, end] holds the next number after `after`: ranges never
            // touch (insert merges them), so one range answers or none does.
            auto it = a->upper_bound(after);
            if (it != a->begin()) {
                --it;
                const Range &r = it->second;
                if (after < r.end) {
                    const auto from = std::upper_bound(r.seqs.cbegin(), r.seqs.cend(), after);
                    if (r.seqs.cend() - from >= count) {
                        out = QList<qint64>(from, from + count);
                        ++m_hits;
                        return true;
                    }
                }
            }
        }
    }
    ++m_misses;
    return false;
}

void FeedRanges::insert(const QString &agency, qint64 after, qint64 end, const QList<qint64> &seqs)
{
    if (end <= after || m_capacity == 0)
        return;
    for (qsizetype i = 0; i < seqs.size(); ++i) {
        if (seqs.at(i) <= (i == 0 ? after : seqs.at(i - 1)) || seqs.at(i) > end)
            return;
    }
    QWriteLocker lock(&m_lock);
    Ranges &ranges = m_agencies[agency];
    // The ranges that overlap or touch (after, end], in order.
    std::vector<Ranges::iterator> touched;
    auto it = ranges.upper_bound(after);
    if (it != ranges.begin() && std::prev(it)->second.end >= after)
        --it;
    for (; it != ranges.end() && it->first <= end; ++it)
        touched.push_back(it);
    // They become one range, grown from the largest of them (a device in step with the feed
    // extends the agency's range at its end: its few new numbers are appended). What lies
    // inside that range is known already; what lies outside it comes from the others and from
    // `seqs`.
    std::vector<qint64> grown;
    qint64 start = after;
    qint64 last = end;
    qint64 baseStart = 0;
    qint64 baseEnd = 0;
    std::vector<qint64> *base = nullptr;
    qint64 removed = 0;
    for (const auto &r : touched) {
        removed += qint64(r->second.seqs.size());
        start = std::min(start, r->first);
        last = std::max(last, r->second.end);
        if (!base || r->second.seqs.size() > base->size()) {
            base = &r->second.seqs;
            baseStart = r->first;
            baseEnd = r->second.end;
        }
    }
    if (base)
        grown.swap(*base);
    std::vector<qint64> below; // outside the base range, ascending
    std::vector<qint64> above;
    const auto sortOut = [&](auto from, auto to) {
        for (; from != to; ++from) {
            if (!base || *from <= baseStart)
                below.push_back(*from);
            else if (*from > baseEnd)
                above.push_back(*from);
        }
    };
    for (const auto &r : touched) {
        if (&r->second.seqs != base)
            sortOut(r->second.seqs.cbegin(), r->second.seqs.cend());
    }
    sortOut(seqs.cbegin(), seqs.cend());
    const auto ascendingUnique = [](std::vector<qint64> &v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    ascendingUnique(below);
    ascendingUnique(above);
    if (!below.empty())
        grown.insert(grown.begin(), below.cbegin(), below.cend());
    grown.insert(grown.end(), above.cbegin(), above.cend());
    for (const auto &r : touched)
        ranges.erase(r);
    m_ranges += 1 - qint64(touched.size());
    m_seqs += qint64(grown.size()) - removed;
    ranges.emplace(start, Range{last, std::move(grown)});
    evictTo(m_capacity);
}

void FeedRanges::evictTo(qint64 capacity)
{
    // The oldest numbers leave first: those of the range that starts lowest, over all agencies.
    // A range is cut from its start (what remains is still exactly known), with an eighth of
    // the capacity to spare so that cutting is not paid again at the next insert; an agency's
    // range that grows at the feed's end thus keeps its recent part.
    while (m_seqs > capacity && m_ranges > 0) {
        Ranges *owner = nullptr;
        Ranges::iterator lowest;
        for (auto a = m_agencies.begin(); a != m_agencies.end(); ++a) {
            if (!a->empty() && (!owner || a->begin()->first < lowest->first)) {
                owner = &a.value();
                lowest = a->begin();
            }
        }
        if (!owner)
            break;
        std::vector<qint64> &seqs = lowest->second.seqs;
        const qint64 cut = m_seqs - capacity + capacity / 8;
        if (cut >= qint64(seqs.size())) {
            m_seqs -= qint64(seqs.size());
            --m_ranges;
            owner->erase(lowest);
            continue;
        }
        const qint64 start = seqs.at(size_t(cut - 1)); // the last number cut
        seqs.erase(seqs.begin(), seqs.begin() + cut);
        m_seqs -= cut;
        Range kept = std::move(lowest->second);
        owner->erase(lowest);
        owner->emplace(start, std::move(kept));
    }
}

FeedRanges::Stats FeedRanges::stats() const
{
    QReadLocker lock(&m_lock);
    return Stats{m_ranges, m_seqs, m_hits, m_misses, m_capacity};
}

} // namespace motcua::server
