#include "chartpage.h"

#include "adminwidgets.h"

#include <QAction>
#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <domain/engine.h>
#include <services/adminservice.h>

namespace motcua::ui {

namespace {

enum Column {
    StageColumn,
    ActionColumn,
    TargetColumn,
    InUseColumn,
    RolesColumn
};

bool isStandard(const domain::ChartStep &s)
{
    return s.enabled && s.roles.isEmpty();
}

// The roles that may take the step: the narrowed ones, else every role of the action.
QList<domain::Role> effectiveRoles(const domain::ChartStep &s)
{
    return s.roles.isEmpty() ? domain::rolesAllowed(s.action) : s.roles;
}

QString roleNames(const QList<domain::Role> &roles)
{
    QStringList names;
    for (const domain::Role r : roles)
        names.append(domain::roleName(r));
    return names.join(QStringLiteral(", "));
}

} // namespace

ChartPage::ChartPage(services::AdminService &admin, QWidget *parent)
    : QWidget(parent)
    , m_admin(admin)
    , m_steps(domain::standardSteps())
    , m_summary(new QLabel)
    , m_table(new QTableWidget(0, 5))
    , m_detail(new QGroupBox)
    , m_stepText(new QLabel)
    , m_enabled(new QCheckBox(tr("&Use this step")))
    , m_locked(new QLabel)
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("chartPage"));
    auto *intro = new QLabel(
        tr("The steps a dossier takes from stage to stage (R04.2). Steps that are the applicant's "
           "right or that every dossier takes are locked; the others may be switched off, and "
           "any step may be given to fewer roles. The server applies a saved chart to the next "
           "action at once; workstations after their next sync."));
    intro->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("chartSummary"));
    m_table->setObjectName(QStringLiteral("chartSteps"));
    m_table->setHorizontalHeaderLabels(
        {tr("At stage"), tr("Action"), tr("Leads to"), tr("In use"), tr("Who may take it")});
    m_table->horizontalHeader()->setSectionResizeMode(RolesColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setRowCount(int(m_steps.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        for (int col = StageColumn; col <= RolesColumn; ++col)
            m_table->setItem(row, col, new QTableWidgetItem);
        showRow(row);
    }
    showSummary();
    m_table->resizeColumnsToContents();
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_showing || item->column() != InUseColumn)
            return;
        const domain::ChartStep &s = m_steps.at(item->row());
        setStepEnabled(s.from, s.action, item->checkState() == Qt::Checked);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ChartPage::showSelected);

    m_detail->setObjectName(QStringLiteral("chartStep"));
    m_stepText->setObjectName(QStringLiteral("chartStepText"));
    m_stepText->setWordWrap(true);
    m_enabled->setObjectName(QStringLiteral("chartStepEnabled"));
    m_locked->setObjectName(QStringLiteral("chartStepLocked"));
    m_locked->setWordWrap(true);
    m_locked->setProperty("muted", true);
    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        const int row = m_table->currentRow();
        if (m_showing || row < 0)
            return;
        setStepEnabled(m_steps.at(row).from, m_steps.at(row).action, on);
    });
    auto *roleRow = new QHBoxLayout; // the action's roles side by side, the others hidden
    for (const domain::Role r : domain::allRoles()) {
        auto *box = new QCheckBox(domain::roleName(r));
        box->setObjectName(QStringLiteral("chartRole-") + domain::roleKey(r));
        box->setProperty("role", domain::roleKey(r));
        connect(box, &QCheckBox::toggled, this, &ChartPage::rolesTicked);
        roleRow->addWidget(box);
        m_roles.append(box);
    }
    roleRow->addStretch(1);
    auto *detailLayout = new QVBoxLayout(m_detail);
    detailLayout->addWidget(m_stepText);
    detailLayout->addWidget(m_enabled);
    detailLayout->addWidget(m_locked);
    detailLayout->addWidget(new QLabel(tr("Roles that may take this step:")));
    detailLayout->addLayout(roleRow);

    m_status->setObjectName(QStringLiteral("chartStatus"));
    m_status->setWordWrap(true);
    auto *saveAction = admin::pageAction(this, tr("Save"), QKeySequence::Save, [this] { save(); });
    auto *reload
        = admin::pageAction(this, tr("Refresh"), QKeySequence(Qt::Key_F5), [this] { refresh(); });
    auto *reset = admin::pageAction(this, tr("Back to the standard chart"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                    [this] { resetToStandard(); });
    auto *bar = new QHBoxLayout;
    for (QAction *a : {saveAction, reload, reset})
        bar->addWidget(admin::actionButton(a));
    bar->addStretch(1);
    bar->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);
    layout->addWidget(m_status);
    m_table->setCurrentCell(0, StageColumn);
    showSelected();
}

void ChartPage::refresh()
{
    ++m_busy;
    m_admin.transitionChart([this](const auto &result) {
        --m_busy;
        if (!result) {
            report(result.error().message, true);
        } else {
            m_tag = result->tag;
            show(result->settings);
            report(result->settings.isStandard()
                       ? tr("The standard chart is in force.")
                       : tr("The province's chart loaded: it differs from the standard in %1 "
                            "step(s).")
                             .arg(result->settings.steps.size()));
        }
        Q_EMIT loaded();
    });
}

void ChartPage::show(const domain::ChartSettings &settings)
{
    m_steps = domain::standardSteps();
    for (auto &s : m_steps)
        s = settings.step(s.from, s.action);
    for (int row = 0; row < m_table->rowCount(); ++row)
        showRow(row);
    showSummary();
    showSelected();
}

void ChartPage::showRow(int row)
{
    const domain::ChartStep &s = m_steps.at(row);
    const bool locked = !domain::isOptionalStep(s.from, s.action);
    m_showing = true;
    QStringList targets;
    for (const domain::Stage to : domain::TransitionChart::standard().targets(s.from, s.action)) {
        const QString name = to == s.from ? tr("(stays at this stage)") : domain::stageName(to);
        if (!targets.contains(name))
            targets.append(name);
    }
    m_table->item(row, StageColumn)->setText(domain::stageName(s.from));
    m_table->item(row, ActionColumn)->setText(domain::actionTypeName(s.action));
    m_table->item(row, TargetColumn)->setText(targets.join(QStringLiteral(" / ")));
    QTableWidgetItem *use = m_table->item(row, InUseColumn);
    use->setFlags(locked ? Qt::ItemIsSelectable | Qt::ItemIsEnabled
                         : Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    use->setCheckState(s.enabled ? Qt::Checked : Qt::Unchecked);
    use->setText(locked ? tr("Required") : s.enabled ? tr("On") : tr("Off"));
    use->setToolTip(locked ? domain::lockedReason(s.from, s.action) : tr("May be switched off"));
    m_table->item(row, RolesColumn)
        ->setText(s.enabled ? roleNames(effectiveRoles(s)) : tr("— switched off —"));
    // What differs from the standard chart stands out.
    for (int col = StageColumn; col <= RolesColumn; ++col) {
        QTableWidgetItem *item = m_table->item(row, col);
        QFont font = item->font();
        font.setBold(!isStandard(s) && (col == InUseColumn ? !s.enabled : col == RolesColumn));
        item->setFont(font);
        item->setForeground(s.enabled ? palette().text() : palette().placeholderText());
    }
    m_showing = false;
}

void ChartPage::showSummary()
{
    int off = 0;
    int narrowed = 0;
    for (const auto &step : m_steps) {
        off += step.enabled ? 0 : 1;
        narrowed += step.enabled && !step.roles.isEmpty() ? 1 : 0;
    }
    m_summary->setText(tr("Switched off: %1 · roles narrowed: %2").arg(off).arg(narrowed));
}

void ChartPage::showSelected()
{
    const int row = m_table->currentRow();
    m_detail->setEnabled(row >= 0);
    if (row < 0)
        return;
    const domain::ChartStep &s = m_steps.at(row);
    const bool locked = !domain::isOptionalStep(s.from, s.action);
    m_showing = true;
    m_detail->setTitle(tr("Selected step"));
    m_stepText->setText(tr("<b>%1</b> at the stage <b>%2</b>")
                            .arg(domain::actionTypeName(s.action).toHtmlEscaped(),
                                 domain::stageName(s.from).toHtmlEscaped()));
    m_enabled->setChecked(s.enabled);
    m_enabled->setEnabled(!locked);
    m_locked->setText(locked ? tr("Locked: %1").arg(domain::lockedReason(s.from, s.action))
                             : tr("The agency's choice: may be switched off."));
    const QList<domain::Role> allowed = domain::rolesAllowed(s.action);
    const QList<domain::Role> ticked = effectiveRoles(s);
    for (QCheckBox *box : m_roles) {
        const auto role = domain::roleFromKey(box->property("role").toString());
        box->setVisible(role && allowed.contains(*role));
        box->setChecked(role && ticked.contains(*role));
        box->setEnabled(s.enabled);
    }
    m_showing = false;
}

int ChartPage::rowOf(domain::Stage from, domain::ActionType action) const
{
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).from == from && m_steps.at(i).action == action)
            return int(i);
    }
    return -1;
}

bool ChartPage::setStepEnabled(domain::Stage from, domain::ActionType action, bool enabled)
{
    const int row = rowOf(from, action);
    if (row < 0)
        return false;
    if (!enabled && !domain::isOptionalStep(from, action)) {
        report(tr("This step cannot be switched off: %1").arg(domain::lockedReason(from, action)),
               true);
        showRow(row);
        return false;
    }
    m_steps[row].enabled = enabled;
    if (!enabled)
        m_steps[row].roles.clear();
    showRow(row);
    showSummary();
    if (row == m_table->currentRow())
        showSelected();
    return true;
}

void ChartPage::selectStep(domain::Stage from, domain::ActionType action)
{
    const int row = rowOf(from, action);
    if (row >= 0)
        m_table->setCurrentCell(row, ActionColumn);
}

void ChartPage::rolesTicked()
{
    const int row = m_table->currentRow();
    if (m_showing || row < 0)
        return;
    domain::ChartStep &s = m_steps[row];
    QList<domain::Role> roles;
    for (QCheckBox *box : m_roles) {
        const auto role = domain::roleFromKey(box->property("role").toString());
        if (role && box->isChecked() && domain::rolesAllowed(s.action).contains(*role))
            roles.append(*role);
    }
    if (roles.isEmpty()) {
        report(tr("Every step in use needs at least one role; switch the step off instead if it "
                  "may be."),
               true);
        showSelected(); // the last role ticked again
        return;
    }
    s.roles = roles == domain::rolesAllowed(s.action) ? QList<domain::Role>{} : roles;
    showRow(row);
    showSummary();
}

void ChartPage::resetToStandard()
{
    show(domain::ChartSettings{});
    report(tr("Every step is back as in the standard chart; save (Ctrl+S) to apply it."));
}

domain::ChartSettings ChartPage::edited() const
{
    domain::ChartSettings settings;
    for (const auto &s : m_steps) {
        if (!isStandard(s))
            settings.steps.append(s);
    }
    return settings;
}

void ChartPage::save()
{
    const domain::ChartSettings settings = edited();
    if (auto chart = domain::chartFrom(settings); !chart) {
        report(chart.error().message, true);
        return;
    }
    ++m_busy;
    m_admin.saveTransitionChart(settings, m_tag, [this](const auto &result) {
        --m_busy;
        if (!result) {
            report(result.error().message, true); // the edits stay on the page
            return;
        }
        m_tag = result->tag;
        show(result->settings);
        report(tr("Status chart saved: the server applies it to the next action; workstations "
                  "after their next sync."));
    });
}

QString ChartPage::lastMessage() const
{
    return m_status->text();
}

void ChartPage::report(const QString &text, bool error)
{
    admin::showStatus(m_status, text, error);
}

} // namespace motcua::ui
