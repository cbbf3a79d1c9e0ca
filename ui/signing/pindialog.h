#pragma once

// The token's PIN, masked, with the reason it is asked again (wrong PIN and the tries left, the
// final try). The PIN lives in this dialog only until pin() hands it to the token.
#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace motcua::ui {

class PinDialog : public QDialog
{
    Q_OBJECT
public:
    PinDialog(const QString &tokenLabel, const QString &certificateSubject,
              QWidget *parent = nullptr);
    ~PinDialog() override;

    void setMessage(const QString &message); // empty: none
    // A remote signing service: its account password is asked too (once per session), and the
    // officer is told to confirm on their phone when the service asks.
    void askAccountPassword(const QString &account);
    void setRemote(bool remote);
    [[nodiscard]] QByteArray pin() const;
    [[nodiscard]] QByteArray accountPassword() const;
    [[nodiscard]] QLineEdit *accountPasswordEdit() const { return m_password; }
    [[nodiscard]] QLineEdit *pinEdit() const { return m_pin; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }

private:
    QLineEdit *m_pin;
    QLineEdit *m_password;
    QLabel *m_message;
    QLabel *m_intro;
    QFormLayout *m_form;
};

} // namespace motcua::ui
