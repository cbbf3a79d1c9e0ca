#pragma once

// Administration › Agency (R02, R12.3a-b; issue 10 item 2): the admin's own agency as the server
// keeps it — its name, its departments (code and name; one its officers still belong to is kept
// by the server, which names the officer), the dossier code pattern with the next code it makes
// shown as it is typed, and the intake channels the agency accepts (the counter offers only
// those; the server refuses a dossier received through another). Save (Ctrl+S), reload (F5).
#include <QWidget>

#include <domain/entities.h>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace motcua::services {
class AdminService;
}

namespace motcua::ui {

class AgencyPage : public QWidget
{
    Q_OBJECT
public:
    AgencyPage(services::AdminService &admin, QString agencyCode, QWidget *parent = nullptr);

    void refresh(); // F5
    void save();    // Ctrl+S
    void addDepartment(const QString &id, const QString &name);
    void removeSelectedDepartment();
    void setChannelAccepted(domain::Channel channel, bool accepted);

    // What the page holds (nullopt before the first load).
    [[nodiscard]] std::optional<domain::Agency> edited() const;
    [[nodiscard]] QString lastMessage() const;
    [[nodiscard]] bool busy() const { return m_busy > 0; }

Q_SIGNALS:
    void loaded();

private:
    void show(const domain::Agency &agency);
    void showPatternExample();
    void report(const QString &text, bool error = false);

    services::AdminService &m_admin;
    QString m_code;
    std::optional<domain::Agency> m_agency;
    QLabel *m_heading;
    QLineEdit *m_name;
    QLineEdit *m_pattern;
    QLabel *m_example;
    QTableWidget *m_departments;
    QList<QCheckBox *> m_channels;
    QLabel *m_status;
    int m_busy = 0;
};

} // namespace motcua::ui
