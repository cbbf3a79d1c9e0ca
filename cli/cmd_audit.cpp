// motcuactl audit verify — check the per-agency hash chains of accepted actions (R08.1).
#include "cliparser.h"

#include <QLoggingCategory>

#include <migrations.h>
#include <sync_store.h>

namespace motcua::cli {
namespace {

using namespace motcua::server;

int verify(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Verify the audit chain of every agency. Exit status 0 when intact, 1 with "
                       "the first modified, deleted or reordered record."));
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("sqlite:PATH or postgresql://USER@HOST:PORT/DB."),
                      QStringLiteral("URL")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!parser.isSet(QStringLiteral("db"))) {
        io.err << "motcuactl audit verify: --db is required.\n\n"
               << helpFor(parser, args.constFirst());
        return kUsage;
    }
    auto db = openCurrentDatabase(parser.value(QStringLiteral("db")));
    if (!db)
        return badInput(io, QStringLiteral("audit verify"), db.error().toString());
    auto report = auditReport(*db.value());
    if (!report)
        return badInput(io, QStringLiteral("audit verify"), report.error().toString());
    if (const auto &finding = report.value().finding) {
        io.out << "audit chain broken: agency " << finding->agencyCode << ", seq " << finding->seq
               << ", " << finding->problem << ": " << finding->message << '\n';
        return kBadInput;
    }
    io.out << "audit chain intact: " << report.value().actions << " actions in "
           << report.value().agencies << " agencies\n";
    return kOk;
}

} // namespace

int runAudit(const QStringList &args, Io &io)
{
    // The command prints its own summary; the library's info lines would repeat it.
    QLoggingCategory::setFilterRules(QStringLiteral("motcua.server.*.info=false"));
    const QString usage
        = QStringLiteral("Usage: motcuactl audit verify --db URL\n"
                         "  verify   check every agency's chain of accepted actions\n");
    if (args.size() < 2 || args.at(1) == QLatin1String("--help")
        || args.at(1) == QLatin1String("-h")) {
        (args.size() < 2 ? io.err : io.out) << usage;
        return args.size() < 2 ? kUsage : kOk;
    }
    const QString sub = args.at(1);
    QStringList rest = args.mid(1);
    rest[0] = args.at(0) + QLatin1Char(' ') + sub;
    if (sub == QLatin1String("verify"))
        return verify(rest, io);
    io.err << "motcuactl audit: unknown subcommand '" << sub << "'\n" << usage;
    return kUsage;
}

} // namespace motcua::cli
