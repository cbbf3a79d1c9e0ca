// motcuactl calendar lunar|holidays|due — the work calendar (docs/calendar.md).
#include "cliparser.h"

#include <QRegularExpression>

#include <domain/holidays.h>
#include <domain/lunarcalendar.h>
#include <domain/workcalendar.h>

#include <optional>

namespace motcua::cli {
namespace {

using namespace motcua::domain;

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2199;

QDate strictDate(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return pattern.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
}

QCommandLineOption calendarOption()
{
    return {QStringLiteral("calendar"),
            QStringLiteral(
                "Government data file (JSON: extra days off, swapped working days). Without it, "
                "only the statutory rules apply."),
            QStringLiteral("FILE")};
}

// The holidays of the --calendar file, or the statutory rules alone.
std::optional<HolidayCalendar> loadCalendar(const QCommandLineParser &parser, Io &io,
                                            const QString &words)
{
    if (!parser.isSet(QStringLiteral("calendar")))
        return HolidayCalendar();
    auto calendar = HolidayCalendar::fromFile(parser.value(QStringLiteral("calendar")));
    if (!calendar) {
        badInput(io, words, calendar.error().message);
        return std::nullopt;
    }
    return calendar.value();
}

int lunar(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print the Vietnamese lunar date (UTC+7) of a solar date as D/M/YYYY, followed by "
        "\" nhuận\" in a leap month."));
    parser.addPositionalArgument(QStringLiteral("DATE"),
                                 QStringLiteral("Solar date, YYYY-MM-DD (1900..2199)."));
    if (auto p = parseOrExplain(parser, args, io, 1, 1); !p.proceed)
        return p.exitCode;
    const QString text = parser.positionalArguments().constFirst();
    const QDate date = strictDate(text);
    if (!date.isValid())
        return badInput(
            io, QStringLiteral("calendar lunar"),
            QStringLiteral("'%1' is not a real date; write it as YYYY-MM-DD.").arg(text));
    const LunarDate result = solarToLunar(date);
    if (!result.isValid())
        return badInput(io, QStringLiteral("calendar lunar"),
                        QStringLiteral("the lunar calendar covers the years %1 to %2 only.")
                            .arg(kFirstYear)
                            .arg(kLastYear));
    io.out << result.day << '/' << result.month << '/' << result.year;
    if (result.leap)
        io.out << QStringLiteral(" nhuận");
    io.out << '\n';
    return kOk;
}

int holidays(const QStringList &args, Io &io)
{
    const QString words = QStringLiteral("calendar holidays");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the days off of a year, one per line: YYYY-MM-DD<TAB>name. Holidays are listed on "
        "their own date, also on a weekend; compensatory days follow on their own lines."));
    parser.addOption(
        {QStringLiteral("year"), QStringLiteral("The year (1900..2199)."), QStringLiteral("YEAR")});
    parser.addOption(calendarOption());
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!parser.isSet(QStringLiteral("year"))) {
        io.err << "motcuactl calendar holidays: --year is required.\n\n"
               << helpFor(parser, args.constFirst());
        return kUsage;
    }
    bool ok = false;
    const int year = parser.value(QStringLiteral("year")).toInt(&ok);
    if (!ok || year < kFirstYear || year > kLastYear)
        return badInput(
            io, words,
            QStringLiteral("--year must be a year from %1 to %2.").arg(kFirstYear).arg(kLastYear));
    const auto calendar = loadCalendar(parser, io, words);
    if (!calendar)
        return kBadInput;
    for (const Holiday &holiday : calendar->holidays(year))
        io.out << holiday.date.toString(Qt::ISODate) << '\t' << holiday.name << '\n';
    return kOk;
}

int due(const QStringList &args, Io &io)
{
    const QString words = QStringLiteral("calendar due");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print the due instant (ISO 8601, +07:00) of a deadline in working days, hours or minutes "
        "for a dossier received at a Vietnam local time."));
    parser.addOption({QStringLiteral("received"),
                      QStringLiteral("Received at, Vietnam time: YYYY-MM-DDTHH:MM."),
                      QStringLiteral("WHEN")});
    parser.addOption(
        {QStringLiteral("days"), QStringLiteral("Deadline in working days."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("hours"), QStringLiteral("Deadline in working hours."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("minutes"), QStringLiteral("Deadline in working minutes."),
                      QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("cutoff"),
         QStringLiteral(
             "After-hours cut-off HH:MM: received later counts from the next working day."),
         QStringLiteral("HH:MM")});
    parser.addOption(calendarOption());
    parser.addOption({QStringLiteral("saturday-morning"),
                      QStringLiteral("The office also opens 07:30-11:30 on Saturday (on top of the "
                                     "calendar's office hours).")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;

    if (!parser.isSet(QStringLiteral("received"))) {
        io.err << "motcuactl calendar due: --received is required.\n\n"
               << helpFor(parser, args.constFirst());
        return kUsage;
    }
    const std::pair<const char *, Deadline::Unit> units[]
        = {{"days", Deadline::Unit::WorkingDays},
           {"hours", Deadline::Unit::WorkingHours},
           {"minutes", Deadline::Unit::WorkingMinutes}};
    Deadline deadline;
    QString unitName;
    for (const auto &[name, unit] : units) {
        if (!parser.isSet(QLatin1String(name)))
            continue;
        if (deadline.unit != Deadline::Unit::None) {
            io.err << "motcuactl calendar due: give only one of --days, --hours, --minutes.\n\n"
                   << helpFor(parser, args.constFirst());
            return kUsage;
        }
        deadline.unit = unit;
        unitName = QLatin1String(name);
    }
    if (deadline.unit == Deadline::Unit::None) {
        io.err << "motcuactl calendar due: one of --days, --hours, --minutes is required.\n\n"
               << helpFor(parser, args.constFirst());
        return kUsage;
    }
    bool ok = false;
    deadline.amount = parser.value(unitName).toInt(&ok);
    if (!ok || deadline.amount <= 0)
        return badInput(
            io, words, QStringLiteral("--%1 must be a whole number greater than 0.").arg(unitName));

    static const QRegularExpression instantPattern(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})$"));
    const QString receivedText = parser.value(QStringLiteral("received"));
    const auto match = instantPattern.match(receivedText);
    const QDate date = match.hasMatch() ? strictDate(match.captured(1)) : QDate();
    const QTime time = match.hasMatch()
        ? QTime::fromString(match.captured(2), QStringLiteral("HH:mm"))
        : QTime();
    if (!date.isValid() || !time.isValid())
        return badInput(
            io, words,
            QStringLiteral(
                "--received '%1' is not a real date and time; write it as YYYY-MM-DDTHH:MM.")
                .arg(receivedText));

    std::optional<QTime> cutoff;
    if (parser.isSet(QStringLiteral("cutoff"))) {
        static const QRegularExpression timePattern(QStringLiteral("^\\d{2}:\\d{2}$"));
        const QString text = parser.value(QStringLiteral("cutoff"));
        cutoff = QTime::fromString(text, QStringLiteral("HH:mm"));
        if (!timePattern.match(text).hasMatch() || !cutoff->isValid())
            return badInput(
                io, words,
                QStringLiteral("--cutoff '%1' is not a time; write it as HH:MM.").arg(text));
    }
    auto loaded = loadCalendar(parser, io, words);
    if (!loaded)
        return kBadInput;
    // The calendar's own office hours (its "officeHours", or the standard ones), Saturday morning
    // added on request.
    OfficeHours hours = loaded->officeHours();
    if (parser.isSet(QStringLiteral("saturday-morning")))
        hours.byWeekday[Qt::Saturday] = OfficeHours::standard(true).intervals(Qt::Saturday);
    const WorkCalendar calendar(std::move(*loaded), hours);
    const QDateTime received(date, time, Qt::OffsetFromUTC, 7 * 3600);
    const QDateTime dueAt = calendar.dueAt(received, deadline, cutoff);
    if (!dueAt.isValid())
        return badInput(io, words,
                        QStringLiteral("no due date within the years the calendar covers."));
    io.out << toVietnamTime(dueAt).toString(Qt::ISODate) << '\n';
    return kOk;
}

} // namespace

int runCalendar(const QStringList &args, Io &io)
{
    const QString usage = QStringLiteral(
        "Usage: motcuactl calendar lunar|holidays|due [options]\n"
        "  lunar     YYYY-MM-DD                       print the lunar date D/M/YYYY [nhuận]\n"
        "  holidays  --year Y [--calendar FILE]        list the days off: YYYY-MM-DD<TAB>name\n"
        "  due       --received YYYY-MM-DDTHH:MM (--days N | --hours N | --minutes N)\n"
        "            [--cutoff HH:MM] [--calendar FILE] [--saturday-morning]\n"
        "                                             print the due instant (+07:00)\n"
        "Run 'motcuactl calendar <subcommand> --help' for details.\n");
    return dispatch(args, io, usage, {{"lunar", lunar}, {"holidays", holidays}, {"due", due}});
}

} // namespace motcua::cli
