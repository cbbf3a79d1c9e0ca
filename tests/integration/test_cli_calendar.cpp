// Runs the built motcuactl the way scripts do: `motcuactl calendar lunar|holidays|due`.
#include "testpaths.h"

#include <QProcess>
#include <QTest>

namespace {

const QString kDataDir = motcua::testing::testDataPath(QStringLiteral("calendar/"));

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run motcuactl(const QStringList &args)
{
    QProcess process;
    process.start(motcua::testing::motcuactlPath(), QStringList{QStringLiteral("calendar")} + args);
    Run run;
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QStringList args(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

} // namespace

class TestCliCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lunar_data();
    void lunar();
    void holidays();
    void holidaysWithGovernmentFile();
    void due_data();
    void due();
    void badInput_data();
    void badInput();
    void usageErrors_data();
    void usageErrors();
    void help();
};

void TestCliCalendar::lunar_data()
{
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Tết 2026") << QStringLiteral("2026-02-17") << QStringLiteral("1/1/2026\n");
    QTest::newRow("eve 2025") << QStringLiteral("2025-01-28") << QStringLiteral("29/12/2024\n");
    QTest::newRow("leap 6 2025") << QStringLiteral("2025-08-01")
                                 << QStringLiteral("8/6/2025 nhuận\n");
    QTest::newRow("Hùng 2024") << QStringLiteral("2024-04-18") << QStringLiteral("10/3/2024\n");
}

void TestCliCalendar::lunar()
{
    QFETCH(QString, date);
    QFETCH(QString, expected);
    const Run run = motcuactl({QStringLiteral("lunar"), date});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, expected);
    QVERIFY(run.err.isEmpty());
}

void TestCliCalendar::holidays()
{
    const Run run = motcuactl(args({"holidays", "--year", "2022"}));
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // 30/4/2022 and 1/5/2022 fall on the weekend: listed on their own date, then made up.
    QVERIFY(lines.contains(QStringLiteral("2022-04-30\tNgày Chiến thắng (30/4)")));
    QVERIFY(lines.contains(QStringLiteral("2022-05-01\tNgày Quốc tế Lao động (1/5)")));
    QVERIFY(lines.contains(QStringLiteral("2022-05-02\tNghỉ bù Ngày Chiến thắng (30/4)")));
    QVERIFY(lines.contains(QStringLiteral("2022-05-03\tNghỉ bù Ngày Quốc tế Lao động (1/5)")));
    QCOMPARE(lines.first(), QStringLiteral("2022-01-01\tTết Dương lịch"));
    for (const QString &line : lines)
        QVERIFY2(line.split(QLatin1Char('\t')).size() == 2, qPrintable(line));
}

void TestCliCalendar::holidaysWithGovernmentFile()
{
    const Run run
        = motcuactl({QStringLiteral("holidays"), QStringLiteral("--year"), QStringLiteral("2025"),
                     QStringLiteral("--calendar"), kDataDir + QStringLiteral("vn-2025-2026.json")});
    QCOMPARE(run.exitCode, 0);
    QStringList dates;
    for (const QString &line : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        dates.append(line.section(QLatin1Char('\t'), 0, 0));
    QCOMPARE(
        dates,
        args({"2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
              "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02"}));
}

void TestCliCalendar::due_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    const QString file = kDataDir + QStringLiteral("vn-2025-2026.json");
    QTest::newRow("days") << args({"--received", "2025-03-03T09:00", "--days", "1"})
                          << QStringLiteral("2025-03-04T09:00:00+07:00\n");
    QTest::newRow("across Tết 2026") << args({"--received", "2026-02-13T10:00", "--days", "3"})
                                     << QStringLiteral("2026-02-25T10:00:00+07:00\n");
    QTest::newRow("hours over lunch") << args({"--received", "2025-03-03T10:00", "--hours", "4"})
                                      << QStringLiteral("2025-03-03T16:00:00+07:00\n");
    QTest::newRow("minutes") << args({"--received", "2025-03-03T11:00", "--minutes", "30"})
                             << QStringLiteral("2025-03-03T11:30:00+07:00\n");
    QTest::newRow("cutoff") << args(
        {"--received", "2025-03-03T16:30", "--days", "1", "--cutoff", "16:00"})
                            << QStringLiteral("2025-03-05T07:30:00+07:00\n");
    QTest::newRow("saturday morning")
        << args({"--received", "2025-03-07T16:00", "--hours", "2", "--saturday-morning"})
        << QStringLiteral("2025-03-08T08:30:00+07:00\n");
    QTest::newRow("swapped saturday")
        << (args({"--received", "2025-04-25T14:00", "--days", "1", "--calendar"}) << file)
        << QStringLiteral("2025-04-26T14:00:00+07:00\n");
    const QString saturdays = kDataDir + QStringLiteral("office-hours-saturday.json");
    QTest::newRow("office hours from the file")
        << (args({"--received", "2025-03-03T06:00", "--minutes", "30", "--calendar"}) << saturdays)
        << QStringLiteral("2025-03-03T07:30:00+07:00\n");
    QTest::newRow("saturday from the file")
        << (args({"--received", "2025-03-07T16:00", "--hours", "2", "--calendar"}) << saturdays)
        << QStringLiteral("2025-03-08T08:00:00+07:00\n");
    QTest::newRow("days=N form") << args({"--received=2025-03-03T09:00", "--days=2"})
                                 << QStringLiteral("2025-03-05T09:00:00+07:00\n");
}

void TestCliCalendar::due()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Run run = motcuactl(QStringList{QStringLiteral("due")} + arguments);
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, expected);
}

void TestCliCalendar::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("bad lunar date")
        << args({"lunar", "2025-02-30"}) << QStringLiteral("2025-02-30");
    QTest::newRow("lunar not a date") << args({"lunar", "hôm nay"}) << QStringLiteral("YYYY-MM-DD");
    QTest::newRow("lunar out of range") << args({"lunar", "2300-01-01"}) << QStringLiteral("1900");
    QTest::newRow("bad year") << args({"holidays", "--year", "năm"}) << QStringLiteral("--year");
    QTest::newRow("bad received") << args({"due", "--received", "2025-13-01T09:00", "--days", "1"})
                                  << QStringLiteral("--received");
    QTest::newRow("received without time")
        << args({"due", "--received", "2025-03-03", "--days", "1"})
        << QStringLiteral("YYYY-MM-DDTHH:MM");
    QTest::newRow("negative days")
        << args({"due", "--received", "2025-03-03T09:00", "--days=-3"}) << QStringLiteral("--days");
    QTest::newRow("negative days, separate")
        << args({"due", "--received", "2025-03-03T09:00", "--days", "-3"})
        << QStringLiteral("--days");
    QTest::newRow("zero hours") << args({"due", "--received", "2025-03-03T09:00", "--hours", "0"})
                                << QStringLiteral("--hours");
    QTest::newRow("bad cutoff") << args(
        {"due", "--received", "2025-03-03T09:00", "--days", "1", "--cutoff", "25:00"})
                                << QStringLiteral("--cutoff");
    QTest::newRow("missing file") << (args({"holidays", "--year", "2025", "--calendar"})
                                      << kDataDir + QStringLiteral("nope.json"))
                                  << QStringLiteral("Không đọc được tệp lịch");
    QTest::newRow("malformed file")
        << (args({"due", "--received", "2025-03-03T09:00", "--days", "1", "--calendar"})
            << kDataDir + QStringLiteral("bad-malformed.json"))
        << QStringLiteral("không phải JSON hợp lệ");
    QTest::newRow("invalid date in file") << (args({"holidays", "--year", "2025", "--calendar"})
                                              << kDataDir + QStringLiteral("bad-invalid-date.json"))
                                          << QStringLiteral("years[0].daysOff[1].date");
    QTest::newRow("bad office hours in file")
        << (args({"due", "--received", "2025-03-03T09:00", "--days", "1", "--calendar"})
            << kDataDir + QStringLiteral("bad-office-hours.json"))
        << QStringLiteral("officeHours.saturday[0]");
}

void TestCliCalendar::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const Run run = motcuactl(arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(QStringLiteral("motcuactl calendar ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
}

void TestCliCalendar::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no subcommand") << QStringList();
    QTest::newRow("unknown subcommand") << args({"moon"});
    QTest::newRow("lunar without date") << args({"lunar"});
    QTest::newRow("lunar two dates") << args({"lunar", "2025-01-01", "2025-01-02"});
    QTest::newRow("holidays without year") << args({"holidays"});
    QTest::newRow("two deadline flags")
        << args({"due", "--received", "2025-03-03T09:00", "--days", "1", "--hours", "2"});
    QTest::newRow("no deadline") << args({"due", "--received", "2025-03-03T09:00"});
    QTest::newRow("no received") << args({"due", "--days", "1"});
    QTest::newRow("unknown option")
        << args({"due", "--received", "2025-03-03T09:00", "--weeks", "1"});
}

void TestCliCalendar::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run run = motcuactl(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY(!run.err.isEmpty());
}

void TestCliCalendar::help()
{
    for (const char *sub : {"lunar", "holidays", "due"}) {
        const Run run = motcuactl({QLatin1String(sub), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("Usage:")), qPrintable(run.out));
    }
    const Run run = motcuactl(args({"--help"}));
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("holidays")));
}

QTEST_GUILESS_MAIN(TestCliCalendar)
#include "test_cli_calendar.moc"
