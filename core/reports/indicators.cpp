#include "indicators.h"

#include <QTimeZone>

namespace motcua::reports {

Indicators computeIndicators(const QList<DossierFacts> &dossiers, const StatisticsQuery &query)
{
    // The same cohort and as-of instant as computeStatistics: its totals row gives received,
    // resolved, on time, early and online; the rest is read from the resolved and received ones.
    StatisticsQuery totals = query;
    totals.groupBy.clear();
    const Statistics s = computeStatistics(dossiers, totals, {});
    Indicators out;
    out.received = s.total.value(Measure::Received);
    out.resolved = s.total.value(Measure::Resolved);
    out.onTime = s.total.value(Measure::OnTime);
    out.early = s.total.value(Measure::Early);
    out.online = s.total.value(Measure::Online);

    const qint64 fromMs = s.query.from.startOfDay(QTimeZone(7 * 3600)).toMSecsSinceEpoch();
    const qint64 toMs = s.query.to.addDays(1).startOfDay(QTimeZone(7 * 3600)).toMSecsSinceEpoch();
    const qint64 asOfMs = s.asOf.toMSecsSinceEpoch();
    for (const DossierFacts &f : dossiers) {
        if (f.receivedMs == 0 || f.receivedMs < fromMs || f.receivedMs >= toMs)
            continue;
        if (f.digitised)
            ++out.digitised;
        if (f.completedMs != 0 && f.completedMs <= asOfMs) {
            out.processingMs += f.completedMs - f.receivedMs;
            if (f.electronicResult)
                ++out.electronicResult;
        }
    }
    return out;
}

} // namespace motcua::reports
