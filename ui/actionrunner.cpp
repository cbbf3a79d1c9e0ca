#include "actionrunner.h"

#include "labels.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

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
    default:
        return {};
    }
}

bool ActionRunner::isSupported(ActionType type)
{
    return counterActions().contains(type);
}

bool ActionRunner::run(const domain::Dossier &d, ActionType type)
{
    const bool needsReason = type == ActionType::Refuse || type == ActionType::RequestSupplement
        || type == ActionType::Stop;
    const bool needsContent = type == ActionType::RequestSupplement;
    const bool needsAgency = type == ActionType::Transfer;
    const bool note = type == ActionType::RecordSupplement || type == ActionType::Withdraw;
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
        case ActionType::RecordSupplement:
            result = m_actions.recordSupplement(d, reason);
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
    } else if (type == ActionType::Receive) {
        result = m_actions.acceptPortalDossier(d);
    } else {
        result = m_actions.perform(d, type);
    }
    if (!result) {
        Q_EMIT failed(result.error().message);
        return false;
    }
    Q_EMIT done(result.value(),
                tr("%1: %2 — done, waiting to sync.").arg(Labels::action(type), result->code));
    return true;
}

} // namespace motcua::ui
