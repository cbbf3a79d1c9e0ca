// motcuactl agency list — the agencies in the server's database.
#include "server_db.h"

#include <catalogue_store.h>

namespace motcua::cli {
namespace {

using namespace motcua::server;

int list(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print CODE<TAB>name for every agency, sorted by code."));
    parser.addOption(dbOption());
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"db"}))
        return kUsage;
    auto db = openServerDatabase(parser, io, QStringLiteral("agency list"));
    if (!db)
        return kBadInput;
    CatalogueStore catalogue(*db);
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
    const QString usage
        = QStringLiteral("Usage: motcuactl agency list --db URL\n"
                         "  list   print CODE<TAB>name for every agency, sorted by code\n");
    return dispatch(args, io, usage, {{"list", list}});
}

} // namespace motcua::cli
