#pragma once

// The leader's service indicators that the dossiers themselves tell (R23.6, R27.2): share resolved
// early or on time, average processing time, share digitised, share with an electronic result,
// share received online. Same cohort as the statistics (received in the period, judged at the
// as-of instant). Definitions: docs/statistics.md, "Leader's indicators".
#include "statistics.h"

#include <optional>

namespace motcua::reports {

struct Indicators
{
    qint64 received = 0;
    qint64 resolved = 0;
    qint64 onTime = 0;           // resolved on time, early included
    qint64 early = 0;            // resolved before the due day
    qint64 online = 0;           // received through the national portal
    qint64 digitised = 0;        // received with every component digitised
    qint64 electronicResult = 0; // resolved with a result document on file
    qint64 processingMs = 0;     // sum over the resolved of (completed − received)

    // Shares in percent; nullopt when the denominator is zero (shown as "—").
    [[nodiscard]] std::optional<double> onTimeShare() const { return share(onTime, resolved); }
    [[nodiscard]] std::optional<double> earlyShare() const { return share(early, resolved); }
    [[nodiscard]] std::optional<double> onlineShare() const { return share(online, received); }
    [[nodiscard]] std::optional<double> digitisedShare() const
    {
        return share(digitised, received);
    }
    [[nodiscard]] std::optional<double> electronicResultShare() const
    {
        return share(electronicResult, resolved);
    }
    // Calendar days, from the received instant to the completion instant (R18.2).
    [[nodiscard]] std::optional<double> averageProcessingDays() const
    {
        if (resolved == 0)
            return std::nullopt;
        return double(processingMs) / double(resolved) / (24.0 * 3600 * 1000);
    }

private:
    static std::optional<double> share(qint64 part, qint64 whole)
    {
        if (whole == 0)
            return std::nullopt;
        return 100.0 * double(part) / double(whole);
    }
};

Indicators computeIndicators(const QList<DossierFacts> &dossiers, const StatisticsQuery &query);

} // namespace motcua::reports
