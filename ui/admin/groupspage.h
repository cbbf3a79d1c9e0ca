#pragma once

// Administration › Groups (R01.2b-c): the groups of officers of the admin's agency — a team such
// as "Tổ thẩm định đất đai" that workflow steps are given to, and whose members all get its roles.
// New group (Ctrl+Shift+N), edit (Enter, double-click, Ctrl+Shift+U), delete (Delete, confirmed; a
// group a workflow step is given to is kept by the server, which names the steps), refresh (F5).
#include <QDialog>
#include <QWidget>

#include <domain/entities.h>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QStandardItemModel;
class QTableView;

namespace motcua::services {
class AdminService;
}

namespace motcua::ui {

// One group: name, code, description, the roles every member gets, the members (a checklist of
// the agency's officers with a filter).
class GroupDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing` null: a new group of `agencyCode`.
    GroupDialog(const domain::OfficerGroup *existing, QString agencyCode,
                const QList<domain::Officer> &officers, QWidget *parent = nullptr);
    [[nodiscard]] domain::OfficerGroup group() const;
    void showError(const QString &message);
    // Ticks the officer's box (tests, and the filter's Enter on a single match).
    void setMember(const QString &officerId, bool member);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);
    void countMembers();

    std::optional<domain::OfficerGroup> m_existing;
    QString m_agency;
    QLineEdit *m_name;
    QLineEdit *m_id;
    QLineEdit *m_description;
    QList<QCheckBox *> m_roles;
    QLineEdit *m_filter;
    QListWidget *m_members;
    QLabel *m_count;
    QLabel *m_error;
    bool m_idEdited = false;
};

class GroupsPage : public QWidget
{
    Q_OBJECT
public:
    explicit GroupsPage(services::AdminService &admin, QString agencyCode,
                        QWidget *parent = nullptr);

    void refresh();     // F5: the groups and the agency's officers
    void newGroup();    // Ctrl+Shift+N
    void editGroup();   // Enter, Ctrl+Shift+U: the selected group
    void deleteGroup(); // Delete: asks first

    [[nodiscard]] QList<domain::OfficerGroup> groups() const { return m_groups; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QString lastMessage() const;
    [[nodiscard]] bool busy() const { return m_busy > 0; }
    void selectGroup(const QString &id);

Q_SIGNALS:
    void loaded();
    void message(const QString &text);

private:
    void show();
    void report(const QString &text, bool error = false);
    void openDialog(const domain::OfficerGroup *existing);
    [[nodiscard]] std::optional<domain::OfficerGroup> selected() const;
    [[nodiscard]] QString officerName(const QString &id) const;

    services::AdminService &m_admin;
    QString m_agency;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QLabel *m_status;
    QList<domain::OfficerGroup> m_groups;
    QList<domain::Officer> m_officers;
    QString m_outcome; // what was just done, kept before the count after the refresh
    int m_busy = 0;
};

} // namespace motcua::ui
