#pragma once

// Administration › Status chart (R04.2; issue 10 item 2): the transition chart every dossier
// follows, as the province's admin sets it. One row per step of the standard chart (a stage, an
// action, where it leads); the admin switches off the steps that are the agencies' own way of
// working (transfer onward, consultation, reassignment, extension) — the applicant's rights and
// the path every dossier takes are shown locked, with why — and narrows who may take a step
// (the selected step's roles, under the table). Save (Ctrl+S), reload (F5), back to the standard
// chart (Ctrl+Shift+R); the server judges every action by the saved chart at once, workstations
// after their next sync.
#include <QWidget>

#include <domain/chart.h>

class QCheckBox;
class QGroupBox;
class QLabel;
class QTableWidget;

namespace motcua::services {
class AdminService;
}

namespace motcua::ui {

class ChartPage : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPage(services::AdminService &admin, QWidget *parent = nullptr);

    void refresh();         // F5
    void save();            // Ctrl+S
    void resetToStandard(); // Ctrl+Shift+R: every step back as standard (saved by Save)

    // Row of a step (-1: the standard chart has none).
    [[nodiscard]] int rowOf(domain::Stage from, domain::ActionType action) const;
    // false (and nothing changes) for a locked step.
    bool setStepEnabled(domain::Stage from, domain::ActionType action, bool enabled);
    // Selects the step; its role boxes show under the table.
    void selectStep(domain::Stage from, domain::ActionType action);

    // What the page holds, as settings (canonical when saved).
    [[nodiscard]] domain::ChartSettings edited() const;
    [[nodiscard]] QString lastMessage() const;
    [[nodiscard]] bool busy() const { return m_busy > 0; }

Q_SIGNALS:
    void loaded();

private:
    void show(const domain::ChartSettings &settings);
    void showRow(int row);
    void showSummary(); // how many steps differ from the standard chart
    void showSelected();
    void rolesTicked();
    void report(const QString &text, bool error = false);

    services::AdminService &m_admin;
    QList<domain::ChartStep> m_steps; // the table's rows, as edited
    QByteArray m_tag;                 // the version read (If-Match)
    QLabel *m_summary;
    QTableWidget *m_table;
    QGroupBox *m_detail;
    QLabel *m_stepText;
    QCheckBox *m_enabled;
    QLabel *m_locked;
    QList<QCheckBox *> m_roles; // one per role; those the action has not are hidden
    QLabel *m_status;
    bool m_showing = false; // filling widgets: their signals are not edits
    int m_busy = 0;
};

} // namespace motcua::ui
