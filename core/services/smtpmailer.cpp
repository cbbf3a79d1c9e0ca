#include "smtpmailer.h"

#include "logging.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace motcua::services {

Q_LOGGING_CATEGORY(lcNotifySmtp, "motcua.services.smtp")

struct SmtpMailer::Session
{
    enum class Step {
        Greeting,
        Ehlo,
        StartTls,
        EhloTls,
        Auth,
        MailFrom,
        RcptTo,
        Data,
        Body,
        Quit,
        Done
    };
    SmtpOptions options;
    QByteArray message;
    QString recipient;
    std::function<void(domain::Check)> done;
    std::unique_ptr<QSslSocket> socket = std::make_unique<QSslSocket>();
    QTimer timer;
    Step step = Step::Greeting;
    QByteArray buffer;
    QByteArrayList lines; // of the reply being read
    bool encrypted = false;
    bool finished = false;

    void finish(domain::Check outcome)
    {
        if (finished)
            return;
        finished = true;
        timer.stop();
        socket->disconnect();
        socket->abort();
        auto callback = std::move(done);
        if (callback)
            callback(outcome);
    }

    void fail(const QString &message)
    {
        qCWarning(lcNotifySmtp) << "mail not sent:" << message;
        finish(domain::makeError(QStringLiteral("mail.failed"),
                                 QStringLiteral("Không gửi được thư điện tử: %1").arg(message)));
    }

    void write(const QByteArray &line)
    {
        timer.start(options.timeoutMs);
        socket->write(line + "\r\n");
    }

    void ehlo() { write("EHLO " + options.heloName.toLatin1()); }

    void afterEhlo()
    {
        const bool offersTls = std::any_of(lines.cbegin(), lines.cend(), [](const QByteArray &l) {
            return l.mid(4).trimmed().toUpper() == "STARTTLS";
        });
        if (!encrypted && options.tls != SmtpOptions::Tls::None && offersTls) {
            step = Step::StartTls;
            return write("STARTTLS");
        }
        if (!encrypted && options.tls == SmtpOptions::Tls::StartTls)
            return fail(QStringLiteral("máy chủ thư không hỗ trợ mã hóa STARTTLS."));
        if (!options.username.isEmpty()) {
            if (!encrypted)
                return fail(QStringLiteral("không gửi mật khẩu qua kết nối chưa mã hóa."));
            step = Step::Auth;
            const QByteArray plain = QByteArray(1, '\0') + options.username.toUtf8()
                + QByteArray(1, '\0') + options.password.toUtf8();
            return write("AUTH PLAIN " + plain.toBase64());
        }
        mailFrom();
    }

    void mailFrom()
    {
        step = Step::MailFrom;
        write("MAIL FROM:<" + options.from.address.toLatin1() + ">");
    }

    void handle(int code)
    {
        const auto expect = [&](int wanted, const char *what) {
            if (code == wanted)
                return true;
            fail(QStringLiteral("máy chủ thư từ chối %1 (%2 %3).")
                     .arg(QString::fromUtf8(what))
                     .arg(code)
                     .arg(QString::fromUtf8(lines.isEmpty() ? QByteArray() : lines.last().mid(4))
                              .left(200)));
            return false;
        };
        switch (step) {
        case Step::Greeting:
            if (expect(220, "kết nối")) {
                step = Step::Ehlo;
                ehlo();
            }
            break;
        case Step::Ehlo:
        case Step::EhloTls:
            if (expect(250, "lời chào EHLO"))
                afterEhlo();
            break;
        case Step::StartTls:
            if (expect(220, "STARTTLS")) {
                buffer.clear(); // nothing read before TLS is trusted after it (RFC 3207 §6)
                timer.start(options.timeoutMs);
                socket->startClientEncryption();
            }
            break;
        case Step::Auth:
            if (expect(235, "đăng nhập"))
                mailFrom();
            break;
        case Step::MailFrom:
            if (expect(250, "người gửi")) {
                step = Step::RcptTo;
                write("RCPT TO:<" + recipient.toLatin1() + ">");
            }
            break;
        case Step::RcptTo:
            if (code == 251 || expect(250, "người nhận")) {
                step = Step::Data;
                write("DATA");
            }
            break;
        case Step::Data:
            if (expect(354, "nội dung thư")) {
                step = Step::Body;
                QByteArray body;
                for (QByteArray line : message.split('\n')) {
                    if (line.endsWith('\r'))
                        line.chop(1);
                    if (line.startsWith('.'))
                        line.prepend('.'); // dot-stuffing (RFC 5321 4.5.2)
                    body += line + "\r\n";
                }
                if (body.endsWith("\r\n\r\n"))
                    body.chop(2);
                timer.start(options.timeoutMs);
                socket->write(body + ".\r\n");
            }
            break;
        case Step::Body:
            if (expect(250, "thư")) {
                step = Step::Quit;
                write("QUIT");
                finish({}); // the message is accepted; QUIT is a courtesy
            }
            break;
        case Step::Quit:
        case Step::Done:
            break;
        }
    }

    void read()
    {
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n");
            if (end < 0) {
                if (buffer.size() > 64 * 1024)
                    fail(QStringLiteral("máy chủ thư trả lời quá dài."));
                return;
            }
            const QByteArray line = buffer.left(end);
            buffer.remove(0, end + 2);
            bool ok = false;
            const int code = line.left(3).toInt(&ok);
            if (!ok || line.size() < 3)
                return fail(QStringLiteral("máy chủ thư trả lời không đúng giao thức SMTP."));
            lines.append(line);
            if (line.size() > 3 && line.at(3) == '-')
                continue; // a continuation line
            timer.stop();
            handle(code);
            lines.clear();
            if (finished)
                return;
        }
    }
};

SmtpMailer::SmtpMailer(SmtpOptions options, QObject *parent)
    : ApplicantNotifier(parent)
    , m_options(std::move(options))
{}

SmtpMailer::~SmtpMailer()
{
    for (const auto &s : std::as_const(m_sessions))
        s->finish(domain::makeError(QStringLiteral("mail.cancelled"),
                                    QStringLiteral("Đã hủy gửi thư điện tử.")));
}

void SmtpMailer::send(const ApplicantNotice &notice, std::function<void(domain::Check)> done)
{
    MailMessage m;
    m.from = m_options.from;
    m.to = {notice.toAddress, notice.toName};
    m.subject = notice.subject;
    m.body = notice.body;
    sendMail(m, std::move(done));
}

void SmtpMailer::sendMail(const MailMessage &message, std::function<void(domain::Check)> done)
{
    MailMessage m = message;
    if (m.messageId.isEmpty() && isMailAddress(m_options.from.address)) {
        m.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1Char('@')
            + m_options.from.address.section(QLatin1Char('@'), 1);
    }
    auto bytes = renderMail(m);
    if (!bytes)
        return done(bytes.error());

    auto session = std::make_shared<Session>();
    session->options = m_options;
    session->message = bytes.value();
    session->recipient = m.to.address;
    QPointer<SmtpMailer> self(this);
    std::weak_ptr<Session> weak = session;
    session->done = [self, weak, done = std::move(done)](domain::Check outcome) {
        if (self) {
            if (auto s = weak.lock()) // dropped after this event, not inside the socket's call
                QTimer::singleShot(0, self, [self, s] { self->m_sessions.removeOne(s); });
        }
        done(outcome);
    };
    Session *s = session.get();
    if (!m_options.caCertificates.isEmpty()) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.addCaCertificates(m_options.caCertificates);
        s->socket->setSslConfiguration(config);
    }
    s->timer.setSingleShot(true);
    QObject::connect(&s->timer, &QTimer::timeout, s->socket.get(),
                     [s] { s->fail(QStringLiteral("máy chủ thư không trả lời.")); });
    QObject::connect(s->socket.get(), &QSslSocket::readyRead, s->socket.get(), [s] { s->read(); });
    QObject::connect(s->socket.get(), &QSslSocket::encrypted, s->socket.get(), [s] {
        s->encrypted = true;
        s->step = Session::Step::EhloTls;
        s->ehlo();
    });
    QObject::connect(s->socket.get(), &QSslSocket::sslErrors, s->socket.get(),
                     [s](const QList<QSslError> &errors) {
                         s->fail(
                             QStringLiteral("chứng thư của máy chủ thư không hợp lệ: %1")
                                 .arg(errors.isEmpty() ? QString() : errors.first().errorString()));
                     });
    QObject::connect(
        s->socket.get(), &QSslSocket::errorOccurred, s->socket.get(),
        [s](QAbstractSocket::SocketError) {
            s->fail(
                QStringLiteral("lỗi kết nối đến máy chủ thư (%1).").arg(s->socket->errorString()));
        });
    m_sessions.append(session);
    s->timer.start(m_options.timeoutMs);
    s->socket->connectToHost(m_options.host, m_options.port);
}

} // namespace motcua::services
