#include "logindialog.h"

#include "language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <services/authservice.h>

namespace motcua::ui {

LoginDialog::LoginDialog(services::AuthService &auth, const QString &serverUrl, QWidget *parent)
    : QDialog(parent)
    , m_auth(auth)
    , m_serverUrl(serverUrl)
    , m_intro(new QLabel)
    , m_userLabel(new QLabel)
    , m_passLabel(new QLabel)
    , m_langLabel(new QLabel)
    , m_username(new QLineEdit)
    , m_password(new QLineEdit)
    , m_language(new QComboBox)
    , m_error(new QLabel)
    , m_server(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("loginDialog"));
    m_username->setObjectName(QStringLiteral("username"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(QStringLiteral("Tiếng Việt"), QLatin1String(kVietnamese));
    m_language->addItem(QStringLiteral("English"), QLatin1String(kEnglish));
    m_language->setCurrentIndex(savedLanguage() == QLatin1String(kEnglish) ? 1 : 0);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setProperty("fieldError", true);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_userLabel->setBuddy(m_username);
    m_passLabel->setBuddy(m_password);
    m_langLabel->setBuddy(m_language);
    m_server->setProperty("muted", true);

    auto *form = new QFormLayout;
    form->addRow(m_userLabel, m_username);
    form->addRow(m_passLabel, m_password);
    form->addRow(m_langLabel, m_language);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_server);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        const QString lang = m_language->currentData().toString();
        saveLanguage(lang);
        installLanguage(lang);
        retranslate();
    });
    connect(&m_auth, &services::AuthService::loggedIn, this,
            [this](const domain::Officer &o, bool online, const QString &warning) {
                m_officer = o;
                m_online = online;
                m_warning = warning;
                setBusy(false);
                accept();
            });
    connect(&m_auth, &services::AuthService::failed, this, [this](const domain::Error &e) {
        setBusy(false);
        m_error->setText(e.message);
        m_error->setVisible(true);
        (e.field == QLatin1String("username") ? m_username : m_password)->setFocus();
        m_password->selectAll();
    });
    retranslate();
    m_username->setFocus();
}

void LoginDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    m_password->setFocus();
}

void LoginDialog::retranslate()
{
    setWindowTitle(tr("MotCua — log in"));
    m_intro->setText(tr("<b>One-stop counter</b><br>Log in with your officer account."));
    m_userLabel->setText(tr("&Username:"));
    m_passLabel->setText(tr("&Password:"));
    m_langLabel->setText(tr("&Language:"));
    m_server->setText(m_serverUrl.isEmpty() ? tr("No server configured: offline login only.")
                                            : tr("Server: %1").arg(m_serverUrl));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Log in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
}

void LoginDialog::setBusy(bool busy)
{
    m_buttons->setEnabled(!busy);
    m_username->setEnabled(!busy);
    m_password->setEnabled(!busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void LoginDialog::submit()
{
    m_error->setVisible(false);
    setBusy(true);
    m_auth.login(m_username->text(), m_password->text());
}

} // namespace motcua::ui
