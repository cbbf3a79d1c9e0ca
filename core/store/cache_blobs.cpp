// Content-addressed blobs at rest: blobs/<aa>/<sha256>, each file "MCB1" ‖ AES-256-GCM(nonce ‖
// ciphertext ‖ tag) under HKDF(cache key), the address as associated data; verified on read.
#include "cache_private.h"
#include "crypto.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

namespace motcua::store {

using domain::makeError;

namespace {

const QByteArray kMagic = QByteArrayLiteral("MCB1");

bool isAddress(const QString &sha256)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(sha256).hasMatch();
}

domain::Error badAddress(const QString &sha256)
{
    return makeError(QStringLiteral("blob.bad_address"),
                     QStringLiteral("Mã băm tệp không hợp lệ: %1.").arg(sha256.left(80)));
}

domain::Error corrupt(const QString &sha256, const QString &why)
{
    auto e = makeError(QStringLiteral("blob.corrupt"),
                       QStringLiteral("Tệp đính kèm %1… trong bộ đệm bị hỏng hoặc đã bị sửa "
                                      "(%2). Tệp sẽ được tải lại từ máy chủ khi có mạng.")
                           .arg(sha256.left(12), why));
    e.details.insert(QStringLiteral("sha256"), sha256);
    return e;
}

QByteArray aadFor(const QString &sha256)
{
    return QByteArrayLiteral("motcua-blob-v1:") + sha256.toLatin1();
}

} // namespace

static QString blobPath(const QString &dir, const QString &sha256)
{
    return QDir(dir).filePath(
        QStringLiteral("%1/%2/%3")
            .arg(QString::fromLatin1(Cache::kBlobDir), sha256.left(2), sha256));
}

static Result<BlobInfo> storeBlob(Cache &cache, Database &db, const QString &dir,
                                  const QByteArray &key, const QString &sha256,
                                  const QByteArray &bytes, const QString &mediaType, bool uploaded)
{
    const QString path = blobPath(dir, sha256);
    if (!QFile::exists(path)) {
        auto sealed = crypto::seal(key, bytes, aadFor(sha256));
        if (!sealed)
            return sealed.error();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(kMagic) != kMagic.size()
            || file.write(sealed.value()) != sealed.value().size() || !file.commit()) {
            return makeError(QStringLiteral("blob.io"),
                             QStringLiteral("Không ghi được tệp đính kèm vào bộ đệm: %1.")
                                 .arg(file.errorString()));
        }
    }
    BlobInfo info{sha256, bytes.size(), mediaType, uploaded, QDateTime::currentDateTimeUtc()};
    auto st = cache.transaction([&]() -> Check {
        Statement put(db,
                      "INSERT OR IGNORE INTO blobs (sha256, size, media_type, uploaded, "
                      "created_at) VALUES (?, ?, ?, ?, ?)");
        put.bind(sha256).bind(qint64(bytes.size())).bind(mediaType).bind(int(uploaded));
        put.bind(detail::toMs(info.createdAt));
        if (auto done = put.exec(); !done)
            return done;
        if (uploaded) {
            Statement up(db, "UPDATE blobs SET uploaded = 1 WHERE sha256 = ?");
            up.bind(sha256);
            return up.exec();
        }
        return {};
    });
    if (!st)
        return st.error();
    auto stored = cache.blobInfo(sha256);
    if (!stored)
        return stored.error();
    return stored.value().value_or(info);
}

Result<BlobInfo> Cache::putBlob(const QByteArray &bytes, const QString &mediaType)
{
    return storeBlob(*this, *d->db, d->dir, d->blobKey, crypto::sha256Hex(bytes), bytes, mediaType,
                     false);
}

Result<BlobInfo> Cache::putDownloadedBlob(const QString &sha256, const QByteArray &bytes,
                                          const QString &mediaType)
{
    if (!isAddress(sha256))
        return badAddress(sha256);
    if (crypto::sha256Hex(bytes) != sha256) {
        return makeError(QStringLiteral("blob.hash_mismatch"),
                         QStringLiteral("Tệp tải về không khớp mã băm %1…; tệp bị bỏ qua.")
                             .arg(sha256.left(12)));
    }
    return storeBlob(*this, *d->db, d->dir, d->blobKey, sha256, bytes, mediaType, true);
}

Result<QByteArray> Cache::blob(const QString &sha256)
{
    if (!isAddress(sha256))
        return badAddress(sha256);
    QFile file(blobPath(d->dir, sha256));
    if (!file.exists()) {
        auto e = makeError(
            QStringLiteral("blob.missing"),
            QStringLiteral("Tệp đính kèm %1… chưa có trong bộ đệm.").arg(sha256.left(12)));
        e.details.insert(QStringLiteral("sha256"), sha256);
        return e;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(
            QStringLiteral("blob.io"),
            QStringLiteral("Không đọc được tệp đính kèm: %1.").arg(file.errorString()));
    }
    const QByteArray raw = file.readAll();
    if (!raw.startsWith(kMagic))
        return corrupt(sha256, QStringLiteral("sai định dạng"));
    auto plain = crypto::open(d->blobKey, raw.mid(kMagic.size()), aadFor(sha256));
    if (!plain)
        return corrupt(sha256, QStringLiteral("không giải mã được"));
    if (crypto::sha256Hex(plain.value()) != sha256)
        return corrupt(sha256, QStringLiteral("sai mã băm"));
    return plain.value();
}

Result<std::optional<BlobInfo>> Cache::blobInfo(const QString &sha256)
{
    Statement q(*d->db,
                "SELECT size, media_type, uploaded, created_at FROM blobs WHERE sha256 = ?");
    q.bind(sha256);
    auto row = q.step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<BlobInfo>();
    return std::optional<BlobInfo>(
        BlobInfo{sha256, q.integer(0), q.text(1), q.integer(2) != 0, detail::fromMs(q.integer(3))});
}

Result<QList<BlobInfo>> Cache::blobsToUpload()
{
    Statement q(*d->db,
                "SELECT sha256, size, media_type, created_at FROM blobs WHERE uploaded = "
                "0 ORDER BY created_at, sha256");
    QList<BlobInfo> out;
    for (;;) {
        auto row = q.step();
        if (!row)
            return row.error();
        if (!row.value())
            return out;
        out.append({q.text(0), q.integer(1), q.text(2), false, detail::fromMs(q.integer(3))});
    }
}

Check Cache::markBlobUploaded(const QString &sha256)
{
    Statement up(*d->db, "UPDATE blobs SET uploaded = 1 WHERE sha256 = ?");
    up.bind(sha256);
    return up.exec();
}

} // namespace motcua::store
