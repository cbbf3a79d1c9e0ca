#pragma once

// The dialogs of Administration › Accounts: a new officer account, and a new password.
#include <QDialog>

#include <domain/entities.h>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace motcua::ui {

class NewAccountDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewAccountDialog(QString agencyCode, QWidget *parent = nullptr);
    [[nodiscard]] domain::Officer officer() const;
    [[nodiscard]] QString password() const;
    void showError(const QString &message);

private:
    QString m_agency;
    QLineEdit *m_username;
    QLineEdit *m_fullName;
    QLineEdit *m_title;
    QLineEdit *m_department;
    QLineEdit *m_password;
    QList<QCheckBox *> m_roles;
    QLabel *m_error;
};

class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PasswordDialog(const QString &officerName, QWidget *parent = nullptr);
    [[nodiscard]] QString password() const;
    void showError(const QString &message);

private:
    QLineEdit *m_password;
    QLineEdit *m_again;
    QLabel *m_error;
};

} // namespace motcua::ui
