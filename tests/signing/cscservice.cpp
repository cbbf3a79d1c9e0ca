#include "cscservice.h"

#include <QHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QThread>
#include <QUuid>

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

using Status = QHttpServerResponse::StatusCode;

namespace {

QHttpServerResponse failure(Status status, const char *code, const QString &description,
                            const QJsonObject &extra = {})
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("error"), QLatin1String(code));
    body.insert(QStringLiteral("error_description"), description);
    return QHttpServerResponse(body, status);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

const EVP_MD *digestOf(const QString &oid)
{
    if (oid == QLatin1String("2.16.840.1.101.3.4.2.1"))
        return EVP_sha256();
    if (oid == QLatin1String("2.16.840.1.101.3.4.2.2"))
        return EVP_sha384();
    if (oid == QLatin1String("2.16.840.1.101.3.4.2.3"))
        return EVP_sha512();
    return nullptr;
}

// The key signs the hash as it is: PKCS#1 v1.5 over the DigestInfo for RSA, DER ECDSA for EC.
QByteArray signDigest(EVP_PKEY *key, const EVP_MD *md, const QByteArray &hash)
{
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new(key, nullptr),
                                                                    EVP_PKEY_CTX_free);
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) <= 0)
        return {};
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA
        && EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0)
        return {};
    if (EVP_PKEY_CTX_set_signature_md(ctx.get(), md) <= 0)
        return {};
    const auto *in = reinterpret_cast<const unsigned char *>(hash.constData());
    size_t length = 0;
    if (EVP_PKEY_sign(ctx.get(), nullptr, &length, in, size_t(hash.size())) <= 0)
        return {};
    QByteArray out(qsizetype(length), Qt::Uninitialized);
    if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &length, in,
                      size_t(hash.size()))
        <= 0)
        return {};
    out.truncate(qsizetype(length));
    return out;
}

} // namespace

struct CscService::Impl
{
    CscService *q = nullptr;
    QThread thread;
    QObject context; // lives on `thread`
    QHttpServer *server = nullptr;
    quint16 port = 0;

    QMutex mutex;
    QHash<QString, QByteArray> accounts;    // user → password
    QHash<QString, Credential> credentials; // id → credential
    QHash<QString, QString> tokens;         // bearer → user
    struct Pending
    {
        QString credential;
        int checks = 0;
    };
    QHash<QString, Pending> pending; // authorizationID → request waiting for the phone
    struct Sad
    {
        QString credential;
        int left = 0;
    };
    QHash<QString, Sad> sads;

    QHttpServerResponse answer(const QHttpServerRequest &request)
    {
        const QString path = request.url().path();
        const QString prefix = QStringLiteral("/csc/v2/");
        if (!path.startsWith(prefix))
            return failure(Status::NotFound, "invalid_request", QStringLiteral("No such route"));
        const QString method = path.mid(prefix.size());
        QByteArray authorization;
        for (const auto &[name, value] : request.headers()) {
            if (name.compare("authorization", Qt::CaseInsensitive) == 0)
                authorization = value;
        }
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        QMutexLocker lock(&mutex);
        if (method == QLatin1String("info"))
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("specs"), QStringLiteral("2.0.0.2")},
                            {QStringLiteral("name"), QStringLiteral("Dịch vụ ký số thử nghiệm")},
                            {QStringLiteral("region"), QStringLiteral("VN")},
                            {QStringLiteral("lang"), QStringLiteral("vi-VN")},
                            {QStringLiteral("authType"), QJsonArray{QStringLiteral("basic")}}});
        if (method == QLatin1String("auth/login")) {
            const QByteArray account
                = QByteArray::fromBase64(authorization.mid(int(qstrlen("Basic "))));
            const QString user = QString::fromUtf8(account.left(account.indexOf(':')));
            if (!authorization.startsWith("Basic ") || !accounts.contains(user)
                || accounts.value(user) != account.mid(account.indexOf(':') + 1))
                return failure(Status::Unauthorized, "unauthorized_client",
                               QStringLiteral("Invalid username or password"));
            const QString token = newId();
            tokens.insert(token, user);
            return QHttpServerResponse(QJsonObject{{QStringLiteral("access_token"), token},
                                                   {QStringLiteral("expires_in"), 3600}});
        }
        if (!authorization.startsWith("Bearer ")
            || !tokens.contains(QString::fromUtf8(authorization.mid(7))))
            return failure(Status::Unauthorized, "invalid_token",
                           QStringLiteral("Invalid or missing access token"));

        const QString id = body.value(QStringLiteral("credentialID")).toString();
        if (method == QLatin1String("credentials/list")) {
            QJsonArray ids;
            QStringList sorted = credentials.keys();
            sorted.sort();
            for (const QString &key : sorted)
                ids.append(key);
            return QHttpServerResponse(QJsonObject{{QStringLiteral("credentialIDs"), ids}});
        }
        if (!credentials.contains(id))
            return failure(Status::BadRequest, "invalid_request",
                           QStringLiteral("Invalid parameter credentialID"));
        Credential &c = credentials[id];
        if (method == QLatin1String("credentials/info")) {
            QJsonArray certs;
            certs.append(QString::fromLatin1(der(c.signer.certificate.get()).toBase64()));
            for (const auto &ca : c.signer.chain)
                certs.append(QString::fromLatin1(der(ca.get()).toBase64()));
            return QHttpServerResponse(QJsonObject{
                {QStringLiteral("key"),
                 QJsonObject{{QStringLiteral("status"), QStringLiteral("enabled")},
                             {QStringLiteral("len"), EVP_PKEY_get_bits(c.signer.key.get())}}},
                {QStringLiteral("cert"),
                 QJsonObject{{QStringLiteral("status"), QStringLiteral("valid")},
                             {QStringLiteral("certificates"), certs}}},
                {QStringLiteral("authMode"), QStringLiteral("explicit")},
                {QStringLiteral("SCAL"), QStringLiteral("1")}});
        }
        if (method == QLatin1String("credentials/authorize")) {
            if (c.triesLeft <= 0)
                return failure(Status::BadRequest, "pin_locked", QStringLiteral("PIN locked"));
            if (body.value(QStringLiteral("PIN")).toString().toUtf8() != c.pin) {
                --c.triesLeft;
                if (c.triesLeft <= 0)
                    return failure(Status::BadRequest, "pin_locked", QStringLiteral("PIN locked"));
                return failure(Status::BadRequest, "invalid_pin", QStringLiteral("Invalid PIN"),
                               {{QStringLiteral("remainingTries"), c.triesLeft}});
            }
            c.triesLeft = 3;
            const int count = qMax(1, body.value(QStringLiteral("numSignatures")).toInt(1));
            if (c.phone == Phone::NotAsked)
                return issue(id, count);
            const QString waiting = newId();
            pending.insert(waiting, {id, 0});
            return QHttpServerResponse(QJsonObject{{QStringLiteral("authorizationID"), waiting}},
                                       Status::Accepted);
        }
        if (method == QLatin1String("credentials/authorizeCheck")) {
            ++q->authorizeChecks;
            const QString waiting = body.value(QStringLiteral("authorizationID")).toString();
            if (!pending.contains(waiting) || pending.value(waiting).credential != id)
                return failure(Status::BadRequest, "invalid_request",
                               QStringLiteral("Invalid parameter authorizationID"));
            Pending &p = pending[waiting];
            if (c.phone == Phone::NeverAnswers || ++p.checks < c.checksBeforeAnswer)
                return QHttpServerResponse(QJsonObject{}, Status::Accepted);
            pending.remove(waiting);
            if (c.phone == Phone::Declines)
                return failure(Status::BadRequest, "access_denied",
                               QStringLiteral("The user declined the request"));
            return issue(id, 100);
        }
        if (method == QLatin1String("signatures/signHash")) {
            const QString sad = body.value(QStringLiteral("SAD")).toString();
            if (!sads.contains(sad) || sads.value(sad).credential != id
                || sads.value(sad).left <= 0)
                return failure(Status::BadRequest, "invalid_request",
                               QStringLiteral("Invalid parameter SAD"));
            const EVP_MD *md = digestOf(body.value(QStringLiteral("hashAlgorithmOID")).toString());
            if (!md)
                return failure(Status::BadRequest, "invalid_request",
                               QStringLiteral("Invalid parameter hashAlgorithmOID"));
            QJsonArray signatures;
            for (const auto &hash : body.value(QStringLiteral("hashes")).toArray()) {
                const QByteArray digest = QByteArray::fromBase64(hash.toString().toLatin1());
                if (digest.size() != EVP_MD_get_size(md))
                    return failure(Status::BadRequest, "invalid_request",
                                   QStringLiteral("Invalid digest value length"));
                const QByteArray signature = signDigest(c.signer.key.get(), md, digest);
                if (signature.isEmpty())
                    return failure(Status::InternalServerError, "server_error",
                                   QStringLiteral("The HSM could not sign"));
                signatures.append(QString::fromLatin1(signature.toBase64()));
                --sads[sad].left;
                ++q->signedHashes;
            }
            return QHttpServerResponse(QJsonObject{{QStringLiteral("signatures"), signatures}});
        }
        return failure(Status::NotFound, "invalid_request", QStringLiteral("No such route"));
    }

    QHttpServerResponse issue(const QString &credential, int count)
    {
        const QString sad = newId();
        sads.insert(sad, {credential, count});
        return QHttpServerResponse(
            QJsonObject{{QStringLiteral("SAD"), sad}, {QStringLiteral("expiresIn"), 300}});
    }

    static QByteArray der(X509 *cert)
    {
        const int length = i2d_X509(cert, nullptr);
        QByteArray out(length > 0 ? length : 0, Qt::Uninitialized);
        auto *p = reinterpret_cast<unsigned char *>(out.data());
        if (length > 0)
            i2d_X509(cert, &p);
        return out;
    }
};

CscService::CscService()
    : d(std::make_unique<Impl>())
{
    d->q = this;
    d->context.moveToThread(&d->thread);
}

CscService::~CscService()
{
    if (d->thread.isRunning()) {
        QMetaObject::invokeMethod(
            &d->context, [this] { delete d->server; }, Qt::BlockingQueuedConnection);
        d->thread.quit();
        d->thread.wait();
    }
}

bool CscService::start()
{
    d->thread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        &d->context,
        [&] {
            d->server = new QHttpServer;
            d->server->route(QStringLiteral("/<arg>"),
                             [this](const QUrl &, const QHttpServerRequest &request) {
                                 return d->answer(request);
                             });
            d->port = d->server->listen(QHostAddress::LocalHost, 0);
            listening = d->port != 0;
        },
        Qt::BlockingQueuedConnection);
    return listening;
}

QString CscService::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/csc/v2").arg(d->port);
}

void CscService::addAccount(const QString &user, const QByteArray &password)
{
    QMutexLocker lock(&d->mutex);
    d->accounts.insert(user, password);
}

void CscService::addCredential(const QString &id, const Credential &credential)
{
    QMutexLocker lock(&d->mutex);
    d->credentials.insert(id, credential);
}
