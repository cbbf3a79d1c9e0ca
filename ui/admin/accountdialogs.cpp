#include "accountdialogs.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <domain/roles.h>

namespace motcua::ui {

namespace {

QLabel *errorLabel()
{
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("error"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

} // namespace

NewAccountDialog::NewAccountDialog(QString agencyCode, QWidget *parent)
    : QDialog(parent)
    , m_agency(std::move(agencyCode))
    , m_username(new QLineEdit)
    , m_fullName(new QLineEdit)
    , m_title(new QLineEdit)
    , m_department(new QLineEdit)
    , m_password(new QLineEdit)
    , m_error(errorLabel())
{
    setObjectName(QStringLiteral("newAccountDialog"));
    setWindowTitle(tr("New officer account"));
    m_username->setObjectName(QStringLiteral("username"));
    m_fullName->setObjectName(QStringLiteral("fullName"));
    m_title->setObjectName(QStringLiteral("title"));
    m_department->setObjectName(QStringLiteral("department"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("&Full name:"), m_fullName);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Department code:"), m_department);
    form->addRow(tr("Initial &password:"), m_password);
    auto *roles = new QGridLayout;
    int i = 0;
    for (const domain::Role role : domain::allRoles()) {
        auto *box = new QCheckBox(domain::roleName(role));
        box->setObjectName(QStringLiteral("role-") + domain::roleKey(role));
        box->setProperty("role", domain::roleKey(role));
        roles->addWidget(box, i / 2, i % 2);
        m_roles.append(box);
        ++i;
    }
    form->addRow(tr("Roles:"), roles);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

domain::Officer NewAccountDialog::officer() const
{
    domain::Officer o;
    o.username = m_username->text().trimmed();
    o.id = o.username;
    o.fullName = m_fullName->text().simplified();
    o.title = m_title->text().simplified();
    o.departmentId = m_department->text().trimmed();
    o.agencyCode = m_agency;
    for (const QCheckBox *box : m_roles) {
        if (box->isChecked()) {
            if (auto role = domain::roleFromKey(box->property("role").toString()))
                o.roles.append(*role);
        }
    }
    o.active = true;
    return o;
}

QString NewAccountDialog::password() const
{
    return m_password->text();
}

void NewAccountDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

PasswordDialog::PasswordDialog(const QString &officerName, QWidget *parent)
    : QDialog(parent)
    , m_password(new QLineEdit)
    , m_again(new QLineEdit)
    , m_error(errorLabel())
{
    setObjectName(QStringLiteral("passwordDialog"));
    setWindowTitle(tr("Reset password of %1").arg(officerName));
    m_password->setObjectName(QStringLiteral("password"));
    m_again->setObjectName(QStringLiteral("again"));
    m_password->setEchoMode(QLineEdit::Password);
    m_again->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("New &password:"), m_password);
    form->addRow(tr("&Repeat it:"), m_again);
    auto *note = new QLabel(tr("Every session of this officer ends at once."));
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_password->text() != m_again->text()) {
            showError(tr("The two passwords differ."));
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

void PasswordDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

} // namespace motcua::ui
