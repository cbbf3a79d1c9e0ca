#pragma once

// The workflow designer for admins (R07, R09): the procedures' workflows and their versions from
// the server; the steps (who handles each — role, department, named officer, group of officers or
// position (R01.2c) — and how long, to
// the minute, or untimed), the transitions between them, the supplement step (R07.3) and the
// sources of dossiers the workflow covers (R07.4); the rules checked at every edit with the
// message in words (Σ durations ≤ the procedure's deadline, naming the excess); the diagram laid
// out live; "save as new version" through the server. Dossiers already running keep their version.
// Every edit can be undone (Ctrl+Z).
#include <QDialog>

#include <domain/entities.h>
#include <domain/workflow.h>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QUndoStack;

namespace motcua::services {
class Workstation;
}

namespace motcua::ui {

class WorkflowDiagram;

class WorkflowDesigner : public QDialog
{
    Q_OBJECT
public:
    explicit WorkflowDesigner(services::Workstation &workstation, QWidget *parent = nullptr);

    // Asks the server for the workflows (the latest version of each).
    void reloadList();
    // Opens version `version` (0: the latest) of workflow `id`.
    void open(const QString &id, int version = 0);

    [[nodiscard]] const domain::Workflow &draft() const { return m_draft; }
    [[nodiscard]] WorkflowDiagram *diagram() const { return m_diagram; }
    [[nodiscard]] QString validationMessage() const;
    [[nodiscard]] bool isValid() const { return m_valid; }
    // Replaces the draft as one undoable edit.
    void edit(const domain::Workflow &changed, const QString &what);
    // Saves the draft as the next version (Ctrl+S).
    void saveAsNewVersion();

Q_SIGNALS:
    void listLoaded();
    void workflowOpened();
    void saved(int version);
    void failed(const QString &message);

private:
    friend class WorkflowEdit;
    void setDraft(const domain::Workflow &workflow);
    void refresh();
    void fillStepEditor();
    void onStepEdited();
    void addStep();
    void removeStep();
    void moveStep(int delta);
    void addTransition();
    void removeTransition();
    void exportDiagram();
    [[nodiscard]] int currentStepRow() const;
    [[nodiscard]] domain::Deadline deadline() const;
    [[nodiscard]] QString assigneeName(const domain::WorkflowStep &step) const;
    void fillAssignees(domain::AssigneeKind kind, const QString &current);

    services::Workstation &m_ws;
    domain::Workflow m_draft;
    int m_latestVersion = 0;
    bool m_valid = false;
    bool m_updating = false;
    QList<domain::Officer> m_officers;
    QList<domain::OfficerGroup> m_groups;
    QUndoStack *m_undo;
    QListWidget *m_workflows;
    QComboBox *m_versions;
    QLabel *m_procedure;
    QLineEdit *m_name;
    QCheckBox *m_timed;
    QList<QCheckBox *> m_variants;
    QComboBox *m_start;
    QListWidget *m_steps;
    QLineEdit *m_stepName;
    QComboBox *m_assigneeKind;
    QComboBox *m_assignee;
    QSpinBox *m_duration;
    QLabel *m_durationWords;
    QCheckBox *m_supplement;
    QListWidget *m_transitions;
    QComboBox *m_from;
    QComboBox *m_to;
    QComboBox *m_on;
    QLabel *m_message;
    QLabel *m_total;
    QPushButton *m_save;
    WorkflowDiagram *m_diagram;
};

} // namespace motcua::ui
