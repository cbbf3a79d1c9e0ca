// motcua-bench-cache: the client cache at scale — build (or reuse) a cache of N dossiers through
// the pull path, then measure its cold open and the search latency (p50/p95/p99) over a realistic
// query mix, and the process's memory. docs/PERFORMANCE.md records the figures.
//   motcua-bench-cache [--dossiers N] [--dir DIR] [--queries Q]
#include "cachegen.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <domain/directory.h>
#include <store/cache.h>
#include <unistd.h>

#include <algorithm>

using namespace motcua;

namespace {

QTextStream out(stdout);

qint64 rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

bool dropPageCache()
{
    ::sync();
    QFile f(QStringLiteral("/proc/sys/vm/drop_caches"));
    return f.open(QIODevice::WriteOnly) && f.write("3\n") == 2;
}

const QByteArray kKey
    = QCryptographicHash::hash("motcua bench key, not a secret", QCryptographicHash::Sha256);

void build(const QString &dir, qint64 total)
{
    QDir(dir).removeRecursively();
    auto cache = store::Cache::open(dir, kKey);
    if (!cache)
        qFatal("open: %s", qPrintable(cache.error().toString()));
    const domain::InMemoryDirectory directory;
    bench::CacheGenerator gen;
    QElapsedTimer timer;
    timer.start();
    constexpr int kBatch = 2000;
    for (qint64 n = 0; n < total; n += kBatch) {
        QList<store::PulledChange> changes;
        for (qint64 i = n; i < qMin(total, n + kBatch); ++i) {
            auto g = gen.make(i, total);
            changes.append({i + 1, g.action, g.dossier});
        }
        if (auto st = cache.value()->applyChanges(changes, changes.last().seq, directory); !st)
            qFatal("apply: %s", qPrintable(st.error().toString()));
        if ((n / kBatch) % 50 == 0)
            out << "  built " << n + changes.size() << " dossiers, " << timer.elapsed() / 1000
                << " s\n"
                << Qt::flush;
    }
    if (auto st = cache.value()->optimize(); !st)
        qFatal("optimize: %s", qPrintable(st.error().toString()));
    out << "built " << total << " dossiers in " << timer.elapsed() / 1000 << " s\n";
}

struct Percentiles
{
    double p50, p95, p99, max;
};

Percentiles percentiles(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms.at(qMin(ms.size() - 1, qsizetype(q * ms.size()))); };
    return {at(0.50), at(0.95), at(0.99), ms.last()};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("dossiers"), QStringLiteral("Dossiers in the cache."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Profile directory (kept for reuse)."),
                      QStringLiteral("DIR"),
                      QDir::temp().filePath(QStringLiteral("motcua-bench-cache"))});
    parser.addOption({QStringLiteral("queries"), QStringLiteral("Queries per kind."),
                      QStringLiteral("Q"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("slow"),
                      QStringLiteral("Print each query slower than MS milliseconds."),
                      QStringLiteral("MS"), QStringLiteral("0")});
    parser.process(app);
    const double slowMs = parser.value(QStringLiteral("slow")).toDouble();
    const qint64 total = parser.value(QStringLiteral("dossiers")).toLongLong();
    const QString dir = QDir(parser.value(QStringLiteral("dir"))).filePath(QString::number(total));
    const int perKind = parser.value(QStringLiteral("queries")).toInt();

    out << "machine: " << QSysInfo::prettyProductName() << ", "
        << QSysInfo::currentCpuArchitecture() << ", " << QThread::idealThreadCount() << " cores\n";
    {
        auto existing = store::Cache::open(dir, kKey, store::Cache::OpenMode::OpenExisting);
        if (!existing || existing.value()->stats().value().dossiers != total) {
            existing = domain::makeError({}, {});
            build(dir, total);
        }
    }
    out << "cache file: "
        << QFileInfo(QDir(dir).filePath(QStringLiteral("cache.db"))).size() / (1024 * 1024)
        << " MiB\n";

    // Cold open: a new connection, the OS page cache dropped when allowed; open + first list page.
    QList<double> opens;
    const bool dropped = dropPageCache();
    for (int i = 0; i < 5; ++i) {
        if (dropped)
            dropPageCache();
        QElapsedTimer t;
        t.start();
        auto cache = store::Cache::open(dir, kKey, store::Cache::OpenMode::OpenExisting);
        if (!cache)
            qFatal("open: %s", qPrintable(cache.error().toString()));
        auto page = cache.value()->search(store::SearchQuery{});
        if (!page || page.value().items.size() != 50)
            qFatal("first page failed");
        opens.append(double(t.nsecsElapsed()) / 1e6);
    }
    const auto open = percentiles(opens);
    out << QStringLiteral("cold open + first page of 50 (%1): median %2 ms, max %3 ms\n")
               .arg(dropped ? QStringLiteral("page cache dropped")
                            : QStringLiteral("page cache warm"))
               .arg(open.p50, 0, 'f', 1)
               .arg(open.max, 0, 'f', 1);

    auto cache = store::Cache::open(dir, kKey, store::Cache::OpenMode::OpenExisting);
    bench::CacheGenerator gen(7);
    bench::CacheGenerator replay; // the same sequence as the build: names and codes that exist
    struct Kind
    {
        QString name;
        std::function<store::SearchQuery()> make;
    };
    const QList<Kind> kinds{
        {QStringLiteral("full name"),
         [&] {
             return store::SearchQuery::forText(
                 replay.make(gen.random().bounded(total), total).dossier.applicant.fullName);
         }},
        {QStringLiteral("family + given name"),
         [&] {
             return store::SearchQuery::forText(gen.familyName() + QLatin1Char(' ')
                                                + gen.givenName());
         }},
        {QStringLiteral("dossier code"),
         [&] {
             return store::SearchQuery::forText(
                 replay.make(gen.random().bounded(total), total).dossier.code);
         }},
        {QStringLiteral("personal id"),
         [&] {
             return store::SearchQuery::forText(
                 replay.make(gen.random().bounded(total), total).dossier.applicant.personalId);
         }},
        {QStringLiteral("typing a name (prefix)"),
         [&] {
             return store::SearchQuery::forText(gen.familyName() + QStringLiteral(" van ")
                                                + gen.givenName().left(2));
         }},
        {QStringLiteral("procedure words + status"),
         [&] {
             auto q = store::SearchQuery::forText(gen.procedureKeyword());
             q.statuses = {domain::Status::InProgress};
             return q;
         }},
        {QStringLiteral("filters: status + procedure + month"),
         [&] {
             store::SearchQuery q;
             q.statuses = {domain::Status::Done};
             q.procedureCodes = {gen.procedureCodes().at(gen.random().bounded(12))};
             q.receivedFrom = QDate(2025, 1 + gen.random().bounded(12), 1);
             q.receivedTo = q.receivedFrom.addMonths(1).addDays(-1);
             return q;
         }},
    };
    QList<double> all;
    for (const Kind &kind : kinds) {
        QList<double> ms;
        qint64 hits = 0;
        for (int i = 0; i < perKind; ++i) {
            const store::SearchQuery q = kind.make();
            QElapsedTimer t;
            t.start();
            auto page = cache.value()->search(q);
            ms.append(double(t.nsecsElapsed()) / 1e6);
            if (!page)
                qFatal("search: %s", qPrintable(page.error().toString()));
            if (slowMs > 0 && ms.last() > slowMs)
                out << QStringLiteral("  slow: %1 ms, %2 hits: \"%3\"\n")
                           .arg(ms.last(), 0, 'f', 1)
                           .arg(page.value().items.size())
                           .arg(q.text);
            hits += page.value().items.size();
        }
        all += ms;
        const auto p = percentiles(ms);
        out << QStringLiteral("search %1: p50 %2 ms, p95 %3 ms, max %4 ms (%5 hits/query)\n")
                   .arg(kind.name, -36)
                   .arg(p.p50, 6, 'f', 2)
                   .arg(p.p95, 6, 'f', 2)
                   .arg(p.max, 6, 'f', 2)
                   .arg(double(hits) / perKind, 0, 'f', 1);
    }
    const auto p = percentiles(all);
    out << QStringLiteral("search, all %1 queries: p50 %2 ms, p95 %3 ms, p99 %4 ms, max %5 ms\n")
               .arg(all.size())
               .arg(p.p50, 0, 'f', 2)
               .arg(p.p95, 0, 'f', 2)
               .arg(p.p99, 0, 'f', 2)
               .arg(p.max, 0, 'f', 2);
    out << "RSS: " << rssKiB() / 1024 << " MiB\n";
    return 0;
}
