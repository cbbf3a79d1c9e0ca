#include "queuespage.h"

#include "actionrunner.h"
#include "dossiertablemodel.h"
#include "labels.h"
#include "signing/signbatch.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <services/workstation.h>

#include <algorithm>

namespace motcua::ui {

QueuesPage::QueuesPage(services::Workstation &workstation, ActionRunner &runner, QWidget *parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_runner(runner)
    , m_queues(new QListWidget)
    , m_table(new QTableView)
    , m_model(new DossierTableModel(workstation, this))
    , m_title(new QLabel)
    , m_filter(new QLineEdit)
    , m_filterDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("queuesPage"));
    m_queues->setObjectName(QStringLiteral("queueList"));
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows for batch work (Shift/Ctrl+click, Shift+arrows, Ctrl+A).
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(DossierTableModel::Procedure, 240);
    m_table->setColumnWidth(DossierTableModel::Code, 200);
    m_table->setColumnWidth(DossierTableModel::Applicant, 160);
    m_table->setColumnWidth(DossierTableModel::Status, 150);
    m_table->setColumnWidth(DossierTableModel::Received, 130);
    m_table->setColumnWidth(DossierTableModel::Due, 130);
    m_table->setWordWrap(false);
    m_queues->setMaximumWidth(260);
    m_filter->setObjectName(QStringLiteral("queueFilter"));
    m_filter->setPlaceholderText(
        tr("Filter this queue: code, applicant, procedure, address… (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(find);
    connect(find, &QAction::triggered, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    // Typing narrows the list a moment after the last key, not at every key (a province's cache).
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(200);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this,
            [this] { m_model->setFilterText(m_filter->text()); });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_filterDelay->stop();
        m_model->setFilterText(m_filter->text());
        m_table->setFocus();
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
    });

    const QDateTime now = services::Workstation::now();
    for (const auto &q : services::queuesFor(m_ws.officer(), now, m_ws.calendar())
             + services::processingQueuesFor(m_ws.officer(), now, m_ws.calendar())) {
        auto *item = new QListWidgetItem(Labels::queue(q.id), m_queues);
        item->setData(Qt::UserRole, int(q.id));
    }

    // Two rows, so that every action stays visible (no overflow menu to open).
    auto *toolbar = new QToolBar;
    auto *toolbar2 = new QToolBar;
    for (auto *t : {toolbar, toolbar2})
        t->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *open = toolbar->addAction(tr("&Open dossier (Enter)"));
    connect(open, &QAction::triggered, this, [this] {
        if (auto d = selected())
            Q_EMIT dossierRequested(d->id);
    });
    for (auto type : ActionRunner::counterActions()) {
        const QKeySequence key = ActionRunner::shortcutFor(type);
        auto *a = (toolbar->actions().size() < 4 ? toolbar : toolbar2)
                      ->addAction(QStringLiteral("%1 (%2)").arg(
                          Labels::action(type), key.toString(QKeySequence::NativeText)));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setObjectName(QStringLiteral("action_") + domain::actionTypeKey(type));
        addAction(a);
        connect(a, &QAction::triggered, this, [this, type] {
            if (auto d = selected(); d && m_runner.allowedNow(*d).contains(type))
                m_runner.run(*d, type);
        });
        m_actions.insert(int(type), a);
    }
    // Batch work on the selected rows (R14.4, R15.13, R16.3).
    auto *batchBar = new QToolBar;
    batchBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (auto type : ActionRunner::batchActions()) {
        const QKeySequence key = ActionRunner::batchShortcutFor(type);
        auto *a = batchBar->addAction(
            tr("%1 all selected (%2)")
                .arg(Labels::action(type), key.toString(QKeySequence::NativeText)));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setObjectName(QStringLiteral("batch_") + domain::actionTypeKey(type));
        addAction(a);
        connect(a, &QAction::triggered, this, [this, type] {
            const auto dossiers = selectedDossiers();
            if (!dossiers.isEmpty())
                m_runner.runBatch(dossiers, type);
        });
        m_batchActions.insert(int(type), a);
    }
    // Signing the results of the selected dossiers with one login (R14.4, R15.13, R16.3).
    m_signResults = batchBar->addAction(tr("Sign the results of all selected (Ctrl+Alt+S)"));
    m_signResults->setObjectName(QStringLiteral("batch_sign_results"));
    m_signResults->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    m_signResults->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_signResults->setToolTip(tr("The newest result document of each selected dossier, signed "
                                 "with your token; the PIN once for all"));
    addAction(m_signResults);
    connect(m_signResults, &QAction::triggered, this, [this] {
        const auto dossiers = selectedDossiers();
        if (!dossiers.isEmpty())
            m_runner.signResults(dossiers);
    });
    auto *right = new QWidget;
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(m_title);
    rl->addWidget(m_filter);
    rl->addWidget(toolbar);
    rl->addWidget(toolbar2);
    rl->addWidget(batchBar);
    rl->addWidget(m_table, 1);
    auto *split = new QSplitter;
    split->addWidget(m_queues);
    split->addWidget(right);
    split->setStretchFactor(1, 4);
    split->setSizes({220, 1000});
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(split);

    connect(m_queues, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showQueue(services::QueueId(m_queues->item(row)->data(Qt::UserRole).toInt()));
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT dossierRequested(m_model->summary(index.row()).id);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &QueuesPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueuesPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuesPage::updateActions);
    connect(&m_ws, &services::Workstation::dossiersChanged, this, [this] {
        if (isVisible())
            m_model->reload();
        else
            m_stale = true;
    });
    if (m_queues->count() > 0) {
        // The first queue is listed when the section is first shown, not at start-up: on a large
        // cache its first page was most of the time to a usable window (issue 5).
        const QSignalBlocker quiet(m_queues);
        m_queues->setCurrentRow(0);
        m_stale = true;
    }
    updateActions();
}

void QueuesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && m_queues->currentRow() >= 0)
        showQueue(services::QueueId(m_queues->currentItem()->data(Qt::UserRole).toInt()));
}

void QueuesPage::showQueue(services::QueueId id)
{
    for (int row = 0; row < m_queues->count(); ++row) {
        if (m_queues->item(row)->data(Qt::UserRole).toInt() == int(id)
            && m_queues->currentRow() != row) {
            m_queues->setCurrentRow(row); // comes back here through currentRowChanged
            return;
        }
    }
    m_stale = false;
    m_title->setText(QStringLiteral("<h3>%1</h3>").arg(Labels::queue(id)));
    m_model->setQueue(services::queueDefinition(id, m_ws.officer(), services::Workstation::now(),
                                                m_ws.calendar()));
    m_table->setFocus();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

std::optional<domain::Dossier> QueuesPage::selected() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    auto d = m_ws.cache().dossier(m_model->summary(current.row()).id);
    return d ? d.value() : std::nullopt;
}

QList<domain::Dossier> QueuesPage::selectedDossiers() const
{
    QList<domain::Dossier> out;
    auto rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows) {
        auto d = m_ws.cache().dossier(m_model->summary(index.row()).id);
        if (d && d.value())
            out.append(*d.value());
    }
    return out;
}

void QueuesPage::updateActions()
{
    const auto d = selected();
    const auto allowed = d ? m_runner.allowedNow(*d) : QList<domain::ActionType>{};
    for (auto it = m_actions.begin(); it != m_actions.end(); ++it)
        it.value()->setEnabled(allowed.contains(domain::ActionType(it.key())));
    // A batch action is offered when it is allowed on at least one selected dossier (the others
    // are reported as not done, with the reason).
    const auto many = selectedDossiers();
    for (auto it = m_batchActions.begin(); it != m_batchActions.end(); ++it) {
        const auto type = domain::ActionType(it.key());
        it.value()->setEnabled(std::any_of(many.cbegin(), many.cend(), [&](const auto &x) {
            return m_runner.allowedNow(x).contains(type);
        }));
    }
    m_signResults->setEnabled(
        m_runner.canSign()
        && !SignBatch::newestResults(many, m_ws.officer(), m_ws.directory(), nullptr).isEmpty());
}

} // namespace motcua::ui
