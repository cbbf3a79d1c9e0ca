#pragma once

// Administration › Accounts (R01.2): the officers of the admin's agency, searched on the server,
// with the groups they belong to; new account, edit (name, title, department, roles, workflow
// steps granted by name), activate/deactivate (deactivation signs the officer out at once), reset
// password, and the list exported as CSV. Every action has a shortcut (see actions()).
#include <QHash>
#include <QWidget>

#include <domain/entities.h>

class QLabel;
class QLineEdit;
class QStandardItemModel;
class QTableView;

namespace motcua::services {
class AdminService;
}

namespace motcua::ui {

class AccountsPage : public QWidget
{
    Q_OBJECT
public:
    AccountsPage(services::AdminService &admin, QString agencyCode, QString agencyName = {},
                 QWidget *parent = nullptr);

    void refresh();       // F5; the search box's words
    void newAccount();    // Ctrl+Shift+N: opens the account dialog
    void editAccount();   // Enter, double-click, Ctrl+Shift+U: the selected one
    void toggleActive();  // Ctrl+Shift+D: the selected officer
    void resetPassword(); // Ctrl+Shift+R: opens the password dialog
    // The list as .xlsx (by the path's suffix) or CSV (R01.2a); Ctrl+Shift+E asks for the path.
    bool exportList(const QString &path);

    [[nodiscard]] QList<domain::Officer> officers() const { return m_officers; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QString lastMessage() const;
    [[nodiscard]] bool busy() const { return m_busy; }
    void selectOfficer(const QString &id);

Q_SIGNALS:
    void loaded();
    void message(const QString &text);

private:
    void show(const QList<domain::Officer> &officers);
    void report(const QString &text, bool error = false);
    // Refreshes, keeping `outcome` (what was just done) before the count in the status line.
    void refreshAfter(const QString &outcome);
    [[nodiscard]] std::optional<domain::Officer> selected() const;

    services::AdminService &m_admin;
    QString m_agency;
    QString m_agencyName; // the export's administrative header
    QLineEdit *m_search;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QLabel *m_status;
    QList<domain::Officer> m_officers;
    QHash<QString, QString> m_groupNames; // group id → name, for the Groups column
    QString m_outcome;
    bool m_busy = false;
};

} // namespace motcua::ui
