#pragma once

// The Administration section (admins only): Accounts, Procedure import, Form templates, Work
// calendar, Administrative units, Groups of officers, Document types, Fields, Agency and the
// Status chart, each a tab (Ctrl+Alt+1 … Ctrl+Alt+9, Ctrl+Alt+0). The server is the source of
// truth: these screens work online.
#include <QTabWidget>

namespace motcua::services {
class AdminService;
class Workstation;
} // namespace motcua::services

namespace motcua::ui {

class AccountsPage;
class AgencyPage;
class CalendarPage;
class ChartPage;
class CataloguePage;
class GroupsPage;
class ImportPage;
class TemplatesPage;
class UnitsPage;

class AdminPage : public QTabWidget
{
    Q_OBJECT
public:
    explicit AdminPage(services::Workstation &workstation, QWidget *parent = nullptr);

    [[nodiscard]] AccountsPage *accounts() const { return m_accounts; }
    [[nodiscard]] GroupsPage *groups() const { return m_groups; }
    [[nodiscard]] ImportPage *import() const { return m_import; }
    [[nodiscard]] TemplatesPage *templates() const { return m_templates; }
    [[nodiscard]] CalendarPage *calendar() const { return m_calendar; }
    [[nodiscard]] UnitsPage *units() const { return m_units; }
    [[nodiscard]] CataloguePage *documentTypes() const { return m_documentTypes; }
    [[nodiscard]] CataloguePage *fields() const { return m_fields; }
    [[nodiscard]] AgencyPage *agency() const { return m_agency; }
    [[nodiscard]] ChartPage *chart() const { return m_chart; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    services::AdminService *m_admin;
    AccountsPage *m_accounts;
    GroupsPage *m_groups;
    ImportPage *m_import;
    TemplatesPage *m_templates;
    CalendarPage *m_calendar;
    UnitsPage *m_units;
    CataloguePage *m_documentTypes;
    CataloguePage *m_fields;
    AgencyPage *m_agency;
    ChartPage *m_chart;
    bool m_loaded = false;
};

} // namespace motcua::ui
