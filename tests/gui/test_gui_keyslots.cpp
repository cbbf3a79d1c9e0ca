// Issue 4 item 2, in the client: a workstation whose cache key is wrapped by each officer's
// password (Argon2id key slots). The officer logs in through the real LoginDialog with the real
// server; the cache opens with the password, and the sync engine's own connection opens with the
// key that login unlocked (AuthService::cacheOpener) — it syncs without asking again. An officer
// without a slot is told what to do; the keychain holds no key.
#include "guifixture.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <keyprotectiondialog.h>
#include <language.h>
#include <mainwindow.h>
#include <services/intakeservice.h>
#include <services/syncstatus.h>
#include <store/cachekey.h>
#include <store/crypto.h>
#include <style.h>
#include <sync/sync_engine.h>

using namespace motcua;

class TestGuiKeySlots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ui::installLanguage(QStringLiteral("vi")));
        ui::applyStyle(*qApp);
        QString error;
        QVERIFY2(m_fixture.start(&error), qPrintable(error));
        // A first login makes the profile, its key in the keychain (the default).
        auto ws = m_fixture.login(QStringLiteral("counter1"), &error);
        QVERIFY2(ws, qPrintable(error));
    }

    // The same from the app: an admin protects the workstation, lets another officer in, takes
    // them out and goes back to the keychain — each change confirmed with the admin's own login
    // password; a wrong one changes nothing.
    void adminChangesProtectionInTheApp()
    {
        QString error;
        auto ws = m_fixture.login(QStringLiteral("admin1"), &error);
        QVERIFY2(ws, qPrintable(error));
        services::SyncStatus status(*ws, nullptr);
        ui::MainWindow window(*ws, status, m_fixture.printer(), nullptr);
        window.setSecretStore(&m_fixture.secrets());
        QVERIFY(window.findChild<QAction *>(QStringLiteral("openKeyProtection")));
        auto *dialog = qobject_cast<ui::KeyProtectionDialog *>(window.openKeyProtection());
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), store::KeyMode::Keychain);
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
        auto *toggle = dialog->findChild<QPushButton *>(QStringLiteral("toggleMode"));
        store::CacheKeys keys(m_fixture.profileDir(), m_fixture.secrets());

        test::typeText(password, QStringLiteral("Sai-mat-khau-1"));
        toggle->click();
        QCOMPARE(dialog->mode(), store::KeyMode::Keychain);
        QVERIFY(!dialog->message().isEmpty());
        QVERIFY(keys.keychainKey()); // nothing changed

        password->clear();
        test::typeText(password, test::kDemoPassword);
        toggle->click();
        QCOMPARE(dialog->mode(), store::KeyMode::OfficerPasswords);
        QCOMPARE(dialog->owners(), QStringList{QStringLiteral("admin1")});
        QVERIFY(password->text().isEmpty()); // typed passwords do not linger
        QVERIFY(!keys.keychainKey());

        // counter1 types their password twice; a mismatch changes nothing.
        test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("otherName")),
                       QStringLiteral("counter1"));
        auto *other = dialog->findChild<QLineEdit *>(QStringLiteral("otherPassword"));
        auto *again = dialog->findChild<QLineEdit *>(QStringLiteral("otherAgain"));
        auto *add = dialog->findChild<QPushButton *>(QStringLiteral("addSlot"));
        test::typeText(password, test::kDemoPassword);
        test::typeText(other, test::kDemoPassword);
        test::typeText(again, QStringLiteral("khac"));
        add->click();
        QCOMPARE(dialog->owners().size(), 1);
        again->clear();
        test::typeText(again, test::kDemoPassword);
        add->click();
        QCOMPARE(dialog->owners(),
                 (QStringList{QStringLiteral("admin1"), QStringLiteral("counter1")}));
        test::screenshot(dialog, QStringLiteral("keys-1-protection"));
        {
            auto counter = m_fixture.login(QStringLiteral("counter1"), &error);
            QVERIFY2(counter, qPrintable(error)); // opens with counter1's own slot
        }

        // counter1 out; the admin's own slot stays; then back to the keychain.
        auto *owners = dialog->findChild<QListWidget *>(QStringLiteral("owners"));
        owners->setCurrentRow(int(dialog->owners().indexOf(QStringLiteral("counter1"))));
        test::typeText(password, test::kDemoPassword);
        dialog->findChild<QPushButton *>(QStringLiteral("removeSlot"))->click();
        QCOMPARE(dialog->owners(), QStringList{QStringLiteral("admin1")});
        owners->setCurrentRow(0);
        test::typeText(password, test::kDemoPassword);
        dialog->findChild<QPushButton *>(QStringLiteral("removeSlot"))->click();
        QCOMPARE(dialog->owners(), QStringList{QStringLiteral("admin1")}); // not one's own
        QVERIFY(dialog->message().contains(QStringLiteral("chính mình")));
        password->clear();
        test::typeText(password, test::kDemoPassword);
        toggle->click();
        QCOMPARE(dialog->mode(), store::KeyMode::Keychain);
        QVERIFY(keys.keychainKey());
        QVERIFY(m_fixture.login(QStringLiteral("counter1"), &error));
    }

    void officerPasswordProfileLogsInAndSyncs()
    {
        // The admin opts the workstation in (motcuactl cache protect does the same).
        store::CacheKeys keys(m_fixture.profileDir(), m_fixture.secrets());
        auto key = store::profileKey(m_fixture.profileDir(), m_fixture.secrets());
        QVERIFY(key);
        QVERIFY(keys.switchToOfficerPasswords(key.value(), QStringLiteral("counter1"),
                                              test::kDemoPassword));
        store::crypto::wipe(key.value());
        QVERIFY(!keys.keychainKey()); // no key left in the keychain
        QCOMPARE(keys.mode().value(), store::KeyMode::OfficerPasswords);

        QString error;
        auto ws = m_fixture.login(QStringLiteral("counter1"), &error);
        QVERIFY2(ws, qPrintable(error));

        // A dossier received at the counter, then the sync engine on its own connection pushes it.
        services::IntakeService intake(*ws, m_fixture.printer());
        services::IntakeDraft draft;
        draft.procedureCode = QStringLiteral("2.000815");
        const auto procedure = intake.procedure(draft.procedureCode);
        QVERIFY(procedure);
        draft.channel = domain::Channel::Counter;
        draft.applicant.personalId = QStringLiteral("001099000555");
        draft.applicant.fullName = QStringLiteral("Lò Thị Hoa");
        draft.applicant.birthDate = QDate(1988, 3, 8);
        draft.applicant.address = QStringLiteral("Nha Trang");
        for (const auto &rc : procedure->components)
            draft.components[rc.documentTypeCode].received = true;
        auto saved = intake.save(draft);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        QCOMPARE(ws->cache().pendingCount().value(), 1);

        sync::SyncOptions options;
        options.api.baseUrl = QUrl(m_fixture.serverUrl());
        options.pollIntervalMs = 0;
        options.leaseCodes = false;
        sync::SyncEngine engine(options, m_fixture.auth().cacheOpener());
        QSignalSpy rounds(&engine, &sync::SyncEngine::roundFinished);
        engine.start();
        engine.setSession(m_fixture.api().session());
        engine.syncNow();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::any_of(rounds.cbegin(), rounds.cend(),
                                   [](const QList<QVariant> &a) { return a.at(0).toBool(); })
                    && !engine.isBusy();
            },
            60000));
        engine.stop();
        QCOMPARE(ws->cache().pendingCount().value(), 0); // the server took it
        QVERIFY(ws->cache().conflicts().value().isEmpty());
        QVERIFY(ws->cache().lastSync().value().isValid()); // written by the engine's connection
    }

    void officerWithoutSlotIsToldWhatToDo()
    {
        services::AuthService &auth = m_fixture.auth();
        QSignalSpy failed(&auth, &services::AuthService::failed);
        QSignalSpy loggedIn(&auth, &services::AuthService::loggedIn);
        auth.login(QStringLiteral("head1"), test::kDemoPassword);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(loggedIn.count(), 0);
        const auto error = failed.first().first().value<domain::Error>();
        QCOMPARE(error.code, QStringLiteral("cache.no_key_slot"));
        QVERIFY2(error.message.contains(QStringLiteral("motcuactl cache add-slot")),
                 qPrintable(error.message));
    }

private:
    test::GuiFixture m_fixture;
};

QTEST_MAIN(TestGuiKeySlots)
#include "test_gui_keyslots.moc"
