// RFC 3161 signature timestamps: the request over Qt Network, embedding as the unsigned
// attribute id-aa-signatureTimeStampToken, and verification of the token.
#include "timestamp.h"

#include "opensslutil.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStringList>
#include <QUrl>

#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

namespace motcua::signing {
namespace {

using TsReqPtr = std::unique_ptr<TS_REQ, ossl::Deleter<TS_REQ_free>>;
using TsRespPtr = std::unique_ptr<TS_RESP, ossl::Deleter<TS_RESP_free>>;
using TstInfoPtr = std::unique_ptr<TS_TST_INFO, ossl::Deleter<TS_TST_INFO_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, ossl::Deleter<PKCS7_free>>;
using IntegerPtr = std::unique_ptr<ASN1_INTEGER, ossl::Deleter<ASN1_INTEGER_free>>;

constexpr int kMaxResponse = 1 << 20;

QByteArray derOf(const ASN1_STRING *string)
{
    return QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(string)),
                      ASN1_STRING_length(string));
}

QByteArray digestOf(const EVP_MD *md, const QByteArray &data)
{
    QByteArray digest(EVP_MAX_MD_SIZE, '\0');
    unsigned int length = 0;
    EVP_Digest(data.constData(), static_cast<size_t>(data.size()),
               reinterpret_cast<unsigned char *>(digest.data()), &length, md, nullptr);
    digest.resize(length);
    return digest;
}

Error tsaError(const QString &detail)
{
    return signingError(SigningError::SigningFailed,
                        QStringLiteral("máy chủ tem thời gian: ") + detail);
}

// POSTs `body` to `url` and returns the answer's body; an error for anything but HTTP 200.
Result<QByteArray> post(const QString &url, const QByteArray &body, int timeoutSeconds)
{
    const QUrl target(url);
    if (!target.isValid()
        || (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https")))
        return tsaError(QStringLiteral("địa chỉ không hợp lệ ") + url);
    QNetworkAccessManager network;
    QNetworkRequest request(target);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/timestamp-query"));
    request.setTransferTimeout(timeoutSeconds * 1000);
    QNetworkReply *reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->read(kMaxResponse);
    const QString failure = status != 0 && status != 200 ? QStringLiteral("HTTP %1").arg(status)
        : reply->error() != QNetworkReply::NoError       ? reply->errorString()
                                                         : QString();
    delete reply;
    if (!failure.isEmpty())
        return tsaError(failure);
    return answer;
}

// A TimeStampReq for `data`: SHA-256 imprint, a random positive 64-bit nonce, certReq. The nonce
// comes from BN_rand with its top bit set, so its DER encoding is minimal: raw random bytes with a
// leading zero byte made a non-minimal INTEGER that strict TSAs (OpenSSL 3 among them) refuse as
// a malformed request, about one request in 256.
Result<TsReqPtr> makeRequest(const QByteArray &data)
{
    const QByteArray imprint = ossl::sha256(data);
    TsReqPtr request(TS_REQ_new());
    std::unique_ptr<TS_MSG_IMPRINT, ossl::Deleter<TS_MSG_IMPRINT_free>> message(
        TS_MSG_IMPRINT_new());
    std::unique_ptr<X509_ALGOR, ossl::Deleter<X509_ALGOR_free>> algorithm(X509_ALGOR_new());
    std::unique_ptr<BIGNUM, ossl::Deleter<BN_free>> random(BN_new());
    if (!random || !BN_rand(random.get(), 64, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY))
        return signingError(SigningError::SigningFailed, ossl::drainErrors());
    IntegerPtr nonce(BN_to_ASN1_INTEGER(random.get(), nullptr));
    if (!nonce || !request || !message || !algorithm)
        return signingError(SigningError::SigningFailed, ossl::drainErrors());
    X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr);
    if (!TS_REQ_set_version(request.get(), 1)
        || !TS_MSG_IMPRINT_set_algo(message.get(), algorithm.get())
        || !TS_MSG_IMPRINT_set_msg(
            message.get(),
            reinterpret_cast<unsigned char *>(const_cast<char *>(imprint.constData())),
            static_cast<int>(imprint.size()))
        || !TS_REQ_set_msg_imprint(request.get(), message.get())
        || !TS_REQ_set_nonce(request.get(), nonce.get()) || !TS_REQ_set_cert_req(request.get(), 1))
        return signingError(SigningError::SigningFailed, ossl::drainErrors());
    return request;
}

Result<QByteArray> encode(const TS_REQ *request)
{
    unsigned char *der = nullptr;
    const int length = i2d_TS_REQ(request, &der);
    if (length <= 0)
        return signingError(SigningError::SigningFailed, ossl::drainErrors());
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return out;
}

// The PKIStatusInfo's free text and failure bits, for the officer's message.
QString statusDetail(TS_STATUS_INFO *info)
{
    QStringList parts;
    const auto *text = TS_STATUS_INFO_get0_text(info);
    for (int i = 0; text && i < sk_ASN1_UTF8STRING_num(text); ++i) {
        const ASN1_UTF8STRING *line = sk_ASN1_UTF8STRING_value(text, i);
        parts << QString::fromUtf8(reinterpret_cast<const char *>(ASN1_STRING_get0_data(line)),
                                   ASN1_STRING_length(line));
    }
    return parts.join(QLatin1String("; "));
}

} // namespace

Result<QByteArray> timestampQuery(const QByteArray &data)
{
    auto request = makeRequest(data);
    if (!request)
        return request.error();
    return encode(request.value().get());
}

Result<QByteArray> requestTimestamp(const QString &url, const QByteArray &data, int timeoutSeconds)
{
    auto request = makeRequest(data);
    if (!request)
        return request.error();
    auto query = encode(request.value().get());
    if (!query)
        return query.error();
    const QByteArray imprint = ossl::sha256(data);
    const ASN1_INTEGER *nonce = TS_REQ_get_nonce(request.value().get());

    auto answer = post(url, query.value(), timeoutSeconds);
    if (!answer)
        return answer.error();
    const auto *p = reinterpret_cast<const unsigned char *>(answer.value().constData());
    TsRespPtr response(d2i_TS_RESP(nullptr, &p, static_cast<long>(answer.value().size())));
    if (!response) {
        ERR_clear_error();
        return tsaError(QStringLiteral("câu trả lời không đọc được"));
    }
    TS_STATUS_INFO *statusInfo = TS_RESP_get_status_info(response.get());
    const long status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(statusInfo));
    if (status != TS_STATUS_GRANTED && status != TS_STATUS_GRANTED_WITH_MODS) {
        const QString detail = statusDetail(statusInfo);
        return tsaError(QStringLiteral("từ chối cấp tem (PKIStatus %1%2)")
                            .arg(status)
                            .arg(detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
    }
    TS_TST_INFO *info = TS_RESP_get_tst_info(response.get());
    PKCS7 *token = TS_RESP_get_token(response.get());
    if (!info || !token)
        return tsaError(QStringLiteral("câu trả lời không có tem"));
    TS_MSG_IMPRINT *answered = TS_TST_INFO_get_msg_imprint(info);
    if (derOf(TS_MSG_IMPRINT_get_msg(answered)) != imprint)
        return tsaError(QStringLiteral("tem không đúng dữ liệu đã gửi"));
    const ASN1_INTEGER *answeredNonce = TS_TST_INFO_get_nonce(info);
    if (!answeredNonce || ASN1_INTEGER_cmp(answeredNonce, nonce) != 0)
        return tsaError(QStringLiteral("nonce không khớp"));
    unsigned char *tokenDer = nullptr;
    const int tokenLength = i2d_PKCS7(token, &tokenDer);
    if (tokenLength <= 0)
        return signingError(SigningError::SigningFailed, ossl::drainErrors());
    QByteArray out(reinterpret_cast<const char *>(tokenDer), tokenLength);
    OPENSSL_free(tokenDer);
    return out;
}

Result<QByteArray> addSignatureTimestamps(const QByteArray &data, const QString &url,
                                          int timeoutSeconds)
{
    auto bio = ossl::memoryBio(data);
    ossl::CmsPtr cms(d2i_CMS_bio(bio.get(), nullptr));
    if (!cms) {
        ERR_clear_error();
        return signingError(SigningError::BadSignatureData);
    }
    STACK_OF(CMS_SignerInfo) *infos = CMS_get0_SignerInfos(cms.get());
    for (int i = 0; i < sk_CMS_SignerInfo_num(infos); ++i) {
        CMS_SignerInfo *info = sk_CMS_SignerInfo_value(infos, i);
        auto token
            = requestTimestamp(url, derOf(CMS_SignerInfo_get0_signature(info)), timeoutSeconds);
        if (!token)
            return token.error();
        if (!CMS_unsigned_add1_attr_by_NID(
                info, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                reinterpret_cast<const unsigned char *>(token.value().constData()),
                static_cast<int>(token.value().size())))
            return signingError(SigningError::SigningFailed, ossl::drainErrors());
    }
    unsigned char *der = nullptr;
    const int length = i2d_CMS_ContentInfo(cms.get(), &der);
    if (length <= 0)
        return signingError(SigningError::SigningFailed, ossl::drainErrors());
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return out;
}

TimestampCheck verifyTimestampToken(const QByteArray &tokenDer, const QByteArray &signatureValue,
                                    const CertificateValidator &validator)
{
    TimestampCheck check;
    const auto *p = reinterpret_cast<const unsigned char *>(tokenDer.constData());
    Pkcs7Ptr token(d2i_PKCS7(nullptr, &p, static_cast<long>(tokenDer.size())));
    TstInfoPtr info(token ? PKCS7_to_TS_TST_INFO(token.get()) : nullptr);
    if (!info) {
        ERR_clear_error();
        check.detail = QStringLiteral("the timestamp token cannot be read");
        return check;
    }
    check.time = ossl::toDateTime(TS_TST_INFO_get_time(info.get()));
    // The token's own signature over its TSTInfo (the chain is checked below, at genTime).
    ossl::BioPtr content(BIO_new(BIO_s_mem()));
    if (PKCS7_verify(token.get(), nullptr, nullptr, nullptr, content.get(),
                     PKCS7_NOVERIFY | PKCS7_BINARY)
        != 1) {
        check.detail = QStringLiteral("timestamp signature: ") + ossl::drainErrors();
        return check;
    }
    STACK_OF(X509) *signers = PKCS7_get0_signers(token.get(), nullptr, 0);
    X509 *tsa = sk_X509_num(signers) == 1 ? sk_X509_value(signers, 0) : nullptr;
    sk_X509_free(signers);
    if (!tsa) {
        ERR_clear_error();
        check.detail = QStringLiteral("the timestamp names no single TSA certificate");
        return check;
    }
    check.authority = ossl::commonNameOf(tsa);
    // The imprint: a digest of our signature value with the algorithm the token names.
    TS_MSG_IMPRINT *imprint = TS_TST_INFO_get_msg_imprint(info.get());
    const ASN1_OBJECT *object = nullptr;
    X509_ALGOR_get0(&object, nullptr, nullptr, TS_MSG_IMPRINT_get_algo(imprint));
    const int nid = OBJ_obj2nid(object);
    if (nid != NID_sha256 && nid != NID_sha384 && nid != NID_sha512) {
        check.detail = QStringLiteral("timestamp imprint algorithm not accepted");
        return check;
    }
    if (derOf(TS_MSG_IMPRINT_get_msg(imprint))
        != digestOf(EVP_get_digestbynid(nid), signatureValue)) {
        check.detail = QStringLiteral("the timestamp is over another signature");
        return check;
    }
    // RFC 3161 2.3: the one extended key usage timeStamping, critical.
    const int critical = (X509_get_extension_flags(tsa) & EXFLAG_XKUSAGE) != 0
        ? X509_get_ext_by_NID(tsa, NID_ext_key_usage, -1)
        : -1;
    if (critical < 0 || !X509_EXTENSION_get_critical(X509_get_ext(tsa, critical))
        || X509_get_extended_key_usage(tsa) != XKU_TIMESTAMP) {
        check.detail = QStringLiteral("the TSA certificate is not for time-stamping");
        return check;
    }
    QList<X509 *> untrusted;
    STACK_OF(X509) *embedded = token->d.sign ? token->d.sign->cert : nullptr;
    for (int i = 0; i < sk_X509_num(embedded); ++i)
        untrusted.append(sk_X509_value(embedded, i));
    const auto tsaCheck = validator.check(tsa, untrusted, check.time);
    check.tsaStatus = tsaCheck.status;
    check.valid = tsaCheck.status == CertificateStatus::Trusted;
    check.detail = QStringLiteral("TSA ") + describe(tsaCheck.status)
        + (tsaCheck.detail.isEmpty() ? QString()
                                     : QStringLiteral(" (") + tsaCheck.detail + QLatin1Char(')'));
    ERR_clear_error();
    return check;
}

void checkSignatureTimestamp(CMS_SignerInfo *info, const CertificateValidator &validator,
                             SignatureReport *report)
{
    const int index = CMS_unsigned_get_attr_by_NID(info, NID_id_smime_aa_timeStampToken, -1);
    if (index < 0)
        return;
    report->timestamped = true;
    const ASN1_TYPE *value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(info, index), 0);
    if (!value || value->type != V_ASN1_SEQUENCE) {
        report->timestampDetail = QStringLiteral("the timestamp attribute is malformed");
        return;
    }
    const auto check = verifyTimestampToken(derOf(value->value.sequence),
                                            derOf(CMS_SignerInfo_get0_signature(info)), validator);
    report->timestampValid = check.valid;
    report->timestampTime = check.time;
    report->timestampAuthority = check.authority;
    report->timestampDetail = check.detail;
}

} // namespace motcua::signing
