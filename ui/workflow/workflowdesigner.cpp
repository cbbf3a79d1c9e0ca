#include "workflowdesigner.h"

#include "labels.h"
#include "workflowdiagram.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>

#include <domain/json.h>
#include <domain/roles.h>
#include <services/workstation.h>
#include <sync/api_client.h>

namespace motcua::ui {

using domain::AssigneeKind;
using domain::Workflow;
using domain::WorkflowVariant;

namespace {

constexpr int kVersionRole = Qt::UserRole + 1;
const QList<WorkflowVariant> kVariants{WorkflowVariant::Counter, WorkflowVariant::NationalPortal,
                                       WorkflowVariant::CentralToLocal};
const QList<AssigneeKind> kKinds{AssigneeKind::Role, AssigneeKind::Department, AssigneeKind::Person,
                                 AssigneeKind::Group, AssigneeKind::Position};

QString deadlineText(const domain::Deadline &d)
{
    switch (d.unit) {
    case domain::Deadline::Unit::None:
        return WorkflowDesigner::tr("no statutory deadline");
    case domain::Deadline::Unit::WorkingDays:
        return WorkflowDesigner::tr("%1 working days").arg(d.amount);
    case domain::Deadline::Unit::WorkingHours:
        return WorkflowDesigner::tr("%1 working hours").arg(d.amount);
    case domain::Deadline::Unit::WorkingMinutes:
        return WorkflowDesigner::tr("%1 working minutes").arg(d.amount);
    }
    return {};
}

QPushButton *button(const QString &text, const QString &name)
{
    auto *b = new QPushButton(text);
    b->setObjectName(name);
    return b;
}

} // namespace

// One edit of the draft: the workflow before and after. Consecutive edits of the same field of
// the same step (typing a duration digit by digit) merge into one.
class WorkflowEdit : public QUndoCommand
{
public:
    WorkflowEdit(WorkflowDesigner *designer, Workflow before, Workflow after, const QString &what)
        : QUndoCommand(what)
        , m_designer(designer)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {}
    void redo() override { m_designer->setDraft(m_after); }
    void undo() override { m_designer->setDraft(m_before); }
    [[nodiscard]] int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        if (other->text() != text())
            return false;
        m_after = static_cast<const WorkflowEdit *>(other)->m_after;
        return true;
    }

private:
    WorkflowDesigner *m_designer;
    Workflow m_before;
    Workflow m_after;
};

WorkflowDesigner::WorkflowDesigner(services::Workstation &workstation, QWidget *parent)
    : QDialog(parent)
    , m_ws(workstation)
    , m_undo(new QUndoStack(this))
    , m_workflows(new QListWidget)
    , m_versions(new QComboBox)
    , m_procedure(new QLabel)
    , m_name(new QLineEdit)
    , m_timed(new QCheckBox(tr("&Timed workflow (each step has a time limit)")))
    , m_start(new QComboBox)
    , m_steps(new QListWidget)
    , m_stepName(new QLineEdit)
    , m_assigneeKind(new QComboBox)
    , m_assignee(new QComboBox)
    , m_duration(new QSpinBox)
    , m_durationWords(new QLabel)
    , m_supplement(new QCheckBox(tr("Step that asks the applicant to &supplement")))
    , m_transitions(new QListWidget)
    , m_from(new QComboBox)
    , m_to(new QComboBox)
    , m_on(new QComboBox)
    , m_message(new QLabel)
    , m_total(new QLabel)
    , m_save(button(tr("&Save as new version"), QStringLiteral("saveVersion")))
    , m_diagram(new WorkflowDiagram)
{
    setObjectName(QStringLiteral("workflowDesigner"));
    setWindowTitle(tr("Workflow designer"));
    m_workflows->setObjectName(QStringLiteral("workflowList"));
    m_versions->setObjectName(QStringLiteral("versionBox"));
    m_name->setObjectName(QStringLiteral("workflowName"));
    m_timed->setObjectName(QStringLiteral("timed"));
    m_start->setObjectName(QStringLiteral("startStep"));
    m_steps->setObjectName(QStringLiteral("stepList"));
    m_stepName->setObjectName(QStringLiteral("stepName"));
    m_assigneeKind->setObjectName(QStringLiteral("assigneeKind"));
    m_assignee->setObjectName(QStringLiteral("assignee"));
    m_duration->setObjectName(QStringLiteral("stepDuration"));
    m_supplement->setObjectName(QStringLiteral("supplementStep"));
    m_transitions->setObjectName(QStringLiteral("transitionList"));
    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_message->setWordWrap(true);
    m_procedure->setWordWrap(true);
    m_durationWords->setProperty("muted", true);
    m_total->setProperty("muted", true);
    m_duration->setRange(0, 9'999'999);
    m_duration->setSuffix(tr(" min"));
    m_duration->setAccelerated(true);
    m_name->setMaxLength(500);
    m_stepName->setMaxLength(200);
    m_assigneeKind->addItems({tr("Role"), tr("Department"), tr("Named officer"),
                              tr("Group of officers"), tr("Position")});
    m_assigneeKind->setToolTip(
        tr("A step given to a role is open to every officer of that role; one given to a "
           "department, an officer, a group or a position only to the officers it names."));
    for (const auto type : domain::allActionTypes()) {
        if (type != domain::ActionType::RecordPrint) // printing never moves a dossier's step
            m_on->addItem(Labels::action(type), int(type));
    }

    // Left: workflows and versions.
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    auto *listLabel = new QLabel(tr("&Workflows"));
    listLabel->setBuddy(m_workflows);
    auto *versionLabel = new QLabel(tr("&Version"));
    versionLabel->setBuddy(m_versions);
    leftLayout->addWidget(listLabel);
    leftLayout->addWidget(m_workflows, 1);
    leftLayout->addWidget(versionLabel);
    leftLayout->addWidget(m_versions);

    // Middle: the editor.
    auto *general = new QFormLayout;
    general->addRow(m_procedure);
    general->addRow(tr("&Name"), m_name);
    general->addRow(m_timed);
    auto *variantRow = new QVBoxLayout;
    for (const auto v : kVariants) {
        auto *box = new QCheckBox(domain::workflowVariantName(v));
        box->setObjectName(QStringLiteral("variant-") + domain::workflowVariantKey(v));
        m_variants.append(box);
        variantRow->addWidget(box);
    }
    general->addRow(tr("Applies to dossiers from"), variantRow);
    general->addRow(tr("Start ste&p"), m_start);

    auto *addStepBtn = button(tr("&Add step"), QStringLiteral("addStep"));
    auto *removeStepBtn = button(tr("&Remove"), QStringLiteral("removeStep"));
    auto *upBtn = button(tr("&Up"), QStringLiteral("moveUp"));
    auto *downBtn = button(tr("Do&wn"), QStringLiteral("moveDown"));
    auto *stepButtons = new QHBoxLayout;
    for (auto *b : {addStepBtn, removeStepBtn, upBtn, downBtn})
        stepButtons->addWidget(b);
    auto *stepForm = new QFormLayout;
    stepForm->addRow(tr("Step na&me"), m_stepName);
    stepForm->addRow(tr("Handled &by"), m_assigneeKind);
    stepForm->addRow(QString(), m_assignee);
    stepForm->addRow(tr("&Duration"), m_duration);
    stepForm->addRow(QString(), m_durationWords);
    stepForm->addRow(m_supplement);
    auto *stepsBox = new QGroupBox(tr("Steps"));
    auto *stepsLayout = new QVBoxLayout(stepsBox);
    stepsLayout->addWidget(m_steps, 1);
    stepsLayout->addLayout(stepButtons);
    stepsLayout->addLayout(stepForm);

    auto *addTransitionBtn = button(tr("Add &transition"), QStringLiteral("addTransition"));
    auto *removeTransitionBtn = button(tr("Remove transition"), QStringLiteral("removeTransition"));
    auto *transitionRow = new QHBoxLayout;
    transitionRow->addWidget(m_from, 1);
    transitionRow->addWidget(new QLabel(QStringLiteral("→")));
    transitionRow->addWidget(m_to, 1);
    transitionRow->addWidget(m_on, 1);
    auto *transitionButtons = new QHBoxLayout;
    transitionButtons->addWidget(addTransitionBtn);
    transitionButtons->addWidget(removeTransitionBtn);
    auto *transitionsBox = new QGroupBox(tr("Transitions"));
    auto *transitionsLayout = new QVBoxLayout(transitionsBox);
    transitionsLayout->addWidget(m_transitions, 1);
    transitionsLayout->addLayout(transitionRow);
    transitionsLayout->addLayout(transitionButtons);

    auto *exportBtn = button(tr("&Export diagram…"), QStringLiteral("exportDiagram"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(exportBtn);
    bottom->addStretch();
    bottom->addWidget(m_save);
    auto *middle = new QWidget;
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->addLayout(general);
    middleLayout->addWidget(stepsBox, 3);
    middleLayout->addWidget(transitionsBox, 2);
    middleLayout->addWidget(m_total);
    middleLayout->addWidget(m_message);
    middleLayout->addLayout(bottom);

    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(middle);
    split->addWidget(m_diagram);
    split->setStretchFactor(2, 1);
    split->setSizes({230, 440, 700});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    resize(1400, 860);

    // Keyboard: every action has a shortcut.
    const auto shortcut = [this](const QString &text, const QKeySequence &keys, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(keys);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    auto *undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    addAction(undo);
    auto *redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    addAction(redo);
    shortcut(tr("Save as new version"), QKeySequence::Save, [this] { saveAsNewVersion(); });
    shortcut(tr("Add step"), QKeySequence(Qt::CTRL | Qt::Key_Insert), [this] { addStep(); });
    shortcut(tr("Remove step"), QKeySequence(Qt::CTRL | Qt::Key_Delete), [this] { removeStep(); });
    shortcut(tr("Move step up"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveStep(-1); });
    shortcut(tr("Move step down"), QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveStep(1); });
    shortcut(tr("Add transition"), QKeySequence(Qt::CTRL | Qt::Key_T), [this] { addTransition(); });
    shortcut(tr("Export diagram"), QKeySequence(Qt::CTRL | Qt::Key_E), [this] { exportDiagram(); });
    shortcut(tr("Reload"), QKeySequence::Refresh, [this] { reloadList(); });
    addStepBtn->setToolTip(QStringLiteral("Ctrl+Insert"));
    removeStepBtn->setToolTip(QStringLiteral("Ctrl+Delete"));
    upBtn->setToolTip(QStringLiteral("Alt+Up"));
    downBtn->setToolTip(QStringLiteral("Alt+Down"));
    addTransitionBtn->setToolTip(QStringLiteral("Ctrl+T"));
    exportBtn->setToolTip(QStringLiteral("Ctrl+E"));
    m_save->setToolTip(QStringLiteral("Ctrl+S"));

    connect(addStepBtn, &QPushButton::clicked, this, &WorkflowDesigner::addStep);
    connect(removeStepBtn, &QPushButton::clicked, this, &WorkflowDesigner::removeStep);
    connect(upBtn, &QPushButton::clicked, this, [this] { moveStep(-1); });
    connect(downBtn, &QPushButton::clicked, this, [this] { moveStep(1); });
    connect(addTransitionBtn, &QPushButton::clicked, this, &WorkflowDesigner::addTransition);
    connect(removeTransitionBtn, &QPushButton::clicked, this, &WorkflowDesigner::removeTransition);
    connect(exportBtn, &QPushButton::clicked, this, &WorkflowDesigner::exportDiagram);
    connect(m_save, &QPushButton::clicked, this, &WorkflowDesigner::saveAsNewVersion);
    connect(m_workflows, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && !m_updating)
            open(item->data(Qt::UserRole).toString());
    });
    connect(m_versions, &QComboBox::activated, this, [this](int index) {
        if (!m_draft.id.isEmpty())
            open(m_draft.id, m_versions->itemData(index).toInt());
    });
    connect(m_steps, &QListWidget::currentRowChanged, this, [this] {
        if (!m_updating)
            fillStepEditor();
    });
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        if (m_updating || m_name->text() == m_draft.name)
            return;
        Workflow w = m_draft;
        w.name = m_name->text().trimmed();
        edit(w, tr("Rename the workflow"));
    });
    connect(m_timed, &QCheckBox::toggled, this, [this](bool on) {
        if (m_updating)
            return;
        Workflow w = m_draft;
        w.timed = on;
        edit(w, tr("Timed or untimed"));
    });
    for (qsizetype i = 0; i < m_variants.size(); ++i) {
        connect(m_variants.at(i), &QCheckBox::toggled, this, [this, i](bool on) {
            if (m_updating)
                return;
            Workflow w = m_draft;
            w.variants.removeAll(kVariants.at(i));
            if (on) {
                QList<WorkflowVariant> ordered;
                for (const auto v : kVariants) {
                    if (v == kVariants.at(i) || w.variants.contains(v))
                        ordered.append(v);
                }
                w.variants = ordered;
            }
            edit(w, tr("Sources of dossiers"));
        });
    }
    connect(m_start, &QComboBox::activated, this, [this] {
        Workflow w = m_draft;
        w.startStepId = m_start->currentData().toString();
        edit(w, tr("Start step"));
    });
    connect(m_stepName, &QLineEdit::editingFinished, this, &WorkflowDesigner::onStepEdited);
    connect(m_assigneeKind, &QComboBox::activated, this, [this] {
        fillAssignees(kKinds.value(m_assigneeKind->currentIndex()), {});
        onStepEdited();
    });
    connect(m_assignee, &QComboBox::activated, this, &WorkflowDesigner::onStepEdited);
    connect(m_duration, &QSpinBox::valueChanged, this, &WorkflowDesigner::onStepEdited);
    connect(m_supplement, &QCheckBox::toggled, this, &WorkflowDesigner::onStepEdited);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { refresh(); });

    // Officers of the agency, for steps handed to a named officer.
    if (auto entries = m_ws.cache().catalogueEntries(QStringLiteral("officer"))) {
        for (const auto &e : entries.value()) {
            if (auto o = domain::officerFromJson(e.json); o && o->active)
                m_officers.append(o.value());
        }
    }
    // Groups of the agency, for steps given to a group: the cached copy at once, the server's
    // when it answers.
    if (auto entries = m_ws.cache().catalogueEntries(QStringLiteral("group"))) {
        for (const auto &e : entries.value()) {
            if (auto g = domain::officerGroupFromJson(e.json))
                m_groups.append(g.value());
        }
    }
    if (m_ws.api()) {
        sync::whenDone(m_ws.api()->groups(), this, [this](const auto &r) {
            if (!r)
                return;
            m_groups = r.value();
            fillStepEditor();
            refresh();
        });
    }
    m_diagram->setAssigneeNamer([this](const domain::WorkflowStep &s) { return assigneeName(s); });
    if (!m_ws.officer().hasRole(domain::Role::Admin)) {
        m_message->setText(tr("Only administrators may change workflows."));
        m_save->setVisible(false);
    }
    refresh();
    reloadList();
}

void WorkflowDesigner::reloadList()
{
    if (!m_ws.api())
        return;
    sync::whenDone(m_ws.api()->workflows(), this, [this](const auto &r) {
        if (!r) {
            m_message->setText(r.error().message);
            Q_EMIT failed(r.error().message);
            return;
        }
        const QString selected = m_draft.id;
        m_updating = true;
        m_workflows->clear();
        for (const auto &w : r.value()) {
            auto *item = new QListWidgetItem(
                tr("%1\n%2 · version %3").arg(w.name, w.procedureCode).arg(w.version), m_workflows);
            item->setData(Qt::UserRole, w.id);
            item->setData(kVersionRole, w.version);
            if (w.id == selected) {
                m_workflows->setCurrentItem(item);
                m_latestVersion = w.version;
            }
        }
        m_updating = false;
        Q_EMIT listLoaded();
    });
}

void WorkflowDesigner::open(const QString &id, int version)
{
    sync::whenDone(m_ws.api()->workflow(id, version), this, [this, version](const auto &r) {
        if (!r) {
            m_message->setText(r.error().message);
            Q_EMIT failed(r.error().message);
            return;
        }
        if (version == 0) {
            m_latestVersion = r->version;
        } else if (r->id != m_draft.id) {
            m_latestVersion = r->version;
            for (int i = 0; i < m_workflows->count(); ++i) {
                if (m_workflows->item(i)->data(Qt::UserRole).toString() == r->id)
                    m_latestVersion = m_workflows->item(i)->data(kVersionRole).toInt();
            }
        } else {
            m_latestVersion = qMax(m_latestVersion, r->version);
        }
        m_undo->clear();
        setDraft(r.value());
        m_undo->setClean();
        m_updating = true;
        m_versions->clear();
        for (int v = m_latestVersion; v >= 1; --v)
            m_versions->addItem(v == m_latestVersion ? tr("Version %1 (latest)").arg(v)
                                                     : tr("Version %1").arg(v),
                                v);
        m_versions->setCurrentIndex(m_versions->findData(r->version));
        m_updating = false;
        Q_EMIT workflowOpened();
    });
}

void WorkflowDesigner::edit(const Workflow &changed, const QString &what)
{
    if (changed == m_draft)
        return;
    m_undo->push(new WorkflowEdit(this, m_draft, changed, what));
}

void WorkflowDesigner::setDraft(const Workflow &workflow)
{
    m_draft = workflow;
    refresh();
}

domain::Deadline WorkflowDesigner::deadline() const
{
    for (const auto &p : m_ws.procedures()) {
        if (p.code == m_draft.procedureCode)
            return p.deadline;
    }
    return {};
}

QString WorkflowDesigner::validationMessage() const
{
    return m_message->text();
}

int WorkflowDesigner::currentStepRow() const
{
    const int row = m_steps->currentRow();
    return row >= 0 && row < m_draft.steps.size() ? row : -1;
}

QString WorkflowDesigner::assigneeName(const domain::WorkflowStep &step) const
{
    if (step.assigneeKind == AssigneeKind::Department) {
        if (const auto agency = m_ws.agency()) {
            for (const auto &d : agency->departments) {
                if (d.id == step.assignee)
                    return d.name;
            }
        }
    } else if (step.assigneeKind == AssigneeKind::Person) {
        for (const auto &o : m_officers) {
            if (o.id == step.assignee)
                return o.title.isEmpty() ? o.fullName
                                         : QStringLiteral("%1 — %2").arg(o.fullName, o.title);
        }
    } else if (step.assigneeKind == AssigneeKind::Group) {
        for (const auto &g : m_groups) {
            if (g.id == step.assignee)
                return tr("Group %1").arg(g.name);
        }
    }
    return WorkflowDiagram::defaultAssigneeName(step);
}

void WorkflowDesigner::fillAssignees(AssigneeKind kind, const QString &current)
{
    m_assignee->clear();
    switch (kind) {
    case AssigneeKind::Role:
        for (const auto role : domain::allRoles())
            m_assignee->addItem(Labels::role(role), domain::roleKey(role));
        break;
    case AssigneeKind::Department:
        if (const auto agency = m_ws.agency()) {
            for (const auto &d : agency->departments)
                m_assignee->addItem(d.name, d.id);
        }
        break;
    case AssigneeKind::Person:
        for (const auto &o : m_officers)
            m_assignee->addItem(QStringLiteral("%1 (%2)").arg(o.fullName, o.username), o.id);
        break;
    case AssigneeKind::Group:
        for (const auto &g : m_groups) {
            m_assignee->addItem(
                tr("%1 (%n member(s))", nullptr, int(g.memberIds.size())).arg(g.name), g.id);
        }
        break;
    case AssigneeKind::Position: {
        // The positions officers of the agency hold; another can be typed.
        QStringList titles;
        for (const auto &o : m_officers) {
            if (!o.title.trimmed().isEmpty() && !titles.contains(o.title.trimmed()))
                titles.append(o.title.trimmed());
        }
        titles.sort(Qt::CaseInsensitive);
        for (const QString &t : titles)
            m_assignee->addItem(t, t);
        break;
    }
    }
    m_assignee->setEditable(kind == AssigneeKind::Position);
    if (m_assignee->lineEdit()) {
        m_assignee->lineEdit()->setPlaceholderText(tr("e.g. Trưởng phòng"));
        connect(m_assignee->lineEdit(), &QLineEdit::editingFinished, this,
                &WorkflowDesigner::onStepEdited, Qt::UniqueConnection);
    }
    if (!current.isEmpty() && m_assignee->findData(current) < 0)
        m_assignee->addItem(current, current); // kept as it is, e.g. another agency's officer
    m_assignee->setCurrentIndex(qMax(0, m_assignee->findData(current)));
}

void WorkflowDesigner::refresh()
{
    m_updating = true;
    const int stepRow = m_steps->currentRow();
    const int transitionRow = m_transitions->currentRow();
    const domain::Deadline limit = deadline();
    m_procedure->setText(m_draft.id.isEmpty()
                             ? tr("Choose a workflow on the left.")
                             : tr("<b>Procedure %1</b> — deadline: %2")
                                   .arg(m_draft.procedureCode, deadlineText(limit)));
    m_name->setText(m_draft.name);
    m_timed->setChecked(m_draft.timed);
    for (qsizetype i = 0; i < m_variants.size(); ++i)
        m_variants.at(i)->setChecked(m_draft.variants.contains(kVariants.at(i)));

    m_steps->clear();
    m_start->clear();
    m_from->clear();
    m_to->clear();
    for (qsizetype i = 0; i < m_draft.steps.size(); ++i) {
        const auto &s = m_draft.steps.at(i);
        const QString duration
            = m_draft.timed ? domain::formatWorkingMinutes(s.durationMinutes) : tr("untimed");
        m_steps->addItem(QStringLiteral("%1. %2 — %3 — %4%5")
                             .arg(i + 1)
                             .arg(s.name, assigneeName(s), duration,
                                  s.supplement ? tr(" (supplement)") : QString()));
        m_start->addItem(s.name, s.id);
        m_from->addItem(s.name, s.id);
        m_to->addItem(s.name, s.id);
    }
    m_start->setCurrentIndex(m_start->findData(m_draft.startStepId));
    m_steps->setCurrentRow(qMin(stepRow < 0 ? 0 : stepRow, int(m_draft.steps.size()) - 1));

    m_transitions->clear();
    for (const auto &t : m_draft.transitions) {
        const auto *from = m_draft.step(t.from);
        const auto *to = m_draft.step(t.to);
        m_transitions->addItem(
            QStringLiteral("%1 → %2 (%3)")
                .arg(from ? from->name : t.from, to ? to->name : t.to, Labels::action(t.on)));
    }
    m_transitions->setCurrentRow(qMin(transitionRow, int(m_draft.transitions.size()) - 1));

    if (m_draft.timed && limit.isTimed()) {
        m_total->setText(tr("Total of the steps: %1 of %2")
                             .arg(domain::formatWorkingMinutes(m_draft.totalMinutes()),
                                  domain::formatWorkingMinutes(domain::deadlineMinutes(limit))));
    } else {
        m_total->setText(m_draft.timed ? QString()
                                       : tr("Untimed workflow: no limit on the total."));
    }
    const auto check = domain::validateWorkflow(m_draft, limit);
    m_valid = !m_draft.id.isEmpty() && check.ok();
    if (!m_draft.id.isEmpty()) {
        m_message->setStyleSheet(m_valid ? QStringLiteral("color: #137333;")
                                         : QStringLiteral("color: #b00020; font-weight: bold;"));
        m_message->setText(m_valid ? tr("The workflow is valid.") : check.error().message);
    }
    const bool admin = m_ws.officer().hasRole(domain::Role::Admin);
    m_save->setEnabled(admin && m_valid && !m_undo->isClean());
    m_updating = false;
    fillStepEditor();
    if (!m_draft.id.isEmpty())
        (void)m_diagram->setWorkflow(m_draft);
}

void WorkflowDesigner::fillStepEditor()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    const int row = currentStepRow();
    const bool has = row >= 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_stepName, m_assigneeKind, m_assignee,
                                                       m_duration, m_supplement})
        w->setEnabled(has);
    m_duration->setEnabled(has && m_draft.timed);
    if (has) {
        const auto &s = m_draft.steps.at(row);
        m_stepName->setText(s.name);
        m_assigneeKind->setCurrentIndex(int(kKinds.indexOf(s.assigneeKind)));
        fillAssignees(s.assigneeKind, s.assignee);
        m_duration->setValue(int(qMin<qint64>(s.durationMinutes, m_duration->maximum())));
        m_durationWords->setText(m_draft.timed ? domain::formatWorkingMinutes(s.durationMinutes)
                                               : tr("untimed"));
        m_supplement->setChecked(s.supplement);
    }
    m_updating = wasUpdating;
}

void WorkflowDesigner::onStepEdited()
{
    const int row = currentStepRow();
    if (m_updating || row < 0)
        return;
    Workflow w = m_draft;
    auto &s = w.steps[row];
    const auto before = s;
    s.name = m_stepName->text().trimmed();
    s.assigneeKind = kKinds.value(m_assigneeKind->currentIndex());
    s.assignee = s.assigneeKind == AssigneeKind::Position ? m_assignee->currentText().trimmed()
                                                          : m_assignee->currentData().toString();
    s.durationMinutes = m_duration->value();
    s.supplement = m_supplement->isChecked();
    QString what = tr("Edit step");
    if (s.durationMinutes != before.durationMinutes)
        what = tr("Duration of step %1").arg(row + 1);
    edit(w, what);
}

void WorkflowDesigner::addStep()
{
    if (m_draft.id.isEmpty())
        return;
    Workflow w = m_draft;
    int n = int(w.steps.size()) + 1;
    while (w.step(QStringLiteral("buoc-%1").arg(n)))
        ++n;
    domain::WorkflowStep s;
    s.id = QStringLiteral("buoc-%1").arg(n);
    s.name = tr("New step %1").arg(n);
    s.assigneeKind = AssigneeKind::Role;
    s.assignee = domain::roleKey(domain::Role::Appraiser);
    const int row = currentStepRow();
    const int at = row < 0 ? int(w.steps.size()) : row + 1;
    // Linked after the selected step, so that the new step is reachable at once.
    if (row >= 0)
        w.transitions.append({w.steps.at(row).id, s.id, domain::ActionType::Transfer});
    w.steps.insert(at, s);
    if (w.startStepId.isEmpty())
        w.startStepId = s.id;
    edit(w, tr("Add a step"));
    m_steps->setCurrentRow(at);
}

void WorkflowDesigner::removeStep()
{
    const int row = currentStepRow();
    if (row < 0)
        return;
    Workflow w = m_draft;
    const QString id = w.steps.takeAt(row).id;
    w.transitions.removeIf(
        [&id](const domain::WorkflowTransition &t) { return t.from == id || t.to == id; });
    if (w.startStepId == id)
        w.startStepId = w.steps.isEmpty() ? QString() : w.steps.constFirst().id;
    edit(w, tr("Remove a step"));
}

void WorkflowDesigner::moveStep(int delta)
{
    const int row = currentStepRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_draft.steps.size())
        return;
    Workflow w = m_draft;
    w.steps.move(row, to);
    edit(w, tr("Move a step"));
    m_steps->setCurrentRow(to);
}

void WorkflowDesigner::addTransition()
{
    if (m_from->currentIndex() < 0 || m_to->currentIndex() < 0)
        return;
    Workflow w = m_draft;
    const domain::WorkflowTransition t{m_from->currentData().toString(),
                                       m_to->currentData().toString(),
                                       domain::ActionType(m_on->currentData().toInt())};
    if (w.transitions.contains(t))
        return;
    w.transitions.append(t);
    edit(w, tr("Add a transition"));
}

void WorkflowDesigner::removeTransition()
{
    const int row = m_transitions->currentRow();
    if (row < 0 || row >= m_draft.transitions.size())
        return;
    Workflow w = m_draft;
    w.transitions.removeAt(row);
    edit(w, tr("Remove a transition"));
}

void WorkflowDesigner::exportDiagram()
{
    if (m_draft.id.isEmpty())
        return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the diagram"), m_draft.id + QStringLiteral(".png"),
        tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    const auto st = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
        ? m_diagram->exportPdf(path)
        : path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? m_diagram->exportSvg(path)
                                                                    : m_diagram->exportPng(path);
    if (!st)
        m_message->setText(st.error().message);
}

void WorkflowDesigner::saveAsNewVersion()
{
    if (!m_valid || m_draft.id.isEmpty() || !m_ws.api()
        || !m_ws.officer().hasRole(domain::Role::Admin))
        return;
    Workflow w = m_draft;
    w.version = m_latestVersion + 1;
    m_save->setEnabled(false);
    sync::whenDone(m_ws.api()->addWorkflowVersion(w), this, [this](const auto &r) {
        if (!r) {
            m_message->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
            m_message->setText(r.error().message);
            m_save->setEnabled(true);
            Q_EMIT failed(r.error().message);
            return;
        }
        // The cache keeps every version it saw: dossiers that started on an older one still find
        // theirs.
        const domain::Workflow stored = r.value();
        (void)m_ws.cache().putCatalogueEntries(
            {{QStringLiteral("workflow"),
              QStringLiteral("%1@%2").arg(stored.id).arg(stored.version), domain::toJson(stored)}});
        m_latestVersion = stored.version;
        open(stored.id, stored.version);
        reloadList();
        Q_EMIT saved(stored.version);
    });
}

} // namespace motcua::ui
