// motcuactl audit verify — check the per-agency hash chains of accepted actions (R08.1).
#include "server_db.h"

#include <admin_audit.h>
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
    parser.addOption(dbOption());
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"db"}))
        return kUsage;
    auto db = openServerDatabase(parser, io, QStringLiteral("audit verify"));
    if (!db)
        return kBadInput;
    auto report = auditReport(*db);
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

// The administration trail, newest first: one tab-separated line per change.
int trail(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the administration trail (accounts, catalogues, calendar, procedures, templates), "
        "newest first: seq, time (UTC), actor, agency, method, route, target, detail."));
    parser.addOption(dbOption());
    parser.addOption({QStringLiteral("agency"), QStringLiteral("Only this agency's admins."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("At most N lines (200)."),
                      QStringLiteral("N"), QStringLiteral("200")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"db"}))
        return kUsage;
    auto db = openServerDatabase(parser, io, QStringLiteral("audit log"));
    if (!db)
        return kBadInput;
    auto entries = adminAudit(*db, parser.value(QStringLiteral("agency")),
                              parser.value(QStringLiteral("limit")).toInt());
    if (!entries)
        return badInput(io, QStringLiteral("audit log"), entries.error().toString());
    for (const auto &e : entries.value()) {
        io.out << e.seq << '\t' << e.at.toString(Qt::ISODate) << '\t' << e.actorId << '\t'
               << e.agencyCode << '\t' << e.method << '\t' << e.route << '\t' << e.target << '\t'
               << e.detail << '\n';
    }
    return kOk;
}

} // namespace

int runAudit(const QStringList &args, Io &io)
{
    const QString usage
        = QStringLiteral("Usage: motcuactl audit verify|log --db URL\n"
                         "  verify   check every agency's chain of accepted actions\n"
                         "  log      list the administration trail\n");
    return dispatch(args, io, usage, {{"verify", verify}, {"log", trail}});
}

} // namespace motcua::cli
