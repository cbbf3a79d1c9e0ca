#include "actiondialogs.h"

#include "approvedialog.h"
#include "assigndialog.h"
#include "consultdialog.h"
#include "extenddialog.h"
#include "labels.h"
#include "opiniondialog.h"
#include "reasondialog.h"
#include "returndialog.h"
#include "transferdialog.h"

#include <QCoreApplication>

#include <services/workstation.h>

#include <algorithm>

namespace motcua::ui::processing {

using domain::ActionType;

const QList<ActionType> &processingActions()
{
    static const QList<ActionType> list{ActionType::Assign,
                                        ActionType::Reassign,
                                        ActionType::Consult,
                                        ActionType::RecordOpinion,
                                        ActionType::SubmitForApproval,
                                        ActionType::SendBack,
                                        ActionType::Approve,
                                        ActionType::Reject,
                                        ActionType::Extend,
                                        ActionType::Complete,
                                        ActionType::ReturnResult};
    return list;
}

namespace {

bool atCounter(const domain::Dossier &d)
{
    return d.stage == domain::Stage::AwaitingIntake || d.stage == domain::Stage::Received
        || d.stage == domain::Stage::SupplementRequested;
}

} // namespace

bool hasDialog(ActionType type, const domain::Dossier &d)
{
    return processingActions().contains(type) || (type == ActionType::Transfer && !atCounter(d));
}

std::unique_ptr<ActionDialog> dialogFor(ActionType type, const domain::Dossier &d,
                                        const services::Workstation &ws, QWidget *parent)
{
    const QString title = QStringLiteral("%1 — %2").arg(Labels::action(type), d.code);
    const QString ok = Labels::action(type);
    switch (type) {
    case ActionType::Transfer: {
        if (atCounter(d))
            return nullptr;
        QList<domain::Agency> agencies;
        for (const QString &code : {d.handlingAgencyCode, ws.officer().agencyCode, d.agencyCode}) {
            const auto a = ws.directory().agency(code);
            if (a && std::none_of(agencies.cbegin(), agencies.cend(), [&](const auto &x) {
                    return x.code == a->code;
                }))
                agencies.append(*a);
        }
        return std::make_unique<TransferDialog>(title, ok, agencies, parent);
    }
    case ActionType::Assign:
    case ActionType::Reassign:
        return std::make_unique<AssignDialog>(title, ok, d, ws.officers(), parent);
    case ActionType::Consult:
        return std::make_unique<ConsultDialog>(title, ok, services::Workstation::now().date(),
                                               parent);
    case ActionType::RecordOpinion:
        return std::make_unique<OpinionDialog>(title, ok, d, parent);
    case ActionType::SubmitForApproval:
        return std::make_unique<ReasonDialog>(
            title, ok,
            ReasonDialog::Spec{QCoreApplication::translate("ActionDialogs", "Draft result, &note:"),
                               QStringLiteral("note")},
            parent);
    case ActionType::SendBack:
        return std::make_unique<ReasonDialog>(
            title, ok,
            ReasonDialog::Spec{QCoreApplication::translate("ActionDialogs", "What to &rework:"),
                               QStringLiteral("reason"),
                               QString::fromUtf8("Hãy nêu nội dung cần xử lý lại.")},
            parent);
    case ActionType::Approve:
        return std::make_unique<ApproveDialog>(title, ok, d, parent);
    case ActionType::Reject:
        return std::make_unique<ReasonDialog>(
            title, ok,
            ReasonDialog::Spec{
                QCoreApplication::translate("ActionDialogs", "&Reason and directions:"),
                QStringLiteral("reason"),
                QString::fromUtf8("Hãy nêu lý do không giải quyết và hướng dẫn "
                                  "người nộp hồ sơ.")},
            parent);
    case ActionType::Extend:
        return std::make_unique<ExtendDialog>(
            title, ok, d, ws.directory().calendar(d.handlingAgencyCode), parent);
    case ActionType::Complete:
        return std::make_unique<ReasonDialog>(
            title, ok,
            ReasonDialog::Spec{QCoreApplication::translate("ActionDialogs", "&Note:"),
                               QStringLiteral("note")},
            parent);
    case ActionType::ReturnResult: {
        qint64 fees = 0;
        if (const auto p = ws.directory().procedure(d.procedureCode)) {
            for (const auto &f : p->fees)
                fees += f.amountVnd;
        }
        return std::make_unique<ReturnDialog>(title, ok, d, fees, parent);
    }
    default:
        return nullptr;
    }
}

} // namespace motcua::ui::processing
