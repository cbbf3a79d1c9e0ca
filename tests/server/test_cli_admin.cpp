// motcuactl import national and audit log against SQLite and PostgreSQL (issue 10): a malformed
// national export lists every row and column at fault and writes nothing; a dry run writes
// nothing; an applied import and the user commands land in the administration trail.
#include "testdb.h"
#include "testpaths.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <admin_units.h>
#include <catalogue_store.h>

using namespace motcua;
using namespace motcua::server;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run motcuactl(const test::TestDb &t, const QStringList &args,
              const QHash<QString, QString> &env = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    process.start(motcua::testing::motcuactlPath(),
                  args + QStringList{QStringLiteral("--db"), t.url()});
    Run run;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString data(const char *name)
{
    return motcua::testing::testDataPath(QStringLiteral("admin/") + QLatin1String(name));
}

int procedureCount(const test::TestDb &t)
{
    auto db = t.open(false);
    return int(CatalogueStore(*db).procedures()->size());
}

} // namespace

class TestCliAdmin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { test::addBackends(); }

    void malformedExportListsEveryRowAndWritesNothing_R03()
    {
        MOTCUA_TEST_DB(t);
        QCOMPARE(motcuactl(t, {QStringLiteral("server"), QStringLiteral("init")}).exitCode, 0);
        const Run json = motcuactl(
            t, {QStringLiteral("import"), QStringLiteral("national"), data("procedures-bad.json")});
        QCOMPARE(json.exitCode, 1);
        const QStringList lines = json.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6); // five problems and the summary
        QCOMPARE(lines.at(0),
                 QStringLiteral("motcuactl import national: Dòng 2, cột MaTTHC: "
                                "\"1-001194\" không đúng dạng mã thủ tục (ví dụ "
                                "1.001193)."));
        QVERIFY(lines.at(4).startsWith(
            QStringLiteral("motcuactl import national: Dòng 3, cột CanCuPhapLy[1].SoVanBan: ")));
        QCOMPARE(lines.at(5),
                 QStringLiteral("motcuactl import national: 5 lỗi; chưa nhập thủ tục nào."));
        const Run csv = motcuactl(
            t, {QStringLiteral("import"), QStringLiteral("national"), data("procedures-bad.csv")});
        QCOMPARE(csv.exitCode, 1);
        QVERIFY2(csv.err.contains(QStringLiteral("Dòng 4, cột MaTTHC: bắt buộc phải có.")),
                 qPrintable(csv.err));
        QCOMPARE(procedureCount(t), 0);
    }

    void dryRunThenApplyAndTheTrail_R03_1()
    {
        MOTCUA_TEST_DB(t);
        QCOMPARE(motcuactl(t, {QStringLiteral("server"), QStringLiteral("init")}).exitCode, 0);
        const QStringList import{QStringLiteral("import"), QStringLiteral("national"),
                                 QStringLiteral("--agency"), QStringLiteral("000.18.22.H56")};
        const Run preview = motcuactl(
            t, import + QStringList{QStringLiteral("--dry-run"), data("procedures-good.csv")});
        QCOMPARE(preview.exitCode, 0);
        QVERIFY2(preview.out.endsWith(QStringLiteral("would add 2, would change 0, unchanged 0\n")),
                 qPrintable(preview.out + preview.err));
        QCOMPARE(procedureCount(t), 0);

        const Run applied = motcuactl(t, import + QStringList{data("procedures-good.json")});
        QCOMPARE(applied.exitCode, 0);
        QVERIFY(applied.out.endsWith(QStringLiteral("added 3, changed 0, unchanged 0\n")));
        QCOMPARE(procedureCount(t), 3);
        const Run update = motcuactl(t, import + QStringList{data("procedures-update.json")});
        QVERIFY2(update.out.contains(QStringLiteral("changed\t1.005021\tĐăng ký khai sinh (cập "
                                                    "nhật)\tname\n")),
                 qPrintable(update.out));
        QCOMPARE(procedureCount(t), 4);

        const Run trail = motcuactl(t, {QStringLiteral("audit"), QStringLiteral("log")});
        QCOMPARE(trail.exitCode, 0);
        const QStringList lines = trail.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // the dry run is not a change
        QVERIFY(lines.at(0).contains(QStringLiteral("\tCLI\tmotcuactl import national\t"
                                                    "procedures-update.json\t1 added, 1 changed")));
    }

    // Issue 10 item 2: the statistics office's list, as CSV or Excel; a faulty one names every
    // row and column and imports nothing.
    void administrativeUnitsFromCsvOrExcel_R02()
    {
        MOTCUA_TEST_DB(t);
        QCOMPARE(motcuactl(t, {QStringLiteral("server"), QStringLiteral("init")}).exitCode, 0);
        const auto count = [&t] {
            auto db = t.open(false);
            return administrativeUnits(*db, UnitQuery{})->size();
        };
        const auto before = count();
        const QStringList import{QStringLiteral("import"), QStringLiteral("units")};
        // Our columns as CSV; the office's columns in a workbook.
        const std::pair<const char *, QStringList> faulty[] = {
            {"units-bad.csv",
             {QStringLiteral("Dòng 3, cột code: \"4\" không phải mã xã"),
              QStringLiteral("Dòng 4, cột name: bắt buộc"),
              QStringLiteral("Dòng 6, cột parent_code: "), QStringLiteral("Dòng 7, cột level: "),
              QStringLiteral("4 lỗi; chưa nhập đơn vị nào.\n")}},
            {"units-bad.xlsx",
             {QStringLiteral("Dòng 3, cột Mã: \"2236\" không phải mã xã"),
              QStringLiteral("Dòng 4, cột Tên: bắt buộc"),
              QStringLiteral("2 lỗi; chưa nhập đơn vị nào.\n")}},
        };
        for (const auto &[file, expected] : faulty) {
            const Run run = motcuactl(t, import + QStringList{data(file)});
            QCOMPARE(run.exitCode, 1);
            for (const QString &line : expected)
                QVERIFY2(run.err.contains(QStringLiteral("motcuactl import units: ") + line),
                         qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
        QCOMPARE(count(), before);
        const Run preview = motcuactl(
            t, import + QStringList{QStringLiteral("--dry-run"), data("units-official.xlsx")});
        QCOMPARE(preview.exitCode, 0);
        QVERIFY2(preview.out.startsWith(QStringLiteral("would add 2, would change ")),
                 qPrintable(preview.out + preview.err));
        QCOMPARE(count(), before);
        const Run applied = motcuactl(t, import + QStringList{data("units-official.xlsx")});
        QCOMPARE(applied.exitCode, 0);
        QVERIFY2(applied.out.startsWith(QStringLiteral("added 2, changed ")),
                 qPrintable(applied.out + applied.err));
        QCOMPARE(count(), before + 2);
        const Run again = motcuactl(t, import + QStringList{data("units-official.csv")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.startsWith(QStringLiteral("added 0, changed 0, unchanged 2")),
                 qPrintable(again.out));
        // Not a spreadsheet at all: said so, nothing imported.
        QTemporaryDir dir;
        QFile fake(dir.filePath(QStringLiteral("don-vi.xlsx")));
        QVERIFY(fake.open(QIODevice::WriteOnly) && fake.write("Mã;Tên\n") > 0);
        fake.close();
        const Run broken = motcuactl(t, import + QStringList{fake.fileName()});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.err.startsWith(QStringLiteral("motcuactl import units: ")),
                 qPrintable(broken.err));
        QCOMPARE(count(), before + 2);
    }
};

QTEST_GUILESS_MAIN(TestCliAdmin)
#include "test_cli_admin.moc"
