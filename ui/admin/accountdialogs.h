#pragma once

// The dialogs of Administration › Accounts: a new officer account or changes to one, and a new
// password.
#include <QDialog>
#include <QHash>

#include <domain/entities.h>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace motcua::ui {

// A new account (with its initial password), or — given an existing account — its name, title,
// department, roles and the workflow steps granted to it by name (R01.2b-c). The groups it
// belongs to are shown, not edited here: membership is edited on the group.
class NewAccountDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewAccountDialog(QString agencyCode, QWidget *parent = nullptr);
    // Editing `existing`; the password row is not shown. `groupNames`: id → name.
    NewAccountDialog(const domain::Officer &existing, const QHash<QString, QString> &groupNames,
                     QWidget *parent = nullptr);
    [[nodiscard]] domain::Officer officer() const;
    [[nodiscard]] QString password() const;
    [[nodiscard]] bool editing() const { return m_existing.has_value(); }
    void showError(const QString &message);

private:
    void build();

    QString m_agency;
    std::optional<domain::Officer> m_existing;
    QLineEdit *m_username;
    QLineEdit *m_fullName;
    QLineEdit *m_title;
    QLineEdit *m_department;
    QLineEdit *m_password;
    QLineEdit *m_steps;
    QLabel *m_groups;
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
