#include "mimemessage.h"

#include <QLocale>
#include <QRegularExpression>

namespace motcua::services {

bool isMailAddress(const QString &address)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$)"));
    return address.size() <= 254 && re.match(address).hasMatch();
}

QByteArray encodeHeaderWord(const QString &text)
{
    QString clean = text;
    clean.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    bool plain = true;
    for (const QChar c : clean) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || QStringLiteral("\"=?<>,;:\\()").contains(c))
            plain = false;
    }
    if (plain)
        return clean.toLatin1();
    // "=?UTF-8?B?" + base64 + "?=" ≤ 75: at most 45 bytes of UTF-8 per word (60 base64 chars).
    QByteArrayList words;
    QByteArray chunk;
    for (qsizetype i = 0; i < clean.size(); ++i) {
        QString one = clean.at(i);
        if (clean.at(i).isHighSurrogate() && i + 1 < clean.size())
            one += clean.at(++i);
        const QByteArray bytes = one.toUtf8();
        if (chunk.size() + bytes.size() > 45) {
            words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
            chunk.clear();
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty())
        words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
    return words.join("\r\n ");
}

namespace {

QByteArray addressField(const MailAddress &a)
{
    if (a.name.trimmed().isEmpty())
        return "<" + a.address.toLatin1() + ">";
    return encodeHeaderWord(a.name.trimmed()) + " <" + a.address.toLatin1() + ">";
}

} // namespace

domain::Result<QByteArray> renderMail(const MailMessage &m)
{
    for (const auto &a : {m.from, m.to}) {
        if (!isMailAddress(a.address)) {
            return domain::makeError(QStringLiteral("mail.bad_address"),
                                     QStringLiteral("Địa chỉ thư điện tử \"%1\" không hợp lệ.")
                                         .arg(a.address.left(100)));
        }
    }
    const QDateTime date = (m.date.isValid() ? m.date : QDateTime::currentDateTimeUtc());
    QByteArray out;
    out += "From: " + addressField(m.from) + "\r\n";
    out += "To: " + addressField(m.to) + "\r\n";
    out += "Subject: " + encodeHeaderWord(m.subject) + "\r\n";
    out += "Date: "
        + QLocale::c()
              .toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
              .toLatin1()
        + " +0000\r\n";
    if (!m.messageId.isEmpty() && isMailAddress(m.messageId))
        out += "Message-ID: <" + m.messageId.toLatin1() + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    QString body = m.body;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    body.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    const QByteArray encoded = body.toUtf8().toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

} // namespace motcua::services
