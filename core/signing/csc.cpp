// Remote signing over the Cloud Signature Consortium API v2 (csc.h).
//
// OpenSSL 3 keeps the RSA and EC key methods a remote key needs (libp11 uses the same ones) behind
// its deprecation macros; this file is their only user.
#define OPENSSL_SUPPRESS_DEPRECATED

#include "csc.h"

#include "opensslutil.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>

#include <cstring>

namespace motcua::signing {
namespace {

Q_LOGGING_CATEGORY(lcCsc, "motcua.signing.csc")

constexpr qint64 kMaxAnswer = 4 * 1024 * 1024;
const QString kRsaEncryption = QStringLiteral("1.2.840.113549.1.1.1");

struct Answer
{
    int status = 0;
    QJsonObject body;
};

Error remote(SigningError kind, const QString &detail = {})
{
    return signingError(kind, detail);
}

// The service's own words for a refusal: {"error": …, "error_description": …}.
Error refusal(int status, const QJsonObject &body)
{
    const QString code = body.value(QStringLiteral("error")).toString();
    const QString description = body.value(QStringLiteral("error_description")).toString();
    const QString detail = description.isEmpty() ? code : description;
    if (code == QLatin1String("invalid_pin") || code == QLatin1String("invalid_otp")) {
        Error e = remote(SigningError::WrongPin);
        if (body.contains(QStringLiteral("remainingTries")))
            e.details.insert(QStringLiteral("remainingTries"),
                             body.value(QStringLiteral("remainingTries")).toInt());
        return e;
    }
    if (code == QLatin1String("pin_locked") || code == QLatin1String("credential_locked"))
        return remote(SigningError::PinLocked);
    if (code == QLatin1String("access_denied"))
        return remote(SigningError::RemoteDenied, detail);
    if (status == 401 || code == QLatin1String("invalid_token")
        || code == QLatin1String("invalid_grant") || code == QLatin1String("unauthorized_client"))
        return remote(SigningError::RemoteRefused, detail);
    return remote(SigningError::SigningFailed,
                  QStringLiteral("dịch vụ ký số từ xa, HTTP %1: %2").arg(status).arg(detail));
}

// HTTP to the service: one blocking POST per call, on the calling thread.
class Client
{
public:
    explicit Client(CscOptions options)
        : m_options(std::move(options))
    {
        while (m_options.baseUrl.endsWith(QLatin1Char('/')))
            m_options.baseUrl.chop(1);
        m_bearer = m_options.accessToken;
    }

    [[nodiscard]] const CscOptions &options() const { return m_options; }

    // auth/login with HTTP Basic when a user name is given; otherwise the bearer token is used.
    Check signIn()
    {
        if (m_options.username.isEmpty())
            return {};
        auto answer = post(QStringLiteral("auth/login"), {{QStringLiteral("rememberMe"), false}},
                           /*basic=*/true);
        if (!answer)
            return answer.error();
        const QByteArray token
            = answer->body.value(QStringLiteral("access_token")).toString().toUtf8();
        if (token.isEmpty())
            return remote(SigningError::RemoteUnavailable,
                          QStringLiteral("dịch vụ không trả mã truy cập"));
        QMutexLocker lock(&m_mutex);
        m_bearer = token;
        return {};
    }

    // 200 and 202 are answers; anything else a typed error.
    Result<Answer> post(const QString &method, const QJsonObject &body, bool basic = false) const
    {
        const QUrl url(m_options.baseUrl + QLatin1Char('/') + method);
        if (!url.isValid()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return remote(SigningError::RemoteUnavailable,
                          QStringLiteral("địa chỉ không hợp lệ: ") + m_options.baseUrl);
        QNetworkAccessManager network;
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setTransferTimeout(m_options.requestTimeoutSeconds * 1000);
        if (basic) {
            const QByteArray account
                = QByteArray(m_options.username.toUtf8() + ':' + m_options.password);
            request.setRawHeader(QByteArrayLiteral("Authorization"),
                                 QByteArray("Basic " + account.toBase64()));
        } else {
            QMutexLocker lock(&m_mutex);
            if (!m_bearer.isEmpty())
                request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_bearer);
        }
        QNetworkReply *reply
            = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec(QEventLoop::ExcludeUserInputEvents);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->read(kMaxAnswer);
        const QString failure = reply->errorString();
        const bool transportFailed = status == 0;
        delete reply;
        if (transportFailed)
            return remote(SigningError::RemoteUnavailable, failure);
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
        const QJsonObject answer = document.object();
        if (status == 200 || status == 202) {
            if (!data.isEmpty()
                && (parseError.error != QJsonParseError::NoError || !document.isObject()))
                return remote(SigningError::RemoteUnavailable,
                              QStringLiteral("câu trả lời của %1 không phải JSON").arg(method));
            return Answer{status, answer};
        }
        qCInfo(lcCsc).noquote() << method << "refused: HTTP" << status
                                << answer.value(QStringLiteral("error")).toString();
        return refusal(status, answer);
    }

private:
    CscOptions m_options;
    mutable QMutex m_mutex;
    QByteArray m_bearer;
};

struct Authorization
{
    QByteArray sad;
    QDateTime expires;
};

// What the backend and every key it handed out share: the client and the authorisations.
struct Shared
{
    explicit Shared(CscOptions options)
        : client(std::move(options))
    {}
    Client client;
    QMutex mutex;
    QHash<QString, Authorization> authorizations; // by credential ID

    Result<QByteArray> sad(const QString &credential)
    {
        QMutexLocker lock(&mutex);
        const auto it = authorizations.constFind(credential);
        if (it == authorizations.cend() || it->expires <= QDateTime::currentDateTimeUtc())
            return remote(SigningError::NotLoggedIn);
        return it->sad;
    }
};

struct RemoteKey
{
    std::shared_ptr<Shared> shared;
    QString credential;
};

// ---- The key: every private-key operation is one signatures/signHash ----------------------

void freeRemoteKey(void *, void *ptr, CRYPTO_EX_DATA *, int, long, void *)
{
    delete static_cast<RemoteKey *>(ptr);
}

int rsaIndex()
{
    static const int index = RSA_get_ex_new_index(0, nullptr, nullptr, nullptr, freeRemoteKey);
    return index;
}

int ecIndex()
{
    static const int index = EC_KEY_get_ex_new_index(0, nullptr, nullptr, nullptr, freeRemoteKey);
    return index;
}

// SHA-2 only (Circular 15/2025/TT-BKHCN): the digest's OID, or empty.
QString hashOid(int nid)
{
    switch (nid) {
    case NID_sha256:
        return QStringLiteral("2.16.840.1.101.3.4.2.1");
    case NID_sha384:
        return QStringLiteral("2.16.840.1.101.3.4.2.2");
    case NID_sha512:
        return QStringLiteral("2.16.840.1.101.3.4.2.3");
    default:
        return {};
    }
}

Result<QByteArray> signHash(const RemoteKey &key, const QByteArray &hash, const QString &hashOid,
                            const QString &signOid)
{
    auto sad = key.shared->sad(key.credential);
    if (!sad)
        return sad.error();
    auto answer = key.shared->client.post(
        QStringLiteral("signatures/signHash"),
        {{QStringLiteral("credentialID"), key.credential},
         {QStringLiteral("SAD"), QString::fromUtf8(sad.value())},
         {QStringLiteral("hashes"), QJsonArray{QString::fromLatin1(hash.toBase64())}},
         {QStringLiteral("hashAlgorithmOID"), hashOid},
         {QStringLiteral("signAlgo"), signOid}});
    if (!answer)
        return answer.error();
    const QByteArray signature = QByteArray::fromBase64(
        answer->body.value(QStringLiteral("signatures")).toArray().at(0).toString().toLatin1());
    if (signature.isEmpty())
        return remote(SigningError::RemoteUnavailable,
                      QStringLiteral("dịch vụ không trả chữ ký cho giá trị băm"));
    return signature;
}

int rsaSign(int type, const unsigned char *m, unsigned int length, unsigned char *sigret,
            unsigned int *siglen, const RSA *rsa)
{
    const auto *key = static_cast<const RemoteKey *>(RSA_get_ex_data(rsa, rsaIndex()));
    const QString oid = hashOid(type);
    if (!key || oid.isEmpty()) {
        ossl::setKeyFailure(remote(SigningError::UnsupportedAlgorithm));
        return 0;
    }
    auto signature = signHash(*key, QByteArray(reinterpret_cast<const char *>(m), int(length)), oid,
                              kRsaEncryption);
    const int size = RSA_size(rsa);
    if (!signature || signature->size() > size) {
        ossl::setKeyFailure(signature ? remote(SigningError::RemoteUnavailable,
                                               QStringLiteral("chữ ký RSA dài hơn khoá"))
                                      : signature.error());
        return 0;
    }
    // A signature is as long as the modulus; a service that dropped leading zeros gets them back.
    const int pad = size - int(signature->size());
    std::memset(sigret, 0, size_t(pad));
    std::memcpy(sigret + pad, signature->constData(), size_t(signature->size()));
    *siglen = unsigned(size);
    return 1;
}

// Raw private-key operations (RSASSA-PSS pads before it gets here; decryption): not remotely.
int rsaRaw(int, const unsigned char *, unsigned char *, RSA *, int)
{
    ossl::setKeyFailure(remote(SigningError::UnsupportedAlgorithm,
                               QStringLiteral("ký số từ xa chỉ dùng RSA PKCS#1 v1.5 hoặc ECDSA, "
                                              "không dùng RSASSA-PSS")));
    return -1;
}

const RSA_METHOD *rsaMethod()
{
    static RSA_METHOD *method = [] {
        RSA_METHOD *m = RSA_meth_dup(RSA_PKCS1_OpenSSL());
        RSA_meth_set1_name(m, "MotCua CSC remote key");
        RSA_meth_set_sign(m, rsaSign);
        RSA_meth_set_priv_enc(m, rsaRaw);
        RSA_meth_set_priv_dec(m, rsaRaw);
        return m;
    }();
    return method;
}

ECDSA_SIG *ecSignSig(const unsigned char *dgst, int length, const BIGNUM *, const BIGNUM *,
                     EC_KEY *ec)
{
    const auto *key = static_cast<const RemoteKey *>(EC_KEY_get_ex_data(ec, ecIndex()));
    const int nid = length == 32 ? NID_sha256
        : length == 48           ? NID_sha384
        : length == 64           ? NID_sha512
                                 : 0;
    const QString signOid = nid == NID_sha256 ? QStringLiteral("1.2.840.10045.4.3.2")
        : nid == NID_sha384                   ? QStringLiteral("1.2.840.10045.4.3.3")
                                              : QStringLiteral("1.2.840.10045.4.3.4");
    if (!key || nid == 0) {
        ossl::setKeyFailure(remote(SigningError::UnsupportedAlgorithm));
        return nullptr;
    }
    auto signature = signHash(*key, QByteArray(reinterpret_cast<const char *>(dgst), length),
                              hashOid(nid), signOid);
    if (!signature) {
        ossl::setKeyFailure(signature.error());
        return nullptr;
    }
    // DER (what the CSC specification asks for); raw r‖s is taken too.
    const auto *p = reinterpret_cast<const unsigned char *>(signature->constData());
    if (ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, long(signature->size())))
        return sig;
    ERR_clear_error();
    const int half = int(signature->size()) / 2;
    const int order = (EC_GROUP_order_bits(EC_KEY_get0_group(ec)) + 7) / 8;
    if (half != order || signature->size() % 2 != 0) {
        ossl::setKeyFailure(remote(SigningError::RemoteUnavailable,
                                   QStringLiteral("chữ ký ECDSA không đúng định dạng")));
        return nullptr;
    }
    const auto *raw = reinterpret_cast<const unsigned char *>(signature->constData());
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(raw, half, nullptr);
    BIGNUM *s = BN_bin2bn(raw + half, half, nullptr);
    if (!sig || !r || !s || !ECDSA_SIG_set0(sig, r, s)) {
        ECDSA_SIG_free(sig);
        BN_free(r);
        BN_free(s);
        ossl::setKeyFailure(remote(SigningError::SigningFailed, ossl::drainErrors()));
        return nullptr;
    }
    return sig;
}

const EC_KEY_METHOD *ecMethod()
{
    static EC_KEY_METHOD *method = [] {
        EC_KEY_METHOD *m = EC_KEY_METHOD_new(EC_KEY_OpenSSL());
        int (*sign)(int, const unsigned char *, int, unsigned char *, unsigned int *,
                    const BIGNUM *, const BIGNUM *, EC_KEY *)
            = nullptr;
        int (*setup)(EC_KEY *, BN_CTX *, BIGNUM **, BIGNUM **) = nullptr;
        ECDSA_SIG *(*signSig)(const unsigned char *, int, const BIGNUM *, const BIGNUM *, EC_KEY *)
            = nullptr;
        EC_KEY_METHOD_get_sign(m, &sign, &setup, &signSig);
        EC_KEY_METHOD_set_sign(m, sign, setup, ecSignSig);
        return m;
    }();
    return method;
}

// A private key that signs through the service, with the certificate's public key.
Result<std::shared_ptr<EVP_PKEY>> remoteKey(const std::shared_ptr<Shared> &shared,
                                            const QString &credential, X509 *certificate)
{
    EVP_PKEY *pub = X509_get0_pubkey(certificate);
    ossl::PkeyPtr key(EVP_PKEY_new());
    if (!pub || !key)
        return remote(SigningError::KeyNotFound, ossl::drainErrors());
    if (EVP_PKEY_get_base_id(pub) == EVP_PKEY_RSA) {
        RSA *rsa = RSAPublicKey_dup(EVP_PKEY_get0_RSA(pub));
        if (!rsa || !RSA_set_method(rsa, rsaMethod())
            || !RSA_set_ex_data(rsa, rsaIndex(), new RemoteKey{shared, credential})
            || !EVP_PKEY_assign_RSA(key.get(), rsa)) {
            RSA_free(rsa);
            return remote(SigningError::KeyNotFound, ossl::drainErrors());
        }
    } else if (EVP_PKEY_get_base_id(pub) == EVP_PKEY_EC) {
        EC_KEY *ec = EC_KEY_dup(EVP_PKEY_get0_EC_KEY(pub));
        if (!ec || !EC_KEY_set_method(ec, ecMethod())
            || !EC_KEY_set_ex_data(ec, ecIndex(), new RemoteKey{shared, credential})
            || !EVP_PKEY_assign_EC_KEY(key.get(), ec)) {
            EC_KEY_free(ec);
            return remote(SigningError::KeyNotFound, ossl::drainErrors());
        }
    } else {
        return remote(SigningError::UnsupportedKey);
    }
    return std::shared_ptr<EVP_PKEY>(key.release(), [](EVP_PKEY *p) { EVP_PKEY_free(p); });
}

// ---- The backend ----------------------------------------------------------------------------

class CscBackend final : public TokenBackend
{
public:
    CscBackend(std::shared_ptr<Shared> shared, QString serviceName)
        : m_shared(std::move(shared))
        , m_serviceName(std::move(serviceName))
    {}

    Result<QList<TokenInfo>> tokens() override
    {
        auto answer = m_shared->client.post(QStringLiteral("credentials/list"),
                                            {{QStringLiteral("maxResults"), 100}});
        if (!answer)
            return answer.error();
        QList<TokenInfo> out;
        for (const auto &id : answer->body.value(QStringLiteral("credentialIDs")).toArray()) {
            TokenInfo t;
            t.label = id.toString();
            t.manufacturer = m_serviceName;
            t.model = QStringLiteral("CSC API v2");
            t.serial = t.label;
            t.reader = m_shared->client.options().baseUrl;
            t.loggedIn = isLoggedIn(t.label);
            out.append(t);
        }
        return out;
    }

    Result<QList<TokenCertificate>> certificates(const QString &label) override
    {
        auto chain = info(label);
        if (!chain)
            return chain.error();
        const X509 *cert = chain->constFirst().get();
        TokenCertificate c;
        c.id = label.toUtf8();
        c.label = label;
        c.der = ossl::toDer(cert);
        c.subject = ossl::subjectOf(cert);
        c.notBefore = ossl::toDateTime(X509_get0_notBefore(cert));
        c.notAfter = ossl::toDateTime(X509_get0_notAfter(cert));
        return QList<TokenCertificate>{c};
    }

    Check login(const QString &label, const QByteArray &pin) override
    {
        if (pin.isEmpty())
            return remote(SigningError::PinEmpty);
        const CscOptions &o = m_shared->client.options();
        auto answer = m_shared->client.post(
            QStringLiteral("credentials/authorize"),
            {{QStringLiteral("credentialID"), label},
             {QStringLiteral("numSignatures"), o.signaturesPerLogin},
             {QStringLiteral("PIN"), QString::fromUtf8(pin)},
             {QStringLiteral("description"), QStringLiteral("MotCua: ký hồ sơ một cửa")}});
        if (!answer)
            return answer.error();
        // 202: the signer confirms on their device; ask until the SAD comes.
        const QString pending = answer->body.value(QStringLiteral("authorizationID")).toString();
        QDeadlineTimer deadline(qint64(o.confirmationTimeoutSeconds) * 1000);
        while (answer->status == 202) {
            if (pending.isEmpty())
                return remote(SigningError::RemoteUnavailable,
                              QStringLiteral("thiếu mã yêu cầu xác nhận"));
            if (deadline.hasExpired())
                return remote(SigningError::RemoteTimeout);
            QEventLoop wait;
            QTimer::singleShot(o.pollIntervalMilliseconds, &wait, &QEventLoop::quit);
            wait.exec(QEventLoop::ExcludeUserInputEvents);
            answer = m_shared->client.post(QStringLiteral("credentials/authorizeCheck"),
                                           {{QStringLiteral("credentialID"), label},
                                            {QStringLiteral("authorizationID"), pending}});
            if (!answer)
                return answer.error();
        }
        const QByteArray sad = answer->body.value(QStringLiteral("SAD")).toString().toUtf8();
        if (sad.isEmpty())
            return remote(SigningError::RemoteUnavailable,
                          QStringLiteral("dịch vụ không trả dữ liệu kích hoạt chữ ký (SAD)"));
        const int seconds = answer->body.value(QStringLiteral("expiresIn")).toInt(3600);
        QMutexLocker lock(&m_shared->mutex);
        m_shared->authorizations.insert(
            label, {sad, QDateTime::currentDateTimeUtc().addSecs(qMax(1, seconds))});
        return {};
    }

    [[nodiscard]] bool isLoggedIn(const QString &label) const override
    {
        return m_shared->sad(label).ok();
    }

    Result<SignerCredentials> credentials(const QString &label, const QByteArray &) override
    {
        if (!isLoggedIn(label))
            return remote(SigningError::NotLoggedIn);
        auto chain = info(label);
        if (!chain)
            return chain.error();
        SignerCredentials c;
        c.certificate = chain->constFirst();
        auto key = remoteKey(m_shared, label, c.certificate.get());
        if (!key)
            return key.error();
        c.key = key.value();
        if (auto policy = ossl::checkKeyPolicy(c.key.get()); !policy)
            return policy.error();
        for (qsizetype i = 1; i < chain->size(); ++i) {
            X509 *ca = chain->at(i).get();
            if (X509_check_issued(ca, ca) != X509_V_OK) // the root stays in the trust store
                c.chain.append(chain->at(i));
        }
        c.tokenLabel = label;
        return c;
    }

    void logout() override
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->authorizations.clear();
    }

private:
    // credentials/info: the certificate first, then its issuers.
    Result<QList<std::shared_ptr<X509>>> info(const QString &label)
    {
        auto answer
            = m_shared->client.post(QStringLiteral("credentials/info"),
                                    {{QStringLiteral("credentialID"), label},
                                     {QStringLiteral("certificates"), QStringLiteral("chain")},
                                     {QStringLiteral("certInfo"), true}});
        if (!answer) {
            const SigningError kind = kindOf(answer.error());
            if (kind == SigningError::RemoteUnavailable || kind == SigningError::RemoteRefused)
                return answer.error();
            return remote(SigningError::KeyNotFound, label);
        }
        QList<std::shared_ptr<X509>> chain;
        const QJsonArray certs = answer->body.value(QStringLiteral("cert"))
                                     .toObject()
                                     .value(QStringLiteral("certificates"))
                                     .toArray();
        for (const auto &cert : certs) {
            auto x509 = ossl::x509FromDer(QByteArray::fromBase64(cert.toString().toLatin1()));
            if (!x509)
                return remote(SigningError::RemoteUnavailable,
                              QStringLiteral("chứng thư số của %1 không đọc được").arg(label));
            chain.append(x509);
        }
        if (chain.isEmpty())
            return remote(SigningError::KeyNotFound, label);
        return chain;
    }

    std::shared_ptr<Shared> m_shared;
    QString m_serviceName;
};

} // namespace

Result<std::unique_ptr<TokenBackend>> openCscBackend(const CscOptions &options)
{
    auto shared = std::make_shared<Shared>(options);
    auto about = shared->client.post(QStringLiteral("info"), {});
    if (!about)
        return about.error();
    if (auto signedIn = shared->client.signIn(); !signedIn)
        return signedIn.error();
    const QString name = about->body.value(QStringLiteral("name")).toString();
    return std::unique_ptr<TokenBackend>(
        new CscBackend(shared, name.isEmpty() ? QStringLiteral("CSC") : name));
}

} // namespace motcua::signing
