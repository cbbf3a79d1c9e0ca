#include "cliparser.h"

namespace motcua::cli {

// QCommandLineParser names the real executable in its usage line; show the command words instead
// ("motcuactl code make").
QString helpFor(const QCommandLineParser &parser, const QString &words)
{
    QString help = parser.helpText();
    const auto lineEnd = help.indexOf(QLatin1Char('\n'));
    const QString first = help.left(lineEnd);
    const auto optionsAt = first.indexOf(QLatin1String(" ["));
    const QString rest = optionsAt >= 0 ? first.mid(optionsAt) : QString();
    return QStringLiteral("Usage: ") + words + rest + help.mid(lineEnd);
}

ParseOutcome parseOrExplain(QCommandLineParser &parser, const QStringList &args, Io &io,
                            int minPositional, int maxPositional)
{
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        io.err << parser.errorText() << "\n\n" << helpFor(parser, args.constFirst());
        return {false, kUsage};
    }
    if (parser.isSet(help)) {
        io.out << helpFor(parser, args.constFirst());
        return {false, kOk};
    }
    const auto count = parser.positionalArguments().size();
    if (count < minPositional || count > maxPositional) {
        io.err << (count < minPositional ? "Missing argument.\n\n" : "Too many arguments.\n\n")
               << helpFor(parser, args.constFirst());
        return {false, kUsage};
    }
    return {true, kOk};
}

bool requireOptions(const QCommandLineParser &parser, const QStringList &args, Io &io,
                    std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (!parser.isSet(QLatin1String(name))) {
            io.err << args.constFirst() << ": --" << name << " is required.\n\n"
                   << helpFor(parser, args.constFirst());
            return false;
        }
    }
    return true;
}

int dispatch(const QStringList &args, Io &io, const QString &usage,
             std::initializer_list<Subcommand> subcommands)
{
    if (args.size() < 2) {
        io.err << usage;
        return kUsage;
    }
    const QString sub = args.at(1);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        io.out << usage;
        return kOk;
    }
    for (const auto &subcommand : subcommands) {
        if (sub == QLatin1String(subcommand.name)) {
            QStringList rest = args.mid(1);
            rest[0] = args.at(0) + QLatin1Char(' ') + sub;
            return subcommand.run(rest, io);
        }
    }
    io.err << args.at(0) << ": unknown subcommand '" << sub << "'\n" << usage;
    return kUsage;
}

int badInput(Io &io, const QString &words, const QString &message)
{
    io.err << "motcuactl " << words << ": " << message << '\n';
    return kBadInput;
}

} // namespace motcua::cli
