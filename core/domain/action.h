#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace motcua::domain {

// The only ways a dossier changes (ARCHITECTURE.md, Domain → Action).
enum class ActionType {
    SubmitOnline,      // a dossier arrives from the national portal, awaiting intake (R12.2)
    Receive,           // the counter accepts the dossier (R12)
    RequestSupplement, // counter or handler asks the applicant to supplement (R12.2d, R15.8)
    RecordSupplement,  // the applicant's supplement is received; the deadline restarts (R13, R15.8)
    Refuse,            // the counter refuses intake (R12.2c)
    Withdraw,      // the applicant withdraws; the dossier is handed back (R04.1 "Đã trả lại")
    Transfer,      // to the competent agency or another department (R12.3c, R06)
    Assign,        // a head assigns an appraiser (R14.1)
    Reassign,      // a head reassigns, or takes the dossier over (R14.2)
    Consult,       // the handler asks other agencies for opinions (R15.9a)
    RecordOpinion, // an answer to a consultation (R15.9b)
    SubmitForApproval, // the handler submits the draft result (R15.11)
    SendBack,          // the approver sends the draft back for rework (R16.1)
    Approve,           // a sign-off; the final one approves the result (R16.2)
    Reject,            // not resolved after appraisal or at approval, with the reason (R16.4)
    Sign,              // a digital signature on a component or result (R10)
    Extend,            // the processing time is extended (R15.5)
    Stop,              // stopped at the applicant's request (R17)
    Complete,          // the counter receives the finished result for return (R18.2)
    ReturnResult,      // the result is handed to the applicant (R18.4–R18.6)
    RecordPrint,       // a slip printed or exported for the dossier (R19, issue 5 item 8); in every
                 // stage, no change of stage, handler or deadline
};

const QList<ActionType> &allActionTypes();
QString actionTypeKey(ActionType type); // "receive", "request-supplement", …
std::optional<ActionType> actionTypeFromKey(const QString &key);
QString actionTypeName(ActionType type); // Vietnamese: "Tiếp nhận hồ sơ"

// One action as made on a device. The server adds the sequence number when it accepts it.
struct Action
{
    QUuid id; // idempotency key
    QUuid dossierId;
    ActionType type = ActionType::Receive;
    QString actorId; // officer id
    QString deviceId;
    qint64 deviceSeq = 0; // per device, increasing: the order a device made its actions
    QDateTime deviceTime; // recorded, never trusted for ordering
    int baseVersion = 0;  // the dossier version the action was made against
    QJsonObject payload;  // type-specific data (see engine.cpp for each type's fields)

    bool operator==(const Action &) const = default;
};

} // namespace motcua::domain
