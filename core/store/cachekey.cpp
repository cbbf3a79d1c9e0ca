// The cache key per profile: the OS keychain, or Argon2id key slots per officer (cachekey.h).
#include "cachekey.h"

#include "argon2id.h"
#include "crypto.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace motcua::store {

using domain::makeError;

namespace {

constexpr auto kProfileFile = "profile.json";
constexpr auto kSlotsFile = "keyslots.json";
constexpr auto kKeychainMode = "keychain";
constexpr auto kPasswordMode = "officer-passwords";

Result<QJsonObject> readJson(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(QStringLiteral("cache.io"),
                         QStringLiteral("Không đọc được %1: %2.").arg(path, file.errorString()));
    }
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return makeError(QStringLiteral("cache.bad_profile"),
                         QStringLiteral("Tệp %1 bị hỏng; hãy báo quản trị viên.").arg(path));
    }
    return doc.object();
}

Check writeJson(const QString &path, const QJsonObject &json)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return makeError(QStringLiteral("cache.io"),
                         QStringLiteral("Không ghi được %1: %2.").arg(path, file.errorString()));
    }
    return {};
}

QByteArray slotAad(const QString &profileId, const QString &username)
{
    return (QStringLiteral("motcua-keyslot-v1:%1:%2").arg(profileId, username)).toUtf8();
}

domain::Error noSlot(const QString &username)
{
    return makeError(QStringLiteral("cache.no_key_slot"),
                     QStringLiteral("Máy trạm này dùng khóa theo mật khẩu cán bộ và tài khoản "
                                    "“%1” chưa có khe khóa ở đây. Hãy nhờ quản trị viên có khe "
                                    "khóa trên máy này đăng nhập và cấp khe cho tài khoản tại Cài "
                                    "đặt › Bảo vệ dữ liệu của máy trạm (hoặc cán bộ đã có khe khóa "
                                    "dùng lệnh motcuactl cache add-slot).")
                         .arg(username),
                     QStringLiteral("username"));
}

} // namespace

CacheKeys::CacheKeys(QString profileDir, SecretStore &secrets)
    : m_dir(std::move(profileDir))
    , m_secrets(secrets)
{}

QString CacheKeys::defaultProfileDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("profile"));
}

Result<KeyMode> CacheKeys::mode() const
{
    auto json = readJson(QDir(m_dir).filePath(QString::fromLatin1(kProfileFile)));
    if (!json)
        return json.error();
    const QString mode = json.value().value(QStringLiteral("keyMode")).toString();
    if (mode.isEmpty() || mode == QLatin1String(kKeychainMode))
        return KeyMode::Keychain;
    if (mode == QLatin1String(kPasswordMode))
        return KeyMode::OfficerPasswords;
    return makeError(QStringLiteral("cache.bad_profile"),
                     QStringLiteral("Chế độ khóa “%1” không được hỗ trợ.").arg(mode));
}

Result<QString> CacheKeys::profileId() const
{
    const QString path = QDir(m_dir).filePath(QString::fromLatin1(kProfileFile));
    auto json = readJson(path);
    if (!json)
        return json.error();
    QString id = json.value().value(QStringLiteral("profileId")).toString();
    if (!id.isEmpty())
        return id;
    id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonObject fresh = json.value();
    fresh.insert(QStringLiteral("profileId"), id);
    if (!fresh.contains(QStringLiteral("keyMode")))
        fresh.insert(QStringLiteral("keyMode"), QString::fromLatin1(kKeychainMode));
    if (auto st = writeJson(path, fresh); !st)
        return st.error();
    return id;
}

static Check setMode(const QString &dir, const char *mode)
{
    const QString path = QDir(dir).filePath(QString::fromLatin1(kProfileFile));
    auto json = readJson(path);
    if (!json)
        return json.error();
    QJsonObject updated = json.value();
    updated.insert(QStringLiteral("keyMode"), QString::fromLatin1(mode));
    return writeJson(path, updated);
}

Result<QByteArray> CacheKeys::keychainKey()
{
    auto m = mode();
    if (!m)
        return m.error();
    if (m.value() != KeyMode::Keychain) {
        return makeError(QStringLiteral("cache.key_needs_password"),
                         QStringLiteral("Máy trạm này dùng khóa theo mật khẩu cán bộ: hãy đăng "
                                        "nhập bằng tài khoản của mình."));
    }
    auto id = profileId();
    if (!id)
        return id.error();
    const QString entry = QStringLiteral("cache-key/%1").arg(id.value());
    auto key = m_secrets.read(entry);
    if (key) {
        if (key.value().size() != Cache::kKeyBytes) {
            return makeError(QStringLiteral("cache.key_invalid"),
                             QStringLiteral("Khóa bộ đệm trong kho khóa không hợp lệ."));
        }
        return key;
    }
    if (key.error().code != QLatin1String("keychain.not_found"))
        return key.error();
    if (QFile::exists(QDir(m_dir).filePath(QString::fromLatin1(Cache::kFileName)))) {
        auto e = makeError(
            QStringLiteral("cache.key_missing"),
            QStringLiteral(
                "Bộ đệm cục bộ đã có dữ liệu nhưng khóa của nó không còn trong kho "
                "khóa của hệ điều hành (kho khóa chưa được mở khóa, đã bị xóa, hoặc "
                "đây là tài khoản hệ điều hành khác). Dữ liệu được giữ nguyên. Hãy báo quản trị "
                "viên: khôi phục kho khóa, hoặc đổi tên thư mục %1 để đồng bộ lại từ "
                "máy chủ.")
                .arg(m_dir));
        return e;
    }
    QByteArray fresh = crypto::randomBytes(Cache::kKeyBytes);
    if (auto st = m_secrets.write(entry, fresh); !st)
        return st.error();
    auto check = m_secrets.read(entry);
    if (!check || check.value() != fresh) {
        return makeError(QStringLiteral("keychain.error"),
                         QStringLiteral("Kho khóa không lưu được khóa bộ đệm; hãy thử lại."));
    }
    qCInfo(lcStore) << "new cache key stored in the keychain";
    return fresh;
}

Result<QByteArray> CacheKeys::unlockWithPassword(const QString &username,
                                                 const QString &password) const
{
    auto id = profileId();
    if (!id)
        return id.error();
    auto slots = readJson(QDir(m_dir).filePath(QString::fromLatin1(kSlotsFile)));
    if (!slots)
        return slots.error();
    const QJsonObject slot
        = slots.value().value(QStringLiteral("slots")).toObject().value(username).toObject();
    if (slot.isEmpty())
        return noSlot(username);
    argon2id::Params params;
    params.timeCost = quint32(slot.value(QStringLiteral("t")).toInt());
    params.memoryKiB = quint32(slot.value(QStringLiteral("m")).toInt());
    params.parallelism = quint32(slot.value(QStringLiteral("p")).toInt(1));
    const QByteArray salt
        = QByteArray::fromBase64(slot.value(QStringLiteral("salt")).toString().toLatin1());
    const QByteArray wrapped
        = QByteArray::fromBase64(slot.value(QStringLiteral("wrapped")).toString().toLatin1());
    auto kek = argon2id::deriveKey(password, salt, params);
    if (!kek)
        return kek.error();
    auto key = crypto::open(kek.value(), wrapped, slotAad(id.value(), username));
    crypto::wipe(kek.value());
    if (!key) {
        return makeError(QStringLiteral("cache.wrong_password"),
                         QStringLiteral("Sai mật khẩu: không mở được khóa bộ đệm của máy trạm."),
                         QStringLiteral("password"));
    }
    return key;
}

Check CacheKeys::addSlot(const QByteArray &key, const QString &username, const QString &password)
{
    if (key.size() != Cache::kKeyBytes) {
        return makeError(QStringLiteral("cache.bad_key_length"),
                         QStringLiteral("Khóa bộ đệm phải dài 256 bit."));
    }
    auto id = profileId();
    if (!id)
        return id.error();
    const argon2id::Params params;
    const QByteArray salt = crypto::randomBytes(16);
    auto kek = argon2id::deriveKey(password, salt, params);
    if (!kek)
        return kek.error();
    auto wrapped = crypto::seal(kek.value(), key, slotAad(id.value(), username));
    crypto::wipe(kek.value());
    if (!wrapped)
        return wrapped.error();
    const QString path = QDir(m_dir).filePath(QString::fromLatin1(kSlotsFile));
    auto json = readJson(path);
    if (!json)
        return json.error();
    QJsonObject file = json.value();
    QJsonObject slots = file.value(QStringLiteral("slots")).toObject();
    slots.insert(username,
                 QJsonObject{
                     {QStringLiteral("kdf"), QStringLiteral("argon2id")},
                     {QStringLiteral("t"), int(params.timeCost)},
                     {QStringLiteral("m"), int(params.memoryKiB)},
                     {QStringLiteral("p"), int(params.parallelism)},
                     {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
                     {QStringLiteral("wrapped"), QString::fromLatin1(wrapped.value().toBase64())},
                 });
    file.insert(QStringLiteral("version"), 1);
    file.insert(QStringLiteral("slots"), slots);
    return writeJson(path, file);
}

Check CacheKeys::removeSlot(const QString &username)
{
    const QString path = QDir(m_dir).filePath(QString::fromLatin1(kSlotsFile));
    auto json = readJson(path);
    if (!json)
        return json.error();
    QJsonObject file = json.value();
    QJsonObject slots = file.value(QStringLiteral("slots")).toObject();
    if (slots.size() == 1 && slots.contains(username)) {
        return makeError(QStringLiteral("cache.last_key_slot"),
                         QStringLiteral("Không thể xóa khe khóa cuối cùng: bộ đệm sẽ không mở "
                                        "được nữa."));
    }
    slots.remove(username);
    file.insert(QStringLiteral("slots"), slots);
    return writeJson(path, file);
}

Result<QStringList> CacheKeys::slotOwners() const
{
    auto json = readJson(QDir(m_dir).filePath(QString::fromLatin1(kSlotsFile)));
    if (!json)
        return json.error();
    return json.value().value(QStringLiteral("slots")).toObject().keys();
}

Check CacheKeys::switchToOfficerPasswords(const QByteArray &key, const QString &username,
                                          const QString &password)
{
    auto m = mode();
    if (!m)
        return m.error();
    if (auto st = addSlot(key, username, password); !st)
        return st;
    auto check = unlockWithPassword(username, password);
    if (!check || check.value() != key) {
        return makeError(QStringLiteral("cache.key_slot_failed"),
                         QStringLiteral("Không kiểm tra được khe khóa vừa tạo; giữ nguyên chế độ "
                                        "kho khóa."));
    }
    if (auto st = setMode(m_dir, kPasswordMode); !st)
        return st;
    auto id = profileId();
    if (!id)
        return id.error();
    return m_secrets.remove(QStringLiteral("cache-key/%1").arg(id.value()));
}

Check CacheKeys::switchToKeychain(const QByteArray &key)
{
    auto id = profileId();
    if (!id)
        return id.error();
    const QString entry = QStringLiteral("cache-key/%1").arg(id.value());
    if (auto st = m_secrets.write(entry, key); !st)
        return st;
    auto check = m_secrets.read(entry);
    if (!check || check.value() != key) {
        return makeError(QStringLiteral("keychain.error"),
                         QStringLiteral("Kho khóa không lưu được khóa bộ đệm; giữ nguyên chế độ "
                                        "mật khẩu cán bộ."));
    }
    if (auto st = setMode(m_dir, kKeychainMode); !st)
        return st;
    QFile::remove(QDir(m_dir).filePath(QString::fromLatin1(kSlotsFile)));
    return {};
}

Result<QByteArray> profileKey(const QString &profileDir, SecretStore &secrets,
                              const QString &username, const QString &password,
                              Cache::OpenMode mode)
{
    if (mode == Cache::OpenMode::OpenExisting
        && !QFile::exists(QDir(profileDir).filePath(QString::fromLatin1(Cache::kFileName)))) {
        return makeError(QStringLiteral("cache.missing"),
                         QStringLiteral("Không tìm thấy bộ đệm cục bộ trong %1.").arg(profileDir));
    }
    CacheKeys keys(profileDir, secrets);
    auto keyMode = keys.mode();
    if (!keyMode)
        return keyMode.error();
    return keyMode.value() == KeyMode::Keychain ? keys.keychainKey()
                                                : keys.unlockWithPassword(username, password);
}

Result<QByteArray> verifiedKey(const QString &profileDir, SecretStore &secrets,
                               const QString &username, const QString &password)
{
    auto key = profileKey(profileDir, secrets, username, password, Cache::OpenMode::OpenExisting);
    if (!key)
        return key.error();
    auto cache = Cache::open(profileDir, key.value(), Cache::OpenMode::OpenExisting);
    if (!cache) {
        crypto::wipe(key.value());
        return cache.error();
    }
    return key;
}

Result<std::unique_ptr<Cache>> openProfile(const QString &profileDir, SecretStore &secrets,
                                           const QString &username, const QString &password,
                                           Cache::OpenMode mode)
{
    auto key = profileKey(profileDir, secrets, username, password, mode);
    if (!key)
        return key.error();
    auto cache = Cache::open(profileDir, key.value(), mode);
    crypto::wipe(key.value());
    return cache;
}

} // namespace motcua::store
