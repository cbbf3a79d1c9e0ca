// Runs the built motcuactl against SQLite and PostgreSQL the way admins and scripts do:
// server init|migrate, agency list, user add|passwd|disable|list, audit verify, import procedures.
#include "fixtures.h"
#include "testdb.h"
#include "testpaths.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <auth.h>
#include <catalogue_store.h>
#include <migrations.h>
#include <sync_store.h>

using namespace motcua;
using namespace motcua::server;

namespace {

const QString kDemoPassword = QStringLiteral("Demo-2026-mật-khẩu");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run motcuactl(const QStringList &args, const QHash<QString, QString> &env = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("MOTCUA_DEMO_PASSWORD"));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    process.start(motcua::testing::motcuactlPath(), args);
    Run run;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QStringList words(const QString &line)
{
    return line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// `motcuactl <line> --db <url>`
Run on(const test::TestDb &t, const QString &line, const QHash<QString, QString> &env = {})
{
    return motcuactl(words(line) + QStringList{QStringLiteral("--db"), t.url()}, env);
}

Run initDemo(const test::TestDb &t)
{
    return on(t, QStringLiteral("server init --demo"),
              {{QStringLiteral("MOTCUA_DEMO_PASSWORD"), kDemoPassword}});
}

} // namespace

class TestCliServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { test::addBackends(); }

    void usageAndHelp()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend != QLatin1String("sqlite"))
            QSKIP("the same on every backend");
        const auto top = motcuactl({QStringLiteral("--help")});
        for (const char *command : {"server", "agency", "user", "audit", "import"}) {
            QVERIFY(top.out.contains(QLatin1String(command)));
            QCOMPARE(motcuactl({QLatin1String(command)}).exitCode, 2);
            const auto help = motcuactl({QLatin1String(command), QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY(help.out.startsWith(QStringLiteral("Usage")));
            QCOMPARE(motcuactl({QLatin1String(command), QStringLiteral("frobnicate")}).exitCode, 2);
        }
        for (const QString &line : {QStringLiteral("server init"), QStringLiteral("server migrate"),
                                    QStringLiteral("agency list"), QStringLiteral("user add"),
                                    QStringLiteral("user passwd"), QStringLiteral("user disable"),
                                    QStringLiteral("user list"), QStringLiteral("audit verify"),
                                    QStringLiteral("import procedures")}) {
            const auto help = motcuactl(words(line) + QStringList{QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.startsWith(QStringLiteral("Usage: motcuactl ") + line),
                     qPrintable(help.out));
            QVERIFY(help.out.contains(QStringLiteral("--db")));
            // Without --db: a usage error.
            QCOMPARE(motcuactl(words(line)).exitCode, 2);
        }
        QCOMPARE(motcuactl(words(QStringLiteral("agency list --db mysql://x/y"))).exitCode, 1);
    }

    void initMigrateAndListAgencies()
    {
        MOTCUA_TEST_DB(t);
        // --demo needs the demo password.
        const auto noPassword = on(t, QStringLiteral("server init --demo"));
        QCOMPARE(noPassword.exitCode, 2);
        QVERIFY(noPassword.err.contains(QStringLiteral("MOTCUA_DEMO_PASSWORD")));
        // Nothing to list before init.
        const auto early = on(t, QStringLiteral("agency list"));
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.contains(QStringLiteral("server init")), qPrintable(early.err));

        const auto init = initDemo(t);
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(
            init.out.contains(QStringLiteral("schema version 0 -> %1").arg(latestSchemaVersion())));
        QVERIFY(init.out.contains(QStringLiteral("6 agencies")));
        QVERIFY(!init.err.contains(kDemoPassword));
        const auto again = on(t, QStringLiteral("server migrate"));
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QStringLiteral("already current")));

        const auto agencies = on(t, QStringLiteral("agency list"));
        QCOMPARE(agencies.exitCode, 0);
        const QStringList lines = agencies.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines.constFirst(),
                 QStringLiteral("000.17.22.H56\tTrung tâm Phục vụ hành chính công tỉnh Khánh Hòa"));
        QStringList sorted = lines;
        sorted.sort();
        QCOMPARE(lines, sorted);
        QCOMPARE(lines.constLast(), QStringLiteral("000.22.22.H56\tUBND xã Diên Khánh"));
    }

    void migrateRefusesAMissingSqliteFile()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend != QLatin1String("sqlite"))
            QSKIP("SQLite only");
        QTemporaryDir dir;
        const auto r = motcuactl(
            {QStringLiteral("server"), QStringLiteral("migrate"), QStringLiteral("--db"),
             QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("none.db"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("server init")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.db"))));
    }

    void manageUsers()
    {
        MOTCUA_TEST_DB(t);
        QCOMPARE(initDemo(t).exitCode, 0);
        const QHash<QString, QString> env{
            {QStringLiteral("NEW_PW"), QStringLiteral("Mật-khẩu-Lan-2026")},
            {QStringLiteral("WEAK_PW"), QStringLiteral("abc")},
            {QStringLiteral("OTHER_PW"), QStringLiteral("Khác-hẳn-2027")}};
        const QString add = QStringLiteral(
            "user add --username lan.nt --password-env NEW_PW --role counter --role appraiser "
            "--agency 000.22.22.H56 --department VHXH --title Công_chức");
        const auto added = on(t, add, env);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(added.out, QStringLiteral("added lan.nt (000.22.22.H56, counter,appraiser)\n"));
        QVERIFY(!added.out.contains(QStringLiteral("Mật-khẩu"))
                && !added.err.contains(QStringLiteral("Mật-khẩu")));

        QCOMPARE(on(t, add, env).exitCode, 1); // exists already
        QCOMPARE(on(t,
                    QString(add)
                        .replace(QStringLiteral("lan.nt"), QStringLiteral("x1"))
                        .replace(QStringLiteral("NEW_PW"), QStringLiteral("WEAK_PW")),
                    env)
                     .exitCode,
                 1);
        QCOMPARE(on(t,
                    QString(add)
                        .replace(QStringLiteral("lan.nt"), QStringLiteral("x2"))
                        .replace(QStringLiteral("NEW_PW"), QStringLiteral("UNSET_PW")),
                    env)
                     .exitCode,
                 1);
        QCOMPARE(on(t,
                    QString(add)
                        .replace(QStringLiteral("lan.nt"), QStringLiteral("x3"))
                        .replace(QStringLiteral("--role counter"), QStringLiteral("--role mayor")),
                    env)
                     .exitCode,
                 1);
        QCOMPARE(on(t,
                    QString(add)
                        .replace(QStringLiteral("lan.nt"), QStringLiteral("x4"))
                        .replace(QStringLiteral("000.22.22.H56"), QStringLiteral("000.99.99.H56")),
                    env)
                     .exitCode,
                 1);
        QCOMPARE(on(t,
                    QString(add)
                        .replace(QStringLiteral("lan.nt"), QStringLiteral("x5"))
                        .replace(QStringLiteral("VHXH"), QStringLiteral("NONE")),
                    env)
                     .exitCode,
                 1);
        QCOMPARE(on(t,
                    QStringLiteral(
                        "user add --username x6 --password-env NEW_PW --agency 000.22.22.H56"),
                    env)
                     .exitCode,
                 2);

        const auto listed = on(t, QStringLiteral("user list --agency 000.22.22.H56"));
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(
                     QStringLiteral("lan.nt\t\t000.22.22.H56\tcounter,appraiser\tactive\n")),
                 qPrintable(listed.out));
        QCOMPARE(listed.out.count(QLatin1Char('\n')), 8);
        QVERIFY(!listed.out.contains(QStringLiteral("x1")));

        // The new account logs in; passwd changes the password; disable locks it.
        auto db = t.open(false);
        CatalogueStore catalogue(*db);
        AuthService auth(*db, catalogue);
        QVERIFY(auth.login(QStringLiteral("lan.nt"), QStringLiteral("Mật-khẩu-Lan-2026"),
                           QStringLiteral("127.0.0.1")));
        QCOMPARE(on(t, QStringLiteral("user passwd --username lan.nt --password-env WEAK_PW"), env)
                     .exitCode,
                 1);
        QCOMPARE(on(t, QStringLiteral("user passwd --username nobody --password-env OTHER_PW"), env)
                     .exitCode,
                 1);
        const auto changed
            = on(t, QStringLiteral("user passwd --username lan.nt --password-env OTHER_PW"), env);
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        QVERIFY(!auth.login(QStringLiteral("lan.nt"), QStringLiteral("Mật-khẩu-Lan-2026"),
                            QStringLiteral("127.0.0.2")));
        auto tokens = auth.login(QStringLiteral("lan.nt"), QStringLiteral("Khác-hẳn-2027"),
                                 QStringLiteral("127.0.0.3"));
        QVERIFY(tokens);
        const auto disabled = on(t, QStringLiteral("user disable --username lan.nt"));
        QCOMPARE(disabled.exitCode, 0);
        QCOMPARE(disabled.out, QStringLiteral("disabled lan.nt\n"));
        QCOMPARE(auth.authenticate(tokens->accessToken).error().code,
                 QStringLiteral("auth.invalid_token"));
        QVERIFY(on(t, QStringLiteral("user list"))
                    .out.contains(
                        QStringLiteral("lan.nt\t\t000.22.22.H56\tcounter,appraiser\tdisabled\n")));
    }

    void verifyTheAuditChain()
    {
        MOTCUA_TEST_DB(t);
        QCOMPARE(initDemo(t).exitCode, 0);
        QCOMPARE(on(t, QStringLiteral("audit verify")).out,
                 QStringLiteral("audit chain intact: 0 actions in 0 agencies\n"));
        {
            auto db = t.open(false);
            CatalogueStore catalogue(*db);
            DbDirectory directory(catalogue);
            SyncStore sync(*db, directory);
            for (const auto &action : test::journey(5)) {
                const auto officer = catalogue.officer(action.actorId).value().value();
                QCOMPARE(sync.push({action}, officer).constFirst().status,
                         PushOutcome::Status::Accepted);
            }
        }
        const auto intact = on(t, QStringLiteral("audit verify"));
        QCOMPARE(intact.exitCode, 0);
        QCOMPARE(intact.out, QStringLiteral("audit chain intact: 8 actions in 1 agencies\n"));
        QVERIFY(t.exec(QStringLiteral("UPDATE actions SET json = replace(json, 'BL-2026-004512', "
                                      "'BL-2026-000001') WHERE seq = 8")));
        const auto broken = on(t, QStringLiteral("audit verify"));
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.out.startsWith(QStringLiteral(
                     "audit chain broken: agency 000.17.22.H56, seq 8, modified: Thao tác số 8")),
                 qPrintable(broken.out));
    }

    void importProcedures()
    {
        MOTCUA_TEST_DB(t);
        QCOMPARE(on(t, QStringLiteral("server init")).exitCode, 0);
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            file.open(QIODevice::WriteOnly);
            file.write(bytes);
            return file.fileName();
        };
        const QByteArray first
            = R"json({"MaTTHC": "1.001193", "TenTTHC": "Đăng ký khai sinh", "ThoiGianGiaiQuyet": 4, "DonViTinh": "Giờ làm việc"})json";
        const QByteArray second
            = R"json({"MaTTHC": "2.000815", "TenTTHC": "Chứng thực bản sao", "ThoiGianGiaiQuyet": 1, "DonViTinh": "Ngày làm việc"})json";
        const QByteArray bad
            = R"json({"MaTTHC": "1.010727", "TenTTHC": "Cấp giấy phép môi trường", "ThoiGianGiaiQuyet": "hai mươi"})json";
        const QString good = write(QStringLiteral("good.json"), "[" + first + "," + second + "]");
        const QString broken
            = write(QStringLiteral("bad.json"), "[" + first + "," + second + "," + bad + "]");

        const auto refused = on(t, QStringLiteral("import procedures ") + broken);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.startsWith(QStringLiteral(
                     "motcuactl import procedures: record 3, field ThoiGianGiaiQuyet: ")),
                 qPrintable(refused.err));
        {
            auto db = t.open(false);
            QVERIFY(CatalogueStore(*db).procedures()->isEmpty()); // nothing imported
        }
        const auto imported = on(t, QStringLiteral("import procedures ") + good);
        QCOMPARE(imported.exitCode, 0);
        QCOMPARE(imported.out, QStringLiteral("imported 2 procedures\n"));
        QCOMPARE(
            on(t,
               QStringLiteral("import procedures ") + dir.filePath(QStringLiteral("missing.json")))
                .exitCode,
            1);
        QCOMPARE(on(t, QStringLiteral("import procedures")).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliServer)
#include "test_cli_server.moc"
