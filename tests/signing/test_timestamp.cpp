// RFC 3161 signature timestamps: a TSA on loopback (`openssl ts -reply` behind a small HTTP
// server on its own thread, TSA certificate from make-pki.sh), tokens embedded in CMS and PAdES
// signatures as id-aa-signatureTimeStampToken, verified by our verifier and by openssl.
#include "pkifixture.h"
#include "testpaths.h"

#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <openssl/ts.h>
#include <signing/cmssigner.h>
#include <signing/cmsverifier.h>
#include <signing/pades.h>
#include <signing/padesverifier.h>
#include <signing/timestamp.h>
#include <signing/token.h>
#include <signing/truststore.h>

#include <atomic>
#include <memory>

using namespace motcua::signing;

// HTTP POST of a timestamp query → `openssl ts -reply` → the reply. Lives on its own thread so
// a client blocking the test's thread (motcuactl run to completion) still gets answers.
class TsaServer
{
public:
    bool start(const QString &pkiDir)
    {
        m_dir = pkiDir;
        m_thread.start();
        bool listening = false;
        QMetaObject::invokeMethod(
            &m_context,
            [&] {
                m_server = new QTcpServer(&m_context);
                listening = m_server->listen(QHostAddress::LocalHost, 0);
                m_port = m_server->serverPort();
                QObject::connect(m_server, &QTcpServer::newConnection, &m_context,
                                 [this] { accept(); });
            },
            Qt::BlockingQueuedConnection);
        return listening;
    }

    ~TsaServer()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    [[nodiscard]] QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1/tsa").arg(m_port);
    }
    std::atomic<int> requests = 0;
    std::atomic<bool> refuse = false; // answer HTTP 503

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            auto *buffer = new QByteArray;
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
                delete buffer;
                socket->deleteLater();
            });
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                *buffer += socket->readAll();
                const auto end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray headers = buffer->left(end).toLower();
                const auto at = headers.indexOf("content-length:");
                const qsizetype length = at < 0
                    ? 0
                    : headers.mid(at + 15).split('\r').constFirst().trimmed().toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                answer(socket, buffer->mid(end + 4, length), headers);
                buffer->clear();
            });
        }
    }

    void answer(QTcpSocket *socket, const QByteArray &query, const QByteArray &headers)
    {
        ++requests;
        QByteArray reply;
        int status = 503;
        if (!refuse && headers.contains("content-type: application/timestamp-query")) {
            QFile file(m_dir + QStringLiteral("/query.tsq"));
            if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                file.write(query);
                file.close();
                QProcess openssl;
                openssl.setWorkingDirectory(m_dir);
                openssl.start(QStringLiteral("openssl"),
                              {QStringLiteral("ts"), QStringLiteral("-reply"),
                               QStringLiteral("-config"), QStringLiteral("tsa.cnf"),
                               QStringLiteral("-queryfile"), QStringLiteral("query.tsq"),
                               QStringLiteral("-out"), QStringLiteral("reply.tsr")});
                QFile out(m_dir + QStringLiteral("/reply.tsr"));
                if (openssl.waitForFinished(30000) && openssl.exitCode() == 0
                    && out.open(QIODevice::ReadOnly)) {
                    reply = out.readAll();
                    status = 200;
                }
            }
        }
        socket->write("HTTP/1.1 " + QByteArray::number(status)
                      + " X\r\nContent-Type: application/timestamp-reply\r\nContent-Length: "
                      + QByteArray::number(reply.size()) + "\r\nConnection: close\r\n\r\n" + reply);
        socket->disconnectFromHost();
    }

    QString m_dir;
    QThread m_thread;
    QObject m_context; // moved to m_thread in the constructor
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;

public:
    TsaServer() { m_context.moveToThread(&m_thread); }
};

class TestTimestamp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.make());
        QVERIFY(m_pki.startOcsp());
        QVERIFY(m_tsa.start(m_pki.path(QString())));
        auto backend = openPkcs11Backend(m_pki.module());
        QVERIFY(backend.ok());
        m_backend = std::move(backend).value();
        QVERIFY(m_backend->login(QLatin1String(PkiFixture::kToken), PkiFixture::kPin).ok());
    }

    void cleanupTestCase() { m_pki.stopOcsp(); }

    void tokenOverAnyDataChecksImprintAndTsa()
    {
        auto token = requestTimestamp(m_tsa.url(), "giá trị chữ ký");
        QVERIFY2(token.ok(), qPrintable(token.ok() ? QString() : token.error().message));
        CertificateValidator validator(anchors(), online());
        const auto good = verifyTimestampToken(token.value(), "giá trị chữ ký", validator);
        QVERIFY2(good.valid, qPrintable(good.detail));
        QCOMPARE(good.authority, QStringLiteral("MotCua Test TSA"));
        QCOMPARE(good.tsaStatus, CertificateStatus::Trusted);
        QVERIFY(qAbs(good.time.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        // Over another signature value: refused.
        const auto other = verifyTimestampToken(token.value(), "giá trị khác", validator);
        QVERIFY(!other.valid);
        QVERIFY(other.detail.contains(QLatin1String("another signature")));
        // A TSA outside the trust store: not valid.
        CertificateValidator stranger({}, online());
        const auto unknown = verifyTimestampToken(token.value(), "giá trị chữ ký", stranger);
        QVERIFY(!unknown.valid);
        QCOMPARE(unknown.tsaStatus, CertificateStatus::UnknownIssuer);
        // Garbage: not valid, no crash.
        QVERIFY(!verifyTimestampToken("rác", "x", validator).valid);
    }

    // A nonce with a leading zero byte used to be encoded non-minimally, and OpenSSL's TSA
    // refused one request in 256 as malformed. Every query must decode strictly, its nonce
    // positive and 64 bits long.
    void queriesAreStrictDer()
    {
        for (int i = 0; i < 4096; ++i) {
            auto query = timestampQuery("dữ liệu");
            QVERIFY(query.ok());
            const auto *p = reinterpret_cast<const unsigned char *>(query.value().constData());
            std::unique_ptr<TS_REQ, void (*)(TS_REQ *)> decoded(
                d2i_TS_REQ(nullptr, &p, static_cast<long>(query.value().size())), TS_REQ_free);
            QVERIFY2(decoded, query.value().toHex().constData());
            const ASN1_INTEGER *nonce = TS_REQ_get_nonce(decoded.get());
            QVERIFY(nonce);
            QCOMPARE(ASN1_STRING_type(nonce), V_ASN1_INTEGER);
            QCOMPARE(ASN1_STRING_length(nonce), 8);
            QVERIFY(ASN1_STRING_get0_data(nonce)[0] & 0x80);
        }
    }

    void cmsWithTimestamp()
    {
        const int before = m_tsa.requests;
        SignOptions options;
        options.tsaUrl = m_tsa.url();
        auto p7s = signDetachedCms(signer("02"), kContent, options);
        QVERIFY2(p7s.ok(), qPrintable(p7s.ok() ? QString() : p7s.error().message));
        QCOMPARE(m_tsa.requests - before, 1);
        // openssl still accepts the signature with its unsigned attribute, and finds the token.
        const QString path = write(QStringLiteral("ts.p7s"), p7s.value());
        const QString content = write(QStringLiteral("ts.txt"), kContent);
        QCOMPARE(PkiFixture::run(
                     QStringLiteral("openssl"),
                     {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"),
                      QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), path,
                      QStringLiteral("-content"), content, QStringLiteral("-CAfile"),
                      m_pki.path(QStringLiteral("root.pem")), QStringLiteral("-purpose"),
                      QStringLiteral("any"), QStringLiteral("-out"), QStringLiteral("/dev/null")}),
                 0);
        QByteArray printed;
        PkiFixture::run(QStringLiteral("openssl"),
                        {QStringLiteral("cms"), QStringLiteral("-cmsout"), QStringLiteral("-print"),
                         QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                         path, QStringLiteral("-noout")},
                        &printed);
        QVERIFY(printed.contains("id-smime-aa-timeStampToken"));

        CertificateValidator validator(anchors(), online());
        auto reports = verifyDetachedCms(p7s.value(), {QByteArrayView(kContent)}, validator);
        QVERIFY(reports.ok());
        const auto &report = reports.value().constFirst();
        QVERIFY(report.timestamped);
        QVERIFY2(report.timestampValid, qPrintable(report.timestampDetail));
        QCOMPARE(report.timestampAuthority, QStringLiteral("MotCua Test TSA"));
        QVERIFY(qAbs(report.timestampTime.secsTo(report.signingTime)) < 600);
        QVERIFY(report.ok());
        // Without a trusted TSA the signature is valid but the whole is not ok().
        CertificateValidator rootless({}, online());
        auto untrusted = verifyDetachedCms(p7s.value(), {QByteArrayView(kContent)}, rootless);
        QVERIFY(untrusted.value().constFirst().timestamped);
        QVERIFY(!untrusted.value().constFirst().timestampValid);
        // A signature without timestamp says so.
        auto plain = signDetachedCms(signer("01"), kContent);
        auto plainReports = verifyDetachedCms(plain.value(), {QByteArrayView(kContent)}, validator);
        QVERIFY(!plainReports.value().constFirst().timestamped);
        QVERIFY(plainReports.value().constFirst().ok());
    }

    void padesWithTimestamp()
    {
        const QString in = write(QStringLiteral("in.pdf"), kPdf);
        const QString out = m_pki.path(QStringLiteral("ts.pdf"));
        PadesOptions options;
        options.reason = QStringLiteral("Trả kết quả");
        options.sign.tsaUrl = m_tsa.url();
        auto signedPdf = signPdf(signer("01"), in, out, options);
        QVERIFY2(signedPdf.ok(),
                 qPrintable(signedPdf.ok() ? QString() : signedPdf.error().message));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        CertificateValidator validator(anchors(), online());
        auto reports = verifyPdf(file.readAll(), validator);
        QVERIFY(reports.ok());
        const auto &report = reports.value().constFirst();
        QVERIFY(report.timestamped);
        QVERIFY2(report.timestampValid, qPrintable(report.timestampDetail));
        QVERIFY(report.ok());
        QVERIFY(pdfIsIntact(reports.value()));
    }

    void tsaFailuresAreErrors()
    {
        SignOptions options;
        m_tsa.refuse = true;
        options.tsaUrl = m_tsa.url();
        auto refused = signDetachedCms(signer("01"), kContent, options);
        m_tsa.refuse = false;
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("tem thời gian")));
        QVERIFY(refused.error().message.contains(QLatin1String("503")));
        options.tsaUrl = QStringLiteral("ftp://127.0.0.1/tsa");
        QVERIFY(!signDetachedCms(signer("01"), kContent, options).ok());
        // Nobody listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        options.tsaUrl = QStringLiteral("http://127.0.0.1:%1/").arg(probe.serverPort());
        probe.close();
        auto unreachable = signDetachedCms(signer("01"), kContent, options);
        QVERIFY(!unreachable.ok());
        QVERIFY(unreachable.error().message.contains(QStringLiteral("tem thời gian")));
    }

    void cliSignsWithTsa()
    {
        const QString content = write(QStringLiteral("cli.txt"), kContent);
        const QString out = m_pki.path(QStringLiteral("cli.txt.p7s"));
        QProcess process;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TEST_PIN"), QLatin1String(PkiFixture::kPin));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_pki.path(QStringLiteral("xdg")));
        process.setProcessEnvironment(env);
        process.start(motcua::testing::motcuactlPath(),
                      {QStringLiteral("sign"), QStringLiteral("--module"), m_pki.module(),
                       QStringLiteral("--token"), QLatin1String(PkiFixture::kToken),
                       QStringLiteral("--pin-env"), QStringLiteral("TEST_PIN"),
                       QStringLiteral("--key-id"), QStringLiteral("01"), QStringLiteral("--chain"),
                       m_pki.path(QStringLiteral("intermediate.pem")), QStringLiteral("--tsa"),
                       m_tsa.url(), QStringLiteral("--in"), content, QStringLiteral("--out"), out});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        process.start(motcua::testing::motcuactlPath(),
                      {QStringLiteral("verify"), out, QStringLiteral("--trust"),
                       m_pki.path(QStringLiteral("trust")), QStringLiteral("--cache"),
                       m_pki.path(QStringLiteral("cache"))});
        QVERIFY(process.waitForFinished(60000));
        const QByteArray printed = process.readAllStandardOutput();
        QVERIFY2(process.exitCode() == 0, printed.constData());
        QVERIFY(printed.contains("timestamp: valid"));
        QVERIFY(printed.contains("MotCua Test TSA"));
    }

private:
    SignerCredentials signer(const QByteArray &keyId)
    {
        auto credentials = m_backend->credentials(QLatin1String(PkiFixture::kToken), keyId);
        if (!credentials.ok())
            return {};
        credentials.value().chain
            = TrustStore::load(m_pki.path(QStringLiteral("intermediate.pem")));
        return credentials.value();
    }

    QString write(const QString &name, const QByteArray &data)
    {
        QFile file(m_pki.path(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(data);
        return file.fileName();
    }

    QList<std::shared_ptr<X509>> anchors() const
    {
        return TrustStore::load(m_pki.path(QStringLiteral("trust")));
    }

    RevocationOptions online() const
    {
        RevocationOptions options;
        options.cacheDir = m_pki.path(QStringLiteral("cache"));
        return options;
    }

    static QByteArray makePdf()
    {
        const QList<QByteArray> objects{"<< /Type /Catalog /Pages 2 0 R >>",
                                        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
        QByteArray pdf = "%PDF-1.7\n";
        QList<qsizetype> offsets;
        for (int i = 0; i < objects.size(); ++i) {
            offsets << pdf.size();
            pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
        }
        const qsizetype xref = pdf.size();
        pdf += "xref\n0 4\n0000000000 65535 f \n";
        for (auto offset : offsets)
            pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
        pdf += "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref)
            + "\n%%EOF\n";
        return pdf;
    }

    const QByteArray kContent = "Kết quả giải quyết hồ sơ 000.17.22.H56-261129-0002\n";
    const QByteArray kPdf = makePdf();
    PkiFixture m_pki;
    TsaServer m_tsa;
    std::unique_ptr<TokenBackend> m_backend;
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "test_timestamp.moc"
