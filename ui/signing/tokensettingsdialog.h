#pragma once

// Settings → Signing token (Ctrl+Alt+K): the workstation's PKCS#11 module (the detected drivers of
// the usual Vietnamese CAs, or browse for one), the token in the reader, and the certificate to
// sign with (subject and validity shown). Saved in the profile's encrypted settings; never a PIN.
// Instead of a driver, the address of a remote signing service (https://…/csc/v2) with the
// account: its credentials are listed as tokens (the password is used to list them, not kept).
#include <QDialog>

#include <signing/token.h>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace motcua::ui {

class SigningSession;

class TokenSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TokenSettingsDialog(SigningSession &session, QWidget *parent = nullptr);
    ~TokenSettingsDialog() override;

    [[nodiscard]] QComboBox *moduleBox() const { return m_module; }
    [[nodiscard]] QComboBox *tokenBox() const { return m_token; }
    [[nodiscard]] QTreeWidget *certificateList() const { return m_certificates; }
    [[nodiscard]] QLabel *status() const { return m_status; }
    [[nodiscard]] QLineEdit *accountEdit() const { return m_account; }
    [[nodiscard]] QLineEdit *passwordEdit() const { return m_password; }

    // Reads the tokens of the module in the box (F5).
    void readTokens();
    // Saves the choice; false (with the reason in status()) when incomplete.
    bool save();

private:
    void readCertificates();
    [[nodiscard]] QString modulePath() const;
    void browse();
    void setStatus(const QString &text, bool bad);

    SigningSession &m_session;
    std::unique_ptr<signing::TokenBackend> m_backend;
    QList<signing::TokenCertificate> m_certs;
    QComboBox *m_module;
    QComboBox *m_token;
    QLineEdit *m_account;
    QLineEdit *m_password;
    QWidget *m_accountRow;
    QTreeWidget *m_certificates;
    QLabel *m_status;
};

} // namespace motcua::ui
