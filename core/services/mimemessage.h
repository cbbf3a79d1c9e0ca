#pragma once

// An e-mail as bytes on the wire (RFC 5322 with MIME, RFC 2045/2047): Vietnamese names and the
// subject as UTF-8 "B" encoded-words, the body UTF-8 in base64, CRLF line ends. Header fields
// never carry a CR or LF from the input (no header injection).
#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <domain/result.h>

namespace motcua::services {

struct MailAddress
{
    QString address; // local@domain
    QString name;    // display name, any Unicode
};

// A plain address: one "@", no spaces, controls, angle brackets or quotes.
bool isMailAddress(const QString &address);

// One header value as RFC 2047 encoded-words (each at most 75 characters, split between UTF-8
// characters); ASCII text without specials is left as it is.
QByteArray encodeHeaderWord(const QString &text);

struct MailMessage
{
    MailAddress from;
    MailAddress to;
    QString subject;
    QString body; // plain text
    QDateTime date;
    QString messageId; // without the angle brackets: "uuid@host"
};

// The message with its headers; mail.bad_address when an address is not one.
domain::Result<QByteArray> renderMail(const MailMessage &message);

} // namespace motcua::services
