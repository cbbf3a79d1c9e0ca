// Opening the cache, transactions, settings and the sync cursor.
#include "cache_private.h"
#include "crypto.h"
#include "logging.h"
#include "schema.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <domain/json.h>

namespace motcua::store {

using domain::makeError;

namespace detail {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime fromMs(qint64 ms)
{
    return ms == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

qint64 toMs(const QDateTime &at)
{
    return at.isValid() ? at.toMSecsSinceEpoch() : 0;
}

QByteArray dossierJson(const domain::Dossier &dossier)
{
    return QJsonDocument(domain::toJson(dossier)).toJson(QJsonDocument::Compact);
}

Result<domain::Dossier> parseDossier(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return makeError(QStringLiteral("cache.corrupt"),
                         QStringLiteral("Dữ liệu hồ sơ trong bộ đệm bị hỏng."));
    }
    return domain::dossierFromJson(doc.object());
}

QByteArray actionJson(const domain::Action &action)
{
    return QJsonDocument(domain::toJson(action)).toJson(QJsonDocument::Compact);
}

Result<domain::Action> parseAction(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return makeError(QStringLiteral("cache.corrupt"),
                         QStringLiteral("Dữ liệu thao tác trong bộ đệm bị hỏng."));
    }
    return domain::actionFromJson(doc.object());
}

Result<QString> setting(Database &db, const char *key, const QString &fallback)
{
    Statement q(db, "SELECT value FROM settings WHERE key = ?");
    q.bind(QString::fromLatin1(key));
    auto row = q.step();
    if (!row)
        return row.error();
    return row.value() ? q.text(0) : fallback;
}

Check setSetting(Database &db, const char *key, const QString &value)
{
    Statement q(db, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
    q.bind(QString::fromLatin1(key)).bind(value);
    return q.exec();
}

} // namespace detail

Cache::Cache(std::unique_ptr<Private> p)
    : d(std::move(p))
{}

Cache::~Cache()
{
    if (d && d->db)
        (void)d->db->exec("PRAGMA wal_checkpoint(PASSIVE)");
    if (d)
        crypto::wipe(d->blobKey);
}

Result<std::unique_ptr<Cache>> Cache::open(const QString &profileDir, const QByteArray &key,
                                           OpenMode mode)
{
    if (key.size() != kKeyBytes) {
        return makeError(QStringLiteral("cache.bad_key_length"),
                         QStringLiteral("Khóa bộ đệm phải dài 256 bit."));
    }
    const QDir dir(profileDir);
    const QString path = dir.filePath(QString::fromLatin1(kFileName));
    const bool exists = QFile::exists(path);
    if (!exists && mode == OpenMode::OpenExisting) {
        return makeError(QStringLiteral("cache.missing"),
                         QStringLiteral("Không tìm thấy bộ đệm cục bộ tại %1.").arg(path));
    }
    if (!exists && !QDir().mkpath(dir.filePath(QString::fromLatin1(kBlobDir)))) {
        return makeError(QStringLiteral("cache.io"),
                         QStringLiteral("Không tạo được thư mục hồ sơ %1.").arg(profileDir));
    }
    if (!exists) {
        // Built under a temporary name and renamed when complete: cache.db always is a whole cache.
        const QString building = path + QStringLiteral(".new");
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(building + QString::fromLatin1(suffix));
        {
            auto fresh = Database::open(building, key, true);
            if (!fresh)
                return fresh.error();
            if (auto st = schema::migrate(*fresh.value()); !st)
                return st.error();
            auto st = fresh.value()->transaction([&]() -> Check {
                if (auto done
                    = detail::setSetting(*fresh.value(), detail::kDeviceIdKey,
                                         QUuid::createUuid().toString(QUuid::WithoutBraces));
                    !done)
                    return done;
                return detail::setSetting(*fresh.value(), detail::kNextDeviceSeqKey,
                                          QStringLiteral("1"));
            });
            if (!st)
                return st.error();
        }
        if (!QFile::rename(building, path)) {
            return makeError(QStringLiteral("cache.io"),
                             QStringLiteral("Không tạo được tệp bộ đệm %1.").arg(path));
        }
    }

    auto db = Database::open(path, key, false);
    if (!db)
        return db.error();
    if (auto st = schema::migrate(*db.value()); !st)
        return st.error();
    auto p = std::make_unique<Private>();
    p->dir = dir.absolutePath();
    auto version = schema::version(*db.value());
    if (!version)
        return version.error();
    p->schemaVersion = version.value();
    auto device = detail::setting(*db.value(), detail::kDeviceIdKey);
    if (!device)
        return device.error();
    p->deviceId = device.value();
    auto blobKey = crypto::hkdf(key, QByteArrayLiteral("motcua-cache"),
                                QByteArrayLiteral("motcua blobs v1"));
    if (!blobKey)
        return blobKey.error();
    p->blobKey = blobKey.value();
    p->db = std::move(db.value());
    return std::unique_ptr<Cache>(new Cache(std::move(p)));
}

QString Cache::profileDir() const
{
    return d->dir;
}

QString Cache::filePath() const
{
    return d->db->path();
}

QString Cache::deviceId() const
{
    return d->deviceId;
}

int Cache::schemaVersion() const
{
    return d->schemaVersion;
}

Database &Cache::database()
{
    return *d->db;
}

Check Cache::transaction(const std::function<Check()> &work)
{
    return d->db->transaction(work);
}

Result<QString> Cache::setting(const QString &key, const QString &fallback)
{
    const QByteArray k = key.toUtf8();
    return detail::setting(*d->db, k.constData(), fallback);
}

Check Cache::setSetting(const QString &key, const QString &value)
{
    const QByteArray k = key.toUtf8();
    return detail::setSetting(*d->db, k.constData(), value);
}

Result<qint64> Cache::cursor()
{
    auto value = detail::setting(*d->db, detail::kCursorKey, QStringLiteral("0"));
    if (!value)
        return value.error();
    return value.value().toLongLong();
}

Result<QDateTime> Cache::lastSync()
{
    auto value = detail::setting(*d->db, detail::kLastSyncKey, QStringLiteral("0"));
    if (!value)
        return value.error();
    return detail::fromMs(value.value().toLongLong());
}

Check Cache::setLastSync(const QDateTime &at)
{
    return detail::setSetting(*d->db, detail::kLastSyncKey, QString::number(detail::toMs(at)));
}

} // namespace motcua::store
