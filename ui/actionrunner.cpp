#include "actionrunner.h"

#include "labels.h"
#include "processing/actiondialogs.h"
#include "processing/batchdialog.h"
#include "signing/signdialog.h"
#include "supplementdialog.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

#include <services/receiptprinter.h>
#include <services/workstation.h>

namespace motcua::ui {

using domain::ActionType;

namespace {

// A small form: a reason, optionally a content/guidance box, optionally an agency. Each required
// box shows its message below it when left empty.
struct ActionForm
{
    QDialog dialog;
    QPlainTextEdit *reason = nullptr;
    QPlainTextEdit *content = nullptr;
    QComboBox *agency = nullptr;
    QLabel *error = new QLabel;
};

} // namespace

ActionRunner::ActionRunner(services::Workstation &workstation, QWidget *parentWindow)
    : QObject(parentWindow)
    , m_ws(workstation)
    , m_actions(workstation)
    , m_window(parentWindow)
{}

QList<ActionType> ActionRunner::counterActions()
{
    return {ActionType::Receive, ActionType::RequestSupplement, ActionType::RecordSupplement,
            ActionType::Refuse,  ActionType::Transfer,          ActionType::Withdraw,
            ActionType::Stop};
}

QKeySequence ActionRunner::shortcutFor(ActionType type)
{
    switch (type) {
    case ActionType::Receive:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A);
    case ActionType::RequestSupplement:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B);
    case ActionType::RecordSupplement:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
    case ActionType::Refuse:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    case ActionType::Transfer:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P);
    case ActionType::Withdraw:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W);
    case ActionType::Stop:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    case ActionType::Assign:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G);
    case ActionType::Reassign:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H);
    case ActionType::Consult:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K);
    case ActionType::RecordOpinion:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y);
    case ActionType::SubmitForApproval:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I);
    case ActionType::SendBack:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L);
    case ActionType::Approve:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D);
    case ActionType::Reject:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J);
    case ActionType::Extend:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    case ActionType::Complete:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M);
    case ActionType::ReturnResult:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N);
    default:
        return {};
    }
}

QList<ActionType> ActionRunner::processingActions()
{
    return processing::processingActions();
}

bool ActionRunner::isSupported(ActionType type)
{
    return counterActions().contains(type) || processingActions().contains(type);
}

domain::Result<domain::Dossier> ActionRunner::perform(const domain::Dossier &d, ActionType type,
                                                      const QJsonObject &payload)
{
    return m_actions.perform(d, type, payload);
}

bool ActionRunner::runProcessing(const domain::Dossier &d, ActionType type)
{
    auto dialog = processing::dialogFor(type, d, m_ws, m_window);
    if (!dialog)
        return false;
    dialog->setObjectName(QStringLiteral("dialog_") + domain::actionTypeKey(type));
    dialog->setSubmit([this, d, type](const QJsonObject &payload) {
        return m_actions.perform(d, type, payload);
    });
    if (dialog->exec() != QDialog::Accepted || !dialog->result())
        return false;
    const domain::Dossier after = *dialog->result();
    afterAction(after, type);
    Q_EMIT done(after, tr("%1: %2 — done, waiting to sync.").arg(Labels::action(type), after.code));
    return true;
}

QList<ActionType> ActionRunner::batchActions()
{
    return {ActionType::Assign, ActionType::Approve, ActionType::Complete,
            ActionType::ReturnResult};
}

QKeySequence ActionRunner::batchShortcutFor(ActionType type)
{
    switch (type) {
    case ActionType::Assign:
        return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G);
    case ActionType::Approve:
        return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D);
    case ActionType::Complete:
        return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M);
    case ActionType::ReturnResult:
        return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N);
    default:
        return {};
    }
}

processing::BatchDialog *ActionRunner::runBatch(const QList<domain::Dossier> &dossiers,
                                                ActionType type)
{
    if (dossiers.isEmpty() || !batchActions().contains(type))
        return nullptr;
    // One form for all: its checks apply; the engine judges each dossier on its own.
    auto form = processing::dialogFor(type, dossiers.first(), m_ws, m_window);
    if (!form)
        return nullptr;
    form->setObjectName(QStringLiteral("dialog_") + domain::actionTypeKey(type));
    form->setWindowTitle(
        tr("%1 — %n dossier(s)", nullptr, int(dossiers.size())).arg(Labels::action(type)));
    if (form->exec() != QDialog::Accepted)
        return nullptr;
    const QJsonObject payload = form->payload();
    const auto payloadFor = [payload, type](const domain::Dossier &d) {
        QJsonObject p = payload;
        // Returned to each applicant in person: each dossier's own applicant signs for it.
        if (type == ActionType::ReturnResult
            && p.value(QStringLiteral("recipientRelation")).toString() == QStringLiteral("self"))
            p.insert(QStringLiteral("recipientName"), d.applicant.fullName);
        return p;
    };
    auto *batch = new processing::BatchDialog(
        type, dossiers, payloadFor,
        [this, type](const domain::Dossier &d, const QJsonObject &p) {
            // The dossier as it stands now (an earlier item may have been this one).
            auto current = m_ws.cache().dossier(d.id);
            if (!current)
                return domain::Result<domain::Dossier>(current.error());
            auto done = m_actions.perform(current->value_or(d), type, p);
            if (done)
                afterAction(done.value(), type);
            return done;
        },
        m_window);
    batch->setAttribute(Qt::WA_DeleteOnClose);
    connect(batch, &processing::BatchDialog::finished, this, [this, batch, type] {
        Q_EMIT done(domain::Dossier{},
                    tr("%1: %2 dossier(s) done, waiting to sync.")
                        .arg(Labels::action(type))
                        .arg(batch->succeeded()));
    });
    batch->show();
    batch->start();
    return batch;
}

// The slip that goes with the action (R19): the extension request slip, the notice of stopping
// (form 05). The action stays recorded when printing fails; the officer is told.
void ActionRunner::afterAction(const domain::Dossier &d, ActionType type)
{
    QString kind;
    if (type == ActionType::Extend)
        kind = QStringLiteral("extension-request");
    else if (type == ActionType::Stop)
        kind = QStringLiteral("stop-notice");
    if (kind.isEmpty() || !m_printer || !m_printer->isAvailable())
        return;
    if (auto printed = m_printer->printSlip(kind, d); !printed)
        Q_EMIT failed(printed.error().message);
}

// A supplement arrives (R12.2d): what came, its files and scans, and a note; recorded in one
// transaction when the officer confirms.
SignDialog *ActionRunner::signResults(const QList<domain::Dossier> &dossiers, QStringList *leftOut)
{
    QStringList reasons;
    const QList<SignTarget> targets
        = SignBatch::newestResults(dossiers, m_ws.officer(), m_ws.directory(), &reasons);
    if (leftOut)
        *leftOut = reasons;
    if (!m_signing || targets.isEmpty())
        return nullptr;
    auto *dialog = new SignDialog(m_ws, *m_signing, targets, m_window);
    dialog->setObjectName(QStringLiteral("dialog_sign_results"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Sign the results of %n dossier(s)", nullptr, int(targets.size())));
    dialog->setLeftOut(reasons);
    dialog->show();
    return dialog;
}

domain::Result<domain::Dossier> ActionRunner::runSupplement(const domain::Dossier &d,
                                                            bool *cancelled)
{
    SupplementDialog dialog(d, m_ws.directory(), m_scanSetup, m_signing, m_window);
    if (dialog.exec() != QDialog::Accepted) {
        *cancelled = true;
        return domain::makeError({}, {});
    }
    return m_actions.recordSupplement(d, dialog.note(), dialog.arrived());
}

bool ActionRunner::run(const domain::Dossier &d, ActionType type)
{
    if (processing::hasDialog(type, d))
        return runProcessing(d, type);
    const bool needsReason = type == ActionType::Refuse || type == ActionType::RequestSupplement
        || type == ActionType::Stop;
    const bool needsContent = type == ActionType::RequestSupplement;
    const bool needsAgency = type == ActionType::Transfer;
    const bool note = type == ActionType::Withdraw;
    domain::Result<domain::Dossier> result = domain::makeError({}, {});
    if (needsReason || needsAgency || note) {
        ActionForm f;
        f.dialog.setParent(m_window, Qt::Dialog);
        f.dialog.setWindowTitle(QStringLiteral("%1 — %2").arg(Labels::action(type), d.code));
        auto *form = new QFormLayout(&f.dialog);
        if (needsAgency) {
            f.agency = new QComboBox;
            f.agency->setObjectName(QStringLiteral("actionAgency"));
            const auto proc = m_ws.directory().procedure(d.procedureCode);
            const QString competent
                = proc && !proc->agencyCode.isEmpty() ? proc->agencyCode : d.agencyCode;
            if (auto a = m_ws.directory().agency(competent))
                f.agency->addItem(a->name, a->code);
            form->addRow(tr("Pass on &to:"), f.agency);
        }
        f.reason = new QPlainTextEdit;
        f.reason->setObjectName(QStringLiteral("actionReason"));
        f.reason->setTabChangesFocus(true);
        form->addRow(needsReason ? tr("&Reason:") : tr("&Note:"), f.reason);
        if (needsContent) {
            f.content = new QPlainTextEdit;
            f.content->setObjectName(QStringLiteral("actionContent"));
            f.content->setTabChangesFocus(true);
            form->addRow(tr("What to supplement, with &guidance:"), f.content);
        }
        f.error->setProperty("fieldError", true);
        f.error->setWordWrap(true);
        form->addRow(f.error);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        buttons->button(QDialogButtonBox::Ok)->setText(Labels::action(type));
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::rejected, &f.dialog, &QDialog::reject);
        connect(buttons, &QDialogButtonBox::accepted, &f.dialog, [&] {
            if (needsReason && f.reason->toPlainText().trimmed().isEmpty()) {
                f.error->setText(QString::fromUtf8("Hãy nêu rõ lý do."));
                f.reason->setFocus();
                return;
            }
            if (needsContent && f.content->toPlainText().trimmed().isEmpty()) {
                f.error->setText(QString::fromUtf8(
                    "Hãy nêu đầy đủ nội dung cần bổ sung và hướng dẫn cụ thể (nêu một lần)."));
                f.content->setFocus();
                return;
            }
            f.dialog.accept();
        });
        if (f.dialog.exec() != QDialog::Accepted)
            return false;
        const QString reason = f.reason->toPlainText();
        switch (type) {
        case ActionType::Refuse:
            result = m_actions.refuse(d, reason);
            break;
        case ActionType::RequestSupplement:
            result = m_actions.requestSupplement(d, reason, f.content->toPlainText());
            break;
        case ActionType::Withdraw:
        case ActionType::Stop: {
            QJsonObject payload;
            if (!reason.trimmed().isEmpty())
                payload.insert(QStringLiteral("reason"), reason.trimmed());
            result = m_actions.perform(d, type, payload);
            break;
        }
        case ActionType::Transfer:
            result = m_actions.passOn(d, f.agency->currentData().toString(), {}, reason);
            break;
        default:
            break;
        }
    } else if (type == ActionType::RecordSupplement) {
        bool cancelled = false;
        result = runSupplement(d, &cancelled);
        if (cancelled)
            return false;
    } else if (type == ActionType::Receive) {
        result = m_actions.acceptPortalDossier(d);
    } else {
        result = m_actions.perform(d, type);
    }
    if (!result) {
        Q_EMIT failed(result.error().message);
        return false;
    }
    afterAction(result.value(), type);
    Q_EMIT done(result.value(),
                tr("%1: %2 — done, waiting to sync.").arg(Labels::action(type), result->code));
    return true;
}

} // namespace motcua::ui
