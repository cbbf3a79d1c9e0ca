// Runs the built motcuactl the way scripts do: code, cccd, dossier, usage and exit codes.
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run motcuactl(const QStringList &args, const QByteArray &input = {})
{
    QProcess process;
    process.start(motcua::testing::motcuactlPath(), args);
    if (!input.isNull()) {
        process.write(input);
        process.closeWriteChannel();
    }
    Run run;
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
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

QJsonObject jsonOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usage()
    {
        QCOMPARE(motcuactl({}).exitCode, 2);
        const auto help = motcuactl({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *command : {"calendar", "code", "cccd", "dossier"})
            QVERIFY(help.out.contains(QLatin1String(command)));
        QCOMPARE(motcuactl({QStringLiteral("frobnicate")}).exitCode, 2);
        for (const char *command : {"code", "cccd", "dossier"}) {
            const auto r = motcuactl({QLatin1String(command), QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.startsWith(QStringLiteral("Usage")));
        }
        for (const QString &line :
             {QStringLiteral("code make --help"), QStringLiteral("code parse --help"),
              QStringLiteral("cccd parse --help"), QStringLiteral("dossier example --help"),
              QStringLiteral("dossier validate --help")}) {
            const auto r = motcuactl(words(line));
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(QStringLiteral("Options")), qPrintable(line));
            // The usage line names the command words, not the executable's path.
            QVERIFY2(r.out.startsWith(QStringLiteral("Usage: motcuactl ")
                                      + line.section(QLatin1Char(' '), 0, 1)),
                     qPrintable(r.out));
        }
    }
    void codeMake_R12_3a()
    {
        const auto r = motcuactl(
            words(QStringLiteral("code make --agency 000.17.22.H56 --date 2026-11-28 --seq 7")));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("000.17.22.H56-261128-0007\n"));
        const auto custom = motcuactl(
            {QStringLiteral("code"), QStringLiteral("make"), QStringLiteral("--agency"),
             QStringLiteral("000.17.22.H56"), QStringLiteral("--date"),
             QStringLiteral("2026-11-28"), QStringLiteral("--seq"), QStringLiteral("12"),
             QStringLiteral("--pattern"), QStringLiteral("{agency}.{yyyy}.{seq:6}.{MM}{dd}")});
        QCOMPARE(custom.out, QStringLiteral("000.17.22.H56.2026.000012.1128\n"));
    }
    void codeMakeBadInput()
    {
        QCOMPARE(
            motcuactl(words(QStringLiteral("code make --agency 000.17.22.H56 --date 2026-11-28")))
                .exitCode,
            2);
        QCOMPARE(
            motcuactl(
                words(QStringLiteral(
                    "code make --agency 000.17.22.H56 --date 2026-11-28 --seq 7 --colour red")))
                .exitCode,
            2);
        for (const QString &line :
             {QStringLiteral("code make --agency H56 --date 2026-11-28 --seq 7"),
              QStringLiteral("code make --agency 000.17.22.H56 --date 2026-02-30 --seq 7"),
              QStringLiteral("code make --agency 000.17.22.H56 --date 2026-11-28 --seq seven"),
              QStringLiteral("code make --agency 000.17.22.H56 --date 2026-11-28 --seq 0"),
              QStringLiteral("code make --agency 000.17.22.H56 --date 2026-11-28 --seq 10000"),
              QStringLiteral("code make --agency 000.17.22.H56 --date 2026-11-28 --seq 1 --pattern "
                             "{agency}")}) {
            const auto r = motcuactl(words(line));
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.startsWith(QStringLiteral("motcuactl code make: ")), qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
        }
    }
    void codeParse()
    {
        const auto r = motcuactl(words(QStringLiteral("code parse 000.17.22.H56-261128-0007")));
        QCOMPARE(r.exitCode, 0);
        const auto json = jsonOf(r.out);
        QCOMPARE(json.value(QStringLiteral("agency")).toString(), QStringLiteral("000.17.22.H56"));
        QCOMPARE(json.value(QStringLiteral("date")).toString(), QStringLiteral("2026-11-28"));
        QCOMPARE(json.value(QStringLiteral("seq")).toInt(), 7);
        const auto bad = motcuactl(words(QStringLiteral("code parse 000.17.22.H56-261132-0007")));
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains(QStringLiteral("không có thật")));
        QCOMPARE(motcuactl(words(QStringLiteral("code parse"))).exitCode, 2);
        QCOMPARE(motcuactl(words(QStringLiteral("code parse a b"))).exitCode, 2);
    }
    void cccdParse()
    {
        const QString text = QStringLiteral("056090001234|225123456|Nguyễn Văn Đức|12051990|Nam|12 "
                                            "Trần Phú, Nha Trang|20042021\r\n");
        const auto r = motcuactl({QStringLiteral("cccd"), QStringLiteral("parse"), text});
        QCOMPARE(r.exitCode, 0);
        const auto json = jsonOf(r.out);
        QCOMPARE(json.value(QStringLiteral("id")).toString(), QStringLiteral("056090001234"));
        QCOMPARE(json.value(QStringLiteral("oldId")).toString(), QStringLiteral("225123456"));
        QCOMPARE(json.value(QStringLiteral("fullName")).toString(),
                 QStringLiteral("Nguyễn Văn Đức"));
        QCOMPARE(json.value(QStringLiteral("birthDate")).toString(), QStringLiteral("1990-05-12"));
        QCOMPARE(json.value(QStringLiteral("gender")).toString(), QStringLiteral("Nam"));
        QCOMPARE(json.value(QStringLiteral("address")).toString(),
                 QStringLiteral("12 Trần Phú, Nha Trang"));
        QCOMPARE(json.value(QStringLiteral("issueDate")).toString(), QStringLiteral("2021-04-20"));
        QCOMPARE(json.keys().size(), 7);
        // From standard input, the 6-field variant.
        const auto piped
            = motcuactl({QStringLiteral("cccd"), QStringLiteral("parse"), QStringLiteral("-")},
                        QByteArray("001185012345|Trần Thị Hồng|01011985|Nữ|Hà Nội|15082022\n"));
        QCOMPARE(piped.exitCode, 0);
        QCOMPARE(jsonOf(piped.out).value(QStringLiteral("oldId")).toString(), QString());
    }
    void cccdBadInput()
    {
        const auto r = motcuactl({QStringLiteral("cccd"), QStringLiteral("parse"),
                                  QStringLiteral("05609000123|x|y|12051990|Nam|z|20042021")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("12 chữ số")));
        QCOMPARE(motcuactl({QStringLiteral("cccd"), QStringLiteral("parse"), QString()}).exitCode,
                 1);
        QCOMPARE(motcuactl({QStringLiteral("cccd")}).exitCode, 2);
        QCOMPARE(motcuactl({QStringLiteral("cccd"), QStringLiteral("read")}).exitCode, 2);
    }
    void dossierExampleIsValidInput()
    {
        const auto example = motcuactl(words(QStringLiteral("dossier example")));
        QCOMPARE(example.exitCode, 0);
        const auto json = jsonOf(example.out);
        QCOMPARE(json.value(QStringLiteral("code")).toString(),
                 QStringLiteral("000.17.22.H56-261128-0007"));
        QCOMPARE(json.value(QStringLiteral("schemaVersion")).toInt(), 1);
        QVERIFY(json.value(QStringLiteral("applicant"))
                    .toObject()
                    .contains(QStringLiteral("personalId")));
        QVERIFY(json.value(QStringLiteral("components")).toArray().size() >= 2);
        QVERIFY(json.contains(QStringLiteral("receivedAt"))
                && json.contains(QStringLiteral("dueAt")));
        // Usable as input to the other commands.
        const auto validated
            = motcuactl(words(QStringLiteral("dossier validate -")), example.out.toUtf8());
        QCOMPARE(validated.exitCode, 0);
        QVERIFY2(validated.out.contains(QStringLiteral("Đã xử lý xong — Đã trả kết quả")),
                 qPrintable(validated.out));
        // From a pipe that delivers the document in two parts, as `dossier example | dossier
        // validate -` does: the reader must wait for the end of input, not take the first part.
        {
            const QByteArray document = example.out.toUtf8();
            QProcess process;
            process.start(motcua::testing::motcuactlPath(),
                          words(QStringLiteral("dossier validate -")));
            QVERIFY(process.waitForStarted());
            process.write(document.left(100));
            QVERIFY(process.waitForBytesWritten());
            QVERIFY2(!process.waitForFinished(1000), process.readAllStandardError().constData());
            process.write(document.mid(100));
            process.closeWriteChannel();
            QVERIFY(process.waitForFinished(30000));
            QCOMPARE(process.exitCode(), 0);
        }
        const auto code = motcuactl({QStringLiteral("code"), QStringLiteral("parse"),
                                     json.value(QStringLiteral("code")).toString()});
        QCOMPARE(code.exitCode, 0);

        const auto actions = motcuactl(words(QStringLiteral("dossier example --actions")));
        QCOMPARE(actions.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(actions.out.toUtf8()).array().size(), 8);
        const auto intake = motcuactl(words(QStringLiteral("dossier example --intake-only")));
        QCOMPARE(jsonOf(intake.out).value(QStringLiteral("status")).toString(),
                 QStringLiteral("accepted"));
    }
    void dossierValidateBadInput()
    {
        QTemporaryDir dir;
        const auto write = [&](const char *name, const QByteArray &bytes) {
            QFile f(dir.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write("broken.json", "{\"id\": ");
        write("array.json", "[]");
        QJsonObject json = jsonOf(motcuactl(words(QStringLiteral("dossier example"))).out);
        json.insert(QStringLiteral("surprise"), 1);
        write("unknown.json", QJsonDocument(json).toJson());
        json.remove(QStringLiteral("surprise"));
        QJsonObject applicant = json.value(QStringLiteral("applicant")).toObject();
        applicant.insert(QStringLiteral("personalId"), QStringLiteral("123"));
        json.insert(QStringLiteral("applicant"), applicant);
        write("applicant.json", QJsonDocument(json).toJson());
        struct Case
        {
            const char *file;
            const char *expected;
        };
        for (const Case c : {Case{"broken.json", "JSON"}, Case{"array.json", "đối tượng"},
                             Case{"unknown.json", "surprise"}, Case{"applicant.json", "12 chữ số"},
                             Case{"missing.json", "cannot open"}}) {
            const auto r = motcuactl({QStringLiteral("dossier"), QStringLiteral("validate"),
                                      dir.filePath(QLatin1String(c.file))});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QString::fromUtf8(c.expected)), qPrintable(r.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
