// JSON of dossiers and what they hold: applicant, components, files, trail.
#include "json.h"

#include <QRegularExpression>

namespace motcua::domain {
namespace {

void insertIf(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}
void insertIf(QJsonObject &o, const char *key, const QDate &value)
{
    if (value.isValid())
        o.insert(QLatin1String(key), value.toString(Qt::ISODate));
}
void insertIf(QJsonObject &o, const char *key, const QDateTime &value)
{
    if (value.isValid())
        o.insert(QLatin1String(key), formatInstant(value));
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QJsonObject toJson(const SignatureRecord &s)
{
    QJsonObject o{{QStringLiteral("fileSha256"), s.fileSha256},
                  {QStringLiteral("signerName"), s.signerName}};
    insertIf(o, "certificateSerial", s.certificateSerial);
    insertIf(o, "signedAt", s.signedAt);
    insertIf(o, "officerId", s.officerId);
    return o;
}

SignatureRecord readSignature(JsonReader &r)
{
    SignatureRecord s;
    s.fileSha256 = r.string("fileSha256", true, 64);
    s.signerName = r.string("signerName", true, 300);
    s.certificateSerial = r.string("certificateSerial", false, 100);
    s.signedAt = r.dateTime("signedAt");
    s.officerId = r.string("officerId", false, 64);
    return s;
}

} // namespace

QJsonObject toJson(const Applicant &a)
{
    QJsonObject o{{QStringLiteral("type"), applicantTypeKey(a.type)}};
    insertIf(o, "personalId", a.personalId);
    insertIf(o, "fullName", a.fullName);
    insertIf(o, "birthDate", a.birthDate);
    insertIf(o, "gender", a.gender);
    insertIf(o, "address", a.address);
    insertIf(o, "phone", a.phone);
    insertIf(o, "email", a.email);
    insertIf(o, "taxCode", a.taxCode);
    insertIf(o, "organisationName", a.organisationName);
    return o;
}

Applicant readApplicant(JsonReader &r)
{
    Applicant a;
    a.type
        = r.enumeration<ApplicantType>("type", applicantTypeFromKey, ApplicantType::Person, true);
    a.personalId = r.string("personalId", false, 12);
    a.fullName = r.string("fullName", false, 200);
    a.birthDate = r.date("birthDate");
    a.gender = r.string("gender", false, 10);
    a.address = r.string("address", false, 500);
    a.phone = r.string("phone", false, 20);
    a.email = r.string("email", false, 200);
    a.taxCode = r.string("taxCode", false, 14);
    a.organisationName = r.string("organisationName", false, 500);
    return a;
}

QJsonObject toJson(const FileRef &f)
{
    return {{QStringLiteral("sha256"), f.sha256},
            {QStringLiteral("fileName"), f.fileName},
            {QStringLiteral("mediaType"), f.mediaType},
            {QStringLiteral("size"), f.size}};
}

FileRef readFileRef(JsonReader &r)
{
    FileRef f;
    f.sha256 = r.string("sha256", true, 64);
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!r.failed() && !hex.match(f.sha256).hasMatch()) {
        r.fail(
            "sha256", QStringLiteral("json.bad_hash"),
            QStringLiteral("Mã băm SHA-256 của tệp phải gồm 64 chữ số thập lục phân viết thường."));
    }
    f.fileName = r.string("fileName", true, 255);
    f.mediaType = r.string("mediaType", false, 100);
    f.size = r.integer("size", false, 0, 1LL << 40);
    return f;
}

QJsonObject toJson(const Component &c)
{
    QJsonObject o{{QStringLiteral("id"), c.id},
                  {QStringLiteral("name"), c.name},
                  {QStringLiteral("original"), c.original},
                  {QStringLiteral("copies"), c.copies},
                  {QStringLiteral("digitised"), c.digitised}};
    insertIf(o, "documentTypeCode", c.documentTypeCode);
    insertIf(o, "holderId", c.holderId);
    insertIf(o, "holderName", c.holderName);
    if (c.holderBirthYear)
        o.insert(QStringLiteral("holderBirthYear"), c.holderBirthYear);
    insertIf(o, "issueDate", c.issueDate);
    insertIf(o, "issuer", c.issuer);
    insertIf(o, "summary", c.summary);
    insertIf(o, "validUntil", c.validUntil);
    insertIf(o, "validityScope", c.validityScope);
    QJsonArray files;
    for (const auto &f : c.files)
        files.append(toJson(f));
    o.insert(QStringLiteral("files"), files);
    QJsonArray signatures;
    for (const auto &s : c.signatures)
        signatures.append(toJson(s));
    o.insert(QStringLiteral("signatures"), signatures);
    if (!c.data.isEmpty()) { // absent without data: older components stay byte-identical
        QJsonObject data;
        for (auto it = c.data.cbegin(); it != c.data.cend(); ++it)
            data.insert(it.key(), it.value());
        o.insert(QStringLiteral("data"), data);
    }
    return o;
}

// The document type's own data (Component::data): at most 50 values of up to 2000 characters,
// each a string under a key of up to 40 characters.
QMap<QString, QString> readComponentData(JsonReader &r)
{
    QMap<QString, QString> out;
    const QJsonObject data = r.object("data");
    if (r.failed())
        return out;
    if (data.size() > 50) {
        r.fail("data", QStringLiteral("json.too_long"),
               QStringLiteral("Giấy tờ có quá nhiều trường dữ liệu (tối đa 50)."));
        return out;
    }
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        if (it.key().isEmpty() || it.key().size() > 40 || !it.value().isString()
            || it.value().toString().size() > 2000) {
            r.fail("data", QStringLiteral("json.bad_value"),
                   QStringLiteral("Trường dữ liệu \"%1\" của giấy tờ không hợp lệ (tên tối đa "
                                  "40 ký tự, giá trị là chuỗi tối đa 2000 ký tự).")
                       .arg(it.key().left(40)));
            return {};
        }
        out.insert(it.key(), it.value().toString());
    }
    return out;
}

Component readComponent(JsonReader &r)
{
    Component c;
    c.id = r.string("id", true, 64);
    c.documentTypeCode = r.string("documentTypeCode", false, 50);
    c.name = r.string("name", true, 1000);
    c.original = r.boolean("original", false);
    c.copies = int(r.integer("copies", false, 0, 100, 1));
    c.digitised = r.boolean("digitised", false);
    c.holderId = r.string("holderId", false, 20);
    c.holderName = r.string("holderName", false, 200);
    c.holderBirthYear = int(r.integer("holderBirthYear", false, 0, 2200));
    c.issueDate = r.date("issueDate");
    c.issuer = r.string("issuer", false, 300);
    c.summary = r.string("summary", false, 2000);
    c.validUntil = r.date("validUntil");
    c.validityScope = r.string("validityScope", false, 300);
    c.files = r.objects<FileRef>("files", readFileRef);
    c.signatures = r.objects<SignatureRecord>("signatures", readSignature);
    c.data = readComponentData(r);
    return c;
}

Result<Applicant> applicantFromJson(const QJsonObject &json)
{
    return readTopLevel<Applicant>(json, readApplicant);
}
Result<Component> componentFromJson(const QJsonObject &json)
{
    return readTopLevel<Component>(json, readComponent);
}

QJsonObject toJson(const Dossier &d)
{
    QJsonObject o{{QStringLiteral("schemaVersion"), kSchemaVersion},
                  {QStringLiteral("id"), uuidText(d.id)},
                  {QStringLiteral("code"), d.code},
                  {QStringLiteral("agencyCode"), d.agencyCode},
                  {QStringLiteral("procedureCode"), d.procedureCode},
                  {QStringLiteral("applicant"), toJson(d.applicant)},
                  {QStringLiteral("channel"), channelKey(d.channel)},
                  {QStringLiteral("stage"), stageKey(d.stage)},
                  {QStringLiteral("status"), statusKey(d.status())},
                  {QStringLiteral("version"), d.version}};
    insertIf(o, "handlingAgencyCode", d.handlingAgencyCode);
    insertIf(o, "departmentId", d.departmentId);
    insertIf(o, "handlerId", d.handlerId);
    insertIf(o, "procedureName", d.procedureName);
    insertIf(o, "workflowId", d.workflowId);
    if (d.workflowVersion)
        o.insert(QStringLiteral("workflowVersion"), d.workflowVersion);
    insertIf(o, "currentStepId", d.currentStepId);
    insertIf(o, "publicToken", d.publicToken);
    insertIf(o, "receivedAt", d.receivedAt);
    insertIf(o, "dueAt", d.dueAt);
    if (d.remainingMinutes)
        o.insert(QStringLiteral("remainingMinutes"), d.remainingMinutes);
    insertIf(o, "completedAt", d.completedAt);
    insertIf(o, "stageNote", d.stageNote);
    insertIf(o, "submittedBy", d.submittedBy);

    QJsonArray components;
    for (const auto &c : d.components)
        components.append(toJson(c));
    o.insert(QStringLiteral("components"), components);

    QJsonArray supplements;
    for (const auto &s : d.supplements) {
        QJsonObject so{{QStringLiteral("requestedBy"), s.requestedBy},
                       {QStringLiteral("reason"), s.reason},
                       {QStringLiteral("content"), s.content},
                       {QStringLiteral("resumeStage"), stageKey(s.resumeStage)}};
        insertIf(so, "resumeStepId", s.resumeStepId);
        insertIf(so, "requestedAt", s.requestedAt);
        insertIf(so, "receivedAt", s.receivedAt);
        supplements.append(so);
    }
    o.insert(QStringLiteral("supplements"), supplements);

    QJsonArray consultations;
    for (const auto &c : d.consultations) {
        QJsonObject co{{QStringLiteral("id"), c.id},
                       {QStringLiteral("agency"), c.agency},
                       {QStringLiteral("content"), c.content},
                       {QStringLiteral("replyMethod"), c.replyMethod}};
        insertIf(co, "deadline", c.deadline);
        insertIf(co, "requestedAt", c.requestedAt);
        insertIf(co, "answer", c.answer);
        insertIf(co, "answeredAt", c.answeredAt);
        consultations.append(co);
    }
    o.insert(QStringLiteral("consultations"), consultations);

    QJsonArray extensions;
    for (const auto &e : d.extensions) {
        QJsonObject eo{{QStringLiteral("by"), e.by},
                       {QStringLiteral("minutes"), e.minutes},
                       {QStringLiteral("reason"), e.reason}};
        insertIf(eo, "at", e.at);
        insertIf(eo, "previousDue", e.previousDue);
        insertIf(eo, "newDue", e.newDue);
        extensions.append(eo);
    }
    o.insert(QStringLiteral("extensions"), extensions);

    QJsonArray signOffs;
    for (const auto &s : d.signOffs) {
        QJsonObject so{{QStringLiteral("officerId"), s.officerId},
                       {QStringLiteral("final"), s.final}};
        insertIf(so, "at", s.at);
        insertIf(so, "note", s.note);
        signOffs.append(so);
    }
    o.insert(QStringLiteral("signOffs"), signOffs);

    QJsonArray results;
    for (const auto &f : d.results)
        results.append(toJson(f));
    o.insert(QStringLiteral("results"), results);
    QJsonArray resultSignatures;
    for (const auto &sig : d.resultSignatures)
        resultSignatures.append(toJson(sig));
    o.insert(QStringLiteral("resultSignatures"), resultSignatures);

    if (d.returnRecord) {
        const auto &rr = *d.returnRecord;
        QJsonObject ro{{QStringLiteral("recipientName"), rr.recipientName},
                       {QStringLiteral("recipientRelation"), rr.recipientRelation},
                       {QStringLiteral("originalsChecked"), rr.originalsChecked}};
        insertIf(ro, "returnedAt", rr.returnedAt);
        insertIf(ro, "feeReceipt", rr.feeReceipt);
        insertIf(ro, "note", rr.note);
        o.insert(QStringLiteral("returnRecord"), ro);
    }
    o.insert(QStringLiteral("participants"), QJsonArray::fromStringList(d.participants));

    if (!d.prints.isEmpty()) { // absent on dossiers never printed (older documents too)
        QJsonArray prints;
        for (const auto &p : d.prints) {
            QJsonObject po{{QStringLiteral("officerId"), p.officerId},
                           {QStringLiteral("form"), p.form},
                           {QStringLiteral("copies"), p.copies},
                           {QStringLiteral("reprint"), p.reprint}};
            insertIf(po, "at", p.at);
            prints.append(po);
        }
        o.insert(QStringLiteral("prints"), prints);
    }

    QJsonArray trail;
    for (const auto &t : d.trail) {
        QJsonObject to{{QStringLiteral("actionId"), uuidText(t.actionId)},
                       {QStringLiteral("type"), actionTypeKey(t.type)},
                       {QStringLiteral("actorId"), t.actorId},
                       {QStringLiteral("stage"), stageKey(t.stage)}};
        insertIf(to, "at", t.at);
        insertIf(to, "note", t.note);
        trail.append(to);
    }
    o.insert(QStringLiteral("trail"), trail);
    return o;
}

Result<Dossier> dossierFromJson(const QJsonObject &json)
{
    return readTopLevel<Dossier>(json, [](JsonReader &r) {
        Dossier d;
        d.id = r.uuid("id", true);
        d.code = r.string("code", false, 100);
        d.agencyCode = r.string("agencyCode", true, 20);
        d.handlingAgencyCode = r.string("handlingAgencyCode", false, 20);
        d.departmentId = r.string("departmentId", false, 50);
        d.handlerId = r.string("handlerId", false, 64);
        d.procedureCode = r.string("procedureCode", true, 30);
        d.procedureName = r.string("procedureName", false, 1000);
        d.workflowId = r.string("workflowId", false, 64);
        d.workflowVersion = int(r.integer("workflowVersion", false, 0, 100000));
        d.currentStepId = r.string("currentStepId", false, 64);
        d.applicant = r.nested<Applicant>("applicant", readApplicant, true).value_or(Applicant{});
        d.channel = r.enumeration<Channel>("channel", channelFromKey, Channel::Counter, true);
        d.publicToken = r.string("publicToken", false, 100);
        d.receivedAt = r.dateTime("receivedAt");
        d.dueAt = r.dateTime("dueAt");
        d.remainingMinutes = r.integer("remainingMinutes", false, 0, 100000000);
        d.completedAt = r.dateTime("completedAt");
        d.stage = r.enumeration<Stage>("stage", stageFromKey, Stage::Received, true);
        r.skip("status"); // derived from the stage
        d.stageNote = r.string("stageNote", false, 4000);
        d.submittedBy = r.string("submittedBy", false, 64);
        d.version = int(r.integer("version", true, 0, 1000000000));
        d.components = r.objects<Component>("components", readComponent);
        d.supplements = r.objects<SupplementRequest>("supplements", [](JsonReader &s) {
            SupplementRequest sr;
            sr.requestedAt = s.dateTime("requestedAt");
            sr.requestedBy = s.string("requestedBy", false, 64);
            sr.reason = s.string("reason", false, 4000);
            sr.content = s.string("content", false, 4000);
            sr.resumeStage
                = s.enumeration<Stage>("resumeStage", stageFromKey, Stage::Received, true);
            sr.resumeStepId = s.string("resumeStepId", false, 64);
            sr.receivedAt = s.dateTime("receivedAt");
            return sr;
        });
        d.consultations = r.objects<Consultation>("consultations", [](JsonReader &c) {
            Consultation co;
            co.id = c.string("id", true, 64);
            co.agency = c.string("agency", false, 300);
            co.content = c.string("content", false, 4000);
            co.replyMethod = c.string("replyMethod", false, 100);
            co.deadline = c.dateTime("deadline");
            co.requestedAt = c.dateTime("requestedAt");
            co.answer = c.string("answer", false, 8000);
            co.answeredAt = c.dateTime("answeredAt");
            return co;
        });
        d.extensions = r.objects<Extension>("extensions", [](JsonReader &e) {
            Extension ex;
            ex.at = e.dateTime("at");
            ex.by = e.string("by", false, 64);
            ex.minutes = e.integer("minutes", true, 1, 100000000);
            ex.reason = e.string("reason", false, 4000);
            ex.previousDue = e.dateTime("previousDue");
            ex.newDue = e.dateTime("newDue");
            return ex;
        });
        d.signOffs = r.objects<SignOff>("signOffs", [](JsonReader &s) {
            SignOff so;
            so.officerId = s.string("officerId", true, 64);
            so.at = s.dateTime("at");
            so.note = s.string("note", false, 4000);
            so.final = s.boolean("final", false);
            return so;
        });
        d.results = r.objects<FileRef>("results", readFileRef);
        d.resultSignatures = r.objects<SignatureRecord>("resultSignatures", readSignature);
        d.returnRecord = r.nested<ReturnRecord>("returnRecord", [](JsonReader &rr) {
            ReturnRecord rec;
            rec.returnedAt = rr.dateTime("returnedAt");
            rec.recipientName = rr.string("recipientName", false, 200);
            rec.recipientRelation = rr.string("recipientRelation", false, 50);
            rec.feeReceipt = rr.string("feeReceipt", false, 100);
            rec.originalsChecked = rr.boolean("originalsChecked", true);
            rec.note = rr.string("note", false, 4000);
            return rec;
        });
        d.participants = r.stringList("participants");
        d.prints = r.objects<PrintRecord>("prints", [](JsonReader &p) {
            PrintRecord rec;
            rec.at = p.dateTime("at");
            rec.officerId = p.string("officerId", false, 64);
            rec.form = p.string("form", true, 50);
            rec.copies = int(p.integer("copies", false, 1, 100, 1));
            rec.reprint = p.boolean("reprint", false);
            return rec;
        });
        d.trail = r.objects<TrailEntry>("trail", [](JsonReader &t) {
            TrailEntry e;
            e.actionId = t.uuid("actionId", true);
            e.type
                = t.enumeration<ActionType>("type", actionTypeFromKey, ActionType::Receive, true);
            e.actorId = t.string("actorId", false, 64);
            e.at = t.dateTime("at");
            e.stage = t.enumeration<Stage>("stage", stageFromKey, Stage::Received, true);
            e.note = t.string("note", false, 4000);
            return e;
        });
        return d;
    });
}

QJsonObject toJson(const Action &a)
{
    QJsonObject o{{QStringLiteral("schemaVersion"), kSchemaVersion},
                  {QStringLiteral("id"), uuidText(a.id)},
                  {QStringLiteral("dossierId"), uuidText(a.dossierId)},
                  {QStringLiteral("type"), actionTypeKey(a.type)},
                  {QStringLiteral("actorId"), a.actorId},
                  {QStringLiteral("deviceId"), a.deviceId},
                  {QStringLiteral("deviceSeq"), a.deviceSeq},
                  {QStringLiteral("baseVersion"), a.baseVersion},
                  {QStringLiteral("payload"), a.payload}};
    insertIf(o, "deviceTime", a.deviceTime);
    return o;
}

Result<Action> actionFromJson(const QJsonObject &json)
{
    return readTopLevel<Action>(json, [](JsonReader &r) {
        Action a;
        a.id = r.uuid("id", true);
        a.dossierId = r.uuid("dossierId", true);
        a.type = r.enumeration<ActionType>("type", actionTypeFromKey, ActionType::Receive, true);
        a.actorId = r.string("actorId", true, 64);
        a.deviceId = r.string("deviceId", true, 64);
        a.deviceSeq = r.integer("deviceSeq", true, 1, (1LL << 53));
        a.deviceTime = r.dateTime("deviceTime", true);
        a.baseVersion = int(r.integer("baseVersion", true, 0, 1000000000));
        a.payload = r.object("payload");
        return a;
    });
}

} // namespace motcua::domain
