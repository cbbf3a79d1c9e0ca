#pragma once

// Actions the server rejected (ARCHITECTURE: never silently dropped): the dossier, the action, the
// server's reason; Redo (make the same action again on the dossier as it now stands) or Discard.
#include <QWidget>

class QStandardItemModel;
class QTableView;
class QLabel;

namespace motcua::services {
class Workstation;
}

namespace motcua::ui {

class ConflictsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConflictsPanel(services::Workstation &workstation, QWidget *parent = nullptr);
    void refresh();
    bool redo(int row);
    bool discard(int row);

private:
    services::Workstation &m_ws;
    QStandardItemModel *m_model;
    QTableView *m_table;
    QLabel *m_message;
};

} // namespace motcua::ui
