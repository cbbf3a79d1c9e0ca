// Tokens through libp11 with SoftHSM2 as the USB token: listing, PIN login and its errors, the
// wrong token, keys by id, signing on a worker thread, the token pulled out while logged in.
#include "pkifixture.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <openssl/evp.h>
#include <signing/cmssigner.h>
#include <signing/moduledetect.h>
#include <signing/token.h>
#include <signing/xmlsigner.h>

#include <thread>

using namespace motcua::signing;

class TestToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.make());
        auto backend = openPkcs11Backend(m_pki.module());
        QVERIFY2(backend.ok(), qPrintable(backend.ok() ? QString() : backend.error().message));
        m_backend = std::move(backend).value();
    }

    void detectsSoftHsmAndPrefersTheConfiguredModule()
    {
        bool found = false;
        for (const auto &module : detectModules())
            found = found || module.path == m_pki.module();
        QVERIFY(found);
        QCOMPARE(chooseModule(QStringLiteral("/opt/x.so")), QStringLiteral("/opt/x.so"));
        bool vietnamese = false;
        for (const auto &module : knownModuleLocations())
            vietnamese = vietnamese || module.vendor == QLatin1String("VNPT-CA");
        QVERIFY(vietnamese);
    }

    void missingModuleIsItsOwnError()
    {
        auto backend = openPkcs11Backend(QStringLiteral("/nonexistent/libpkcs11.so"));
        QVERIFY(!backend.ok());
        QCOMPARE(backend.error().code, QStringLiteral("signing.module_not_found"));
    }

    void listsTokensAndCertificates()
    {
        auto tokens = m_backend->tokens();
        QVERIFY(tokens.ok());
        QStringList labels;
        for (const auto &token : tokens.value())
            labels << token.label;
        QVERIFY(labels.contains(QLatin1String(PkiFixture::kToken)));
        QVERIFY(labels.contains(QLatin1String("Other Token")));
        auto certs = m_backend->certificates(QLatin1String(PkiFixture::kToken));
        QVERIFY(certs.ok());
        QCOMPARE(certs.value().size(), 4);
        bool vietnameseName = false;
        for (const auto &cert : certs.value())
            vietnameseName = vietnameseName || cert.subject.contains(QStringLiteral("Nguyễn Văn"));
        QVERIFY(vietnameseName);
    }

    void wrongTokenAndNoKeyBeforeLogin()
    {
        auto wrong = m_backend->login(QStringLiteral("Token Of Someone Else"), "123456");
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, QStringLiteral("signing.wrong_token"));
        auto early = m_backend->credentials(QLatin1String(PkiFixture::kToken), "01");
        QVERIFY(!early.ok());
        QCOMPARE(early.error().code, QStringLiteral("signing.not_logged_in"));
        auto empty = m_backend->login(QLatin1String(PkiFixture::kToken), {});
        QCOMPARE(empty.error().code, QStringLiteral("signing.pin_empty"));
    }

    void wrongPinThenRightPinOnce()
    {
        auto wrong = m_backend->login(QLatin1String(PkiFixture::kToken), "000000");
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, QStringLiteral("signing.wrong_pin"));
        QVERIFY(wrong.error().message.contains(QStringLiteral("PIN không đúng")));
        QVERIFY(wrong.error().details.contains(QStringLiteral("remainingTries")));
        QVERIFY(!m_backend->isLoggedIn(QLatin1String(PkiFixture::kToken)));
        QVERIFY(m_backend->login(QLatin1String(PkiFixture::kToken), PkiFixture::kPin).ok());
        QVERIFY(m_backend->isLoggedIn(QLatin1String(PkiFixture::kToken)));
        // Once per session: a second call does not ask the token again, whatever the PIN.
        QVERIFY(m_backend->login(QLatin1String(PkiFixture::kToken), "ignored").ok());
    }

    void keysById()
    {
        auto rsa = m_backend->credentials(QLatin1String(PkiFixture::kToken), "01");
        QVERIFY(rsa.ok());
        QVERIFY(EVP_PKEY_is_a(rsa.value().key.get(), "RSA"));
        auto ec = m_backend->credentials(QLatin1String(PkiFixture::kToken), "02");
        QVERIFY(ec.ok());
        QVERIFY(EVP_PKEY_is_a(ec.value().key.get(), "EC"));
        auto none = m_backend->credentials(QLatin1String(PkiFixture::kToken), "7f");
        QCOMPARE(none.error().code, QStringLiteral("signing.key_not_found"));
        auto first = m_backend->credentials(QLatin1String(PkiFixture::kToken), {});
        QVERIFY(first.ok());
    }

    void signsOnAWorkerThreadAndOpenSslAgrees_data()
    {
        QTest::addColumn<QByteArray>("keyId");
        QTest::addColumn<bool>("pss");
        QTest::addColumn<QByteArray>("digest");
        QTest::newRow("rsa pkcs1 sha256") << QByteArray("01") << false << QByteArray("SHA256");
        QTest::newRow("rsa pss sha256") << QByteArray("01") << true << QByteArray("SHA256");
        QTest::newRow("rsa pkcs1 sha512") << QByteArray("01") << false << QByteArray("SHA512");
        QTest::newRow("ecdsa p-256 sha256") << QByteArray("02") << false << QByteArray("SHA256");
    }

    void signsOnAWorkerThreadAndOpenSslAgrees()
    {
        QFETCH(QByteArray, keyId);
        QFETCH(bool, pss);
        QFETCH(QByteArray, digest);
        auto signer = m_backend->credentials(QLatin1String(PkiFixture::kToken), keyId);
        QVERIFY(signer.ok());
        const QByteArray content = "Hồ sơ 000.17.22.H56-261129-0001\n";
        SignOptions options;
        options.digest = digest;
        options.padding = pss ? RsaPadding::Pss : RsaPadding::Pkcs1v15;
        std::optional<Result<QByteArray>> signature;
        std::thread worker([&] { signature = signDetachedCms(signer.value(), content, options); });
        worker.join();
        QVERIFY2(signature->ok(),
                 qPrintable(signature->ok() ? QString() : signature->error().message));

        const QString data = m_pki.path(QStringLiteral("content.txt"));
        const QString p7s = m_pki.path(QStringLiteral("content.p7s"));
        writeFile(data, content);
        writeFile(p7s, signature->value());
        const QStringList verify{QStringLiteral("cms"),
                                 QStringLiteral("-verify"),
                                 QStringLiteral("-binary"),
                                 QStringLiteral("-inform"),
                                 QStringLiteral("DER"),
                                 QStringLiteral("-in"),
                                 p7s,
                                 QStringLiteral("-content"),
                                 data,
                                 QStringLiteral("-CAfile"),
                                 m_pki.path(QStringLiteral("chain.pem")),
                                 QStringLiteral("-purpose"),
                                 QStringLiteral("any"),
                                 QStringLiteral("-out"),
                                 QStringLiteral("/dev/null")};
        QByteArray output;
        QCOMPARE(PkiFixture::run(QStringLiteral("openssl"), verify, &output), 0);
        if (pss) {
            QByteArray dump;
            PkiFixture::run(QStringLiteral("openssl"),
                            {QStringLiteral("cms"), QStringLiteral("-cmsout"),
                             QStringLiteral("-print"), QStringLiteral("-inform"),
                             QStringLiteral("DER"), QStringLiteral("-in"), p7s},
                            &dump);
            QVERIFY(dump.contains("rsassaPss"));
        }
        writeFile(data, content + "x"); // tampered content
        QVERIFY(PkiFixture::run(QStringLiteral("openssl"), verify) != 0);
    }

    void logoutForgetsTheSession()
    {
        m_backend->logout();
        QVERIFY(!m_backend->isLoggedIn(QLatin1String(PkiFixture::kToken)));
        auto after = m_backend->credentials(QLatin1String(PkiFixture::kToken), "01");
        QCOMPARE(after.error().code, QStringLiteral("signing.not_logged_in"));
    }

    // Last: SoftHSM2 cannot see its tokens again in this process once they went away.
    // (Reinsertion needs a new process with SoftHSM2; SoftHSM2 never locks a PIN either —
    // twelve wrong PINs leave it at "count low" — so PinLocked is not reachable here.)
    void tokenRemovedWhileLoggedInIsItsOwnError()
    {
        QVERIFY(m_backend->login(QLatin1String(PkiFixture::kToken), PkiFixture::kPin).ok());
        auto signer = m_backend->credentials(QLatin1String(PkiFixture::kToken), "01");
        QVERIFY(signer.ok());
        QVERIFY(signDetachedCms(signer.value(), "trước khi rút token").ok());
        // "Pulling the token out": its store disappears under the running session.
        QVERIFY(QDir().rename(m_pki.path(QStringLiteral("tokens")),
                              m_pki.path(QStringLiteral("tokens-away"))));
        auto cms = signDetachedCms(signer.value(), "sau khi rút token");
        QVERIFY(!cms.ok());
        QCOMPARE(cms.error().code, QStringLiteral("signing.token_removed"));
        QVERIFY(cms.error().message.contains(QStringLiteral("đã bị rút ra")));
        auto xml = signXml(signer.value(), "<a>sau khi rút token</a>");
        QCOMPARE(xml.error().code, QStringLiteral("signing.token_removed"));
        QVERIFY(QDir().rename(m_pki.path(QStringLiteral("tokens-away")),
                              m_pki.path(QStringLiteral("tokens"))));
    }

private:
    static void writeFile(const QString &path, const QByteArray &data)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(data);
    }

    PkiFixture m_pki;
    std::unique_ptr<TokenBackend> m_backend;
};

QTEST_GUILESS_MAIN(TestToken)
#include "test_token.moc"
