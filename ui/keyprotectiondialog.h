#pragma once

// Settings › Cache protection (admins; issue 4 item 2): where this workstation's cache key lives —
// the OS keychain, or a slot per officer wrapping it with the officer's own password — and the
// officers who have a slot. Protect / back to the keychain, add an officer (who types their own
// password here), remove one; each change confirmed with the admin's login password.
#include <QDialog>

#include <services/keyprotection.h>

class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace motcua::ui {

class KeyProtectionDialog : public QDialog
{
    Q_OBJECT
public:
    KeyProtectionDialog(std::unique_ptr<services::KeyProtection> protection, QString username,
                        QWidget *parent = nullptr);
    ~KeyProtectionDialog() override;

    [[nodiscard]] QString message() const;
    [[nodiscard]] QStringList owners() const { return m_state.owners; }
    [[nodiscard]] store::KeyMode mode() const { return m_state.mode; }

private:
    void refresh();
    void toggleMode();
    void addOfficer();
    void removeOfficer();
    // Shows the outcome; on success clears the passwords typed.
    void done(const domain::Check &result, const QString &success);

    std::unique_ptr<services::KeyProtection> m_protection;
    QString m_username;
    services::KeyProtection::State m_state;
    QLabel *m_where;
    QListWidget *m_owners;
    QLineEdit *m_password;
    QPushButton *m_toggle;
    QPushButton *m_remove;
    QGroupBox *m_addBox;
    QLineEdit *m_otherName;
    QLineEdit *m_otherPassword;
    QLineEdit *m_otherAgain;
    QLabel *m_message;
};

} // namespace motcua::ui
