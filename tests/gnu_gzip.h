#pragma once

// GNU gzip as the tests' independent judge of what the server compresses (its own inflate, not
// the zlib the server uses).
#include <QByteArray>
#include <QProcess>
#include <QString>

namespace motcua::test {

// GNU gzip's reading of `stream`: `gzip -t` checks it (CRC-32 and length), `gzip -dc` inflates
// it. Empty with `error` set on failure.
inline QByteArray gnuGunzip(const QByteArray &stream, QString *error)
{
    QByteArray out;
    for (const QString &mode : {QStringLiteral("-t"), QStringLiteral("-dc")}) {
        QProcess gzip;
        gzip.start(QStringLiteral("gzip"), {mode});
        gzip.write(stream);
        gzip.closeWriteChannel();
        if (!gzip.waitForFinished(30000) || gzip.exitStatus() != QProcess::NormalExit
            || gzip.exitCode() != 0) {
            *error = QStringLiteral("gzip %1: %2")
                         .arg(mode, QString::fromUtf8(gzip.readAllStandardError()));
            return {};
        }
        out = gzip.readAllStandardOutput();
    }
    return out;
}

} // namespace motcua::test
