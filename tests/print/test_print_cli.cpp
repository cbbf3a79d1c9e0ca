// motcuactl print: every form from the dossier of `motcuactl dossier example`, without a display;
// the log book from an array of dossiers; an agency's templates from --templates; and each kind
// of bad input (unknown form, missing, unreadable and malformed JSON, a dossier without the
// fields a slip shows, an unwritable output) refused with exit code 1 and a message, leaving no
// output file behind.
#include "poppler.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using motcua::test::pdfText;
using motcua::test::Run;

namespace {

Run motcuactl(const QStringList &args, bool withoutDisplayVariable = false)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (withoutDisplayVariable) {
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    }
    return motcua::test::run(motcua::testing::motcuactlPath(), args, env);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestPrintCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dossier;
    QJsonObject m_json;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Runs a print that must fail: exit 1, a message naming the problem, no output file.
    void refused(const QStringList &args, const QString &message)
    {
        const QString out = path(QStringLiteral("refused.pdf"));
        QFile::remove(out);
        const Run r = motcuactl(QStringList{QStringLiteral("print")} + args
                                + QStringList{QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 1, qPrintable(QString::number(r.exitCode) + r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        const QStringList left = QDir(m_dir.path()).entryList({QStringLiteral("refused*")});
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Run example = motcuactl({QStringLiteral("dossier"), QStringLiteral("example")});
        QCOMPARE(example.exitCode, 0);
        m_json = QJsonDocument::fromJson(example.out.toUtf8()).object();
        QVERIFY(!m_json.isEmpty());
        m_dossier = path(QStringLiteral("dossier.json"));
        QVERIFY(writeFile(m_dossier, example.out.toUtf8()));
    }

    void everyForm_data()
    {
        QTest::addColumn<QString>("form");
        QTest::addColumn<QString>("text");
        QTest::newRow("receipt") << "receipt"
                                 << "Liên 2: Giao người nộp";
        QTest::newRow("supplement") << "supplement"
                                    << "/HDHS";
        QTest::newRow("refusal") << "refusal"
                                 << "PHIẾU TỪ CHỐI";
        QTest::newRow("extension") << "extension"
                                   << "/PXL";
        QTest::newRow("stop") << "stop"
                              << "THÔNG BÁO DỪNG";
        QTest::newRow("control") << "control"
                                 << "Người nhận ký";
        QTest::newRow("logbook") << "logbook"
                                 << "SỔ THEO DÕI HỒ SƠ";
        QTest::newRow("evaluation") << "evaluation"
                                    << "PHIẾU ĐÁNH GIÁ";
    }

    void everyForm()
    {
        QFETCH(QString, form);
        QFETCH(QString, text);
        const QString out = path(form + QStringLiteral(".pdf"));
        // No QT_QPA_PLATFORM and no display: the command picks the offscreen platform itself.
        const Run r = motcuactl({QStringLiteral("print"), form, QStringLiteral("--dossier"),
                                 m_dossier, QStringLiteral("--out"), out},
                                true);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString pdf = pdfText(out);
        QVERIFY2(pdf.contains(text), qPrintable(pdf));
        QVERIFY(pdf.contains(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
        QVERIFY(pdf.contains(m_json.value(QStringLiteral("code")).toString()));
    }

    void logbookFromAnArray()
    {
        QJsonObject second = m_json;
        second.insert(QStringLiteral("code"), QStringLiteral("000.17.22.H56-261128-0099"));
        const QString file = path(QStringLiteral("dossiers.json"));
        QVERIFY(writeFile(file, QJsonDocument(QJsonArray{m_json, second}).toJson()));
        const QString out = path(QStringLiteral("logbook-2.pdf"));
        const Run r = motcuactl({QStringLiteral("print"), QStringLiteral("logbook"),
                                 QStringLiteral("--dossier"), file, QStringLiteral("--out"), out,
                                 QStringLiteral("--logbook-volume"), QStringLiteral("03")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString text = pdfText(out);
        QVERIFY(text.contains(QStringLiteral("261128-0099")));
        QVERIFY(text.contains(QStringLiteral("Quyển số: 03")));
    }

    void templatesOption()
    {
        const QString dir = path(QStringLiteral("agency-slips"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeFile(dir + QStringLiteral("/index.json"),
                          R"({"templates":[{"kind":"receipt","version":3,"file":"r.html"}]})"));
        QVERIFY(writeFile(dir + QStringLiteral("/r.html"),
                          "<p>Phiếu riêng của phường {{dossier.code}} {{slip.copyLabel}}</p>"));
        const QString out = path(QStringLiteral("own.pdf"));
        const Run r = motcuactl({QStringLiteral("print"), QStringLiteral("receipt"),
                                 QStringLiteral("--dossier"), m_dossier, QStringLiteral("--out"),
                                 out, QStringLiteral("--templates"), dir});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(pdfText(out).contains(QStringLiteral("Phiếu riêng của phường")));
    }

    void badInput()
    {
        refused({QStringLiteral("poster"), QStringLiteral("--dossier"), m_dossier},
                QStringLiteral("unknown form 'poster'"));
        refused({QStringLiteral("receipt"), QStringLiteral("--dossier"),
                 path(QStringLiteral("none.json"))},
                QStringLiteral("cannot open"));
        const QString malformed = path(QStringLiteral("malformed.json"));
        QVERIFY(writeFile(malformed, "{\"code\": \"000.17.22.H56-261128-0007\","));
        refused({QStringLiteral("receipt"), QStringLiteral("--dossier"), malformed},
                QStringLiteral("is not valid JSON"));
        const QString notDossier = path(QStringLiteral("number.json"));
        QVERIFY(writeFile(notDossier, "[42]"));
        refused({QStringLiteral("logbook"), QStringLiteral("--dossier"), notDossier},
                QStringLiteral("is not a dossier"));
        QJsonObject nameless = m_json;
        QJsonObject applicant = nameless.value(QStringLiteral("applicant")).toObject();
        applicant.insert(QStringLiteral("fullName"), QString());
        nameless.insert(QStringLiteral("applicant"), applicant);
        const QString missing = path(QStringLiteral("nameless.json"));
        QVERIFY(writeFile(missing, QJsonDocument(nameless).toJson()));
        refused({QStringLiteral("receipt"), QStringLiteral("--dossier"), missing},
                QStringLiteral("applicant.fullName"));
        refused({QStringLiteral("refusal"), QStringLiteral("--dossier"), m_dossier,
                 QStringLiteral("--templates"), path(QStringLiteral("no-such-dir"))},
                QStringLiteral("Không đọc được mẫu phiếu"));

        // An output that cannot be written: an error, and nothing left in the folder.
        const QString out = path(QStringLiteral("no-such-dir/receipt.pdf"));
        const Run r
            = motcuactl({QStringLiteral("print"), QStringLiteral("receipt"),
                         QStringLiteral("--dossier"), m_dossier, QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Không ghi được tệp")), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestPrintCli)
#include "test_print_cli.moc"
