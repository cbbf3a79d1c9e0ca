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

// False, with "--NAME is required" and the help on io.err, when one of `names` is not set.
bool requireOptions(const QCommandLineParser &parser, const QStringList &args, Io &io,
                    std::initializer_list<const char *> names);

// The parser's help with the command words ("motcuactl code make") in the usage line.
QString helpFor(const QCommandLineParser &parser, const QString &words);

// One subcommand of a command word: `motcuactl <word> <name> …`.
struct Subcommand
{
    const char *name;
    int (*run)(const QStringList &args, Io &io); // args[0] is "motcuactl <word> <name>"
};

// Runs the subcommand args[1] names. No subcommand: usage on stderr, kUsage; --help/-h: usage on
// stdout, kOk; an unknown one: an error and usage on stderr, kUsage.
int dispatch(const QStringList &args, Io &io, const QString &usage,
             std::initializer_list<Subcommand> subcommands);

// Prints "motcuactl <words>: <message>" to io.err and returns kBadInput.
int badInput(Io &io, const QString &words, const QString &message);

} // namespace motcua::cli
