// motcua-bench-client: the desktop client on a cache built by motcua-bench-cache — the counter
// officer's workspace counts (R20.1, target ≤ 100 ms on 1M dossiers) and the time from main() to a
// usable main window (target ≤ 1 s; the keychain and the login dialog excluded: the cache is opened
// with the benchmark's key). docs/PERFORMANCE.md records the figures.
// With --reports, also the reports section's statistics from the cache (issue 9, target ≤ 2 s):
// reading every dossier into ReportSource (once per session), then computing.
//   motcua-bench-client --dir DIR [--reports]    (DIR as given to motcua-bench-cache --dir)
#include <QApplication>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTest>

#include <labels.h>
#include <mainwindow.h>
#include <reports/reportsource.h>
#include <services/queues.h>
#include <services/receiptprinter.h>
#include <services/syncstatus.h>
#include <services/workstation.h>
#include <store/cache.h>

#include <cstdio>

using namespace motcua;

namespace {

const QByteArray kKey
    = QCryptographicHash::hash("motcua bench key, not a secret", QCryptographicHash::Sha256);

void line(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("dir"), QStringLiteral("Cache directory."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("reports"), QStringLiteral("Also the reports' statistics.")});
    parser.process(app);

    QElapsedTimer step;
    step.start();
    auto cache = store::Cache::open(parser.value(QStringLiteral("dir")), kKey,
                                    store::Cache::OpenMode::OpenExisting);
    if (!cache)
        qFatal("open: %s", qPrintable(cache.error().toString()));
    const qint64 openMs = step.elapsed();
    // A counter officer of the agency holding the newest dossier.
    store::SearchQuery newest;
    newest.limit = 1;
    auto first = cache.value()->search(newest);
    if (!first || first->items.isEmpty())
        qFatal("empty cache");
    domain::Officer officer;
    officer.id = QStringLiteral("bench-counter");
    officer.username = officer.id;
    officer.fullName = QStringLiteral("Cán bộ đo hiệu năng");
    officer.agencyCode = first->items.first().agencyCode;
    officer.roles = {domain::Role::Counter};
    services::Workstation ws(std::move(cache).value(), officer, nullptr);
    auto stats = ws.cache().stats();
    line(QStringLiteral("cache: %1 dossiers, cold open %2 ms")
             .arg(stats ? stats->dossiers : -1)
             .arg(openMs));

    // Workspace counts, one by one.
    qint64 total = 0;
    for (const auto &q :
         services::queuesFor(officer, services::Workstation::now(), ws.calendar())) {
        step.restart();
        auto n = services::countQueue(ws.cache(), q);
        const qint64 ms = step.elapsed();
        total += ms;
        line(QStringLiteral("  %1: %2 dossiers, %3 ms")
                 .arg(ui::Labels::queue(q.id))
                 .arg(n ? n.value() : -1)
                 .arg(ms));
    }
    line(QStringLiteral("workspace counts, queue by queue: %1 ms (target 100 ms)").arg(total));
    step.restart();
    auto onePass = services::countQueues(
        ws.cache(), services::queuesFor(officer, services::Workstation::now(), ws.calendar()));
    line(QStringLiteral("workspace counts, one pass: %1 ms (target 100 ms)%2")
             .arg(step.elapsed())
             .arg(onePass ? QString() : QStringLiteral(" — ") + onePass.error().message));

    // The main window, built and shown (it counts the workspace itself).
    step.restart();
    services::SyncStatus status(ws, nullptr);
    services::NoReceiptPrinter printer;
    ui::MainWindow window(ws, status, printer, nullptr);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("window not exposed");
    line(QStringLiteral("main window: %1 ms to build and show; %2 ms since main() (target 1000 ms)")
             .arg(step.elapsed())
             .arg(sinceMain.elapsed()));
    if (!parser.isSet(QStringLiteral("reports")))
        return 0;

    // The two narrow tables the report source reads, each alone.
    step.restart();
    qint64 rows = 0;
    for (qint64 after = 0;;) {
        auto page = ws.cache().dossierFacts(after, ui::ReportSource::kPageSize);
        if (!page)
            qFatal("facts: %s", qPrintable(page.error().message));
        rows += page->facts.size();
        after = page->next;
        if (!page->more)
            break;
    }
    line(QStringLiteral("reports: %1 dossier facts read in %2 ms").arg(rows).arg(step.elapsed()));
    step.restart();
    rows = 0;
    for (qint64 after = 0;;) {
        auto page = ws.cache().applicantFacts(after, ui::ReportSource::kPageSize);
        if (!page)
            qFatal("applicants: %s", qPrintable(page.error().message));
        rows += page->applicants.size();
        after = page->next;
        if (!page->more)
            break;
    }
    line(QStringLiteral("reports: %1 applicants read in %2 ms").arg(rows).arg(step.elapsed()));

    // The reports section: the report facts of every dossier read into the report source (pages
    // on the GUI thread, the event loop running between them), then statistics as the section
    // computes them.
    step.restart();
    ui::ReportSource source(ws);
    QEventLoop loop;
    QObject::connect(&source, &ui::ReportSource::loaded, &loop, &QEventLoop::quit);
    QObject::connect(&source, &ui::ReportSource::failed, &loop,
                     [&](const QString &m) { qFatal("report source: %s", qPrintable(m)); });
    source.reload();
    loop.exec();
    line(QStringLiteral("reports: %1 dossiers read from the cache in %2 ms (once per session)")
             .arg(source.facts().size())
             .arg(step.elapsed()));
    for (const QString &groupBy :
         {QString(), QStringLiteral("field,month"), QStringLiteral("level,quarter"),
          QStringLiteral("department,officer")}) {
        reports::StatisticsQuery q;
        q.from = QDate(services::Workstation::now().date().year() - 1, 1, 1);
        q.to = services::Workstation::now().date();
        q.groupBy = reports::parseDimensions(groupBy).value();
        step.restart();
        const auto s
            = reports::computeStatistics(source.facts(), q, source.procedures(), source.labels());
        line(QStringLiteral(
                 "reports: statistics by %1: %2 rows, %3 received, %4 ms (target 2000 ms)")
                 .arg(groupBy.isEmpty() ? QStringLiteral("nothing") : groupBy)
                 .arg(s.rows.size())
                 .arg(s.total.value(reports::Measure::Received))
                 .arg(step.elapsed()));
    }
    return 0;
}
