#include "groupspage.h"

#include "adminwidgets.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <domain/folding.h>
#include <domain/roles.h>
#include <services/adminservice.h>

namespace motcua::ui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString rolesText(const QList<domain::Role> &roles)
{
    QStringList names;
    for (const auto role : roles)
        names.append(domain::roleName(role));
    return names.join(QStringLiteral(", "));
}

} // namespace

// ---- GroupDialog ---------------------------------------------------------------------------

GroupDialog::GroupDialog(const domain::OfficerGroup *existing, QString agencyCode,
                         const QList<domain::Officer> &officers, QWidget *parent)
    : QDialog(parent)
    , m_existing(existing ? std::optional<domain::OfficerGroup>(*existing) : std::nullopt)
    , m_agency(std::move(agencyCode))
    , m_name(new QLineEdit)
    , m_id(new QLineEdit)
    , m_description(new QLineEdit)
    , m_filter(new QLineEdit)
    , m_members(new QListWidget)
    , m_count(new QLabel)
    , m_error(admin::errorLabel())
{
    setObjectName(QStringLiteral("groupDialog"));
    setWindowTitle(existing ? tr("Group %1").arg(existing->name) : tr("New group of officers"));
    m_name->setObjectName(QStringLiteral("groupName"));
    m_name->setMaxLength(200);
    m_name->setPlaceholderText(tr("e.g. Tổ thẩm định đất đai"));
    m_id->setObjectName(QStringLiteral("groupId"));
    m_id->setMaxLength(64);
    m_id->setToolTip(tr("The code workflow steps name the group by; it cannot change later."));
    m_description->setObjectName(QStringLiteral("groupDescription"));
    m_description->setMaxLength(1000);
    m_filter->setObjectName(QStringLiteral("memberFilter"));
    m_filter->setPlaceholderText(tr("Find an officer by name, user name or title"));
    m_filter->setClearButtonEnabled(true);
    m_members->setObjectName(QStringLiteral("members"));
    m_count->setObjectName(QStringLiteral("memberCount"));
    m_count->setProperty("muted", true);

    if (existing) {
        m_name->setText(existing->name);
        m_id->setText(existing->id);
        m_id->setReadOnly(true);
        m_description->setText(existing->description);
    }
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_error->hide();
        if (!m_existing && !m_idEdited)
            m_id->setText(admin::codeFromText(text, 64));
    });
    connect(m_id, &QLineEdit::textEdited, this, [this] { m_idEdited = true; });

    QGridLayout *roles
        = admin::roleBoxes(&m_roles, existing ? existing->roles : QList<domain::Role>{});
    for (const auto &o : officers) {
        auto *item = new QListWidgetItem(
            o.title.isEmpty() ? QStringLiteral("%1 (%2)").arg(o.fullName, o.username)
                              : QStringLiteral("%1 — %2 (%3)").arg(o.fullName, o.title, o.username),
            m_members);
        item->setData(kIdRole, o.id);
        item->setData(Qt::UserRole + 2,
                      domain::foldForSearch(o.fullName + QLatin1Char(' ') + o.username
                                            + QLatin1Char(' ') + o.title));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(existing && existing->memberIds.contains(o.id) ? Qt::Checked
                                                                           : Qt::Unchecked);
        if (!o.active)
            item->setForeground(QColor(0x80, 0x80, 0x80));
    }
    // A member the list does not hold (an account since deactivated elsewhere) is kept.
    if (existing) {
        for (const QString &id : existing->memberIds) {
            bool listed = false;
            for (int row = 0; row < m_members->count() && !listed; ++row)
                listed = m_members->item(row)->data(kIdRole).toString() == id;
            if (!listed) {
                auto *item = new QListWidgetItem(id, m_members);
                item->setData(kIdRole, id);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Checked);
            }
        }
    }
    connect(m_filter, &QLineEdit::textChanged, this, &GroupDialog::filter);
    m_filter->installEventFilter(this); // Enter there ticks, it does not close the dialog
    connect(m_members, &QListWidget::itemChanged, this, &GroupDialog::countMembers);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Code:"), m_id);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("Roles every member gets:"), roles);
    auto *membersLabel = new QLabel(tr("&Members (Enter in the box ticks the one match):"));
    membersLabel->setBuddy(m_filter);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(existing ? tr("Save") : tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_name->text().trimmed().isEmpty()) {
            showError(tr("Give the group a name."));
            m_name->setFocus();
            return;
        }
        if (m_id->text().trimmed().isEmpty()) {
            showError(tr("Give the group a code (letters, digits and dashes)."));
            m_id->setFocus();
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(membersLabel);
    layout->addWidget(m_filter);
    layout->addWidget(m_members, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 640);
    countMembers();
}

bool GroupDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_filter || event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (key != Qt::Key_Return && key != Qt::Key_Enter)
        return QDialog::eventFilter(watched, event);
    // The one officer the filter leaves is ticked, and the filter cleared for the next name.
    QListWidgetItem *only = nullptr;
    int shown = 0;
    for (int row = 0; row < m_members->count(); ++row) {
        if (!m_members->item(row)->isHidden()) {
            only = m_members->item(row);
            ++shown;
        }
    }
    if (shown == 1) {
        only->setCheckState(Qt::Checked);
        m_filter->clear();
    }
    return true;
}

void GroupDialog::filter(const QString &text)
{
    const QString folded = domain::foldForSearch(text);
    for (int row = 0; row < m_members->count(); ++row) {
        QListWidgetItem *item = m_members->item(row);
        item->setHidden(!folded.isEmpty()
                        && !item->data(Qt::UserRole + 2).toString().contains(folded));
    }
}

void GroupDialog::countMembers()
{
    int n = 0;
    for (int row = 0; row < m_members->count(); ++row)
        n += m_members->item(row)->checkState() == Qt::Checked ? 1 : 0;
    m_count->setText(tr("%n member(s) chosen.", nullptr, n));
}

void GroupDialog::setMember(const QString &officerId, bool member)
{
    for (int row = 0; row < m_members->count(); ++row) {
        if (m_members->item(row)->data(kIdRole).toString() == officerId)
            m_members->item(row)->setCheckState(member ? Qt::Checked : Qt::Unchecked);
    }
}

domain::OfficerGroup GroupDialog::group() const
{
    domain::OfficerGroup g = m_existing.value_or(domain::OfficerGroup{});
    g.id = m_id->text().trimmed();
    g.agencyCode = m_agency;
    g.name = m_name->text().simplified();
    g.description = m_description->text().simplified();
    g.roles = admin::checkedRoles(m_roles);
    g.memberIds.clear();
    for (int row = 0; row < m_members->count(); ++row) {
        if (m_members->item(row)->checkState() == Qt::Checked)
            g.memberIds.append(m_members->item(row)->data(kIdRole).toString());
    }
    return g;
}

void GroupDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

// ---- GroupsPage ----------------------------------------------------------------------------

GroupsPage::GroupsPage(services::AdminService &admin, QString agencyCode, QWidget *parent)
    : QWidget(parent)
    , m_admin(admin)
    , m_agency(std::move(agencyCode))
    , m_table(new QTableView)
    , m_model(new QStandardItemModel(this))
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("groupsPage"));
    m_table->setObjectName(QStringLiteral("groupsTable"));
    m_table->setModel(m_model);
    admin::setUpRecordTable(m_table);
    m_status->setObjectName(QStringLiteral("groupsStatus"));
    m_status->setWordWrap(true);

    auto *create
        = admin::pageAction(this, tr("New group"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                            [this] { newGroup(); });
    auto *edit
        = admin::pageAction(this, tr("Edit group"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                            [this] { editGroup(); });
    auto *remove = admin::pageAction(this, tr("Delete group"), QKeySequence(Qt::Key_Delete),
                                     [this] { deleteGroup(); });
    auto *reload
        = admin::pageAction(this, tr("Refresh"), QKeySequence(Qt::Key_F5), [this] { refresh(); });
    connect(m_table, &QTableView::activated, this, [this] { editGroup(); });

    auto *intro = new QLabel(
        tr("A group gathers officers who share work: a workflow step can be given to it (Quản trị "
           "› Quy trình), and every member gets the roles ticked for it."));
    intro->setWordWrap(true);
    intro->setProperty("muted", true);
    auto *bar = new QHBoxLayout;
    for (QAction *a : {create, edit, remove, reload})
        bar->addWidget(admin::actionButton(a));
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
}

void GroupsPage::refresh()
{
    m_busy += 2;
    m_admin.officers({}, [this](const auto &result) {
        --m_busy;
        if (result)
            m_officers = result.value();
        else
            report(result.error().message, true);
        show();
        if (m_busy == 0)
            Q_EMIT loaded();
    });
    m_admin.groups([this](const auto &result) {
        --m_busy;
        if (!result) {
            report(result.error().message, true);
        } else {
            m_groups = result.value();
            show();
            const QString count = tr("%n group(s).", nullptr, int(m_groups.size()));
            report(m_outcome.isEmpty() ? count : QString(m_outcome + QLatin1Char(' ') + count));
            m_outcome.clear();
        }
        if (m_busy == 0)
            Q_EMIT loaded();
    });
}

QString GroupsPage::officerName(const QString &id) const
{
    for (const auto &o : m_officers) {
        if (o.id == id)
            return o.fullName.isEmpty() ? o.username : o.fullName;
    }
    return id;
}

void GroupsPage::show()
{
    const auto current = selected();
    m_model->clear();
    m_model->setHorizontalHeaderLabels(
        {tr("Name"), tr("Code"), tr("Roles it grants"), tr("Members"), tr("Description")});
    for (const auto &g : m_groups) {
        QStringList names;
        for (const QString &id : g.memberIds)
            names.append(officerName(id));
        auto *members
            = new QStandardItem(g.memberIds.isEmpty() ? tr("none")
                                                      : QStringLiteral("%1: %2")
                                                            .arg(g.memberIds.size())
                                                            .arg(names.join(QStringLiteral(", "))));
        members->setToolTip(names.join(QLatin1Char('\n')));
        m_model->appendRow({new QStandardItem(g.name), new QStandardItem(g.id),
                            new QStandardItem(g.roles.isEmpty() ? tr("none") : rolesText(g.roles)),
                            members, new QStandardItem(g.description)});
    }
    m_table->resizeColumnsToContents();
    if (current)
        selectGroup(current->id);
}

void GroupsPage::selectGroup(const QString &id)
{
    for (qsizetype i = 0; i < m_groups.size(); ++i) {
        if (m_groups.at(i).id == id) {
            m_table->selectRow(int(i));
            return;
        }
    }
}

std::optional<domain::OfficerGroup> GroupsPage::selected() const
{
    const QModelIndexList rows
        = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty() || rows.first().row() >= m_groups.size())
        return std::nullopt;
    return m_groups.at(rows.first().row());
}

void GroupsPage::newGroup()
{
    openDialog(nullptr);
}

void GroupsPage::editGroup()
{
    const auto group = selected();
    if (!group) {
        report(tr("Select a group first."), true);
        return;
    }
    openDialog(&*group);
}

void GroupsPage::openDialog(const domain::OfficerGroup *existing)
{
    auto *dialog = new GroupDialog(existing, m_agency, m_officers, this);
    const bool creating = existing == nullptr;
    connect(dialog, &QDialog::rejected, dialog, &QObject::deleteLater);
    connect(dialog, &QDialog::accepted, this, [this, dialog, creating] {
        const domain::OfficerGroup g = dialog->group();
        if (creating && std::any_of(m_groups.cbegin(), m_groups.cend(), [&](const auto &other) {
                return other.id == g.id;
            })) {
            dialog->showError(tr("Another group has the code \"%1\"; choose another.").arg(g.id));
            dialog->open();
            return;
        }
        ++m_busy;
        m_admin.saveGroup(g, [this, dialog](const auto &result) {
            --m_busy;
            if (!result) {
                dialog->showError(result.error().message);
                dialog->open(); // the admin's choices are kept
                return;
            }
            dialog->deleteLater();
            const QString id = result->id;
            m_outcome
                = tr("Group %1 saved; its members' rights changed at once.").arg(result->name);
            connect(
                this, &GroupsPage::loaded, this, [this, id] { selectGroup(id); },
                Qt::SingleShotConnection);
            refresh();
        });
    });
    dialog->open();
}

void GroupsPage::deleteGroup()
{
    const auto group = selected();
    if (!group) {
        report(tr("Select a group first."), true);
        return;
    }
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Delete group"),
                                tr("Delete the group \"%1\"? Its %n member(s) lose the roles it "
                                   "grants; their own accounts stay.",
                                   nullptr, int(group->memberIds.size()))
                                    .arg(group->name),
                                QMessageBox::Yes | QMessageBox::No, this);
    ask->setObjectName(QStringLiteral("confirmDelete"));
    ask->setDefaultButton(QMessageBox::No);
    connect(ask, &QMessageBox::finished, this, [this, ask, id = group->id, name = group->name] {
        ask->deleteLater();
        if (ask->clickedButton() != ask->button(QMessageBox::Yes))
            return;
        ++m_busy;
        m_admin.deleteGroup(id, [this, name](const auto &result) {
            --m_busy;
            if (!result) {
                report(result.error().message, true);
                return;
            }
            m_outcome = tr("Group %1 deleted.").arg(name);
            refresh();
        });
    });
    ask->open();
}

QString GroupsPage::lastMessage() const
{
    return m_status->text();
}

void GroupsPage::report(const QString &text, bool error)
{
    admin::showStatus(m_status, text, error);
    Q_EMIT message(text);
}

} // namespace motcua::ui
