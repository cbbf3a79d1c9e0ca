// Applicant notifications by e-mail (R16.6, issue 6 item 7) against a real SMTP server on
// loopback: aiosmtpd (Debian's python3-aiosmtpd) storing what it receives in a Maildir, read back
// and decoded by Python's own e-mail parser — an independent judge of our MIME and RFC 2047.
// Plain SMTP, STARTTLS with a certificate made for the test, a refused STARTTLS requirement, a
// dead port; every wait is on a condition, never a sleep.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <domain/demo.h>
#include <services/applicantnotifier.h>
#include <services/smtpmailer.h>

using namespace motcua;
using namespace motcua::services;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// aiosmtpd on 127.0.0.1:port, storing into `maildir`.
class SmtpServer
{
public:
    bool start(const QString &maildir, const QStringList &extra = {})
    {
        m_port = freePort();
        QStringList args{QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
                         QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(m_port)};
        args << extra << QStringLiteral("-c") << QStringLiteral("aiosmtpd.handlers.Mailbox")
             << maildir;
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(kPython, args);
        if (!m_process.waitForStarted(10000))
            return false;
        // Ready when it accepts a connection.
        return QTest::qWaitFor(
                   [&] {
                       if (m_process.state() != QProcess::Running)
                           return true;
                       QTcpSocket s;
                       s.connectToHost(QHostAddress::LocalHost, m_port);
                       return s.waitForConnected(200);
                   },
                   15000)
            && m_process.state() == QProcess::Running;
    }
    ~SmtpServer()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    [[nodiscard]] quint16 port() const { return m_port; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// The messages of the Maildir, decoded by Python's e-mail package.
QJsonArray readMaildir(const QString &maildir)
{
    const QString script = QStringLiteral(R"(
import json, mailbox, sys
from email.header import decode_header, make_header
out = []
for m in mailbox.Maildir(sys.argv[1], create=False):
    out.append({
        'subject': str(make_header(decode_header(m['Subject']))),
        'from': str(make_header(decode_header(m['From']))),
        'to': str(make_header(decode_header(m['To']))),
        'charset': m.get_content_charset(),
        'body': m.get_payload(decode=True).decode(m.get_content_charset()),
    })
print(json.dumps(out))
)");
    QProcess p;
    p.start(kPython, {QStringLiteral("-c"), script, maildir});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(p.readAllStandardOutput()).array();
}

domain::Check sendAndWait(SmtpMailer &mailer, const ApplicantNotice &notice)
{
    std::optional<domain::Check> outcome;
    mailer.send(notice, [&](domain::Check c) { outcome = c; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000))
        return domain::makeError(QStringLiteral("test.timeout"), QStringLiteral("no answer"));
    return *outcome;
}

SmtpOptions options(quint16 port)
{
    SmtpOptions o;
    o.port = port;
    o.from = {QStringLiteral("motcua@khanhhoa.gov.vn"),
              QStringLiteral("Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa")};
    o.timeoutMs = 15000;
    return o;
}

domain::Dossier overdueDossier()
{
    domain::Dossier d;
    d.code = QStringLiteral("000.00.22.H56-261120-0007");
    d.agencyCode = domain::demo::kCentreCode;
    d.handlingAgencyCode = domain::demo::kJusticeCode;
    d.procedureName = QStringLiteral("Cấp Phiếu lý lịch tư pháp");
    d.applicant.fullName = QStringLiteral("Nguyễn Thị Hồng Nhung");
    d.applicant.email = QStringLiteral("nhung.nguyen@example.vn");
    d.dueAt = QDateTime(QDate(2026, 11, 20), QTime(16, 0), QTimeZone(7 * 3600)); // a Friday
    d.stage = domain::Stage::InAppraisal;
    return d;
}

} // namespace

class TestServicesSmtp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(kPython))
            QSKIP("/usr/bin/python3 (with python3-aiosmtpd) is not installed");
    }

    void overdueNoticeSaysDueDateAndDaysLate_R16_6()
    {
        const auto dir = domain::demo::directory();
        // Friday 20/11 16:00 due. Whole working days late, as the statistics count them
        // (docs/statistics.md): Monday 16:00 is one, Tuesday 16:00 two; at Wednesday 10:00 the
        // third has not yet passed, at Wednesday 16:30 it has.
        const QDateTime now(QDate(2026, 11, 25), QTime(10, 0), QTimeZone(7 * 3600));
        auto n = overdueNotice(overdueDossier(), now, dir);
        QVERIFY(n);
        QCOMPARE(n->toAddress, QStringLiteral("nhung.nguyen@example.vn"));
        QVERIFY2(n->body.contains(QStringLiteral("ngày 20/11/2026")), qPrintable(n->body));
        QVERIFY2(n->body.contains(QStringLiteral("quá hạn 2 ngày làm việc")), qPrintable(n->body));
        const auto later = overdueNotice(
            overdueDossier(), QDateTime(QDate(2026, 11, 25), QTime(16, 30), QTimeZone(7 * 3600)),
            dir);
        QVERIFY(later);
        QVERIFY2(later->body.contains(QStringLiteral("quá hạn 3 ngày làm việc")),
                 qPrintable(later->body));
        QVERIFY(n->subject.contains(overdueDossier().code));
        auto noMail = overdueDossier();
        noMail.applicant.email.clear();
        auto refused = overdueNotice(noMail, now, dir);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("notify.no_address"));
    }

    void vietnameseMailArrivesDecodedOverPlainSmtp()
    {
        QTemporaryDir maildir;
        SmtpServer server;
        QVERIFY(server.start(maildir.filePath(QStringLiteral("box"))));
        SmtpMailer mailer(options(server.port()));
        const QDateTime now(QDate(2026, 11, 25), QTime(10, 0), QTimeZone(7 * 3600));
        auto made = overdueNotice(overdueDossier(), now, domain::demo::directory());
        QVERIFY(made);
        auto notice = std::make_optional(made.value());
        // A line starting with a dot must survive (dot-stuffing), and a long subject folds.
        notice->body += QStringLiteral(".Dòng bắt đầu bằng dấu chấm\n.\n");
        notice->subject += QStringLiteral(" — Sở Tư pháp tỉnh Khánh Hòa trân trọng thông báo");
        const auto sent = sendAndWait(mailer, *notice);
        QVERIFY2(sent, qPrintable(sent ? QString() : sent.error().message));

        const QJsonArray mails = readMaildir(maildir.filePath(QStringLiteral("box")));
        QCOMPARE(mails.size(), 1);
        const QJsonObject m = mails.first().toObject();
        QCOMPARE(m.value(QStringLiteral("subject")).toString(), notice->subject);
        QCOMPARE(m.value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
        QCOMPARE(m.value(QStringLiteral("to")).toString(),
                 QStringLiteral("Nguyễn Thị Hồng Nhung <nhung.nguyen@example.vn>"));
        QVERIFY(m.value(QStringLiteral("from"))
                    .toString()
                    .startsWith(QStringLiteral("Trung tâm Phục vụ hành chính công")));
        QString body = m.value(QStringLiteral("body")).toString();
        body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        QCOMPARE(body, notice->body);
    }

    void startTlsEncryptsTheLink()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        SmtpServer server;
        QVERIFY(server.start(dir.filePath(QStringLiteral("box")),
                             {QStringLiteral("--tlscert"), cert, QStringLiteral("--tlskey"), key}));

        // Without trusting the certificate: refused, nothing delivered.
        SmtpOptions o = options(server.port());
        o.tls = SmtpOptions::Tls::StartTls;
        const ApplicantNotice notice{QStringLiteral("a@example.vn"), QStringLiteral("Lê Văn Tám"),
                                     QStringLiteral("Hồ sơ đã có kết quả"),
                                     QStringLiteral("Mời ông đến nhận kết quả.\n")};
        {
            SmtpMailer untrusting(o);
            const auto refused = sendAndWait(untrusting, notice);
            QVERIFY(!refused);
            QVERIFY2(refused.error().message.contains(QStringLiteral("chứng thư")),
                     qPrintable(refused.error().message));
        }
        o.caCertificates = QSslCertificate::fromPath(cert);
        QCOMPARE(o.caCertificates.size(), 1);
        SmtpMailer mailer(o);
        const auto sent = sendAndWait(mailer, notice);
        QVERIFY2(sent, qPrintable(sent ? QString() : sent.error().message));
        const QJsonArray mails = readMaildir(dir.filePath(QStringLiteral("box")));
        QCOMPARE(mails.size(), 1);
        QCOMPARE(mails.first().toObject().value(QStringLiteral("subject")).toString(),
                 notice.subject);
    }

    void requiredStartTlsIsNotSilentlyDropped()
    {
        QTemporaryDir maildir;
        SmtpServer server; // offers no STARTTLS
        QVERIFY(server.start(maildir.filePath(QStringLiteral("box"))));
        SmtpOptions o = options(server.port());
        o.tls = SmtpOptions::Tls::StartTls;
        SmtpMailer mailer(o);
        const auto refused = sendAndWait(
            mailer, {QStringLiteral("a@example.vn"), {}, QStringLiteral("x"), QStringLiteral("y")});
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("STARTTLS")));
        QCOMPARE(readMaildir(maildir.filePath(QStringLiteral("box"))).size(), 0);
    }

    void badAddressAndDeadServerSayWhy()
    {
        SmtpMailer mailer(options(freePort())); // nobody listens there
        const auto injected = sendAndWait(mailer,
                                          {QStringLiteral("a@example.vn>\r\nBcc: x@y.z"),
                                           {},
                                           QStringLiteral("x"),
                                           QStringLiteral("y")});
        QVERIFY(!injected);
        QCOMPARE(injected.error().code, QStringLiteral("mail.bad_address"));
        const auto dead = sendAndWait(
            mailer, {QStringLiteral("a@example.vn"), {}, QStringLiteral("x"), QStringLiteral("y")});
        QVERIFY(!dead);
        QVERIFY2(dead.error().message.contains(QStringLiteral("kết nối")),
                 qPrintable(dead.error().message));
    }
};

QTEST_GUILESS_MAIN(TestServicesSmtp)
#include "test_services_smtp.moc"
