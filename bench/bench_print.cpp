// The receipt PDF a counter officer waits for after saving an intake (issue 5: intake save +
// receipt PDF ≤ 150 ms): the first receipt of a session (font database and template loading),
// then the steady state, through the workstation's receipt printer (render + atomic write).
//   build/bench/motcua-bench-print [--iterations N]
#include "harness.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <domain/demo.h>
#include <domain/engine.h>
#include <services/pdfreceiptprinter.h>

#include <cstdio>

using namespace motcua;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("iterations"), QStringLiteral("Receipts to render."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.process(app);
    const qint64 iterations = qMax(1, parser.value(QStringLiteral("iterations")).toInt());

    const auto directory = domain::demo::directory();
    const auto dossier = domain::fold(domain::demo::exampleJourney(), directory);
    QTemporaryDir dir;
    if (!dossier || !dir.isValid())
        return 1;
    services::PdfReceiptPrinter printer(
        [&directory]() -> const domain::Directory & { return directory; },
        *directory.officer(QStringLiteral("counter1")), QStringLiteral("https://motcua.invalid"),
        dir.path());

    bench::Harness harness;
    bool ok = true;
    harness.run(QStringLiteral("receipt PDF, first of a session (2 copies)"), 1,
                [&](qint64) { ok = ok && printer.printReceipt(dossier.value()); });
    harness.run(QStringLiteral("receipt PDF render + write (2 copies)"), iterations, [&](qint64 n) {
        for (qint64 i = 0; i < n; ++i)
            ok = ok && printer.printReceipt(dossier.value());
    });
    QTextStream out(stdout);
    harness.print(out);
    return ok ? 0 : 1;
}
