#pragma once

// The token's PIN, masked, with the reason it is asked again (wrong PIN and the tries left, the
// final try). The PIN lives in this dialog only until pin() hands it to the token.
#include <QDialog>

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
    [[nodiscard]] QByteArray pin() const;
    [[nodiscard]] QLineEdit *pinEdit() const { return m_pin; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }

private:
    QLineEdit *m_pin;
    QLabel *m_message;
};

} // namespace motcua::ui
