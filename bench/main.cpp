// motcua-bench: prints the project's performance figures as one table.
// docs/PERFORMANCE.md records them with the machine and the date.
#include "benchmarks.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QThread>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    out << "machine: " << QSysInfo::prettyProductName() << ", "
        << QSysInfo::currentCpuArchitecture() << ", " << QThread::idealThreadCount()
        << " cores\n\n";
    motcua::bench::Harness harness;
    const QStringList only = app.arguments().mid(1);
    if (only.isEmpty() || only.contains(QStringLiteral("fold")))
        motcua::bench::benchFold(harness);
    if (only.isEmpty() || only.contains(QStringLiteral("calendar")))
        motcua::bench::benchCalendar(harness);
    if (only.contains(QStringLiteral("reports")))
        motcua::bench::benchReports(harness);
    if (only.contains(QStringLiteral("signing")))
        motcua::bench::benchSigning(harness);
    harness.print(out);
    return 0;
}
