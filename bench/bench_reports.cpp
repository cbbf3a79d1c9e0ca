// Statistics (R25) over a million dossiers held in memory, as the client computes them from its
// local cache and the server from its store once the rows are read.
#include "benchmarks.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <reports/statistics.h>

namespace motcua::bench {

namespace {

constexpr int kDossiers = 1'000'000;

struct Generated
{
    QList<reports::DossierFacts> facts;
    reports::ProcedureCatalogue procedures;
};

// A year of dossiers: 50 procedures in 10 fields, 20 agencies, 200 officers; about 80 % completed
// (12 % of those late), 5 % withdrawn, some waiting for a supplement.
Generated generate(Harness &harness)
{
    Generated g;
    QStringList procedureCodes, officers, agencies;
    for (int p = 0; p < 50; ++p) {
        const QString code = QStringLiteral("1.%1").arg(1000 + p, 6, 10, QLatin1Char('0'));
        procedureCodes.append(code);
        g.procedures.insert(code,
                            reports::ProcedureFacts{QStringLiteral("Thủ tục %1").arg(p),
                                                    QStringLiteral("LV%1").arg(p % 10),
                                                    QStringLiteral("Lĩnh vực %1").arg(p % 10),
                                                    domain::ProcedureLevel(p % 3)});
    }
    for (int a = 0; a < 20; ++a)
        agencies.append(QStringLiteral("000.%1.22.H56").arg(10 + a));
    for (int o = 0; o < 200; ++o)
        officers.append(QStringLiteral("officer%1").arg(o));

    QRandomGenerator rng(20261129);
    const QDateTime start(QDate(2026, 1, 1), QTime(7, 30), QTimeZone(7 * 3600));
    QList<domain::Dossier> dossiers; // built and reduced in blocks, to keep memory flat
    g.facts.reserve(kDossiers);
    qint64 reduceNs = 0;
    QElapsedTimer timer;
    for (int i = 0; i < kDossiers; ++i) {
        domain::Dossier d;
        d.receivedAt = start.addSecs(qint64(rng.bounded(330 * 24 * 3600)));
        d.dueAt = d.receivedAt.addDays(14);
        d.stage = domain::Stage::InAppraisal;
        const quint32 fate = rng.bounded(100);
        if (fate < 80) {
            d.completedAt = d.receivedAt.addDays(fate < 10 ? 16 : 1 + rng.bounded(13));
            d.stage = domain::Stage::ResultReturned;
        } else if (fate < 85) {
            d.stage = domain::Stage::Withdrawn;
            d.trail.append(domain::TrailEntry{
                {}, domain::ActionType::Withdraw, {}, d.receivedAt.addDays(2), d.stage, {}});
        } else if (fate < 90) {
            d.stage = domain::Stage::SupplementRequested;
            d.supplements.append(domain::SupplementRequest{
                d.receivedAt.addDays(1), {}, {}, {}, domain::Stage::InAppraisal, {}, {}});
        }
        d.channel
            = rng.bounded(3) == 0 ? domain::Channel::NationalPortal : domain::Channel::Counter;
        d.procedureCode = procedureCodes.at(int(rng.bounded(50)));
        d.handlingAgencyCode = agencies.at(int(rng.bounded(20)));
        d.departmentId = QStringLiteral("P%1").arg(rng.bounded(4));
        d.submittedBy = officers.at(int(rng.bounded(200)));
        dossiers.append(std::move(d));
        if (dossiers.size() == 10'000 || i == kDossiers - 1) {
            timer.start();
            for (const auto &one : std::as_const(dossiers))
                g.facts.append(reports::DossierFacts::of(one));
            reduceNs += timer.nsecsElapsed();
            dossiers.clear();
        }
    }
    harness.record({QStringLiteral("reports: reduce 1M dossiers to facts"), kDossiers, reduceNs,
                    QStringLiteral("DossierFacts::of")});
    return g;
}

} // namespace

void benchReports(Harness &harness)
{
    const Generated g = generate(harness);
    const auto statistics = [&](const QString &name, const QString &groupBy) {
        reports::StatisticsQuery q;
        q.from = QDate(2026, 1, 1);
        q.to = QDate(2026, 12, 31);
        q.asOf = QDateTime(QDate(2026, 11, 29), QTime(12, 0), QTimeZone(7 * 3600));
        q.groupBy = reports::parseDimensions(groupBy).value();
        QElapsedTimer timer;
        timer.start();
        const auto rows = reports::computeStatistics(g.facts, q, g.procedures).rows.size();
        harness.record({name, kDossiers, timer.nsecsElapsed(),
                        QStringLiteral("all measures, %1 rows").arg(rows)});
    };
    statistics(QStringLiteral("reports: statistics of 1M, totals only"), QString());
    statistics(QStringLiteral("reports: statistics of 1M by field, month"),
               QStringLiteral("field,month"));
    statistics(QStringLiteral("reports: statistics of 1M by agency, officer"),
               QStringLiteral("agency,officer"));
    statistics(QStringLiteral("reports: statistics of 1M by level, quarter"),
               QStringLiteral("level,quarter"));
}

} // namespace motcua::bench
