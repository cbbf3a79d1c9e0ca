#pragma once

#include "roles.h"
#include "status.h"
#include "workcalendar.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTime>
#include <QUuid>

#include <optional>

namespace motcua::domain {

// ---- Organisation --------------------------------------------------------------------------

// How the dossier came in (R12.3b).
enum class Channel {
    NationalPortal,
    Counter,
    PublicPost,
    HiredProvider,
    AuthorisedRepresentative,
    Mobile
};
QString channelKey(Channel channel);
QString channelName(Channel channel); // Vietnamese
std::optional<Channel> channelFromKey(const QString &key);
const QList<Channel> &allChannels();

struct Department
{
    QString id;   // unique within the agency, e.g. "VP", "QLĐĐ"
    QString name; // "Phòng Quản lý đất đai"
    bool operator==(const Department &) const = default;
};

enum class AgencyKind {
    Ministry,
    Province,
    ServiceCentre,
    ProvincialDepartment,
    Commune,
    Board
};
QString agencyKindKey(AgencyKind kind);
std::optional<AgencyKind> agencyKindFromKey(const QString &key);

struct Agency
{
    QString code; // national agency code, "000.17.22.H56"
    QString name;
    QString parentCode; // empty for the top
    AgencyKind kind = AgencyKind::ProvincialDepartment;
    QList<Department> departments;
    QString codePattern;          // dossier code pattern; empty = the national default
    QList<Channel> channels = {}; // intake channels it accepts (R12.3b); empty: every channel
    bool operator==(const Agency &) const = default;
};

struct Officer
{
    QString id; // stable account id
    QString username;
    QString fullName;
    QString title; // "Chuyên viên", "Trưởng phòng"
    QString agencyCode;
    QString departmentId;
    QList<Role> roles;
    // Workflow steps this officer may work at besides those its step's assignee names (R01.2c,
    // "per person"): a step id ("tham-dinh", in every workflow) or "workflowId/stepId".
    QStringList stepPermissions;
    // The groups the officer belongs to and the access rights they grant (R01.2b). The server
    // fills both from its groups whenever it reads an account and ignores them when one is
    // written: membership is edited on the group.
    QStringList groupIds;
    QList<Role> groupRoles;
    bool active = true;

    // The officer's own roles or one granted by a group.
    [[nodiscard]] bool hasRole(Role role) const
    {
        return roles.contains(role) || groupRoles.contains(role);
    }
    // Own roles first, then those only a group grants.
    [[nodiscard]] QList<Role> effectiveRoles() const;
    bool operator==(const Officer &) const = default;
};

// A group of officers of one agency (R01.2b): a team ("Tổ thẩm định đất đai") that workflow steps
// are given to (R01.2c, "per group") and whose members all get its access rights.
struct OfficerGroup
{
    QString id; // unique, e.g. "to-tham-dinh-dat-dai"
    QString agencyCode;
    QString name;
    QString description;
    QList<Role> roles; // granted to every member; may be empty (a team for workflow steps only)
    QStringList memberIds;
    bool operator==(const OfficerGroup &) const = default;
};

// ---- Procedures --------------------------------------------------------------------------------

enum class ProcedureLevel {
    FullOnline,
    PartialOnline,
    Information
};
QString procedureLevelKey(ProcedureLevel level);
std::optional<ProcedureLevel> procedureLevelFromKey(const QString &key);

enum class ApplicantType {
    Person,
    Organisation
};
QString applicantTypeKey(ApplicantType type);
std::optional<ApplicantType> applicantTypeFromKey(const QString &key);

// One document the procedure requires (R12.1c): originals and copies.
struct RequiredComponent
{
    QString documentTypeCode;
    QString name;
    int originals = 0;
    int copies = 0;
    bool mandatory = true;
    QString formName; // the form to fill in, if any ("Mẫu 01/ĐK")
    QString formUrl;  // where the national database publishes the form (R03 import)
    bool operator==(const RequiredComponent &) const = default;
};

struct Fee
{
    QString description;
    qint64 amountVnd = 0;
    bool operator==(const Fee &) const = default;
};

struct LegalBasis
{
    QString number; // "31/2024/QH15"
    QString title;
    bool operator==(const LegalBasis &) const = default;
};

struct Procedure
{
    QString code; // national code, "1.001234"
    QString name;
    QString fieldCode;
    QString fieldName;
    ProcedureLevel level = ProcedureLevel::PartialOnline;
    QList<ApplicantType> applicantTypes;
    QList<RequiredComponent> components;
    QList<Fee> fees;
    Deadline deadline;
    std::optional<QTime> cutoff; // received after this counts from the next working day
    QList<LegalBasis> legalBasis;
    QString agencyCode; // the competent agency
    QString workflowId;
    bool operator==(const Procedure &) const = default;
};

// ---- Dossier -----------------------------------------------------------------------------------

struct Applicant
{
    ApplicantType type = ApplicantType::Person;
    QString personalId; // 12 digits (person)
    QString fullName;   // the person, or the organisation's representative
    QDate birthDate;
    QString gender;
    QString address;
    QString phone;
    QString email;
    QString taxCode;          // organisation: 10 digits, or 10-3 for a branch
    QString organisationName; // organisation
    bool operator==(const Applicant &) const = default;
};
Check validateApplicant(const Applicant &applicant,
                        const QString &field = QStringLiteral("applicant"));

struct FileRef
{
    QString sha256; // content address, 64 lower-case hex digits
    QString fileName;
    QString mediaType;
    qint64 size = 0;
    bool operator==(const FileRef &) const = default;
};

struct SignatureRecord
{
    QString fileSha256; // the signed file
    QString signerName;
    QString certificateSerial;
    QDateTime signedAt;
    QString officerId;
    bool operator==(const SignatureRecord &) const = default;
};

// A dossier component with the electronic data of R05.1b.
struct Component
{
    QString id;
    QString documentTypeCode; // mã loại giấy tờ
    QString name;             // tên giấy tờ
    bool original = false;    // original (bản chính) or copy (bản sao)
    int copies = 1;
    QString holderId;   // identification number of the organisation/person it concerns
    QString holderName; // when the holder has no identification number
    int holderBirthYear = 0;
    QDate issueDate;
    QString issuer;
    QString summary;        // trích yếu nội dung
    QDate validUntil;       // thời hạn hiệu lực (invalid = indefinite)
    QString validityScope;  // phạm vi hiệu lực
    bool digitised = false; // scanned at the counter (R05.1c)
    QList<FileRef> files;
    QList<SignatureRecord> signatures;
    // Values of the document type's own data fields (DocumentType::fields), by key.
    QMap<QString, QString> data = {};
    bool operator==(const Component &) const = default;
};

struct SupplementRequest
{
    QDateTime requestedAt;
    QString requestedBy;
    QString reason;
    QString content; // what must be supplemented, with guidance (once, R12.2d)
    Stage resumeStage = Stage::Received;
    QString resumeStepId; // the workflow step to go back to (empty without a recorded step)
    QDateTime receivedAt; // invalid while waiting
    bool operator==(const SupplementRequest &) const = default;
};

struct Consultation
{
    QString id;
    QString agency; // who is asked
    QString content;
    QDateTime deadline;
    QString replyMethod; // "văn bản", "hệ thống", "email"…
    QDateTime requestedAt;
    QString answer;
    QDateTime answeredAt;
    bool operator==(const Consultation &) const = default;
};

struct Extension
{
    QDateTime at;
    QString by;
    qint64 minutes = 0;
    QString reason;
    QDateTime previousDue;
    QDateTime newDue;
    bool operator==(const Extension &) const = default;
};

struct SignOff
{
    QString officerId;
    QDateTime at;
    QString note;
    bool final = false;
    bool operator==(const SignOff &) const = default;
};

struct ReturnRecord
{
    QDateTime returnedAt;
    QString recipientName;
    QString recipientRelation; // "self", "proxy", "authorised"
    QString feeReceipt;        // receipt number of fees paid
    bool originalsChecked = true;
    QString note;
    bool operator==(const ReturnRecord &) const = default;
};

// One slip printed or exported as PDF for the dossier (R19, issue 5 item 8): which form
// (a domain::slipKinds() key), how many copies, whether it was printed again later.
struct PrintRecord
{
    QDateTime at;
    QString officerId;
    QString form;
    int copies = 1;
    bool reprint = false;
    bool operator==(const PrintRecord &) const = default;
};

// One line of the processing trail (R08.1): who did what, when.
struct TrailEntry
{
    QUuid actionId;
    ActionType type = ActionType::Receive;
    QString actorId;
    QDateTime at;
    Stage stage = Stage::Received; // after the action
    QString note;
    bool operator==(const TrailEntry &) const = default;
};

struct Dossier
{
    QUuid id;
    QString code;
    QString agencyCode;         // the receiving agency
    QString handlingAgencyCode; // the competent agency (after transfer)
    QString departmentId;
    QString handlerId; // the current holder
    QString procedureCode;
    QString procedureName;
    QString workflowId;
    int workflowVersion = 0; // recorded at intake: the version the dossier runs on (R07)
    QString currentStepId;   // the step of that version it is at, moved by the engine
    Applicant applicant;
    Channel channel = Channel::Counter;
    QString publicToken; // the secret in the slip's QR (R26)
    QDateTime receivedAt;
    QDateTime dueAt;             // invalid when untimed
    qint64 remainingMinutes = 0; // working minutes left when the clock was stopped
    QDateTime completedAt;       // R18.2: when the result was finished
    Stage stage = Stage::Received;
    QString stageNote; // the reason shown with the status
    QList<Component> components;
    QList<SupplementRequest> supplements;
    QList<Consultation> consultations;
    QList<Extension> extensions;
    QList<SignOff> signOffs;
    QList<FileRef> results; // draft and final result documents
    QList<SignatureRecord> resultSignatures;
    std::optional<ReturnRecord> returnRecord;
    QStringList participants;  // officers who took part (R15.4)
    QString submittedBy;       // the appraiser who submitted for approval
    QList<PrintRecord> prints; // every slip printed, in order
    QList<TrailEntry> trail;
    int version = 0; // number of accepted actions

    [[nodiscard]] Status status() const { return statusOf(stage); }
    [[nodiscard]] bool hasApplied(const QUuid &actionId) const;
    [[nodiscard]] bool isOverdue(const QDateTime &now) const;
    bool operator==(const Dossier &) const = default;
};

} // namespace motcua::domain
