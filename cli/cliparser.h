#pragma once

#include "command.h"

#include <QCommandLineParser>

namespace motcua::cli {

// Parses `args` (program name first) for a subcommand; prints usage to io.err and returns false on
// a usage error, prints help to io.out when --help is given (the caller then exits kOk).
struct ParseOutcome
{
    bool proceed = false;
    int exitCode = kOk;
};
ParseOutcome parseOrExplain(QCommandLineParser &parser, const QStringList &args, Io &io,
                            int minPositional = 0, int maxPositional = 0);

// The parser's help with the command words ("motcuactl code make") in the usage line.
QString helpFor(const QCommandLineParser &parser, const QString &words);

// Prints "motcuactl <words>: <message>" to io.err and returns kBadInput.
int badInput(Io &io, const QString &words, const QString &message);

} // namespace motcua::cli
