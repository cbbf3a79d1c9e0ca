#pragma once

// The sync state in the status bar, always visible: online/offline, pending actions, last
// successful sync, what is being received during a long pull, and a link to stuck items and
// conflicts (services::SyncStatus).
#include <QWidget>

class QLabel;

namespace motcua::services {
class SyncStatus;
}

namespace motcua::ui {

class SyncStatusBar : public QWidget
{
    Q_OBJECT
public:
    SyncStatusBar(services::SyncStatus &status, QWidget *parent = nullptr);
    void refresh();

Q_SIGNALS:
    void conflictsRequested();

private:
    services::SyncStatus &m_status;
    QLabel *m_connection;
    QLabel *m_pending;
    QLabel *m_lastSync;
    QLabel *m_receiving;
    QLabel *m_problems;
};

} // namespace motcua::ui
