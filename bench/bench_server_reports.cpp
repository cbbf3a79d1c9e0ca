// Statistics over a million stored dossiers on the server (issue 9: ≤ 1 s on PostgreSQL): the
// dossiers are written as the sync feed stores them (one JSON row each, updated_seq from the feed),
// then the reports route's path is timed — ReportFactsIndex reading them (the first request after a
// start, or the warm-up at listen), later requests (the index up to date: only the statistics),
// and a request after 1,000 dossiers changed (the index reads those rows only).
//
//   scripts/with-postgres build/bench/motcua-bench-server-reports [--dossiers N] [--db URL]
// Without --db it uses MOTCUA_TEST_PG_URL (scripts/with-postgres sets it) and fills that database.
#include "harness.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimeZone>

#include <database.h>
#include <domain/json.h>
#include <domain/status.h>
#include <migrations.h>
#include <report_facts.h>
#include <reports/statistics.h>

using namespace motcua;
using namespace motcua::server;

namespace {

const QString kAgency = QStringLiteral("000.18.22.H56");

domain::Dossier dossier(QRandomGenerator &rng, int i, const QStringList &procedures,
                        const QStringList &officers)
{
    static const QDateTime start(QDate(2026, 1, 1), QTime(7, 30), QTimeZone(7 * 3600));
    domain::Dossier d;
    d.id = QUuid::createUuid();
    d.code = QStringLiteral("%1-2601%2").arg(kAgency).arg(i, 8, 10, QLatin1Char('0'));
    d.receivedAt = start.addSecs(qint64(rng.bounded(330 * 24 * 3600)));
    d.dueAt = d.receivedAt.addDays(14);
    d.stage = domain::Stage::InAppraisal;
    const quint32 fate = rng.bounded(100);
    if (fate < 80) {
        d.completedAt = d.receivedAt.addDays(fate < 10 ? 16 : 1 + rng.bounded(13));
        d.stage = domain::Stage::ResultReturned;
    } else if (fate < 85) {
        d.stage = domain::Stage::Withdrawn;
    }
    d.channel = rng.bounded(3) == 0 ? domain::Channel::NationalPortal : domain::Channel::Counter;
    d.procedureCode = procedures.at(int(rng.bounded(quint32(procedures.size()))));
    d.agencyCode = kAgency;
    d.handlingAgencyCode = kAgency;
    d.departmentId = QStringLiteral("P%1").arg(rng.bounded(4));
    d.submittedBy = officers.at(int(rng.bounded(quint32(officers.size()))));
    d.version = 1;
    return d;
}

Check writeDossiers(Database &db, int count, qint64 firstSeq, QRandomGenerator &rng,
                    const QStringList &procedures, const QStringList &officers, QList<QUuid> *ids)
{
    constexpr int kBatch = 5000;
    for (int done = 0; done < count; done += kBatch) {
        auto st = db.transaction([&](QSqlDatabase &c) -> Check {
            for (int i = done; i < std::min(count, done + kBatch); ++i) {
                const domain::Dossier d = dossier(rng, i, procedures, officers);
                Sql q(c,
                      QStringLiteral("INSERT INTO dossiers (id, code, agency_code, "
                                     "handling_agency_code, stage, version, json, updated_seq) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
                q.bind(d.id.toString(QUuid::WithoutBraces))
                    .bind(d.code)
                    .bind(d.agencyCode)
                    .bind(d.handlingAgencyCode)
                    .bind(domain::stageKey(d.stage))
                    .bind(d.version)
                    .bind(QString::fromUtf8(
                        QJsonDocument(domain::toJson(d)).toJson(QJsonDocument::Compact)))
                    .bind(firstSeq + i);
                if (auto e = q.exec(); !e)
                    return e;
                if (ids)
                    ids->append(d.id);
            }
            return {};
        });
        if (!st)
            return st;
    }
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("dossiers"), QStringLiteral("How many (default 1000000)."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Database URL."), QStringLiteral("URL")});
    parser.process(app);
    QTextStream out(stdout);
    const int count = parser.value(QStringLiteral("dossiers")).toInt();
    const QString url = parser.isSet(QStringLiteral("db"))
        ? parser.value(QStringLiteral("db"))
        : qEnvironmentVariable("MOTCUA_TEST_PG_URL");
    auto parsed = DbUrl::parse(url);
    if (url.isEmpty() || !parsed) {
        out << "give --db URL, or run under scripts/with-postgres\n";
        return 2;
    }
    Database db(parsed.value());
    if (auto st = db.open(); !st) {
        out << st.error().toString() << '\n';
        return 1;
    }
    if (auto v = migrate(db); !v) {
        out << v.error().toString() << '\n';
        return 1;
    }

    QStringList procedures, officers;
    reports::ProcedureCatalogue catalogue;
    for (int p = 0; p < 50; ++p) {
        const QString code = QStringLiteral("1.%1").arg(1000 + p, 6, 10, QLatin1Char('0'));
        procedures.append(code);
        catalogue.insert(code,
                         reports::ProcedureFacts{QStringLiteral("Thủ tục %1").arg(p),
                                                 QStringLiteral("LV%1").arg(p % 10),
                                                 QStringLiteral("Lĩnh vực %1").arg(p % 10),
                                                 domain::ProcedureLevel(p % 3)});
    }
    for (int o = 0; o < 200; ++o)
        officers.append(QStringLiteral("officer%1").arg(o));

    bench::Harness harness;
    QRandomGenerator rng(20261129);
    harness.run(QStringLiteral("server reports: store dossiers"), count, [&](qint64) {
        if (auto st = writeDossiers(db, count, 1, rng, procedures, officers, nullptr); !st)
            qFatal("%s", qPrintable(st.error().toString()));
    });

    ReportFactsIndex index;
    harness.run(QStringLiteral("server reports: index read (first request)"), count, [&](qint64) {
        if (auto read = index.catchUp(db); !read || read.value() != count)
            qFatal("index read failed");
    });

    reports::StatisticsQuery q;
    q.from = QDate(2026, 1, 1);
    q.to = QDate(2026, 12, 31);
    q.asOf = QDateTime(QDate(2026, 11, 29), QTime(12, 0), QTimeZone(7 * 3600));
    const auto request = [&](const QString &name, const QString &groupBy) {
        q.groupBy = reports::parseDimensions(groupBy).value();
        q.filter.agencies = {kAgency};
        QElapsedTimer timer;
        timer.start();
        auto s = index.statistics(db, q, catalogue);
        if (!s || s->total.value(reports::Measure::Received) != count)
            qFatal("facts missing");
        const auto rows = s->rows.size();
        harness.record(
            {name, count, timer.nsecsElapsed(),
             QStringLiteral("index brought up to date + statistics, %1 rows").arg(rows)});
    };
    request(QStringLiteral("server reports: request, totals"), QString());
    request(QStringLiteral("server reports: request, by field, month"),
            QStringLiteral("field,month"));
    request(QStringLiteral("server reports: request, by level, quarter"),
            QStringLiteral("level,quarter"));
    request(QStringLiteral("server reports: request, by department, officer"),
            QStringLiteral("department,officer"));

    // 1,000 dossiers change (written again with later feed numbers): the next request reads them.
    auto changed = db.transaction([&](QSqlDatabase &c) -> Check {
        Sql q2(c,
               QStringLiteral("UPDATE dossiers SET updated_seq = updated_seq + ? WHERE "
                              "updated_seq <= 1000"));
        q2.bind(qint64(count));
        return q2.exec();
    });
    if (!changed)
        qFatal("%s", qPrintable(changed.error().toString()));
    request(QStringLiteral("server reports: request after 1,000 changes"),
            QStringLiteral("field,month"));

    out << "dossiers: " << count << " on " << db.url().toDisplayString() << '\n';
    harness.print(out);
    return 0;
}
