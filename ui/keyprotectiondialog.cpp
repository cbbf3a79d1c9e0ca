#include "keyprotectiondialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace motcua::ui {

namespace {

QLineEdit *passwordEdit(const QString &name)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(name);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

KeyProtectionDialog::KeyProtectionDialog(std::unique_ptr<services::KeyProtection> protection,
                                         QString username, QWidget *parent)
    : QDialog(parent)
    , m_protection(std::move(protection))
    , m_username(std::move(username))
    , m_where(new QLabel)
    , m_owners(new QListWidget)
    , m_password(passwordEdit(QStringLiteral("password")))
    , m_toggle(new QPushButton)
    , m_remove(new QPushButton(tr("&Remove the selected officer's slot")))
    , m_addBox(new QGroupBox(tr("Let another officer open this workstation's data")))
    , m_otherName(new QLineEdit)
    , m_otherPassword(passwordEdit(QStringLiteral("otherPassword")))
    , m_otherAgain(passwordEdit(QStringLiteral("otherAgain")))
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("keyProtectionDialog"));
    setWindowTitle(tr("Protection of this workstation's data"));
    m_where->setObjectName(QStringLiteral("where"));
    m_where->setWordWrap(true);
    m_owners->setObjectName(QStringLiteral("owners"));
    m_toggle->setObjectName(QStringLiteral("toggleMode"));
    m_remove->setObjectName(QStringLiteral("removeSlot"));
    m_otherName->setObjectName(QStringLiteral("otherName"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_password->setPlaceholderText(tr("the password you log in with"));

    auto *add = new QPushButton(tr("&Add"));
    add->setObjectName(QStringLiteral("addSlot"));
    auto *addForm = new QFormLayout(m_addBox);
    addForm->addRow(tr("Officer's &user name:"), m_otherName);
    addForm->addRow(tr("Their pass&word (they type it):"), m_otherPassword);
    addForm->addRow(tr("Repeat &it:"), m_otherAgain);
    addForm->addRow(QString(), add);

    auto *confirm = new QFormLayout;
    confirm->addRow(tr("Your &password (confirms each change):"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_toggle, &QPushButton::clicked, this, &KeyProtectionDialog::toggleMode);
    connect(m_remove, &QPushButton::clicked, this, &KeyProtectionDialog::removeOfficer);
    connect(add, &QPushButton::clicked, this, &KeyProtectionDialog::addOfficer);
    for (QPushButton *b : {m_toggle, m_remove, add})
        b->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_where);
    layout->addWidget(m_owners);
    layout->addWidget(m_remove);
    layout->addWidget(m_addBox);
    layout->addLayout(confirm);
    layout->addWidget(m_toggle);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(560, 560);
    refresh();
}

KeyProtectionDialog::~KeyProtectionDialog() = default;

QString KeyProtectionDialog::message() const
{
    return m_message->text();
}

void KeyProtectionDialog::refresh()
{
    auto state = m_protection->state();
    if (!state) {
        done(state.error(), {});
        return;
    }
    m_state = state.value();
    const bool slots = m_state.mode == store::KeyMode::OfficerPasswords;
    m_where->setText(
        slots
            ? tr("The key of this workstation's encrypted data is wrapped by the password of each "
                 "officer below: only they can open it, each with the password they log in "
                 "with. An officer not listed cannot log in here until added.")
            : tr("The key of this workstation's encrypted data is in the operating system's "
                 "keychain: whoever can sign in to this computer account can open it. Protect it "
                 "with officers' passwords when the computer is shared."));
    m_owners->clear();
    m_owners->addItems(m_state.owners);
    m_owners->setVisible(slots);
    m_remove->setVisible(slots);
    m_addBox->setVisible(slots);
    m_toggle->setText(slots ? tr("Back to the operating system's &keychain")
                            : tr("Protect with &officers' passwords"));
}

void KeyProtectionDialog::done(const domain::Check &result, const QString &success)
{
    if (!result) {
        m_message->setText(result.error().message);
        m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
        return;
    }
    m_message->setText(success);
    m_message->setStyleSheet(QString());
    for (QLineEdit *e : {m_password, m_otherPassword, m_otherAgain})
        e->clear();
    refresh();
}

void KeyProtectionDialog::toggleMode()
{
    if (m_state.mode == store::KeyMode::Keychain) {
        done(m_protection->protect(m_username, m_password->text()),
             tr("Protected: only officers with a slot open this workstation's data. Add the "
                "others who work here."));
    } else {
        done(m_protection->unprotect(m_username, m_password->text()),
             tr("The key is back in the operating system's keychain."));
    }
}

void KeyProtectionDialog::addOfficer()
{
    if (m_otherPassword->text() != m_otherAgain->text()) {
        done(domain::makeError(QStringLiteral("ui.passwords_differ"),
                               tr("The officer's two passwords differ.")),
             {});
        return;
    }
    const QString other = m_otherName->text().trimmed();
    done(m_protection->addSlot(m_username, m_password->text(), other, m_otherPassword->text()),
         tr("%1 can now open this workstation's data with their password.").arg(other));
    if (m_state.owners.contains(other))
        m_otherName->clear();
}

void KeyProtectionDialog::removeOfficer()
{
    const QListWidgetItem *item = m_owners->currentItem();
    if (!item) {
        done(domain::makeError(QStringLiteral("ui.no_selection"),
                               tr("Select the officer whose slot goes.")),
             {});
        return;
    }
    const QString other = item->text();
    done(m_protection->removeSlot(m_username, m_password->text(), other),
         tr("%1 can no longer open this workstation's data.").arg(other));
}

} // namespace motcua::ui
