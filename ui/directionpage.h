#pragma once

// The direction view (R27.4) for leaders and heads: totals (in progress, overdue, nearly due), the
// departments and officers holding overdue work, and every dossier in progress with where it is,
// the steps passed and its lateness. Enter opens a dossier.
#include <QWidget>

#include <services/direction.h>

class QLabel;
class QTreeWidget;

namespace motcua::services {
class Workstation;
}

namespace motcua::ui {

class DirectionPage : public QWidget
{
    Q_OBJECT
public:
    explicit DirectionPage(services::Workstation &workstation, QWidget *parent = nullptr);
    void refresh();
    [[nodiscard]] const services::DirectionReport &report() const { return m_report; }

Q_SIGNALS:
    void dossierRequested(const QUuid &id);

private:
    services::Workstation &m_ws;
    services::DirectionReport m_report;
    QLabel *m_totals;
    QTreeWidget *m_departments;
    QTreeWidget *m_officers;
    QTreeWidget *m_dossiers;
};

} // namespace motcua::ui
