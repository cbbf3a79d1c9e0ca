#include "labels.h"

#include <domain/workcalendar.h>

namespace motcua::ui {

using domain::ActionType;
using domain::Stage;
using services::QueueId;

QString Labels::stage(Stage s)
{
    switch (s) {
    case Stage::AwaitingIntake:
        return tr("Awaiting intake");
    case Stage::Received:
        return tr("Received");
    case Stage::SupplementRequested:
        return tr("Supplement requested");
    case Stage::Withdrawn:
        return tr("Withdrawn");
    case Stage::Refused:
        return tr("Refused");
    case Stage::AwaitingAssignment:
        return tr("Awaiting assignment");
    case Stage::InAppraisal:
        return tr("In appraisal");
    case Stage::Consulting:
        return tr("Consulting other agencies");
    case Stage::AwaitingApproval:
        return tr("Awaiting approval");
    case Stage::Approved:
        return tr("Approved");
    case Stage::Rejected:
        return tr("Not resolved");
    case Stage::StoppedOnRequest:
        return tr("Stopped on request");
    case Stage::ResultReady:
        return tr("Result ready for return");
    case Stage::ResultReturned:
        return tr("Result returned");
    }
    return {};
}

QString Labels::status(domain::Status s)
{
    using domain::Status;
    switch (s) {
    case Status::AwaitingIntake:
        return tr("Awaiting intake");
    case Status::Accepted:
        return tr("Accepted");
    case Status::SupplementRequested:
        return tr("Supplement requested");
    case Status::Returned:
        return tr("Returned");
    case Status::Stopped:
        return tr("Stopped");
    case Status::InProgress:
        return tr("In progress");
    case Status::Done:
        return tr("Done");
    }
    return {};
}

QString Labels::channel(domain::Channel c)
{
    using domain::Channel;
    switch (c) {
    case Channel::NationalPortal:
        return tr("National public service portal");
    case Channel::Counter:
        return tr("In person at the counter");
    case Channel::PublicPost:
        return tr("Public postal service");
    case Channel::HiredProvider:
        return tr("Hired service provider");
    case Channel::AuthorisedRepresentative:
        return tr("Authorised representative");
    case Channel::Mobile:
        return tr("Mobile or on-site intake");
    }
    return {};
}

QString Labels::action(ActionType t)
{
    switch (t) {
    case ActionType::SubmitOnline:
        return tr("Submitted online");
    case ActionType::Receive:
        return tr("Accept (receive)");
    case ActionType::RequestSupplement:
        return tr("Request supplement");
    case ActionType::RecordSupplement:
        return tr("Record supplement");
    case ActionType::Refuse:
        return tr("Refuse");
    case ActionType::Withdraw:
        return tr("Withdraw");
    case ActionType::Transfer:
        return tr("Pass on");
    case ActionType::Assign:
        return tr("Assign");
    case ActionType::Reassign:
        return tr("Reassign");
    case ActionType::Consult:
        return tr("Consult");
    case ActionType::RecordOpinion:
        return tr("Record opinion");
    case ActionType::SubmitForApproval:
        return tr("Submit for approval");
    case ActionType::SendBack:
        return tr("Send back");
    case ActionType::Approve:
        return tr("Approve");
    case ActionType::Reject:
        return tr("Reject");
    case ActionType::Sign:
        return tr("Sign");
    case ActionType::Extend:
        return tr("Extend");
    case ActionType::Stop:
        return tr("Stop");
    case ActionType::Complete:
        return tr("Receive result");
    case ActionType::ReturnResult:
        return tr("Return result");
    case ActionType::RecordPrint:
        return tr("Print slip");
    }
    return {};
}

QString Labels::role(domain::Role r)
{
    using domain::Role;
    switch (r) {
    case Role::Admin:
        return tr("Administrator");
    case Role::Counter:
        return tr("Counter officer");
    case Role::Appraiser:
        return tr("Appraiser");
    case Role::Head:
        return tr("Department head");
    case Role::Leader:
        return tr("Unit leader");
    case Role::Controller:
        return tr("Procedure controller");
    case Role::Archivist:
        return tr("Archivist");
    }
    return {};
}

QString Labels::queue(QueueId id)
{
    switch (id) {
    case QueueId::CounterAwaitingIntake:
        return tr("Awaiting intake");
    case QueueId::CounterAwaitingSupplement:
        return tr("Awaiting supplement");
    case QueueId::CounterAwaitingReturn:
        return tr("Awaiting return");
    case QueueId::CounterSupplemented:
        return tr("Supplemented, awaiting intake");
    case QueueId::CounterInProgress:
        return tr("In progress");
    case QueueId::CounterRefused:
        return tr("Refused");
    case QueueId::CounterNearlyDue:
        return tr("Nearly due");
    case QueueId::CounterAll:
        return tr("All dossiers");
    case QueueId::AppraisalOnTime:
        return tr("Being appraised, on time");
    case QueueId::AppraisalOverdue:
        return tr("Being appraised, overdue");
    case QueueId::AppraiserSupplement:
        return tr("Awaiting supplement");
    case QueueId::AppraiserSubmitted:
        return tr("Submitted for signing");
    case QueueId::AssignmentOnTime:
        return tr("Awaiting assignment, on time");
    case QueueId::AssignmentOverdue:
        return tr("Awaiting assignment, overdue");
    case QueueId::HeadAwaitingApproval:
        return tr("Awaiting approval");
    case QueueId::HeadAwaitingLeader:
        return tr("Awaiting the unit leader's signature");
    case QueueId::HeadTakenPart:
        return tr("Taken part in");
    case QueueId::LeaderAwaitingApproval:
        return tr("Awaiting approval");
    case QueueId::AppraiserSupplemented:
        return tr("Supplemented, awaiting processing");
    case QueueId::AppraiserTakenPart:
        return tr("Dossiers I took part in");
    case QueueId::SignedByMe:
        return tr("Signed and approved");
    case QueueId::RejectedByMe:
        return tr("Returned with directions");
    case QueueId::CounterNotYetReturned:
        return tr("Not yet returned (originals missing)");
    case QueueId::CounterResultReturned:
        return tr("Result returned");
    }
    return {};
}

QString Labels::date(const QDate &d)
{
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString Labels::dateTime(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    return domain::toVietnamTime(at).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

} // namespace motcua::ui
