// Signing figures: 100 PDFs signed with one token login (SoftHSM2), the time outside the
// token per document, and 100 signed PDFs verified offline (CRL from the cache).
#include "benchmarks.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <signing/pades.h>
#include <signing/padesverifier.h>
#include <signing/revocation.h>
#include <signing/token.h>
#include <signing/truststore.h>
#include <signing/xmlsigner.h>

namespace motcua::bench {
namespace {

using namespace motcua::signing;

QByteArray onePagePdf()
{
    const QList<QByteArray> objects{"<< /Type /Catalog /Pages 2 0 R >>",
                                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
    QByteArray pdf = "%PDF-1.7\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 4\n0000000000 65535 f \n";
    for (auto offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref)
        + "\n%%EOF\n";
    return pdf;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void benchSigning(Harness &harness)
{
    QTemporaryDir dir;
    QProcess make;
    make.start(QStringLiteral(MOTCUA_SOURCE_DIR "/tests/signing/make-pki.sh"),
               {dir.path(), QStringLiteral("9")});
    if (!make.waitForFinished(300000) || make.exitCode() != 0)
        return;
    qputenv("SOFTHSM2_CONF", QFile::encodeName(dir.filePath(QStringLiteral("softhsm2.conf"))));
    auto backend = openPkcs11Backend(
        QString::fromUtf8(readAll(dir.filePath(QStringLiteral("module.txt")))).trimmed());
    if (!backend || !backend.value()->login(QStringLiteral("MotCua Test"), "123456"))
        return;
    auto token = backend.value()->credentials(QStringLiteral("MotCua Test"), "01");
    if (!token)
        return;
    token.value().chain = TrustStore::load(dir.filePath(QStringLiteral("intermediate.pem")));
    const QString input = dir.filePath(QStringLiteral("in.pdf"));
    QFile in(input);
    in.open(QIODevice::WriteOnly);
    in.write(onePagePdf());
    in.close();
    constexpr int kDocuments = 100;

    // The token's share: 100 RSA-2048 signatures of a digest on SoftHSM2.
    harness.run(QStringLiteral("token RSA-2048 signature (SoftHSM2)"), kDocuments, [&](qint64 n) {
        const QByteArray digest(32, 'x');
        for (qint64 i = 0; i < n; ++i) {
            EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(token.value().key.get(), nullptr);
            EVP_PKEY_sign_init(ctx);
            EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256());
            unsigned char sig[512];
            size_t length = sizeof sig;
            EVP_PKEY_sign(ctx, sig, &length,
                          reinterpret_cast<const unsigned char *>(digest.constData()), 32);
            EVP_PKEY_CTX_free(ctx);
        }
    });
    harness.run(
        QStringLiteral("PAdES sign 100 PDFs, one login (token)"), kDocuments,
        [&](qint64 n) {
            for (qint64 i = 0; i < n; ++i)
                (void)signPdf(token.value(), input,
                              dir.filePath(QStringLiteral("out%1.pdf").arg(i)));
        },
        QStringLiteral("per doc minus the token row = time outside the token"));

    CertificateValidator validator(TrustStore::load(dir.filePath(QStringLiteral("trust"))),
                                   {true, dir.filePath(QStringLiteral("cache")), 1});
    (void)importCrl(dir.filePath(QStringLiteral("cache")),
                    QStringLiteral("http://127.0.0.1:9/intermediate.crl"),
                    readAll(dir.filePath(QStringLiteral("intermediate.crl"))));
    QList<QByteArray> signedPdfs;
    for (int i = 0; i < kDocuments; ++i)
        signedPdfs << readAll(dir.filePath(QStringLiteral("out%1.pdf").arg(i)));
    int intact = 0;
    harness.run(
        QStringLiteral("verify 100 signed PDFs offline (CRL cache)"), kDocuments,
        [&](qint64 n) {
            for (qint64 i = 0; i < n; ++i) {
                auto reports = verifyPdf(signedPdfs.at(static_cast<int>(i)), validator);
                intact += reports && pdfIsIntact(reports.value()) ? 1 : 0;
            }
        },
        QStringLiteral("signature + chain + CRL per document"));
    if (intact != kDocuments)
        harness.record({QStringLiteral("!! verified intact"), intact, 0, QString()});

    // XML (XAdES-BES shape through xmlsec1): a small administrative document.
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hoSo ma=\"000.17.22.H56\">\n";
    for (int i = 0; i < 40; ++i)
        xml += "  <truong ten=\"t" + QByteArray::number(i)
            + "\">Nguyễn Văn A, xã Phủ Lý</truong>\n";
    xml += "</hoSo>\n";
    QList<QByteArray> signedXmls;
    harness.run(
        QStringLiteral("XAdES sign 100 XML documents (4 KB), one login (token)"), kDocuments,
        [&](qint64 n) {
            for (qint64 i = 0; i < n; ++i) {
                auto signedXml = signXml(token.value(), xml);
                if (signedXml && signedXmls.size() < kDocuments)
                    signedXmls << signedXml.value();
            }
        },
        QStringLiteral("per doc minus the token row = time outside the token"));
    int xmlValid = 0;
    harness.run(
        QStringLiteral("verify 100 signed XML documents offline (CRL cache)"), kDocuments,
        [&](qint64 n) {
            for (qint64 i = 0; i < n && !signedXmls.isEmpty(); ++i) {
                auto reports
                    = verifyXml(signedXmls.at(static_cast<int>(i % signedXmls.size())), validator);
                xmlValid += reports && reports.value().constFirst().ok() ? 1 : 0;
            }
        },
        QStringLiteral("signature + chain + CRL per document"));
    if (xmlValid != kDocuments)
        harness.record({QStringLiteral("!! verified XML ok"), xmlValid, 0, QString()});
}

} // namespace motcua::bench
