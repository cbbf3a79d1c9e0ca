#pragma once

// Shared by the GUI tests: the real motcua-server on a fresh demo database, a profile folder with
// the real encrypted cache (its key in the Secret Service of tests/keyring-session), a login
// through the real LoginDialog, and screenshots. Never sleeps: waits on conditions (QTRY_*).
#include "http_fixture.h"

#include <QDir>
#include <QTemporaryDir>
#include <QWidget>

#include <services/authservice.h>
#include <services/receiptprinter.h>
#include <services/syncstatus.h>
#include <services/workstation.h>
#include <store/keystore.h>
#include <sync/api_client.h>

#include <memory>

namespace motcua::test {

class GuiFixture
{
public:
    // Starts the server on a fresh demo database; false with `error` set on failure.
    bool start(QString *error);
    // Logs in through the LoginDialog, typing like an officer; the workstation on success.
    std::unique_ptr<services::Workstation> login(const QString &username, QString *error,
                                                 bool *online = nullptr);
    // Same profile, a server that does not answer: the offline login.
    std::unique_ptr<services::Workstation> loginOffline(const QString &username, QString *error);

    [[nodiscard]] QString profileDir() const { return m_profile.path(); }
    [[nodiscard]] QString serverUrl() const { return m_server.baseUrl(); }
    [[nodiscard]] sync::ApiClient &api() { return *m_api; }
    [[nodiscard]] services::NoReceiptPrinter &printer() { return m_printer; }
    ServerProcess &server() { return m_server; }
    // The login service of login() and the Secret Service it keeps the cache key in.
    [[nodiscard]] services::AuthService &auth() { return *m_auth; }
    [[nodiscard]] store::SecretStore &secrets() { return m_secrets; }

private:
    std::unique_ptr<services::Workstation> loginWith(sync::ApiClient &api, const QString &username,
                                                     QString *error, bool *online);

    std::unique_ptr<TestDatabase> m_db;
    ServerProcess m_server;
    QTemporaryDir m_profile;
    store::KeychainSecretStore m_secrets{QStringLiteral("MotCua-GuiTest")};
    std::unique_ptr<sync::ApiClient> m_api;
    std::unique_ptr<sync::ApiClient> m_deadApi;
    std::unique_ptr<services::AuthService> m_auth;
    std::unique_ptr<services::AuthService> m_deadAuth;
    services::NoReceiptPrinter m_printer;
};

// Types `text` into `widget` one key event per character, as a keyboard (or a keyboard-wedge
// scanner) does; unlike QTest::keyClicks it types any Unicode character ("Nguyễn").
void typeText(QWidget *widget, const QString &text);

// Saves `widget` as <screenshots>/<name>.png (after laying it out at `size`).
bool screenshot(QWidget *widget, const QString &name);

} // namespace motcua::test
