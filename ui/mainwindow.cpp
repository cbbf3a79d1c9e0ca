#include "mainwindow.h"

#include "actionrunner.h"
#include "admin/adminpage.h"
#include "conflictspanel.h"
#include "directionpage.h"
#include "dossierview.h"
#include "intake/componentspage.h"
#include "intake/intakewizard.h"
#include "keyprotectiondialog.h"
#include "labels.h"
#include "language.h"
#include "queuespage.h"
#include "reports/reportspage.h"
#include "searchpage.h"
#include "signing/signingsession.h"
#include "signing/tokensettingsdialog.h"
#include "syncstatusbar.h"
#include "workflow/workflowdesigner.h"
#include "workspacepage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

#include <services/syncstatus.h>
#include <services/workstation.h>

namespace motcua::ui {

MainWindow::MainWindow(services::Workstation &workstation, services::SyncStatus &status,
                       services::ReceiptPrinter &printer, Notifier *notifier, QWidget *parent)
    : QMainWindow(parent)
    , m_ws(workstation)
    , m_printer(printer)
    , m_runner(new ActionRunner(workstation, this))
    , m_sidebar(new QListWidget)
    , m_stack(new QStackedWidget)
    , m_workspace(new WorkspacePage(workstation, notifier))
    , m_intake(new IntakeWizard(workstation, printer))
    , m_queues(new QueuesPage(workstation, *m_runner))
    , m_search(new SearchPage(workstation))
    , m_conflicts(new ConflictsPanel(workstation))
    , m_direction(new DirectionPage(workstation))
    , m_reports(new ReportsPage(workstation))
    , m_syncBar(new SyncStatusBar(status))
    , m_signing(new SigningSession(workstation.cache(), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_runner->setSlipPrinter(&m_printer);
    m_runner->setSigningSession(m_signing);
    m_intake->componentsPage()->setSigningSession(m_signing);
    setWindowTitle(tr("MotCua — one-stop counter — %1").arg(m_ws.officer().fullName));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFixedWidth(210);
    const QList<std::pair<QString, QString>> sections{
        {tr("Workspace"), QStringLiteral("Ctrl+1")}, {tr("Intake"), QStringLiteral("Ctrl+2, F2")},
        {tr("Queues"), QStringLiteral("Ctrl+3")},    {tr("Search"), QStringLiteral("Ctrl+4")},
        {tr("Conflicts"), QStringLiteral("Ctrl+5")}, {tr("Direction"), QStringLiteral("Ctrl+6")},
        {tr("Reports"), QStringLiteral("Ctrl+7")}};
    for (const auto &[name, key] : sections) {
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(name, key), m_sidebar);
        item->setSizeHint(QSize(200, 56));
    }
    for (QWidget *w : {static_cast<QWidget *>(m_workspace), static_cast<QWidget *>(m_intake),
                       static_cast<QWidget *>(m_queues), static_cast<QWidget *>(m_search),
                       static_cast<QWidget *>(m_conflicts), static_cast<QWidget *>(m_direction),
                       static_cast<QWidget *>(m_reports)})
        m_stack->addWidget(w);
    if (m_ws.officer().hasRole(domain::Role::Admin) && m_ws.api()) {
        m_admin = new AdminPage(m_ws);
        m_stack->addWidget(m_admin);
        auto *item
            = new QListWidgetItem(tr("Administration") + QStringLiteral("\nCtrl+8"), m_sidebar);
        item->setSizeHint(QSize(200, 56));
    }
    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_syncBar);
    buildMenus();

    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_workspace, &WorkspacePage::queueRequested, this, [this](services::QueueId id) {
        showSection(Queues);
        m_queues->showQueue(id);
    });
    connect(m_queues, &QueuesPage::dossierRequested, this, &MainWindow::openDossier);
    connect(m_search, &SearchPage::dossierRequested, this, &MainWindow::openDossier);
    connect(m_direction, &DirectionPage::dossierRequested, this, &MainWindow::openDossier);
    connect(m_reports, &ReportsPage::dossierRequested, this, &MainWindow::openDossier);
    connect(m_syncBar, &SyncStatusBar::conflictsRequested, this,
            [this] { showSection(Conflicts); });
    connect(m_intake, &IntakeWizard::status, this,
            [this](const QString &m) { statusBar()->showMessage(m, 15000); });
    connect(m_intake, &IntakeWizard::saved, this,
            [this](const domain::Dossier &d, const QString &printMessage) {
                QString text = tr("Dossier %1 received for %2; result due %3.")
                                   .arg(d.code, d.applicant.fullName, Labels::dateTime(d.dueAt));
                if (!printMessage.isEmpty())
                    text += QLatin1Char(' ') + printMessage;
                statusBar()->showMessage(text, 60000);
            });
    connect(m_runner, &ActionRunner::done, this, [this](const domain::Dossier &, const QString &m) {
        statusBar()->showMessage(m, 15000);
    });
    connect(m_runner, &ActionRunner::failed, this,
            [this](const QString &m) { QMessageBox::warning(this, tr("Action not recorded"), m); });
    showSection(Workspace);
    resize(1280, 800);
}

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    auto *go = menuBar()->addMenu(tr("&Go"));
    const QList<std::tuple<QString, QKeySequence, Section>> entries{
        {tr("&Workspace"), QKeySequence(Qt::CTRL | Qt::Key_1), Workspace},
        {tr("&Intake"), QKeySequence(Qt::CTRL | Qt::Key_2), Intake},
        {tr("&Queues"), QKeySequence(Qt::CTRL | Qt::Key_3), Queues},
        {tr("&Search"), QKeySequence(Qt::CTRL | Qt::Key_4), Search},
        {tr("&Conflicts"), QKeySequence(Qt::CTRL | Qt::Key_5), Conflicts},
        {tr("&Direction"), QKeySequence(Qt::CTRL | Qt::Key_6), Direction},
        {tr("&Reports"), QKeySequence(Qt::CTRL | Qt::Key_7), Reports}};
    for (const auto &[name, key, section] : entries) {
        auto *a = go->addAction(name);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, [this, s = section] { showSection(s); });
    }
    if (m_admin) {
        auto *a = go->addAction(tr("&Administration"));
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_8));
        connect(a, &QAction::triggered, this, [this] { showSection(Administration); });
    }
    auto *newIntake = go->addAction(tr("&New intake"));
    newIntake->setShortcuts({QKeySequence(Qt::Key_F2), QKeySequence::New});
    connect(newIntake, &QAction::triggered, this, [this] {
        showSection(Intake);
        m_intake->startOver();
    });

    if (m_ws.officer().hasRole(domain::Role::Admin)) {
        auto *admin = menuBar()->addMenu(tr("&Administration"));
        auto *designer = admin->addAction(tr("Workflow &designer"));
        designer->setObjectName(QStringLiteral("openWorkflowDesigner"));
        designer->setShortcut(QKeySequence(Qt::Key_F9));
        connect(designer, &QAction::triggered, this, [this] {
            auto *dialog = new WorkflowDesigner(m_ws, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        });
    }

    auto *settings = menuBar()->addMenu(tr("&Settings"));
    auto *language = settings->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    for (const auto &[name, key] :
         {std::pair{QStringLiteral("Tiếng Việt"), QString::fromLatin1(kVietnamese)},
          std::pair{QStringLiteral("English"), QString::fromLatin1(kEnglish)}}) {
        auto *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(savedLanguage() == key);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, lang = key] {
            saveLanguage(lang);
            QMessageBox::information(this, tr("Language"),
                                     tr("The new language applies from the next start."));
        });
    }
    auto *token = settings->addAction(tr("Signing &token…"));
    token->setObjectName(QStringLiteral("openTokenSettings"));
    token->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K));
    connect(token, &QAction::triggered, this, &MainWindow::openTokenSettings);
    if (m_ws.officer().hasRole(domain::Role::Admin)) {
        auto *protection = settings->addAction(tr("&Protection of this workstation's data…"));
        protection->setObjectName(QStringLiteral("openKeyProtection"));
        connect(protection, &QAction::triggered, this, &MainWindow::openKeyProtection);
    }
    auto *help = menuBar()->addMenu(tr("&Help"));
    auto *keys = help->addAction(tr("&Keyboard shortcuts"));
    keys->setShortcut(QKeySequence::HelpContents);
    connect(keys, &QAction::triggered, this, &MainWindow::showShortcuts);
}

void MainWindow::showShortcuts()
{
    // One row per shortcut, each translated on its own, so a new screen adds a row.
    const QList<std::pair<QString, QString>> rows{
        {QStringLiteral("Ctrl+1 … Ctrl+8"),
         tr("Workspace, Intake, Queues, Search, Conflicts, Direction, Reports, Administration")},
        {QStringLiteral("F5 / Ctrl+Shift+E / Ctrl+P"), tr("Reports: compute, export, print")},
        {QStringLiteral("F2, Ctrl+N"), tr("New intake")},
        {QStringLiteral("Alt+1 … Alt+9"), tr("Open a queue from the workspace")},
        {QStringLiteral("Ctrl+F"), tr("Find procedure (intake)")},
        {QStringLiteral("Alt+→ / Alt+←"), tr("Next / back in the intake")},
        {QStringLiteral("Ctrl+Shift+O"), tr("Read a CCCD photo")},
        {QStringLiteral("Ctrl+O"), tr("Attach files to a component")},
        {QStringLiteral("Ctrl+S"), tr("Save the dossier")},
        {QStringLiteral("Ctrl+Shift+A / B / S / R / P / W / T"),
         tr("Accept, request supplement, record supplement, refuse, pass on, withdraw, stop")},
        {QStringLiteral("Ctrl+Shift+G / H / K / Y / I / L / D / J / E / M / N"),
         tr("Assign, reassign, consult, record an opinion, submit for approval, send back, "
            "approve, reject, extend, complete, return the result")},
        {QStringLiteral("Ctrl+Alt+G / D / M / N"), tr("The same on all selected dossiers (batch)")},
        {QStringLiteral("Ctrl+E"), tr("Export search results as CSV")},
        {QStringLiteral("Ctrl+Alt+1 / 2 / 3"),
         tr("Administration: accounts, procedure import, form templates")},
        {QStringLiteral("F9"), tr("Workflow designer (administrators)")},
        {QStringLiteral("Ctrl+Alt+K"), tr("Signing token of this workstation")},
        {QStringLiteral("Ctrl+Shift+U / Ctrl+Alt+U / Ctrl+Shift+V"),
         tr("Dossier: sign the file, sign all components, view the signatures")},
        {QKeySequence(QKeySequence::HelpContents).toString(QKeySequence::NativeText),
         tr("This list of shortcuts")},
        {QStringLiteral("Ctrl+Q"), tr("Quit")},
    };
    QString html = QStringLiteral("<table cellspacing='4'>");
    for (const auto &[keys, what] : rows) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    QMessageBox::information(this, tr("Keyboard shortcuts"), html);
}

void MainWindow::showSection(Section section)
{
    const bool switching = m_stack->currentIndex() != int(section);
    m_sidebar->setCurrentRow(int(section));
    m_stack->setCurrentIndex(int(section));
    if (section == Workspace && switching)
        m_workspace->refresh();
    if (section == Conflicts)
        m_conflicts->refresh();
    if (section == Direction)
        m_direction->refresh();
    if (section == Reports && switching)
        m_reports->refresh();
}

MainWindow::Section MainWindow::currentSection() const
{
    return Section(m_stack->currentIndex());
}

void MainWindow::openDossier(const QUuid &id)
{
    auto *view = new DossierView(m_ws, *m_runner, id, this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setReceiptPrinter(&m_printer);
    view->setSigningSession(m_signing);
    view->show();
}

void MainWindow::setSecretStore(store::SecretStore *secrets)
{
    m_secrets = secrets;
}

QDialog *MainWindow::openKeyProtection()
{
    if (!m_secrets || !m_ws.officer().hasRole(domain::Role::Admin)) {
        statusBar()->showMessage(tr("Only an administrator changes where this workstation's key "
                                    "is kept."),
                                 10000);
        return nullptr;
    }
    auto *dialog = new KeyProtectionDialog(std::make_unique<services::KeyProtection>(
                                               m_ws.cache().profileDir(), *m_secrets, m_ws.cache()),
                                           m_ws.officer().username, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QDialog *MainWindow::openTokenSettings()
{
    auto *dialog = new TokenSettingsDialog(*m_signing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        statusBar()->showMessage(
            tr("Signing token saved: %1").arg(m_signing->config().certificateSubject), 15000);
    });
    dialog->show();
    return dialog;
}

} // namespace motcua::ui
