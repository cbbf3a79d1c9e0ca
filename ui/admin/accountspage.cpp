#include "accountspage.h"

#include "accountdialogs.h"
#include "adminwidgets.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <domain/roles.h>
#include <reports/exporters.h>
#include <services/adminservice.h>
#include <services/csvexport.h>

namespace motcua::ui {

AccountsPage::AccountsPage(services::AdminService &admin, QString agencyCode, QString agencyName,
                           QWidget *parent)
    : QWidget(parent)
    , m_admin(admin)
    , m_agency(std::move(agencyCode))
    , m_agencyName(std::move(agencyName))
    , m_search(new QLineEdit)
    , m_table(new QTableView)
    , m_model(new QStandardItemModel(this))
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("accountsPage"));
    m_search->setObjectName(QStringLiteral("accountSearch"));
    m_search->setPlaceholderText(tr("Search by name, user name or title (Ctrl+F), Enter"));
    m_search->setClearButtonEnabled(true);
    m_table->setObjectName(QStringLiteral("accountsTable"));
    m_table->setModel(m_model);
    admin::setUpRecordTable(m_table);
    m_status->setObjectName(QStringLiteral("accountsStatus"));
    m_status->setWordWrap(true);

    auto *find = admin::pageAction(this, tr("Find"), QKeySequence(Qt::CTRL | Qt::Key_F), [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    Q_UNUSED(find)
    auto *create
        = admin::pageAction(this, tr("New account"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                            [this] { newAccount(); });
    auto *editAction = admin::pageAction(this, tr("Edit account"),
                                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                                         [this] { editAccount(); });
    connect(m_table, &QTableView::activated, this, [this] { editAccount(); });
    auto *toggle = admin::pageAction(this, tr("Activate / deactivate"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                                     [this] { toggleActive(); });
    auto *reset = admin::pageAction(this, tr("Reset password"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                    [this] { resetPassword(); });
    auto *exportAction = admin::pageAction(
        this, tr("Export the list"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] {
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Export the officer list"), QStringLiteral("danh-sach-can-bo.xlsx"),
                tr("Excel workbook (*.xlsx);;CSV files (*.csv)"));
            if (!path.isEmpty())
                exportList(path);
        });
    auto *reload
        = admin::pageAction(this, tr("Refresh"), QKeySequence(Qt::Key_F5), [this] { refresh(); });
    connect(m_search, &QLineEdit::returnPressed, this, &AccountsPage::refresh);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    for (QAction *a : {create, editAction, toggle, reset, exportAction, reload})
        bar->addWidget(admin::actionButton(a));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
}

void AccountsPage::refreshAfter(const QString &outcome)
{
    m_outcome = outcome;
    report(outcome);
    refresh();
}

void AccountsPage::refresh()
{
    m_admin.groups([this](const auto &result) {
        if (!result)
            return; // the accounts still show; the Groups column stays as it was
        m_groupNames.clear();
        for (const auto &g : result.value())
            m_groupNames.insert(g.id, g.name);
        if (!m_busy)
            show(m_officers);
    });
    m_busy = true;
    m_admin.officers(m_search->text(), [this](const auto &result) {
        m_busy = false;
        if (!result) {
            report(result.error().message, true);
            return;
        }
        show(result.value());
        const QString count = tr("%n account(s).", nullptr, int(result->size()));
        report(m_outcome.isEmpty() ? count : QString(m_outcome + QLatin1Char(' ') + count));
        m_outcome.clear();
        Q_EMIT loaded();
    });
}

void AccountsPage::show(const QList<domain::Officer> &officers)
{
    const auto current = selected();
    m_officers = officers;
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("User name"), tr("Full name"), tr("Title"),
                                        tr("Department"), tr("Roles"), tr("Groups"), tr("Status")});
    for (const auto &o : officers) {
        QStringList roles;
        for (const auto role : o.effectiveRoles())
            roles.append(domain::roleName(role));
        QStringList groups;
        for (const QString &id : o.groupIds)
            groups.append(m_groupNames.value(id, id));
        QList<QStandardItem *> row{new QStandardItem(o.username),
                                   new QStandardItem(o.fullName),
                                   new QStandardItem(o.title),
                                   new QStandardItem(o.departmentId),
                                   new QStandardItem(roles.join(QStringLiteral(", "))),
                                   new QStandardItem(groups.join(QStringLiteral("; "))),
                                   new QStandardItem(o.active ? tr("Active") : tr("Deactivated"))};
        if (!o.active)
            row.last()->setForeground(QColor(0xb0, 0x00, 0x20));
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    if (current)
        selectOfficer(current->id);
}

void AccountsPage::selectOfficer(const QString &id)
{
    for (qsizetype i = 0; i < m_officers.size(); ++i) {
        if (m_officers.at(i).id == id) {
            m_table->selectRow(int(i));
            return;
        }
    }
}

std::optional<domain::Officer> AccountsPage::selected() const
{
    const QModelIndexList rows
        = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty() || rows.first().row() >= m_officers.size())
        return std::nullopt;
    return m_officers.at(rows.first().row());
}

void AccountsPage::newAccount()
{
    auto *dialog = new NewAccountDialog(m_agency, this);
    connect(dialog, &QDialog::rejected, dialog, &QObject::deleteLater);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const domain::Officer officer = dialog->officer();
        m_busy = true;
        m_admin.createOfficer(officer, dialog->password(), [this, dialog](const auto &result) {
            m_busy = false;
            if (!result) {
                dialog->showError(result.error().message);
                dialog->open(); // the officer's entries are kept
                return;
            }
            dialog->deleteLater();
            m_search->clear();
            refreshAfter(tr("Account %1 created.").arg(result->username));
        });
    });
    dialog->open();
}

void AccountsPage::editAccount()
{
    const auto officer = selected();
    if (!officer) {
        report(tr("Select an account first."), true);
        return;
    }
    auto *dialog = new NewAccountDialog(*officer, m_groupNames, this);
    connect(dialog, &QDialog::rejected, dialog, &QObject::deleteLater);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_busy = true;
        m_admin.updateOfficer(dialog->officer(), [this, dialog](const auto &result) {
            m_busy = false;
            if (!result) {
                dialog->showError(result.error().message);
                dialog->open(); // the admin's changes are kept
                return;
            }
            dialog->deleteLater();
            refreshAfter(tr("Account %1 saved.").arg(result->username));
        });
    });
    dialog->open();
}

void AccountsPage::toggleActive()
{
    const auto officer = selected();
    if (!officer) {
        report(tr("Select an account first."), true);
        return;
    }
    m_busy = true;
    m_admin.setActive(officer->id, !officer->active, [this](const auto &result) {
        m_busy = false;
        if (!result) {
            report(result.error().message, true);
            return;
        }
        refreshAfter(
            result->active
                ? tr("Account %1 activated.").arg(result->username)
                : tr("Account %1 deactivated; its sessions have ended.").arg(result->username));
    });
}

void AccountsPage::resetPassword()
{
    const auto officer = selected();
    if (!officer) {
        report(tr("Select an account first."), true);
        return;
    }
    auto *dialog = new PasswordDialog(officer->fullName, this);
    connect(dialog, &QDialog::rejected, dialog, &QObject::deleteLater);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, id = officer->id, name = officer->username] {
                m_busy = true;
                m_admin.resetPassword(
                    id, dialog->password(), [this, dialog, name](const auto &result) {
                        m_busy = false;
                        if (!result) {
                            dialog->showError(result.error().message);
                            dialog->open();
                            return;
                        }
                        dialog->deleteLater();
                        report(tr("Password of %1 reset; its sessions have ended.").arg(name));
                    });
            });
    dialog->open();
}

bool AccountsPage::exportList(const QString &path)
{
    const bool xlsx = path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive);
    auto st = xlsx
        ? reports::writeReport(services::AdminService::officerTable(m_officers, m_agencyName),
                               reports::ExportFormat::Xlsx, path)
        : services::writeCsv(path, services::AdminService::officerCsvHeader(),
                             services::AdminService::officerCsvRows(m_officers));
    if (!st) {
        report(st.error().message, true);
        return false;
    }
    report(tr("%n account(s) exported to %1.", nullptr, int(m_officers.size())).arg(path));
    return true;
}

QString AccountsPage::lastMessage() const
{
    return m_status->text();
}

void AccountsPage::report(const QString &text, bool error)
{
    admin::showStatus(m_status, text, error);
    Q_EMIT message(text);
}

} // namespace motcua::ui
