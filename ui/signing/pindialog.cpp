#include "pindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace motcua::ui {

PinDialog::PinDialog(const QString &tokenLabel, const QString &certificateSubject, QWidget *parent)
    : QDialog(parent)
    , m_pin(new QLineEdit)
    , m_password(new QLineEdit)
    , m_message(new QLabel)
    , m_intro(new QLabel)
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(tr("Token PIN"));
    m_pin->setObjectName(QStringLiteral("pin"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_pin->setMaxLength(64);
    m_message->setObjectName(QStringLiteral("pinMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold;"));
    m_message->hide();
    m_password->setObjectName(QStringLiteral("accountPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData
                                    | Qt::ImhNoPredictiveText);
    m_password->setMaxLength(256);
    m_password->hide();
    m_intro->setText(tr("Enter the PIN of your signing token. It is asked once per session and "
                        "never stored."));
    m_intro->setWordWrap(true);
    auto *intro = m_intro;
    auto *form = new QFormLayout;
    m_form = form;
    form->addRow(tr("Token:"), new QLabel(tokenLabel.toHtmlEscaped()));
    if (!certificateSubject.isEmpty()) {
        auto *subject = new QLabel(certificateSubject.toHtmlEscaped());
        subject->setWordWrap(true);
        form->addRow(tr("Certificate:"), subject);
    }
    form->addRow(tr("&PIN:"), m_pin);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Log in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    m_pin->setFocus();
}

PinDialog::~PinDialog()
{
    m_pin->clear(); // the PIN and the password leave no copy in a dead widget
    m_password->clear();
}

void PinDialog::askAccountPassword(const QString &account)
{
    auto *label = new QLabel(tr("&Password of %1:").arg(account.toHtmlEscaped()));
    label->setBuddy(m_password);
    m_form->insertRow(m_form->rowCount() - 1, label, m_password);
    m_password->show();
    m_password->setFocus();
}

void PinDialog::setRemote(bool remote)
{
    if (!remote)
        return;
    setWindowTitle(tr("Remote signing"));
    m_intro->setText(tr("Enter the PIN of your signing certificate at the remote signing service. "
                        "If the service asks, confirm the request on your phone: MotCua waits for "
                        "it. Nothing is stored."));
}

QByteArray PinDialog::accountPassword() const
{
    return m_password->text().toUtf8();
}

void PinDialog::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QByteArray PinDialog::pin() const
{
    return m_pin->text().toUtf8();
}

} // namespace motcua::ui
