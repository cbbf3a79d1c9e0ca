// motcuactl: the command-line tool for admins and scripts, on the same domain core as the
// client and the server.
#include "command.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <array>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace motcua::cli;

namespace {

constexpr std::array kCommands{
    Command{"calendar", "Lunar dates, holidays and due dates of the work calendar", runCalendar},
    Command{"code", "Make and parse official dossier codes", runCode},
    Command{"cccd", "Parse the QR text of a chip citizen identity card (CCCD)", runCccd},
    Command{"dossier", "Dossier documents in the API's JSON format", runDossier},
    Command{"server", "Create or upgrade the server's database (optionally with demo data)",
            runServer},
    Command{"agency", "List the agencies in the server's database", runAgency},
    Command{"user", "Add, list and disable officers' accounts; set passwords", runUser},
    Command{"audit", "Verify the tamper-evident audit chain of accepted actions", runAudit},
    Command{"import", "Import procedures from the National Database's JSON export", runImport},
    Command{"cache", "Check the client's encrypted local cache; counts and sync state", runCache},
    Command{"sign", "Sign a file with the key on a USB token (PKCS#11)", runSign},
    Command{"verify", "Verify the signatures of a signed file", runVerify},
    Command{"print", "Render an official slip (receipt, supplement request…) to PDF", runPrint},
    Command{"report", "Processing statistics from the server as xlsx, docx, pptx, odt, pdf, csv",
            runReport},
};

void printUsage(QTextStream &stream)
{
    stream << "Usage: motcuactl <command> [options]\n\nCommands:\n";
    for (const auto &command : kCommands) {
        stream << "  " << QString::fromLatin1(command.name).leftJustified(10) << ' '
               << command.summary << '\n';
    }
    stream << "\nRun 'motcuactl <command> --help' for the options of a command.\n";
}

// `print` lays text out with fonts, which needs a QGuiApplication; it runs without a display on
// the offscreen platform unless the caller chose one. Every other command stays QtCore only.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    if (argc >= 2 && (std::strcmp(argv[1], "print") == 0 || std::strcmp(argv[1], "report") == 0)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QGuiApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const auto app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("motcuactl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOTCUA_VERSION));

    // The commands print their own summaries; the server library's info lines would repeat them.
    QLoggingCategory::setFilterRules(
        QStringLiteral("motcua.server.*.info=false\nmotcua.signing.*.info=false"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    Io io{out, err};

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        printUsage(err);
        return kUsage;
    }
    const QString word = args.at(1);
    if (word == QLatin1String("--help") || word == QLatin1String("-h")
        || word == QLatin1String("help")) {
        printUsage(out);
        return kOk;
    }
    if (word == QLatin1String("--version")) {
        out << "motcuactl " << QCoreApplication::applicationVersion() << '\n';
        return kOk;
    }
    for (const auto &command : kCommands) {
        if (word == QLatin1String(command.name)) {
            // The subcommand sees "motcuactl <command>" as its program name.
            args.removeAt(1);
            args[0] = QStringLiteral("motcuactl ") + word;
            return command.run(args, io);
        }
    }
    err << "motcuactl: unknown command '" << word << "'\n\n";
    printUsage(err);
    return kUsage;
}
