#pragma once

// Batch work (R14.4, R15.13, R16.3): one action with one payload on several dossiers — assign,
// approve, return — with a progress bar, Cancel, and a result per dossier (done, or the engine's
// reason it was refused). Each dossier is its own action and transaction: one refusal does not
// undo the others.
#include <QDialog>
#include <QJsonObject>

#include <domain/action.h>
#include <domain/entities.h>
#include <domain/result.h>

#include <functional>

class QProgressBar;
class QTreeWidget;
class QPushButton;
class QLabel;

namespace motcua::ui::processing {

class BatchDialog : public QDialog
{
    Q_OBJECT
public:
    // `perform` records the action on one dossier with the payload made for it by `payloadFor`.
    using Perform = std::function<domain::Result<domain::Dossier>(const domain::Dossier &,
                                                                  const QJsonObject &)>;
    using PayloadFor = std::function<QJsonObject(const domain::Dossier &)>;
    BatchDialog(domain::ActionType type, QList<domain::Dossier> dossiers, PayloadFor payloadFor,
                Perform perform, QWidget *parent = nullptr);

    // Starts (one dossier per turn of the event loop, so Cancel and the bar stay live).
    void start();
    [[nodiscard]] bool isFinished() const { return m_next >= m_dossiers.size() || m_cancelled; }
    [[nodiscard]] int succeeded() const { return m_succeeded; }
    // "code: outcome" per dossier, in order.
    [[nodiscard]] QStringList outcomes() const;

Q_SIGNALS:
    void finished();

private:
    void step();

    domain::ActionType m_type;
    QList<domain::Dossier> m_dossiers;
    PayloadFor m_payloadFor;
    Perform m_perform;
    int m_next = 0;
    int m_succeeded = 0;
    bool m_cancelled = false;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QTreeWidget *m_results;
    QPushButton *m_cancel;
    QPushButton *m_close;
};

} // namespace motcua::ui::processing
