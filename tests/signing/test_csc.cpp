// Remote signing (issue 7 item 5) against a CSC-style service on loopback that signs with keys
// on the SoftHSM2 token (cscservice.h): the credentials listed, a wrong PIN with the tries left,
// a PDF signed through the service judged by pdfsig, a detached CMS by an ECDSA credential after
// the signer confirmed on their phone judged by openssl cms, a declined and an unanswered
// confirmation, refusals each with its own error; motcuactl sign --csc.
#include "cscservice.h"
#include "pkifixture.h"
#include "testpaths.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <signing/cmssigner.h>
#include <signing/csc.h>
#include <signing/pades.h>
#include <signing/padesverifier.h>
#include <signing/token.h>
#include <signing/truststore.h>

using namespace motcua::signing;

namespace {

const QByteArray kPin = "246810";

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCsc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_pki.stopOcsp(); }
    void listsTheCredentialsOfTheAccount();
    void wrongPinSaysHowManyTriesAreLeft();
    void signsAPdfThroughTheService_R10();
    void ecdsaAfterTheSignerConfirmsOnThePhone_R10();
    void declinedOrUnansweredConfirmation();
    void refusalsEachSayWhy();
    void cliSignsThroughTheService();

private:
    CscOptions options() const;
    std::unique_ptr<TokenBackend> open();
    QByteArray pdfsig(const QString &file);

    PkiFixture m_pki;
    QString m_nss;
    CscService m_service;
};

void TestCsc::initTestCase()
{
    QVERIFY(m_pki.make());
    QVERIFY(m_pki.startOcsp());
    auto token = openPkcs11Backend(m_pki.module());
    QVERIFY(token.ok());
    QVERIFY(token.value()->login(QLatin1String(PkiFixture::kToken), PkiFixture::kPin).ok());
    const auto intermediate = TrustStore::load(m_pki.path(QStringLiteral("intermediate.pem")));
    const auto key = [&](const QByteArray &id) {
        auto signer = token.value()->credentials(QLatin1String(PkiFixture::kToken), id);
        if (signer.ok())
            signer.value().chain = intermediate;
        return signer.ok() ? signer.value() : SignerCredentials{};
    };
    QVERIFY(key("01").key && key("02").key);
    // The service's keys stay usable after this backend goes (token.h).
    m_service.addAccount(QStringLiteral("lanhdao.xa"), "Mat-khau-2026");
    m_service.addCredential(QStringLiteral("rsa-1"), {key("01"), kPin});
    CscService::Credential ec{key("02"), kPin};
    ec.phone = CscService::Phone::Confirms;
    m_service.addCredential(QStringLiteral("ec-phone"), ec);
    CscService::Credential declines{key("01"), kPin};
    declines.phone = CscService::Phone::Declines;
    m_service.addCredential(QStringLiteral("rsa-declines"), declines);
    CscService::Credential silent{key("01"), kPin};
    silent.phone = CscService::Phone::NeverAnswers;
    m_service.addCredential(QStringLiteral("rsa-silent"), silent);
    m_service.addCredential(QStringLiteral("rsa-lock"), {key("01"), kPin});
    QVERIFY(m_service.start());

    m_nss = m_pki.makeNssDatabase(); // trusting the test root, for pdfsig
    QVERIFY(!m_nss.isEmpty());
}

CscOptions TestCsc::options() const
{
    CscOptions o;
    o.baseUrl = m_service.url();
    o.username = QStringLiteral("lanhdao.xa");
    o.password = "Mat-khau-2026";
    o.pollIntervalMilliseconds = 20;
    return o;
}

std::unique_ptr<TokenBackend> TestCsc::open()
{
    auto backend = openCscBackend(options());
    return backend.ok() ? std::move(backend).value() : nullptr;
}

QByteArray TestCsc::pdfsig(const QString &file)
{
    QByteArray output;
    PkiFixture::run(QStringLiteral("pdfsig"), {QStringLiteral("-nssdir"), m_nss, file}, &output);
    return output;
}

void TestCsc::listsTheCredentialsOfTheAccount()
{
    auto backend = open();
    QVERIFY(backend);
    auto tokens = backend->tokens();
    QVERIFY(tokens.ok());
    QStringList labels;
    for (const auto &t : tokens.value())
        labels << t.label;
    QCOMPARE(labels,
             (QStringList{QStringLiteral("ec-phone"), QStringLiteral("rsa-1"),
                          QStringLiteral("rsa-declines"), QStringLiteral("rsa-lock"),
                          QStringLiteral("rsa-silent")}));
    QCOMPARE(tokens.value().first().manufacturer, QStringLiteral("Dịch vụ ký số thử nghiệm"));
    auto certs = backend->certificates(QStringLiteral("rsa-1"));
    QVERIFY(certs.ok());
    QCOMPARE(certs.value().size(), 1);
    const QByteArray signerDer = readFile(m_pki.path(QStringLiteral("rsa.der")));
    QVERIFY(!signerDer.isEmpty());
    QCOMPARE(certs.value().first().der, signerDer);
    QVERIFY(!backend->isLoggedIn(QStringLiteral("rsa-1")));
    // No key before the PIN.
    QCOMPARE(kindOf(backend->credentials(QStringLiteral("rsa-1"), {}).error()),
             SigningError::NotLoggedIn);
}

void TestCsc::wrongPinSaysHowManyTriesAreLeft()
{
    auto backend = open();
    QVERIFY(backend);
    auto wrong = backend->login(QStringLiteral("rsa-1"), "000000");
    QVERIFY(!wrong.ok());
    QCOMPARE(kindOf(wrong.error()), SigningError::WrongPin);
    QCOMPARE(wrong.error().details.value(QStringLiteral("remainingTries")).toInt(), 2);
    QVERIFY(!backend->isLoggedIn(QStringLiteral("rsa-1")));
    QCOMPARE(kindOf(backend->login(QStringLiteral("rsa-1"), {}).error()), SigningError::PinEmpty);
    QVERIFY(backend->login(QStringLiteral("rsa-1"), kPin).ok());
    QVERIFY(backend->isLoggedIn(QStringLiteral("rsa-1")));
    backend->logout();
    QVERIFY(!backend->isLoggedIn(QStringLiteral("rsa-1")));
    // Three wrong PINs lock the credential.
    for (int i = 0; i < 2; ++i)
        QCOMPARE(kindOf(backend->login(QStringLiteral("rsa-lock"), "1").error()),
                 SigningError::WrongPin);
    QCOMPARE(kindOf(backend->login(QStringLiteral("rsa-lock"), "1").error()),
             SigningError::PinLocked);
    QCOMPARE(kindOf(backend->login(QStringLiteral("rsa-lock"), kPin).error()),
             SigningError::PinLocked);
}

void TestCsc::signsAPdfThroughTheService_R10()
{
    auto backend = open();
    QVERIFY(backend);
    QVERIFY(backend->login(QStringLiteral("rsa-1"), kPin).ok());
    auto signer = backend->credentials(QStringLiteral("rsa-1"), {});
    QVERIFY2(signer.ok(), qPrintable(signer.ok() ? QString() : signer.error().message));
    QCOMPARE(signer.value().chain.size(), 1); // the intermediate; the root stays in the store
    const int before = m_service.signedHashes;
    PadesOptions pades;
    pades.reason = QStringLiteral("Phê duyệt kết quả (ký số từ xa)");
    const QString out = m_pki.path(QStringLiteral("remote.pdf"));
    auto result
        = signPdf(signer.value(),
                  motcua::testing::testDataPath(QStringLiteral("scan/two-pages.pdf")), out, pades);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(m_service.signedHashes - before, 1);
    const QByteArray report = pdfsig(out);
    QVERIFY2(report.contains("Signature is Valid"), report.constData());
    QVERIFY2(report.contains("Certificate is Trusted"), report.constData());
    QVERIFY2(report.contains("Total document signed"), report.constData());
    RevocationOptions revocation;
    revocation.cacheDir = m_pki.path(QStringLiteral("cache"));
    CertificateValidator validator(TrustStore::load(m_pki.path(QStringLiteral("trust"))),
                                   revocation);
    auto reports = verifyPdf(readFile(out), validator);
    QVERIFY(reports.ok());
    QCOMPARE(reports.value().size(), 1);
    QVERIFY(reports.value().first().ok());

    // RSASSA-PSS cannot go through signHash: refused with its own message, nothing signed.
    SignOptions pss;
    pss.padding = RsaPadding::Pss;
    auto refused = signDetachedCms(signer.value(), "Nội dung", pss);
    QVERIFY(!refused.ok());
    QCOMPARE(kindOf(refused.error()), SigningError::UnsupportedAlgorithm);
    QVERIFY2(refused.error().message.contains(QStringLiteral("RSASSA-PSS")),
             qPrintable(refused.error().message));
}

void TestCsc::ecdsaAfterTheSignerConfirmsOnThePhone_R10()
{
    auto backend = open();
    QVERIFY(backend);
    const int checks = m_service.authorizeChecks;
    QVERIFY(backend->login(QStringLiteral("ec-phone"), kPin).ok());
    QCOMPARE(m_service.authorizeChecks - checks, 2); // asked until the signer confirmed
    auto signer = backend->credentials(QStringLiteral("ec-phone"), {});
    QVERIFY(signer.ok());
    const QByteArray content = "Quyết định cấp giấy phép 000.17.22.H56-261129-0007\n";
    auto p7s = signDetachedCms(signer.value(), content, {});
    QVERIFY2(p7s.ok(), qPrintable(p7s.ok() ? QString() : p7s.error().message));
    QFile data(m_pki.path(QStringLiteral("remote.txt")));
    QVERIFY(data.open(QIODevice::WriteOnly) && data.write(content) == content.size());
    data.close();
    QFile sig(m_pki.path(QStringLiteral("remote.p7s")));
    QVERIFY(sig.open(QIODevice::WriteOnly) && sig.write(p7s.value()) == p7s.value().size());
    sig.close();
    QByteArray out;
    QCOMPARE(PkiFixture::run(QStringLiteral("openssl"),
                             {QStringLiteral("cms"), QStringLiteral("-verify"),
                              QStringLiteral("-binary"), QStringLiteral("-inform"),
                              QStringLiteral("DER"), QStringLiteral("-in"), sig.fileName(),
                              QStringLiteral("-content"), data.fileName(),
                              QStringLiteral("-CAfile"), m_pki.path(QStringLiteral("root.pem")),
                              QStringLiteral("-purpose"), QStringLiteral("any"),
                              QStringLiteral("-out"), QStringLiteral("/dev/null")},
                             &out),
             0);
}

void TestCsc::declinedOrUnansweredConfirmation()
{
    auto backend = open();
    QVERIFY(backend);
    auto declined = backend->login(QStringLiteral("rsa-declines"), kPin);
    QVERIFY(!declined.ok());
    QCOMPARE(kindOf(declined.error()), SigningError::RemoteDenied);
    QVERIFY(!backend->isLoggedIn(QStringLiteral("rsa-declines")));

    CscOptions impatient = options();
    impatient.confirmationTimeoutSeconds = 1;
    auto waiting = openCscBackend(impatient);
    QVERIFY(waiting.ok());
    auto silent = waiting.value()->login(QStringLiteral("rsa-silent"), kPin);
    QVERIFY(!silent.ok());
    QCOMPARE(kindOf(silent.error()), SigningError::RemoteTimeout);
    QVERIFY(silent.error().message.contains(QStringLiteral("chưa ký gì")));
    QVERIFY(!waiting.value()->isLoggedIn(QStringLiteral("rsa-silent")));
}

void TestCsc::refusalsEachSayWhy()
{
    CscOptions wrongAccount = options();
    wrongAccount.password = "doan-mo";
    auto refused = openCscBackend(wrongAccount);
    QVERIFY(!refused.ok());
    QCOMPARE(kindOf(refused.error()), SigningError::RemoteRefused);

    CscOptions nowhere = options();
    nowhere.baseUrl = QStringLiteral("http://127.0.0.1:1/csc/v2");
    QCOMPARE(kindOf(openCscBackend(nowhere).error()), SigningError::RemoteUnavailable);
    nowhere.baseUrl = QStringLiteral("ftp://example.invalid/csc");
    QCOMPARE(kindOf(openCscBackend(nowhere).error()), SigningError::RemoteUnavailable);

    auto backend = open();
    QVERIFY(backend);
    QCOMPARE(kindOf(backend->certificates(QStringLiteral("khong-co")).error()),
             SigningError::KeyNotFound);
}

void TestCsc::cliSignsThroughTheService()
{
    const QString in = motcua::testing::testDataPath(QStringLiteral("scan/two-pages.pdf"));
    const QString out = m_pki.path(QStringLiteral("cli-remote.pdf"));
    const auto sign = [&](const QByteArray &pin) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CSC_PASSWORD"), QStringLiteral("Mat-khau-2026"));
        env.insert(QStringLiteral("CSC_PIN"), QString::fromLatin1(pin));
        process.setProcessEnvironment(env);
        process.start(motcua::testing::motcuactlPath(),
                      {QStringLiteral("sign"), QStringLiteral("--csc"), m_service.url(),
                       QStringLiteral("--csc-user"), QStringLiteral("lanhdao.xa"),
                       QStringLiteral("--csc-password-env"), QStringLiteral("CSC_PASSWORD"),
                       QStringLiteral("--token"), QStringLiteral("rsa-1"),
                       QStringLiteral("--pin-env"), QStringLiteral("CSC_PIN"),
                       QStringLiteral("--format"), QStringLiteral("pades"), QStringLiteral("--in"),
                       in, QStringLiteral("--out"), out});
        process.waitForFinished(60000);
        return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
    };
    const auto [wrongCode, wrongErr] = sign("999999");
    QVERIFY(wrongCode != 0);
    QVERIFY2(wrongErr.contains(QStringLiteral("Mã PIN không đúng")), qPrintable(wrongErr));
    QVERIFY(!QFile::exists(out));
    const auto [code, err] = sign(kPin);
    QVERIFY2(code == 0, qPrintable(err));
    const QByteArray report = pdfsig(out);
    QVERIFY2(report.contains("Signature is Valid"), report.constData());
    QVERIFY2(report.contains("Certificate is Trusted"), report.constData());
}

QTEST_GUILESS_MAIN(TestCsc)
#include "test_csc.moc"
