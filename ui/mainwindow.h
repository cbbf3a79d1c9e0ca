#pragma once

// The main window: a sidebar (Workspace, Intake, Queues, Search, Conflicts, Direction, Reports,
// and Administration for admins), each section with a shortcut (Ctrl+1…Ctrl+8; F2 new intake),
// and the sync state always in the status bar.
#include <QMainWindow>

class QDialog;
class QListWidget;
class QStackedWidget;

namespace motcua::services {
class Workstation;
class SyncStatus;
class ReceiptPrinter;
} // namespace motcua::services

namespace motcua::store {
class SecretStore;
}

namespace motcua::ui {

class ActionRunner;
class AdminPage;
class ConflictsPanel;
class DirectionPage;
class IntakeWizard;
class Notifier;
class QueuesPage;
class ReportsPage;
class SearchPage;
class SigningSession;
class SyncStatusBar;
class WorkspacePage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Section {
        Workspace,
        Intake,
        Queues,
        Search,
        Conflicts,
        Direction,
        Reports,
        Administration // admins only; always last (its sidebar row is optional)
    };

    MainWindow(services::Workstation &workstation, services::SyncStatus &status,
               services::ReceiptPrinter &printer, Notifier *notifier, QWidget *parent = nullptr);

    void showSection(Section section);
    [[nodiscard]] Section currentSection() const;
    void openDossier(const QUuid &id);

    [[nodiscard]] WorkspacePage *workspace() const { return m_workspace; }
    [[nodiscard]] IntakeWizard *intake() const { return m_intake; }
    [[nodiscard]] QueuesPage *queues() const { return m_queues; }
    [[nodiscard]] SearchPage *search() const { return m_search; }
    [[nodiscard]] ConflictsPanel *conflicts() const { return m_conflicts; }
    [[nodiscard]] ReportsPage *reports() const { return m_reports; }
    [[nodiscard]] SyncStatusBar *syncBar() const { return m_syncBar; }
    [[nodiscard]] DirectionPage *direction() const { return m_direction; }
    [[nodiscard]] ActionRunner *runner() const { return m_runner; }
    [[nodiscard]] AdminPage *admin() const { return m_admin; } // null unless an admin
    // The officer's token for this session (one PIN per session for every signing).
    [[nodiscard]] SigningSession *signing() const { return m_signing; }
    // Settings → Signing token (Ctrl+Alt+K); shown, not modal.
    QDialog *openTokenSettings();
    // Where the workstation's cache key is kept (the app's keychain access); admins get
    // Settings → Protection of this workstation's data.
    void setSecretStore(store::SecretStore *secrets);
    // That dialog, shown (null without a secret store or for a non-admin).
    QDialog *openKeyProtection();

private:
    void buildMenus();
    void showShortcuts();

    services::Workstation &m_ws;
    services::ReceiptPrinter &m_printer;
    ActionRunner *m_runner;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    WorkspacePage *m_workspace;
    IntakeWizard *m_intake;
    QueuesPage *m_queues;
    SearchPage *m_search;
    ConflictsPanel *m_conflicts;
    DirectionPage *m_direction;
    ReportsPage *m_reports;
    SyncStatusBar *m_syncBar;
    AdminPage *m_admin = nullptr;
    SigningSession *m_signing;
    store::SecretStore *m_secrets = nullptr;
};

} // namespace motcua::ui
