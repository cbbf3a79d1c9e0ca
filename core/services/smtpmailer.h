#pragma once

// The e-mail adapter of ApplicantNotifier: SMTP (RFC 5321) over QSslSocket, no external library.
// EHLO, STARTTLS when the server offers it (required when `tls` is StartTls), AUTH PLAIN only on
// an encrypted link, MAIL FROM / RCPT TO / DATA with dot-stuffing, QUIT. One message per
// connection; every step has a timeout and a Vietnamese message when it fails.
#include "applicantnotifier.h"
#include "mimemessage.h"

#include <QList>
#include <QSslCertificate>

#include <memory>

namespace motcua::services {

struct SmtpOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 25;
    enum class Tls {
        None, // plain SMTP (loopback relays only)
        StartTlsIfOffered,
        StartTls, // refuse to send when the server does not offer STARTTLS
    };
    Tls tls = Tls::StartTlsIfOffered;
    QList<QSslCertificate> caCertificates; // trusted in addition to the system's
    QString username;                      // AUTH PLAIN when set (encrypted links only)
    QString password;
    MailAddress from;
    QString heloName = QStringLiteral("motcua.invalid");
    int timeoutMs = 30000;
};

class SmtpMailer final : public ApplicantNotifier
{
    Q_OBJECT
public:
    explicit SmtpMailer(SmtpOptions options, QObject *parent = nullptr);
    ~SmtpMailer() override;

    void send(const ApplicantNotice &notice, std::function<void(domain::Check)> done) override;
    // The same for a whole message (tests and other senders).
    void sendMail(const MailMessage &message, std::function<void(domain::Check)> done);

private:
    struct Session;
    SmtpOptions m_options;
    QList<std::shared_ptr<Session>> m_sessions;
};

} // namespace motcua::services
