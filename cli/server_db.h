#pragma once

// What the motcuactl commands on the server's database share: the --db option and opening it.
#include "cliparser.h"

#include <database.h>

#include <memory>

namespace motcua::cli {

// --db URL: sqlite:PATH or postgresql://USER@HOST:PORT/DB.
QCommandLineOption dbOption();

// The database --db names, already at the current schema (nothing is migrated here). On failure
// prints "motcuactl <words>: <why>" and answers null; the caller then exits kBadInput.
std::unique_ptr<server::Database> openServerDatabase(const QCommandLineParser &parser, Io &io,
                                                     const QString &words);

// Writes a change made by motcuactl to the administration trail (actor "motcuactl", method
// "CLI", route "motcuactl <words>"); a trail that cannot be written is reported on stderr.
void recordCliChange(server::Database &db, Io &io, const QString &words, const QString &target,
                     const QString &detail);

} // namespace motcua::cli
