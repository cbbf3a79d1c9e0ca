#include "server_db.h"

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

} // namespace motcua::cli
