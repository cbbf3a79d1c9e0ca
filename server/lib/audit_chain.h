#pragma once

// The per-agency hash chain of accepted actions (internal to motcua_server_lib).
#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

namespace motcua::server::audit {

// The "previous hash" of an agency's first action.
inline QString genesis()
{
    return QString(64, QLatin1Char('0'));
}

// SHA-256(previous hash as hex text ‖ canonical action JSON), as lower-case hex.
inline QString chainHash(const QString &previous, const QByteArray &canonicalAction)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previous.toLatin1());
    hash.addData(canonicalAction);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace motcua::server::audit
