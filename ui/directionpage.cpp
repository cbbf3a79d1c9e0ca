#include "directionpage.h"

#include "labels.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <services/workstation.h>

namespace motcua::ui {

namespace {

QTreeWidget *loadTree(const QString &name, const QString &first)
{
    auto *t = new QTreeWidget;
    t->setObjectName(name);
    t->setRootIsDecorated(false);
    t->setHeaderLabels(
        {first, QObject::tr("In progress"), QObject::tr("Overdue"), QObject::tr("Nearly due")});
    t->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    return t;
}

} // namespace

DirectionPage::DirectionPage(services::Workstation &workstation, QWidget *parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_totals(new QLabel)
    , m_departments(loadTree(QStringLiteral("directionDepartments"), tr("Department")))
    , m_officers(loadTree(QStringLiteral("directionOfficers"), tr("Officer")))
    , m_dossiers(new QTreeWidget)
{
    setObjectName(QStringLiteral("directionPage"));
    m_totals->setObjectName(QStringLiteral("directionTotals"));
    m_dossiers->setObjectName(QStringLiteral("directionDossiers"));
    m_dossiers->setRootIsDecorated(false);
    m_dossiers->setUniformRowHeights(true);
    m_dossiers->setHeaderLabels({tr("Dossier"), tr("Stage"), tr("Department"), tr("Handler"),
                                 tr("Steps passed"), tr("Due"), tr("Lateness")});
    m_dossiers->setColumnWidth(0, 210);
    m_dossiers->setColumnWidth(1, 150);
    m_dossiers->setColumnWidth(2, 170);
    m_dossiers->setColumnWidth(3, 150);
    m_dossiers->setColumnWidth(4, 200);
    m_dossiers->setColumnWidth(5, 130);
    auto *loads = new QSplitter;
    loads->addWidget(m_departments);
    loads->addWidget(m_officers);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(loads);
    split->addWidget(m_dossiers);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_totals);
    layout->addWidget(split, 1);
    auto *reload = new QAction(this);
    reload->setShortcut(QKeySequence::Refresh);
    reload->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(reload);
    connect(reload, &QAction::triggered, this, &DirectionPage::refresh);
    connect(m_dossiers, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT dossierRequested(item->data(0, Qt::UserRole).toUuid());
    });
    // Computed when the section is opened (MainWindow::showSection) or on F5, never while the
    // main window is being built: on a large cache it reads every dossier in progress.
}

void DirectionPage::refresh()
{
    auto report = services::directionReport(m_ws.cache(), m_ws.officer().agencyCode,
                                            m_ws.directory(), services::Workstation::now());
    if (!report) {
        m_totals->setText(report.error().message);
        return;
    }
    m_report = report.value();
    m_totals->setText(tr("<h3>%1 dossier(s) in progress — %2 overdue, %3 nearly due</h3>")
                          .arg(m_report.dossiers.size())
                          .arg(m_report.overdue)
                          .arg(m_report.nearlyDue));
    const QColor late(0xb0, 0x00, 0x20);
    for (auto [tree, loads] : {std::pair{m_departments, &m_report.departments},
                               std::pair{m_officers, &m_report.officers}}) {
        tree->clear();
        for (const auto &l : *loads) {
            auto *item = new QTreeWidgetItem(
                tree,
                {l.name.isEmpty() ? l.key : l.name, QString::number(l.inProgress),
                 QString::number(l.overdue), QString::number(l.nearlyDue)});
            if (l.overdue > 0)
                item->setForeground(2, late);
        }
    }
    m_dossiers->clear();
    // Overdue first, then nearly due: the first rows are the ones to act on; a tree of a hundred
    // thousand rows helps nobody and takes seconds to build.
    constexpr qsizetype kMaxRows = 2000;
    if (m_report.dossiers.size() > kMaxRows) {
        m_totals->setText(m_totals->text()
                          + tr("<p>The list shows the first %1 (overdue first, then nearly "
                               "due).</p>")
                                .arg(kMaxRows));
    }
    for (const auto &r : m_report.dossiers.first(std::min(kMaxRows, m_report.dossiers.size()))) {
        const QString lateness = r.daysOverdue > 0
            ? tr("Due %1 – %2 day(s) overdue")
                  .arg(Labels::date(domain::toVietnamTime(r.dueAt).date()))
                  .arg(r.daysOverdue)
            : r.nearlyDue ? tr("Nearly due")
                          : QString();
        auto *item
            = new QTreeWidgetItem(m_dossiers,
                                  {r.code, Labels::stage(r.stage), r.departmentName, r.handlerName,
                                   tr("%1 — last: %2").arg(r.stepsPassed).arg(r.lastStep),
                                   Labels::dateTime(r.dueAt), lateness});
        item->setData(0, Qt::UserRole, r.id);
        if (r.daysOverdue > 0)
            item->setForeground(6, late);
    }
}

} // namespace motcua::ui
