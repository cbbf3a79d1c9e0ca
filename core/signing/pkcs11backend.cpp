// TokenBackend over libp11: one PKCS#11 library, its slots, and one login per token per session.
#include "opensslutil.h"
#include "token.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>

#include <libp11.h>
#include <openssl/err.h>

#include <map>

namespace motcua::signing {
namespace {

Q_LOGGING_CATEGORY(lcToken, "motcua.signing.token")

// The loaded library and one enumeration of its slots. Keys handed out keep it alive, so a
// refresh (new enumeration) never frees what a worker thread is still signing with.
struct Module
{
    PKCS11_CTX *ctx = nullptr;
    ~Module()
    {
        if (ctx) {
            PKCS11_CTX_unload(ctx);
            PKCS11_CTX_free(ctx);
        }
    }
};

struct Slots
{
    std::shared_ptr<Module> module;
    PKCS11_SLOT *list = nullptr;
    unsigned int count = 0;
    ~Slots()
    {
        if (list)
            PKCS11_release_all_slots(module->ctx, list, count);
    }
};

QString text(const char *value)
{
    return QString::fromUtf8(value ? value : "").trimmed();
}

PinState pinStateOf(const PKCS11_TOKEN *token)
{
    if (token->userPinLocked)
        return PinState::Locked;
    if (token->userPinFinalTry)
        return PinState::FinalTry;
    if (token->userPinCountLow)
        return PinState::CountLow;
    return PinState::Ok;
}

class Pkcs11Backend final : public TokenBackend
{
public:
    explicit Pkcs11Backend(std::shared_ptr<Module> module)
        : m_module(std::move(module))
    {}

    Result<QList<TokenInfo>> tokens() override
    {
        QMutexLocker lock(&m_mutex);
        auto slots = enumerate();
        if (!slots)
            return slots.error();
        QList<TokenInfo> list;
        for (unsigned int i = 0; i < slots.value()->count; ++i) {
            const PKCS11_SLOT &slot = slots.value()->list[i];
            if (!slot.token || !slot.token->initialized)
                continue;
            TokenInfo info;
            info.label = text(slot.token->label);
            info.manufacturer = text(slot.token->manufacturer);
            info.model = text(slot.token->model);
            info.serial = text(slot.token->serialnr);
            info.reader = text(slot.description);
            info.pin = pinStateOf(slot.token);
            info.loggedIn = m_loggedIn.count(info.label) > 0;
            list.append(info);
        }
        return list;
    }

    Result<QList<TokenCertificate>> certificates(const QString &label) override
    {
        QMutexLocker lock(&m_mutex);
        auto slot = findSlot(label);
        if (!slot)
            return slot.error();
        PKCS11_CERT *certs = nullptr;
        unsigned int count = 0;
        if (PKCS11_enumerate_certs(slot.value().second->token, &certs, &count) != 0)
            return ossl::keyOperationError(SigningError::KeyNotFound);
        QList<TokenCertificate> list;
        for (unsigned int i = 0; i < count; ++i) {
            if (!certs[i].x509)
                continue;
            TokenCertificate cert;
            cert.id = QByteArray(reinterpret_cast<const char *>(certs[i].id),
                                 static_cast<qsizetype>(certs[i].id_len));
            cert.label = text(certs[i].label);
            cert.der = ossl::toDer(certs[i].x509);
            cert.subject = ossl::subjectOf(certs[i].x509);
            cert.notBefore = ossl::toDateTime(X509_get0_notBefore(certs[i].x509));
            cert.notAfter = ossl::toDateTime(X509_get0_notAfter(certs[i].x509));
            list.append(cert);
        }
        return list;
    }

    Check login(const QString &label, const QByteArray &pin) override
    {
        QMutexLocker lock(&m_mutex);
        if (m_loggedIn.count(label))
            return {};
        if (pin.isEmpty())
            return signingError(SigningError::PinEmpty);
        auto found = findSlot(label);
        if (!found)
            return found.error();
        PKCS11_SLOT *slot = found.value().second;
        if (slot->token->userPinLocked)
            return signingError(SigningError::PinLocked);
        if (PKCS11_login(slot, 0, pin.constData()) == 0) {
            qCInfo(lcToken) << "logged in to token" << label;
            m_loggedIn[label] = found.value().first;
            return {};
        }
        Error error = ossl::keyOperationError(SigningError::WrongPin);
        qCWarning(lcToken) << "login to token" << label << "failed:" << error.code;
        if (error.code != codeOf(SigningError::WrongPin))
            return error;
        // The token's flags (as last read) tell how many tries are left.
        const PinState state = pinStateOf(slot->token);
        if (state == PinState::Locked)
            return signingError(SigningError::PinLocked);
        TokenInfo info;
        info.pin = state;
        const int left = info.remainingTries();
        if (left > 0) {
            error.message += QStringLiteral(" Còn %1 lần thử trước khi PIN bị khoá.").arg(left);
        } else if (state == PinState::CountLow) {
            error.message += QStringLiteral(" Còn ít lần thử trước khi PIN bị khoá.");
        }
        error.details.insert(QStringLiteral("remainingTries"), left);
        return error;
    }

    bool isLoggedIn(const QString &label) const override
    {
        QMutexLocker lock(&m_mutex);
        return m_loggedIn.count(label) > 0;
    }

    Result<SignerCredentials> credentials(const QString &label, const QByteArray &keyId) override
    {
        QMutexLocker lock(&m_mutex);
        const auto session = m_loggedIn.find(label);
        if (session == m_loggedIn.end())
            return signingError(SigningError::NotLoggedIn);
        const std::shared_ptr<Slots> slots = session->second;
        PKCS11_SLOT *slot = nullptr;
        for (unsigned int i = 0; i < slots->count; ++i) {
            if (slots->list[i].token && text(slots->list[i].token->label) == label)
                slot = &slots->list[i];
        }
        if (!slot)
            return signingError(SigningError::TokenRemoved);
        PKCS11_KEY *keys = nullptr;
        unsigned int count = 0;
        if (PKCS11_enumerate_keys(slot->token, &keys, &count) != 0) {
            Error error = ossl::keyOperationError(SigningError::KeyNotFound);
            if (error.code == codeOf(SigningError::TokenRemoved))
                m_loggedIn.erase(label);
            return error;
        }
        const QByteArray wanted = QByteArray::fromHex(keyId);
        for (unsigned int i = 0; i < count; ++i) {
            PKCS11_KEY *key = &keys[i];
            const QByteArray id(reinterpret_cast<const char *>(key->id),
                                static_cast<qsizetype>(key->id_len));
            if (!key->isPrivate || (!wanted.isEmpty() && id != wanted))
                continue;
            PKCS11_CERT *cert = PKCS11_find_certificate(key);
            if (!cert || !cert->x509)
                continue;
            EVP_PKEY *pkey = PKCS11_get_private_key(key);
            if (!pkey)
                return ossl::keyOperationError(SigningError::KeyNotFound);
            SignerCredentials credentials;
            // The key's deleter holds the enumeration (and the library) alive.
            credentials.key
                = std::shared_ptr<EVP_PKEY>(pkey, [slots](EVP_PKEY *p) { EVP_PKEY_free(p); });
            X509_up_ref(cert->x509);
            credentials.certificate = ossl::sharedX509(cert->x509);
            credentials.tokenLabel = label;
            if (auto policy = ossl::checkKeyPolicy(pkey); !policy)
                return policy.error();
            return credentials;
        }
        return signingError(
            SigningError::KeyNotFound,
            keyId.isEmpty() ? QString() : QStringLiteral("id %1").arg(QString::fromLatin1(keyId)));
    }

    void logout() override
    {
        QMutexLocker lock(&m_mutex);
        for (auto &[label, slots] : m_loggedIn) {
            for (unsigned int i = 0; i < slots->count; ++i) {
                if (slots->list[i].token && text(slots->list[i].token->label) == label)
                    PKCS11_logout(&slots->list[i]);
            }
        }
        m_loggedIn.clear();
        ERR_clear_error();
    }

private:
    // The slots, enumerated once: libp11 0.4.12 can neither re-read them in place nor release
    // an enumeration without closing every session of its slots. After a token was removed
    // (TokenRemoved), the caller opens a new backend to see the readers anew.
    Result<std::shared_ptr<Slots>> enumerate()
    {
        if (!m_slots) {
            auto slots = std::make_shared<Slots>();
            slots->module = m_module;
            if (PKCS11_enumerate_slots(m_module->ctx, &slots->list, &slots->count) != 0)
                return ossl::keyOperationError(SigningError::NoToken);
            m_slots = slots;
        }
        // A logged-in token that is no longer there has lost its session.
        for (auto it = m_loggedIn.begin(); it != m_loggedIn.end();) {
            bool present = false;
            for (unsigned int i = 0; i < m_slots->count; ++i) {
                const PKCS11_TOKEN *token = m_slots->list[i].token;
                present = present || (token && text(token->label) == it->first);
            }
            it = present ? std::next(it) : m_loggedIn.erase(it);
        }
        return m_slots;
    }

    // The slot holding token `label`, in a logged-in enumeration when there is one.
    Result<std::pair<std::shared_ptr<Slots>, PKCS11_SLOT *>> findSlot(const QString &label)
    {
        auto slots = enumerate();
        if (!slots)
            return slots.error();
        int present = 0;
        for (unsigned int i = 0; i < slots.value()->count; ++i) {
            PKCS11_SLOT *slot = &slots.value()->list[i];
            if (!slot->token || !slot->token->initialized)
                continue;
            ++present;
            if (text(slot->token->label) == label)
                return std::pair{slots.value(), slot};
        }
        return signingError(present ? SigningError::WrongToken : SigningError::NoToken, label);
    }

    std::shared_ptr<Module> m_module;
    std::shared_ptr<Slots> m_slots;
    mutable QMutex m_mutex;
    std::map<QString, std::shared_ptr<Slots>> m_loggedIn; // token label -> its session's slots
};

} // namespace

int TokenInfo::remainingTries() const
{
    switch (pin) {
    case PinState::Locked:
        return 0;
    case PinState::FinalTry:
        return 1;
    default:
        return -1;
    }
}

Result<std::unique_ptr<TokenBackend>> openPkcs11Backend(const QString &modulePath)
{
    if (modulePath.isEmpty() || !QFileInfo(modulePath).isFile())
        return signingError(SigningError::ModuleNotFound, modulePath);
    auto module = std::make_shared<Module>();
    module->ctx = PKCS11_CTX_new();
    if (!module->ctx)
        return signingError(SigningError::ModuleLoadFailed, modulePath);
    if (PKCS11_CTX_load(module->ctx, QFile::encodeName(modulePath).constData()) != 0) {
        PKCS11_CTX_free(module->ctx);
        module->ctx = nullptr;
        ERR_clear_error();
        return signingError(SigningError::ModuleLoadFailed, modulePath);
    }
    qCInfo(lcToken) << "loaded PKCS#11 module" << modulePath;
    return std::unique_ptr<TokenBackend>(std::make_unique<Pkcs11Backend>(std::move(module)));
}

} // namespace motcua::signing
