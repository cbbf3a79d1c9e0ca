#include "server_db.h"

#include <admin_audit.h>
#include <migrations.h>

namespace motcua::cli {

QCommandLineOption dbOption()
{
    return {
        QStringLiteral("db"),
        QStringLiteral(
            "sqlite:PATH or postgresql://USER@HOST:PORT/DB (password from MOTCUA_DB_PASSWORD)."),
        QStringLiteral("URL")};
}

std::unique_ptr<server::Database> openServerDatabase(const QCommandLineParser &parser, Io &io,
                                                     const QString &words)
{
    auto db = server::openCurrentDatabase(parser.value(QStringLiteral("db")));
    if (!db) {
        badInput(io, words, db.error().toString());
        return nullptr;
    }
    return std::move(db).value();
}

void recordCliChange(server::Database &db, Io &io, const QString &words, const QString &target,
                     const QString &detail)
{
    server::AdminAuditEntry entry;
    entry.actorId = QStringLiteral("motcuactl");
    entry.method = QStringLiteral("CLI");
    entry.route = QStringLiteral("motcuactl ") + words;
    entry.target = target;
    entry.status = 200;
    entry.detail = detail;
    if (auto st = server::appendAdminAudit(db, entry); !st)
        io.err << "motcuactl " << words << ": " << st.error().toString() << '\n';
}

} // namespace motcua::cli
