// Code blocks step of a round: keep leased numbers for today and the next working days.
#include "api_errors.h"
#include "code_blocks.h"
#include "logging.h"
#include "sync_engine.h"

namespace motcua::sync {

Q_LOGGING_CATEGORY(lcCodes, "motcua.sync.codes")

using domain::Result;

void SyncEngine::stepLease()
{
    const domain::Officer officer = m_api->session().officer;
    const bool mayLease
        = officer.hasRole(domain::Role::Counter) || officer.hasRole(domain::Role::Admin);
    if (!m_options.leaseCodes || !mayLease || officer.agencyCode.isEmpty()) {
        endRound();
        return;
    }
    const QDate today = domain::toVietnamTime(QDateTime::currentDateTimeUtc()).date();
    if (auto st = m_cache->dropCodeBlocksBefore(today); !st)
        qCWarning(lcCodes) << "cannot drop old code blocks:" << st.error().code;
    const domain::WorkCalendar &calendar = m_directory->calendar(officer.agencyCode);
    setPhase(Phase::Leasing);
    leaseNext(leaseDays(today, m_options.leaseWorkingDaysAhead, calendar));
}

void SyncEngine::leaseNext(QList<QDate> days)
{
    const QString agency = m_api->session().officer.agencyCode;
    while (!days.isEmpty()) {
        auto left = m_cache->codesLeft(agency, days.first());
        if (!left) {
            fail(QStringLiteral("lease"), left.error());
            return;
        }
        if (left.value() < m_options.leaseLowWater)
            break;
        days.removeFirst();
    }
    if (days.isEmpty()) {
        endRound();
        return;
    }
    const QDate day = days.takeFirst();
    auto *call = m_api->leaseCodes(day, m_options.leaseBlockSize);
    track(call);
    const quint64 generation = m_generation;
    whenDone(call, this, [this, generation, day, days](const Result<CodeLease> &r) {
        if (!current(generation))
            return;
        const QString item = QStringLiteral("lease:") + day.toString(Qt::ISODate);
        if (!r) {
            if (isTransient(r.error()) || isSessionError(r.error())) {
                fail(item, r.error());
                return;
            }
            // The server does not lease that day (yet: only today and tomorrow), or not to this
            // officer: try again next round, without holding the round up.
            qCInfo(lcCodes).noquote()
                << "no block for" << day.toString(Qt::ISODate) << ":" << r.error().code;
            leaseNext(days);
            return;
        }
        const CodeLease &lease = r.value();
        if (auto st = m_cache->addCodeBlock(lease.agencyCode, lease.date, lease.first, lease.last);
            !st) {
            fail(item, st.error());
            return;
        }
        qCInfo(lcCodes).noquote() << "leased" << lease.first << "–" << lease.last << "for"
                                  << lease.date.toString(Qt::ISODate);
        Q_EMIT codesLeased(lease.agencyCode, lease.date, lease.first, lease.last);
        leaseNext(days); // one block per day and round
    });
}

} // namespace motcua::sync
