#include "accountdialogs.h"

#include "adminwidgets.h"

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

NewAccountDialog::NewAccountDialog(QString agencyCode, QWidget *parent)
    : QDialog(parent)
    , m_agency(std::move(agencyCode))
    , m_username(new QLineEdit)
    , m_fullName(new QLineEdit)
    , m_title(new QLineEdit)
    , m_department(new QLineEdit)
    , m_password(new QLineEdit)
    , m_steps(new QLineEdit)
    , m_groups(new QLabel)
    , m_error(admin::errorLabel())
{
    build();
}

NewAccountDialog::NewAccountDialog(const domain::Officer &existing,
                                   const QHash<QString, QString> &groupNames, QWidget *parent)
    : QDialog(parent)
    , m_agency(existing.agencyCode)
    , m_existing(existing)
    , m_username(new QLineEdit(existing.username))
    , m_fullName(new QLineEdit(existing.fullName))
    , m_title(new QLineEdit(existing.title))
    , m_department(new QLineEdit(existing.departmentId))
    , m_password(new QLineEdit)
    , m_steps(new QLineEdit(existing.stepPermissions.join(QStringLiteral(", "))))
    , m_groups(new QLabel)
    , m_error(admin::errorLabel())
{
    build();
    QStringList groups;
    for (const QString &id : existing.groupIds)
        groups.append(groupNames.value(id, id));
    QStringList granted;
    for (const domain::Role role : existing.groupRoles) {
        if (!existing.roles.contains(role))
            granted.append(domain::roleName(role));
    }
    QString text = groups.isEmpty() ? tr("In no group.")
                                    : tr("Member of: %1.").arg(groups.join(QStringLiteral("; ")));
    if (!granted.isEmpty())
        text += QLatin1Char(' ')
            + tr("Roles from the groups: %1.").arg(granted.join(QStringLiteral(", ")));
    m_groups->setText(text);
}

void NewAccountDialog::build()
{
    const bool edit = editing();
    setObjectName(edit ? QStringLiteral("editAccountDialog") : QStringLiteral("newAccountDialog"));
    setWindowTitle(edit ? tr("Account %1").arg(m_existing->username) : tr("New officer account"));
    m_username->setObjectName(QStringLiteral("username"));
    m_fullName->setObjectName(QStringLiteral("fullName"));
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setPlaceholderText(tr("e.g. Chuyên viên, Trưởng phòng"));
    m_title->setToolTip(tr("The position: workflow steps given to a position go to the officers "
                           "whose title it is."));
    m_department->setObjectName(QStringLiteral("department"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_steps->setObjectName(QStringLiteral("stepPermissions"));
    m_steps->setPlaceholderText(tr("e.g. tham-dinh, wf-lltp/phe-duyet"));
    m_steps->setToolTip(tr("Workflow steps this officer may work at besides those given to them "
                           "by role, department, group or position: a step code (in every "
                           "workflow) or workflow/step, separated by commas."));
    m_groups->setObjectName(QStringLiteral("groups"));
    m_groups->setWordWrap(true);
    m_groups->setProperty("muted", true);
    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("&Full name:"), m_fullName);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Department code:"), m_department);
    if (!edit) {
        form->addRow(tr("Initial &password:"), m_password);
    } else {
        m_password->setParent(this); // a password is reset on its own (Ctrl+Shift+R)
        m_password->hide();
    }
    form->addRow(tr("Roles:"),
                 admin::roleBoxes(&m_roles, edit ? m_existing->roles : QList<domain::Role>{}));
    form->addRow(tr("&Workflow steps:"), m_steps);
    if (edit) {
        form->addRow(tr("Groups:"), m_groups);
    } else {
        m_groups->setParent(this);
        m_groups->hide();
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(edit ? tr("Save") : tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

domain::Officer NewAccountDialog::officer() const
{
    domain::Officer o = m_existing.value_or(domain::Officer{});
    o.username = m_username->text().trimmed();
    if (!m_existing)
        o.id = o.username;
    o.fullName = m_fullName->text().simplified();
    o.title = m_title->text().simplified();
    o.departmentId = m_department->text().trimmed();
    o.agencyCode = m_agency;
    o.roles = admin::checkedRoles(m_roles);
    o.stepPermissions.clear();
    for (const QString &step : m_steps->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = step.trimmed();
        if (!trimmed.isEmpty() && !o.stepPermissions.contains(trimmed))
            o.stepPermissions.append(trimmed);
    }
    if (!m_existing)
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
    , m_error(admin::errorLabel())
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
