#pragma once

// The work queues (R20 counts, R12.2 portal dossiers, R13 supplements): the list of the officer's
// queues on the left, the paged dossier table on the right, and the counter's actions on the
// selected dossier in a toolbar, each with its shortcut (enabled only when allowed now).
#include <QWidget>

#include <services/queues.h>

class QListWidget;
class QTableView;
class QLabel;
class QLineEdit;
class QTimer;
class QAction;

namespace motcua::services {
class Workstation;
}

namespace motcua::ui {

class ActionRunner;
class DossierTableModel;

class QueuesPage : public QWidget
{
    Q_OBJECT
public:
    QueuesPage(services::Workstation &workstation, ActionRunner &runner, QWidget *parent = nullptr);

    void showQueue(services::QueueId id);
    [[nodiscard]] DossierTableModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }

Q_SIGNALS:
    void dossierRequested(const QUuid &id);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateActions();
    std::optional<domain::Dossier> selected() const;
    QList<domain::Dossier> selectedDossiers() const;

    services::Workstation &m_ws;
    ActionRunner &m_runner;
    QListWidget *m_queues;
    QTableView *m_table;
    DossierTableModel *m_model;
    QLabel *m_title;
    QLineEdit *m_filter;
    QTimer *m_filterDelay;
    QHash<int, QAction *> m_actions;
    QHash<int, QAction *> m_batchActions;
    QAction *m_signResults = nullptr;
    bool m_stale = false; // the list is (re)read when the section is next shown
};

} // namespace motcua::ui
