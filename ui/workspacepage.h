#pragma once

// The officer's workspace (R20): one tile per queue of the officer's roles with its count
// (R20.1–R20.4), each opening its queue (Alt+1…Alt+9), and the reminders (R20.5): overdue work and
// newly arrived work, in an in-app list and as a desktop notification.
#include <QHash>
#include <QWidget>

#include <services/queues.h>

class QGridLayout;
class QListWidget;
class QToolButton;

namespace motcua::services {
class Workstation;
}

namespace motcua::ui {

class Notifier;

class WorkspacePage : public QWidget
{
    Q_OBJECT
public:
    WorkspacePage(services::Workstation &workstation, Notifier *notifier,
                  QWidget *parent = nullptr);

    // Counts every queue again (after a local action, a pull, or every minute).
    void refresh();
    [[nodiscard]] qint64 count(services::QueueId id) const { return m_counts.value(int(id), -1); }
    [[nodiscard]] QStringList reminders() const;

Q_SIGNALS:
    void queueRequested(motcua::services::QueueId id);

private:
    void rebuildTiles();
    void remind(const QHash<int, qint64> &before);

    services::Workstation &m_ws;
    Notifier *m_notifier;
    QGridLayout *m_grid;
    QListWidget *m_reminders;
    QHash<int, QToolButton *> m_tiles;
    QHash<int, qint64> m_counts;
    bool m_first = true;
};

} // namespace motcua::ui
