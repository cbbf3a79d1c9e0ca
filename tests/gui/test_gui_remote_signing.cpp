// Remote signing in the client (issue 7 items 4–5): Settings → Signing token given the address of
// the CSC-style service of tests/signing (keys on SoftHSM2) and an account lists its
// certificates; the choice is saved without the password; the first signing of the session asks
// the account password and the PIN in one dialog (a wrong password, a wrong PIN: each said, asked
// again), waits for the signer's confirmation on the phone, and the PDF signed with the key it
// hands out is judged by pdfsig. The second signing asks nothing.
#include "../signing/cscservice.h"
#include "../signing/pkifixture.h"
#include "guifixture.h"
#include "testpaths.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <language.h>
#include <signing/pades.h>
#include <signing/pindialog.h>
#include <signing/signingsession.h>
#include <signing/tokensettingsdialog.h>
#include <signing/truststore.h>
#include <store/cache.h>
#include <store/crypto.h>

using namespace motcua;

namespace {

const QByteArray kPin = "246810";

// Answers each PIN dialog that opens with the next (password, PIN), keeping what it said.
class Answerer : public QObject
{
public:
    explicit Answerer(QList<std::pair<QString, QString>> answers)
        : m_answers(std::move(answers))
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *dialog = qobject_cast<ui::PinDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog == m_last)
                return;
            m_last = dialog;
            messages << (dialog->messageLabel()->isVisible() ? dialog->messageLabel()->text()
                                                             : QString());
            askedPassword << dialog->accountPasswordEdit()->isVisible();
            if (messages.size() == 1)
                test::screenshot(dialog, QStringLiteral("signing-remote-pin"));
            if (m_answers.isEmpty())
                return dialog->reject();
            const auto [password, pin] = m_answers.takeFirst();
            if (dialog->accountPasswordEdit()->isVisible())
                test::typeText(dialog->accountPasswordEdit(), password);
            test::typeText(dialog->pinEdit(), pin);
            QTest::keyClick(dialog->pinEdit(), Qt::Key_Return);
        });
        m_timer.start();
    }
    QStringList messages;
    QList<bool> askedPassword;

private:
    QList<std::pair<QString, QString>> m_answers;
    QTimer m_timer;
    QPointer<QWidget> m_last;
};

} // namespace

class TestGuiRemoteSigning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_pki.stopOcsp(); }
    void chooseTheServiceAndTheCertificate();
    void firstSigningAsksPasswordAndPinThenWaitsForThePhone();

private:
    PkiFixture m_pki;
    CscService m_service;
    QTemporaryDir m_profile;
    std::unique_ptr<store::Cache> m_cache;
    std::unique_ptr<ui::SigningSession> m_session;
};

void TestGuiRemoteSigning::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ui::installLanguage(QStringLiteral("vi")));
    QVERIFY(m_pki.make());
    QVERIFY(m_pki.startOcsp());
    QDir(ui::SigningSession::trustStoreDir()).removeRecursively();
    QVERIFY(QDir().mkpath(ui::SigningSession::trustStoreDir()));
    signing::TrustStore trust(ui::SigningSession::trustStoreDir());
    QFile root(m_pki.path(QStringLiteral("root.pem")));
    QFile intermediate(m_pki.path(QStringLiteral("intermediate.pem")));
    QVERIFY(root.open(QIODevice::ReadOnly) && intermediate.open(QIODevice::ReadOnly));
    QVERIFY(trust.add(root.readAll()));
    QVERIFY(trust.add(intermediate.readAll()));

    auto token = signing::openPkcs11Backend(m_pki.module());
    QVERIFY(token.ok());
    QVERIFY(token.value()->login(QLatin1String(PkiFixture::kToken), PkiFixture::kPin).ok());
    auto signer = token.value()->credentials(QLatin1String(PkiFixture::kToken), "01");
    QVERIFY(signer.ok());
    CscService::Credential credential{signer.value(), kPin};
    credential.phone = CscService::Phone::Confirms;
    m_service.addAccount(QStringLiteral("lanhdao.xa"), "Mat-khau-2026");
    m_service.addCredential(QStringLiteral("chu-ky-lanh-dao"), credential);
    QVERIFY(m_service.start());

    auto cache = store::Cache::open(m_profile.path(), store::crypto::randomBytes(32));
    QVERIFY(cache);
    m_cache = std::move(cache).value();
    m_session = std::make_unique<ui::SigningSession>(*m_cache);
}

void TestGuiRemoteSigning::chooseTheServiceAndTheCertificate()
{
    ui::TokenSettingsDialog dialog(*m_session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.accountEdit()->isVisible()); // a driver path: no account
    dialog.moduleBox()->setEditText(m_service.url());
    QVERIFY(dialog.accountEdit()->isVisible());
    test::typeText(dialog.accountEdit(), QStringLiteral("lanhdao.xa"));
    test::typeText(dialog.passwordEdit(), QStringLiteral("sai-mat-khau"));
    dialog.readTokens(); // F5
    QCOMPARE(dialog.tokenBox()->count(), 0);
    QVERIFY2(dialog.status()->text().contains(QStringLiteral("từ chối")),
             qPrintable(dialog.status()->text()));
    dialog.passwordEdit()->clear();
    test::typeText(dialog.passwordEdit(), QStringLiteral("Mat-khau-2026"));
    dialog.readTokens();
    QCOMPARE(dialog.tokenBox()->count(), 1);
    QCOMPARE(dialog.tokenBox()->currentData().toString(), QStringLiteral("chu-ky-lanh-dao"));
    QCOMPARE(dialog.certificateList()->topLevelItemCount(), 1);
    QCOMPARE(dialog.certificateList()->topLevelItem(0)->text(0), QStringLiteral("Nguyễn Văn rsa"));
    test::screenshot(&dialog, QStringLiteral("signing-remote-settings"));
    QVERIFY(dialog.save());
    const ui::TokenConfig saved = ui::TokenConfig::load(*m_cache);
    QVERIFY(saved.isRemote());
    QCOMPARE(saved.modulePath, m_service.url());
    QCOMPARE(saved.remoteUser, QStringLiteral("lanhdao.xa"));
    QCOMPARE(saved.tokenLabel, QStringLiteral("chu-ky-lanh-dao"));
    QVERIFY(m_session->isConfigured());
}

void TestGuiRemoteSigning::firstSigningAsksPasswordAndPinThenWaitsForThePhone()
{
    const int checks = m_service.authorizeChecks;
    Answerer answers({{QStringLiteral("sai-mat-khau"), QString::fromLatin1(kPin)},
                      {QStringLiteral("Mat-khau-2026"), QStringLiteral("000000")},
                      {QString(), QString::fromLatin1(kPin)}});
    auto credentials = m_session->unlock(nullptr);
    QVERIFY2(credentials.ok(),
             qPrintable(credentials.ok() ? QString() : credentials.error().message));
    // Three dialogs: the password refused, then the PIN refused (password no longer asked).
    QCOMPARE(answers.askedPassword, (QList<bool>{true, true, false}));
    QVERIFY2(answers.messages.at(1).contains(QStringLiteral("từ chối")),
             qPrintable(answers.messages.at(1)));
    QVERIFY2(answers.messages.at(2).contains(QStringLiteral("PIN")),
             qPrintable(answers.messages.at(2)));
    QCOMPARE(m_service.authorizeChecks - checks, 2); // waited for the phone
    QVERIFY(m_session->isLoggedIn());
    QCOMPARE(credentials.value().chain.size(), 1); // the intermediate, from the trust store

    const QString out = m_pki.path(QStringLiteral("remote-gui.pdf"));
    signing::PadesOptions pades;
    pades.reason = QStringLiteral("Phê duyệt kết quả");
    QVERIFY(signing::signPdf(credentials.value(),
                             motcua::testing::testDataPath(QStringLiteral("scan/two-pages.pdf")),
                             out, pades)
                .ok());
    const QString nss = m_pki.makeNssDatabase();
    QVERIFY(!nss.isEmpty());
    QByteArray report;
    PkiFixture::run(QStringLiteral("pdfsig"), {QStringLiteral("-nssdir"), nss, out}, &report);
    QVERIFY2(report.contains("Signature is Valid"), report.constData());
    QVERIFY2(report.contains("Certificate is Trusted"), report.constData());

    // The rest of the session asks nothing.
    Answerer none({});
    QVERIFY(m_session->unlock(nullptr).ok());
    QVERIFY(none.messages.isEmpty());
    m_session->logout();
    QVERIFY(!m_session->isLoggedIn());
}

QTEST_MAIN(TestGuiRemoteSigning)
#include "test_gui_remote_signing.moc"
