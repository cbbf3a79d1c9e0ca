// motcuactl agency list — the agencies in the server's database.
#include "cliparser.h"

#include <QLoggingCategory>

#include <catalogue_store.h>
#include <migrations.h>

namespace motcua::cli {
namespace {

using namespace motcua::server;

int list(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print CODE<TAB>name for every agency, sorted by code."));
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("sqlite:PATH or postgresql://USER@HOST:PORT/DB."),
                      QStringLiteral("URL")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!parser.isSet(QStringLiteral("db"))) {
        io.err << "motcuactl agency list: --db is required.\n\n"
               << helpFor(parser, args.constFirst());
        return kUsage;
    }
    auto db = openCurrentDatabase(parser.value(QStringLiteral("db")));
    if (!db)
        return badInput(io, QStringLiteral("agency list"), db.error().toString());
    CatalogueStore catalogue(*db.value());
    auto agencies = catalogue.agencies();
    if (!agencies)
        return badInput(io, QStringLiteral("agency list"), agencies.error().toString());
    for (const auto &agency : agencies.value())
        io.out << agency.code << '\t' << agency.name << '\n';
    return kOk;
}

} // namespace

int runAgency(const QStringList &args, Io &io)
{
    // The command prints its own summary; the library's info lines would repeat it.
    QLoggingCategory::setFilterRules(QStringLiteral("motcua.server.*.info=false"));
    const QString usage
        = QStringLiteral("Usage: motcuactl agency list --db URL\n"
                         "  list   print CODE<TAB>name for every agency, sorted by code\n");
    if (args.size() < 2 || args.at(1) == QLatin1String("--help")
        || args.at(1) == QLatin1String("-h")) {
        (args.size() < 2 ? io.err : io.out) << usage;
        return args.size() < 2 ? kUsage : kOk;
    }
    const QString sub = args.at(1);
    QStringList rest = args.mid(1);
    rest[0] = args.at(0) + QLatin1Char(' ') + sub;
    if (sub == QLatin1String("list"))
        return list(rest, io);
    io.err << "motcuactl agency: unknown subcommand '" << sub << "'\n" << usage;
    return kUsage;
}

} // namespace motcua::cli
