#include "guifixture.h"

#include "testpaths.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <logindialog.h>

namespace motcua::test {

bool GuiFixture::start(QString *error)
{
    m_db = TestDatabase::create(QStringLiteral("sqlite"), error);
    if (!m_db || !m_db->seedDemo(error))
        return false;
    if (!m_server.start(m_db->url())) {
        *error = m_server.startError();
        return false;
    }
    sync::ApiClient::Options options;
    options.baseUrl = QUrl(m_server.baseUrl());
    m_api = std::make_unique<sync::ApiClient>(options);
    m_auth = std::make_unique<services::AuthService>(m_profile.path(), m_secrets, *m_api);
    return true;
}

std::unique_ptr<services::Workstation>
GuiFixture::loginWith(sync::ApiClient &api, const QString &username, QString *error, bool *online)
{
    services::AuthService &auth = &api == m_api.get() ? *m_auth : *m_deadAuth;
    ui::LoginDialog dialog(auth, api.options().baseUrl.toString());
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog)) {
        *error = QStringLiteral("login dialog not shown");
        return {};
    }
    auto *user = dialog.findChild<QLineEdit *>(QStringLiteral("username"));
    auto *pass = dialog.findChild<QLineEdit *>(QStringLiteral("password"));
    QTest::keyClicks(user, username);
    QTest::keyClicks(pass, kDemoPassword);
    QSignalSpy finished(&dialog, &QDialog::finished);
    QTest::keyClick(pass, Qt::Key_Return);
    if (!finished.wait(30000) && finished.isEmpty()) {
        *error = QStringLiteral("login did not finish: ")
            + dialog.findChild<QWidget *>(QStringLiteral("loginError"))
                  ->property("text")
                  .toString();
        return {};
    }
    if (dialog.result() != QDialog::Accepted) {
        *error = QStringLiteral("login refused");
        return {};
    }
    if (online)
        *online = dialog.online();
    return std::make_unique<services::Workstation>(auth.takeCache(), dialog.officer(), &api);
}

std::unique_ptr<services::Workstation> GuiFixture::login(const QString &username, QString *error,
                                                         bool *online)
{
    return loginWith(*m_api, username, error, online);
}

std::unique_ptr<services::Workstation> GuiFixture::loginOffline(const QString &username,
                                                                QString *error)
{
    sync::ApiClient::Options options;
    options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9")); // discard port: refused
    options.timeoutMs = 5000;
    m_deadApi = std::make_unique<sync::ApiClient>(options);
    m_deadAuth = std::make_unique<services::AuthService>(m_profile.path(), m_secrets, *m_deadApi);
    bool online = true;
    auto ws = loginWith(*m_deadApi, username, error, &online);
    if (ws && online) {
        *error = QStringLiteral("expected an offline login");
        return {};
    }
    return ws;
}

void typeText(QWidget *widget, const QString &text)
{
    for (const QChar ch : text) {
        const Qt::Key key = ch.isDigit() ? Qt::Key(Qt::Key_0 + ch.digitValue())
            : ch.toLatin1() >= 'a' && ch.toLatin1() <= 'z'
            ? Qt::Key(Qt::Key_A + (ch.toLatin1() - 'a'))
            : Qt::Key_unknown;
        QTest::sendKeyEvent(QTest::Click, widget, key, QString(ch), Qt::NoModifier);
    }
}

bool screenshot(QWidget *widget, const QString &name)
{
    QDir().mkpath(motcua::testing::testPath("MOTCUA_SCREENSHOT_DIR"));
    QApplication::processEvents();
    return widget->grab().save(
        motcua::testing::testPath("MOTCUA_SCREENSHOT_DIR", QStringLiteral("/%1.png")).arg(name));
}

} // namespace motcua::test
