#pragma once

// The login dialog: username and password, checked by the server when it answers, otherwise by
// the offline verifier kept after an earlier online login (AuthService). The language can be
// switched here before anything else is shown.
#include <QDialog>

#include <domain/entities.h>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace motcua::services {
class AuthService;
}

namespace motcua::ui {

class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(services::AuthService &auth, const QString &serverUrl, QWidget *parent = nullptr);

    [[nodiscard]] domain::Officer officer() const { return m_officer; }
    [[nodiscard]] bool online() const { return m_online; }
    [[nodiscard]] QString warning() const { return m_warning; }
    void setUsername(const QString &username);

private:
    void retranslate();
    void submit();
    void setBusy(bool busy);

    services::AuthService &m_auth;
    QString m_serverUrl;
    QLabel *m_intro;
    QLabel *m_userLabel;
    QLabel *m_passLabel;
    QLabel *m_langLabel;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QComboBox *m_language;
    QLabel *m_error;
    QLabel *m_server;
    QDialogButtonBox *m_buttons;
    domain::Officer m_officer;
    bool m_online = false;
    QString m_warning;
};

} // namespace motcua::ui
