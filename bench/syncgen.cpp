// motcua-bench-syncgen: fills a server database for the initial-sync benchmark (bench_sync.cpp)
// through the server's own storage layer — every action judged by the domain engine, the feed and
// the audit chain written as a push would write them — N dossiers of 10 actions each, interleaved
// like a working office (a window of open dossiers advancing together), committed in large
// transactions. A separate program from the client benchmark: QtSql's SQLite must never share a
// process with the client's static SQLCipher.
//   motcua-bench-syncgen --db sqlite:PATH --dossiers 100000
#include "catalogue_store.h"
#include "database.h"
#include "demo_seed.h"
#include "migrations.h"
#include "sync_store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTimeZone>

#include <domain/demo.h>
#include <domain/dossiercode.h>

#include <cstdio>

using namespace motcua;

namespace {

constexpr int kWindow = 2000;   // dossiers in progress at once
constexpr int kPerDossier = 10; // actions per dossier
constexpr int kCommitEvery = 20000;

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "syncgen: %s\n", qPrintable(message));
    std::exit(1);
}

// The k-th action (0..9) of dossier n: the demo journey with a supplement round after intake.
domain::Action step(qint64 n, int k, const QList<domain::Action> &journey)
{
    static const QUuid ns(QStringLiteral("{6b0d2f0e-54a4-4b59-9a5e-0f6d8a1b2c3d}"));
    domain::Action a;
    const QByteArray key = QByteArray::number(n);
    const QDate day = QDate(2026, 1, 5).addDays(n / 5000);
    const QDateTime at(day, QTime(8, 0).addSecs(int(n % 5000) * 5 + k * 60), QTimeZone(7 * 3600));
    switch (k) {
    case 0: {
        a = journey.at(0);
        a.payload.insert(QStringLiteral("code"),
                         domain::DossierCodePattern::standard()
                             .make({domain::demo::kCentreCode, day, int(n % 5000) + 1})
                             .value());
        a.payload.insert(QStringLiteral("publicToken"), QStringLiteral("t%1").arg(n));
        break;
    }
    case 1:
        a = journey.at(0);
        a.type = domain::ActionType::RequestSupplement;
        a.payload = {{QStringLiteral("reason"), QStringLiteral("Thiếu bản sao sổ hộ khẩu")},
                     {QStringLiteral("content"), QStringLiteral("Bổ sung bản sao có chứng thực")}};
        break;
    case 2:
        a = journey.at(0);
        a.type = domain::ActionType::RecordSupplement;
        a.payload = {};
        break;
    default:
        a = journey.at(k - 2); // transfer … return-result
        break;
    }
    a.id = QUuid::createUuidV5(ns, key + '/' + QByteArray::number(k));
    a.dossierId = QUuid::createUuidV5(ns, key);
    a.deviceId = QStringLiteral("bench-") + a.actorId;
    a.deviceSeq = n * kPerDossier + k + 1;
    a.deviceTime = at;
    a.baseVersion = k;
    return a;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("db"), QStringLiteral("database URL"), QStringLiteral("url")},
         {QStringLiteral("dossiers"), QStringLiteral("count"), QStringLiteral("n"),
          QStringLiteral("100000")},
         {QStringLiteral("password"), QStringLiteral("demo password"), QStringLiteral("pw"),
          QStringLiteral("Demo-Passw0rd-2026")}});
    parser.process(app);
    auto url = server::DbUrl::parse(parser.value(QStringLiteral("db")));
    if (!url)
        die(url.error().message);
    server::Database db(url.value());
    if (auto st = db.open(); !st)
        die(st.error().message);
    if (auto v = server::migrate(db); !v)
        die(v.error().message);
    server::CatalogueStore catalogue(db);
    if (auto seeded = server::seedDemo(catalogue, parser.value(QStringLiteral("password")));
        !seeded)
        die(seeded.error().message);
    server::DbDirectory directory(catalogue);
    server::SyncStore sync(db, directory);

    const qint64 dossiers = parser.value(QStringLiteral("dossiers")).toLongLong();
    const QList<domain::Action> journey = domain::demo::exampleJourney();
    QHash<QString, domain::Officer> officers;
    for (const auto &a : journey)
        officers.insert(a.actorId, *catalogue.officer(a.actorId).value());

    // A window of open dossiers; each pass gives every open dossier its next action.
    QElapsedTimer timer;
    timer.start();
    qint64 next = 0;
    qint64 written = 0;
    QList<QPair<qint64, int>> open; // dossier, next step
    while (next < dossiers || !open.isEmpty()) {
        auto st = db.transaction([&](QSqlDatabase &) -> domain::Check {
            for (qint64 inThis = 0;
                 inThis < kCommitEvery && (next < dossiers || !open.isEmpty());) {
                while (open.size() < kWindow && next < dossiers)
                    open.append({next++, 0});
                for (qsizetype i = 0; i < open.size() && inThis < kCommitEvery; ++inThis) {
                    auto &[n, k] = open[i];
                    const domain::Action a = step(n, k, journey);
                    const server::PushOutcome o = sync.pushOne(a, officers.value(a.actorId));
                    if (o.status != server::PushOutcome::Status::Accepted)
                        return domain::makeError(o.reasonCode, o.message, o.field);
                    ++written;
                    if (++k == kPerDossier)
                        open.removeAt(i);
                    else
                        ++i;
                }
            }
            return {};
        });
        if (!st)
            die(st.error().code + QStringLiteral(": ") + st.error().message + QLatin1Char(' ')
                + st.error().field);
        std::fprintf(stderr, "\rsyncgen: %lld actions, %.0f/s", written,
                     double(written) * 1000.0 / double(qMax<qint64>(1, timer.elapsed())));
    }
    std::fprintf(stderr, "\nsyncgen: %lld dossiers, %lld actions in %.1f s\n", dossiers, written,
                 double(timer.elapsed()) / 1000.0);
    return 0;
}
