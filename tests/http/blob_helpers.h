#pragma once

// Helpers of the blob tests: random content, its SHA-256, whole and chunked uploads.
#include "http_fixture.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <vector>

namespace motcua::test {

inline QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    std::vector<quint32> words(size_t(size + 3) / 4);
    generator.fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), size);
}

inline QString sha256Of(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

inline QString blobPath(const QString &sha256)
{
    return QStringLiteral("/api/v1/blobs/") + sha256;
}

inline QHash<QByteArray, QByteArray> octets()
{
    return {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream")}};
}

inline Reply putWhole(Client &client, const QString &sha256, const QByteArray &data,
                      const QString &token)
{
    return client.send("PUT", blobPath(sha256), data, token, octets());
}

inline QByteArray contentRange(qint64 start, qint64 length, qint64 total)
{
    return QStringLiteral("bytes %1-%2/%3")
        .arg(start)
        .arg(start + length - 1)
        .arg(total)
        .toLatin1();
}

// Bytes [start, start + length) of `data` as one chunk of a resumable upload.
inline Reply putChunk(Client &client, const QString &sha256, const QByteArray &data, qint64 start,
                      qint64 length, const QString &token, qint64 total = -1)
{
    auto headers = octets();
    headers.insert(QByteArrayLiteral("Content-Range"),
                   contentRange(start, length, total < 0 ? data.size() : total));
    return client.send("PUT", blobPath(sha256), data.mid(start, length), token, headers);
}

inline qint64 headerNumber(const Reply &reply, const QByteArray &name)
{
    return reply.headers.value(name, QByteArrayLiteral("-1")).toLongLong();
}

} // namespace motcua::test
