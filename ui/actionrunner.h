#pragma once

// Doing an action on a dossier from any screen: asks what the action needs (a reason; the content
// and guidance of a supplement request, stated once — R12.2d; where to pass the dossier on), then
// records it through services::DossierActions. Bad input is refused at the field, nothing stored.
#include "scan/scandialog.h"

#include <QObject>

#include <domain/action.h>
#include <domain/entities.h>
#include <services/dossieractions.h>

class QWidget;

namespace motcua::services {
class ReceiptPrinter;
}

namespace motcua::ui {
class SignDialog;
class SigningSession;
namespace processing {
class BatchDialog;
}

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
    // The processing actions (assignment, appraisal, approval, return: ui/processing).
    static QList<domain::ActionType> processingActions();
    static QKeySequence shortcutFor(domain::ActionType type);
    // The actions a form exists for (Sign belongs to the signing screens).
    static bool isSupported(domain::ActionType type);
    // True when the action was recorded.
    bool run(const domain::Dossier &dossier, domain::ActionType type);
    // Records `type` with `payload` without asking (batch work, tests).
    domain::Result<domain::Dossier> perform(const domain::Dossier &dossier, domain::ActionType type,
                                            const QJsonObject &payload);
    // Batch work (R14.4, R15.13, R16.3): asks the payload once, then runs it on every dossier in
    // a BatchDialog (progress, per-dossier result) that it returns, already started; nullptr
    // when cancelled.
    static QList<domain::ActionType> batchActions();
    static QKeySequence batchShortcutFor(domain::ActionType type);
    processing::BatchDialog *runBatch(const QList<domain::Dossier> &dossiers,
                                      domain::ActionType type);
    // The slips printed after an action (extension slip, stop notice); none when unset.
    void setSlipPrinter(services::ReceiptPrinter *printer) { m_printer = printer; }
    // How a received supplement is scanned and signed (SupplementDialog): the officer's token
    // session, and where scan sessions live and which scanner driver (tests).
    void setSigningSession(SigningSession *session) { m_signing = session; }
    [[nodiscard]] bool canSign() const { return m_signing != nullptr; }
    // Signs the newest result document of each dossier with one login (R14.4, R15.13, R16.3):
    // the signing dialog, shown (the dossiers left out named in it), or nullptr when there is
    // nothing to sign; `leftOut` gets the reasons.
    SignDialog *signResults(const QList<domain::Dossier> &dossiers, QStringList *leftOut = nullptr);
    void setScanSetup(ScanSetup setup) { m_scanSetup = std::move(setup); }

Q_SIGNALS:
    void done(const motcua::domain::Dossier &dossier, const QString &message);
    void failed(const QString &message);

private:
    bool runProcessing(const domain::Dossier &dossier, domain::ActionType type);
    domain::Result<domain::Dossier> runSupplement(const domain::Dossier &dossier, bool *cancelled);
    void afterAction(const domain::Dossier &dossier, domain::ActionType type);

    services::Workstation &m_ws;
    services::ReceiptPrinter *m_printer = nullptr;
    SigningSession *m_signing = nullptr;
    ScanSetup m_scanSetup;
    services::DossierActions m_actions;
    QWidget *m_window;
};

} // namespace motcua::ui
