#pragma once

// Doing an action on a dossier from any screen: asks what the action needs (a reason; the content
// and guidance of a supplement request, stated once — R12.2d; where to pass the dossier on), then
// records it through services::DossierActions. Bad input is refused at the field, nothing stored.
#include <QObject>

#include <domain/action.h>
#include <domain/entities.h>
#include <services/dossieractions.h>

class QWidget;

namespace motcua::ui {

class ActionRunner : public QObject
{
    Q_OBJECT
public:
    ActionRunner(services::Workstation &workstation, QWidget *parentWindow);

    [[nodiscard]] QList<domain::ActionType> allowedNow(const domain::Dossier &d) const
    {
        return m_actions.allowedNow(d);
    }
    // The actions the counter screens offer, in toolbar order, with their shortcuts.
    static QList<domain::ActionType> counterActions();
    static QKeySequence shortcutFor(domain::ActionType type);
    // The actions this screen can ask the details of (the others belong to later screens:
    // assignment, appraisal, approval, return of results).
    static bool isSupported(domain::ActionType type);
    // True when the action was recorded.
    bool run(const domain::Dossier &dossier, domain::ActionType type);

Q_SIGNALS:
    void done(const motcua::domain::Dossier &dossier, const QString &message);
    void failed(const QString &message);

private:
    services::Workstation &m_ws;
    services::DossierActions m_actions;
    QWidget *m_window;
};

} // namespace motcua::ui
