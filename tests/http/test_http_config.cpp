// motcua-server's configuration: command line > environment > config file > defaults; bad values
// are refused with a message naming the option. No server is started.
#include "server_config.h"
#include "testpaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace motcua::server::http;

namespace {

const QString kDefaultDb = QStringLiteral("sqlite:/default/motcua.db");

QString writeIni(QTemporaryDir &dir, const QByteArray &text)
{
    const QString path = dir.filePath(QStringLiteral("server.conf"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

QStringList argv(QStringList args)
{
    args.prepend(QStringLiteral("motcua-server"));
    return args;
}

} // namespace

class TestHttpConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaults()
    {
        auto c = loadServerConfig(argv({}), QProcessEnvironment(), kDefaultDb);
        QVERIFY(c.ok());
        QCOMPARE(c->dbUrl, kDefaultDb);
        QCOMPARE(c->listenDisplay(), QStringLiteral("127.0.0.1:8080"));
        QCOMPARE(c->bodyLimit, qint64(16 * 1024 * 1024));
        QCOMPARE(c->blobLimit, qint64(256 * 1024 * 1024));
        QCOMPARE(c->feedCache, qint64(64 * 1024 * 1024));
        QCOMPARE(c->logLevel, QStringLiteral("info"));
        QVERIFY(!c->trustProxy);
        QVERIFY(c->workerThreads() >= 4);
    }

    // The package's /etc/motcua/server.conf is what the systemd unit runs with (--config only).
    void shippedConfigurationIsTheServiceSettings()
    {
        const QString shipped
            = motcua::testing::sourcePath(QStringLiteral("installer/server.conf"));
        auto c = loadServerConfig(argv({QStringLiteral("--config"), shipped}),
                                  QProcessEnvironment(), kDefaultDb);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        QCOMPARE(c->dbUrl, QStringLiteral("sqlite:/var/lib/motcua-server/motcua.db"));
        QCOMPARE(c->listenDisplay(), QStringLiteral("127.0.0.1:8080"));
        QVERIFY(c->trustProxy); // behind the packaged nginx site
        QCOMPARE(c->feedCache, qint64(64 * 1024 * 1024));

        QFile unit(motcua::testing::sourcePath(QStringLiteral("installer/motcua-server.service")));
        QVERIFY(unit.open(QIODevice::ReadOnly));
        const QByteArray text = unit.readAll();
        QVERIFY(
            text.contains("\nExecStart=/usr/bin/motcua-server --config /etc/motcua/server.conf\n"));
    }

    void precedence()
    {
        QTemporaryDir dir;
        const QString ini
            = writeIni(dir,
                       "; comment\n[server]\ndb = sqlite:/from/file.db\nlisten = 127.0.0.1:9000\n"
                       "body-limit = 1M\nblob-limit = 1G\nfeed-cache = 0\nlog-level = warning\n"
                       "trust-proxy = true\nthreads = 6\n");
        QProcessEnvironment env;
        env.insert(QStringLiteral("MOTCUA_LISTEN"), QStringLiteral("127.0.0.1:9100"));

        auto fileOnly = loadServerConfig(argv({QStringLiteral("--config"), ini}),
                                         QProcessEnvironment(), kDefaultDb);
        QVERIFY2(fileOnly.ok(), qPrintable(fileOnly.ok() ? QString() : fileOnly.error().message));
        QCOMPARE(fileOnly->dbUrl, QStringLiteral("sqlite:/from/file.db"));
        QCOMPARE(fileOnly->listenPort, quint16(9000));
        QCOMPARE(fileOnly->bodyLimit, qint64(1024 * 1024));
        QCOMPARE(fileOnly->blobLimit, qint64(1024) * 1024 * 1024);
        QCOMPARE(fileOnly->feedCache, 0); // off
        QCOMPARE(fileOnly->logLevel, QStringLiteral("warning"));
        QVERIFY(fileOnly->trustProxy);
        QCOMPARE(fileOnly->workerThreads(), 6);

        auto envWins = loadServerConfig(argv({QStringLiteral("--config"), ini}), env, kDefaultDb);
        QCOMPARE(envWins->listenPort, quint16(9100));
        QCOMPARE(envWins->dbUrl, QStringLiteral("sqlite:/from/file.db"));

        env.insert(QStringLiteral("MOTCUA_DB"),
                   QStringLiteral("postgresql://motcua@db:5432/motcua"));
        auto cliWins
            = loadServerConfig(argv({QStringLiteral("--config"), ini, QStringLiteral("--listen"),
                                     QStringLiteral("[::1]:0"), QStringLiteral("--body-limit=2048"),
                                     QStringLiteral("--blob-limit"), QStringLiteral("64M"),
                                     QStringLiteral("--feed-cache=256M")}),
                               env, kDefaultDb);
        QVERIFY(cliWins.ok());
        QCOMPARE(cliWins->listenDisplay(), QStringLiteral("[::1]:0"));
        QCOMPARE(cliWins->dbUrl, QStringLiteral("postgresql://motcua@db:5432/motcua"));
        QCOMPARE(cliWins->bodyLimit, qint64(2048));
        QCOMPARE(cliWins->blobLimit, qint64(64 * 1024 * 1024));
        QCOMPARE(cliWins->feedCache, qint64(256 * 1024 * 1024));
    }

    void badValuesNameTheOption_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("field");
        QTest::newRow("listen") << QStringList{QStringLiteral("--listen"),
                                               QStringLiteral("nowhere")}
                                << QByteArray() << QStringLiteral("listen");
        QTest::newRow("port") << QStringList{QStringLiteral("--listen"),
                                             QStringLiteral("127.0.0.1:70000")}
                              << QByteArray() << QStringLiteral("listen");
        QTest::newRow("size") << QStringList{QStringLiteral("--body-limit"), QStringLiteral("lots")}
                              << QByteArray() << QStringLiteral("body-limit");
        QTest::newRow("tiny") << QStringList{QStringLiteral("--body-limit"), QStringLiteral("10")}
                              << QByteArray() << QStringLiteral("body-limit");
        QTest::newRow("blob size")
            << QStringList{QStringLiteral("--blob-limit"), QStringLiteral("huge")} << QByteArray()
            << QStringLiteral("blob-limit");
        QTest::newRow("blob ini") << QStringList() << QByteArray("[server]\nblob-limit = 5\n")
                                  << QStringLiteral("blob-limit");
        QTest::newRow("feed cache")
            << QStringList{QStringLiteral("--feed-cache"), QStringLiteral("-1")} << QByteArray()
            << QStringLiteral("feed-cache");
        QTest::newRow("feed cache ini")
            << QStringList() << QByteArray("[server]\nfeed-cache = 12\n")
            << QStringLiteral("feed-cache");
        QTest::newRow("level") << QStringList{QStringLiteral("--log-level"), QStringLiteral("loud")}
                               << QByteArray() << QStringLiteral("log-level");
        QTest::newRow("option") << QStringList{QStringLiteral("--frobnicate")} << QByteArray()
                                << QStringLiteral("--frobnicate");
        QTest::newRow("missing value")
            << QStringList{QStringLiteral("--db")} << QByteArray() << QStringLiteral("--db");
        QTest::newRow("unknown key") << QStringList() << QByteArray("[server]\npassword = secret\n")
                                     << QStringLiteral("password");
        QTest::newRow("bool") << QStringList() << QByteArray("[server]\ntrust-proxy = maybe\n")
                              << QStringLiteral("trust-proxy");
    }
    void badValuesNameTheOption()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, ini);
        QFETCH(QString, field);
        QTemporaryDir dir;
        if (!ini.isEmpty())
            args << QStringLiteral("--config") << writeIni(dir, ini);
        auto c = loadServerConfig(argv(args), QProcessEnvironment(), kDefaultDb);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().field, field);
        QVERIFY(!c.error().message.isEmpty());
    }

    void missingConfigFileIsAnError()
    {
        auto c = loadServerConfig(
            argv({QStringLiteral("--config"), QStringLiteral("/nonexistent/server.conf")}),
            QProcessEnvironment(), kDefaultDb);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, QStringLiteral("config.unreadable"));
    }

    void byteSizes()
    {
        QCOMPARE(parseByteSize(QStringLiteral("16M")).value(), qint64(16 * 1024 * 1024));
        QCOMPARE(parseByteSize(QStringLiteral("16MiB")).value(), qint64(16 * 1024 * 1024));
        QCOMPARE(parseByteSize(QStringLiteral("512k")).value(), qint64(512 * 1024));
        QCOMPARE(parseByteSize(QStringLiteral("1g")).value(), qint64(1024) * 1024 * 1024);
        QCOMPARE(parseByteSize(QStringLiteral("4096")).value(), qint64(4096));
    }
};

QTEST_GUILESS_MAIN(TestHttpConfig)
#include "test_http_config.moc"
