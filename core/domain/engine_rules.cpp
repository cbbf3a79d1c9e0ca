// What each action does to a dossier. The common checks (actor, role, agency, stage, version) ran
// in engine.cpp; here the payload is read strictly and the dossier changed.
#include "engine_rules.h"

#include "dossiercode.h"
#include "json.h"
#include "slipcatalogue.h"

namespace motcua::domain::rules {
namespace {

Error badPayload(const QString &message, const QString &field = {})
{
    return makeError(QStringLiteral("action.bad_payload"), message, field);
}

// Reads the payload with `read`; unknown fields and type errors become action.bad_payload.
template<typename T>
Result<T> readPayload(const Action &a, const std::function<T(JsonReader &)> &read)
{
    JsonReader r(a.payload, QStringLiteral("payload"));
    T value = read(r);
    if (auto st = r.finish(); !st)
        return makeError(QStringLiteral("action.bad_payload"), st.error().message,
                         st.error().field);
    return value;
}

struct Reason
{
    QString reason;
    QString content;
};

Result<Reason> readReason(const Action &a, bool contentRequired = false)
{
    return readPayload<Reason>(a, [&](JsonReader &r) {
        Reason out;
        out.reason = r.string("reason", true, 4000);
        out.content = r.string("content", contentRequired, 8000);
        return out;
    });
}

const WorkCalendar &calendarOf(const Dossier &d, const Context &ctx)
{
    return ctx.directory.calendar(d.handlingAgencyCode.isEmpty() ? d.agencyCode
                                                                 : d.handlingAgencyCode);
}

// The officer `id` must exist, be active, hold a handling role and belong to `agencyCode`.
Result<Officer> handlerFor(const QString &id, const QString &agencyCode, const Context &ctx)
{
    const auto officer = ctx.directory.officer(id);
    if (!officer) {
        return makeError(QStringLiteral("action.unknown_officer"),
                         QStringLiteral("Không tìm thấy cán bộ được phân công."),
                         QStringLiteral("payload.handlerId"));
    }
    if (!officer->active) {
        return makeError(
            QStringLiteral("action.inactive_actor"),
            QStringLiteral("Tài khoản %1 đã bị khóa, không thể phân công.").arg(officer->username),
            QStringLiteral("payload.handlerId"));
    }
    if (officer->agencyCode != agencyCode) {
        return makeError(QStringLiteral("action.wrong_agency"),
                         QStringLiteral("Cán bộ %1 không thuộc cơ quan đang giải quyết hồ sơ.")
                             .arg(officer->fullName),
                         QStringLiteral("payload.handlerId"));
    }
    if (!officer->hasRole(Role::Appraiser) && !officer->hasRole(Role::Head)
        && !officer->hasRole(Role::Leader)) {
        return makeError(
            QStringLiteral("action.wrong_role"),
            QStringLiteral("Cán bộ %1 không có vai trò thẩm định hồ sơ.").arg(officer->fullName),
            QStringLiteral("payload.handlerId"));
    }
    return *officer;
}

// Every mandatory component of the procedure must be in the dossier (R12.1d).
Check checkCompleteness(const Dossier &d, const Procedure &p)
{
    QStringList missing;
    for (const auto &required : p.components) {
        if (!required.mandatory || required.documentTypeCode.isEmpty())
            continue;
        const bool present
            = std::any_of(d.components.cbegin(), d.components.cend(), [&](const Component &c) {
                  return c.documentTypeCode == required.documentTypeCode;
              });
        if (!present)
            missing << required.name;
    }
    if (!missing.isEmpty()) {
        return badPayload(QStringLiteral("Hồ sơ còn thiếu thành phần bắt buộc: %1.")
                              .arg(missing.join(QStringLiteral("; "))),
                          QStringLiteral("payload.components"));
    }
    return {};
}

struct IntakePayload
{
    QString code;
    QString procedureCode;
    std::optional<Applicant> applicant;
    Channel channel = Channel::Counter;
    QList<Component> components;
    QString publicToken;
};

Result<IntakePayload> readIntake(const Action &a, bool creating)
{
    return readPayload<IntakePayload>(a, [&](JsonReader &r) {
        IntakePayload p;
        p.code = r.string("code", false, 100);
        p.procedureCode = r.string("procedureCode", creating, 30);
        p.applicant = r.nested<Applicant>("applicant", readApplicant, creating);
        p.channel = r.enumeration<Channel>("channel", channelFromKey, Channel::Counter,
                                           creating && a.type == ActionType::Receive);
        p.components = r.objects<Component>("components", readComponent);
        p.publicToken = r.string("publicToken", false, 100);
        return p;
    });
}

// Adds components, replacing those with the same id. The signature records a component already
// has stay as they are: a payload can neither drop nor rewrite them. A new one — a file signed
// with the officer's token at the counter before it is passed on (R05.1c) — must name one of the
// component's files, and is stamped with the actor and the time of the action.
Check mergeComponents(Dossier &d, const QList<Component> &components, const Context &ctx)
{
    for (Component c : components) {
        auto it = std::find_if(d.components.begin(), d.components.end(),
                               [&](const Component &x) { return x.id == c.id; });
        QList<SignatureRecord> signatures
            = it != d.components.end() ? it->signatures : QList<SignatureRecord>{};
        const QList<SignatureRecord> held = signatures;
        for (SignatureRecord s : c.signatures) {
            const bool known = std::any_of(held.cbegin(), held.cend(), [&](const auto &x) {
                return x.fileSha256 == s.fileSha256 && x.certificateSerial == s.certificateSerial
                    && x.signerName == s.signerName;
            });
            if (known)
                continue;
            if (std::none_of(c.files.cbegin(), c.files.cend(),
                             [&](const FileRef &f) { return f.sha256 == s.fileSha256; })) {
                return badPayload(
                    QStringLiteral("Chữ ký số của thành phần \"%1\" không gắn với tệp nào của "
                                   "thành phần đó.")
                        .arg(c.name),
                    QStringLiteral("payload.components"));
            }
            s.signedAt = ctx.now;
            s.officerId = ctx.actor.id;
            signatures.append(s);
        }
        c.signatures = signatures;
        if (it != d.components.end())
            *it = c;
        else
            d.components.append(c);
    }
    return {};
}

Result<QString> intake(Dossier &d, const Context &ctx)
{
    const bool creating = d.version == 0;
    auto payload = readIntake(ctx.action, creating);
    if (!payload)
        return payload.error();
    auto &p = payload.value();

    if (creating) {
        d.agencyCode = ctx.actor.agencyCode;
        d.procedureCode = p.procedureCode;
        d.applicant = *p.applicant;
        d.channel
            = ctx.action.type == ActionType::SubmitOnline ? Channel::NationalPortal : p.channel;
        d.publicToken = p.publicToken;
        // An agency may say which intake channels it accepts (R12.3b; none said: every one).
        const auto agency = ctx.directory.agency(d.agencyCode);
        if (ctx.action.type == ActionType::Receive && agency && !agency->channels.isEmpty()
            && !agency->channels.contains(d.channel)) {
            return makeError(QStringLiteral("action.channel_not_accepted"),
                             QStringLiteral("%1 không tiếp nhận hồ sơ theo hình thức \"%2\".")
                                 .arg(agency->name, channelName(d.channel)),
                             QStringLiteral("payload.channel"));
        }
    } else if (p.applicant) {
        d.applicant = *p.applicant;
    }
    if (!p.code.isEmpty())
        d.code = p.code;
    if (auto st = mergeComponents(d, p.components, ctx); !st)
        return st.error();

    const auto procedure = ctx.directory.procedure(d.procedureCode);
    if (!procedure) {
        return makeError(
            QStringLiteral("action.unknown_procedure"),
            QStringLiteral("Không tìm thấy thủ tục hành chính mã \"%1\".").arg(d.procedureCode),
            QStringLiteral("payload.procedureCode"));
    }
    d.procedureName = procedure->name;
    if (d.workflowVersion == 0) // a running dossier keeps the workflow it started on (R07)
        d.workflowId = procedure->workflowId;
    if (auto st = validateApplicant(d.applicant, QStringLiteral("payload.applicant")); !st)
        return makeError(QStringLiteral("action.bad_payload"), st.error().message,
                         st.error().field);
    if (!procedure->applicantTypes.isEmpty()
        && !procedure->applicantTypes.contains(d.applicant.type)) {
        return badPayload(
            QStringLiteral("Thủ tục \"%1\" không áp dụng cho đối tượng này.").arg(procedure->name),
            QStringLiteral("payload.applicant.type"));
    }

    if (ctx.action.type == ActionType::SubmitOnline) {
        d.receivedAt = ctx.now;
        d.stage = Stage::AwaitingIntake;
        return QStringLiteral("Nhận hồ sơ từ Cổng Dịch vụ công quốc gia");
    }

    // Receive: the dossier gets its official code and due date.
    if (d.code.isEmpty())
        return badPayload(QStringLiteral("Chưa cấp mã số hồ sơ."), QStringLiteral("payload.code"));
    const auto agency = ctx.directory.agency(d.agencyCode);
    auto pattern = DossierCodePattern::standard();
    if (agency && !agency->codePattern.isEmpty()) {
        auto compiled = DossierCodePattern::compile(agency->codePattern);
        if (compiled)
            pattern = compiled.value();
    }
    const auto parsed = pattern.parse(d.code);
    if (!parsed)
        return makeError(QStringLiteral("action.bad_payload"), parsed.error().message,
                         QStringLiteral("payload.code"));
    if (parsed->agencyCode != d.agencyCode) {
        return badPayload(QStringLiteral("Mã số hồ sơ %1 không mang mã của cơ quan tiếp nhận (%2).")
                              .arg(d.code, d.agencyCode),
                          QStringLiteral("payload.code"));
    }
    if (auto st = checkCompleteness(d, *procedure); !st)
        return st.error();

    d.receivedAt = ctx.now;
    d.handlingAgencyCode = procedure->agencyCode.isEmpty() ? d.agencyCode : procedure->agencyCode;
    d.dueAt = calendarOf(d, ctx).dueAt(ctx.now, procedure->deadline, procedure->cutoff);
    d.stage = Stage::Received;
    d.stageNote.clear();
    return QStringLiteral("Tiếp nhận hồ sơ %1").arg(d.code);
}

Result<QString> requestSupplement(Dossier &d, const Context &ctx)
{
    auto p = readReason(ctx.action, true);
    if (!p)
        return p.error();
    SupplementRequest s;
    s.requestedAt = ctx.now;
    s.requestedBy = ctx.actor.id;
    s.reason = p->reason;
    s.content = p->content;
    s.resumeStage = d.stage;
    d.supplements.append(s);
    if (d.dueAt.isValid())
        d.remainingMinutes = calendarOf(d, ctx).remainingAt(ctx.now, d.dueAt);
    d.stage = Stage::SupplementRequested;
    d.stageNote = p->reason;
    return p->reason;
}

Result<QString> recordSupplement(Dossier &d, const Context &ctx)
{
    auto p = readPayload<QList<Component>>(ctx.action, [](JsonReader &r) {
        auto list = r.objects<Component>("components", readComponent);
        r.skip("note");
        return list;
    });
    if (!p)
        return p.error();
    if (d.supplements.isEmpty())
        return badPayload(QStringLiteral("Hồ sơ không có yêu cầu bổ sung nào đang chờ."));
    if (auto st = mergeComponents(d, p.value(), ctx); !st)
        return st.error();
    auto &open = d.supplements.last();
    open.receivedAt = ctx.now;
    d.stage = open.resumeStage;
    d.stageNote.clear();
    d.remainingMinutes = 0;
    // R15.8: the deadline restarts once the complete dossier is received.
    if (d.stage != Stage::AwaitingIntake) {
        if (const auto procedure = ctx.directory.procedure(d.procedureCode))
            d.dueAt = calendarOf(d, ctx).dueAt(ctx.now, procedure->deadline, procedure->cutoff);
    }
    return QStringLiteral("Đã nhận hồ sơ bổ sung");
}

Result<QString> finalWithReason(Dossier &d, const Context &ctx, Stage stage, bool reasonRequired)
{
    auto p = readPayload<QString>(
        ctx.action, [&](JsonReader &r) { return r.string("reason", reasonRequired, 4000); });
    if (!p)
        return p.error();
    d.stage = stage;
    d.stageNote = p.value();
    d.handlerId.clear();
    return p.value();
}

Result<QString> transfer(Dossier &d, const Context &ctx)
{
    struct P
    {
        QString agencyCode, departmentId, note;
    };
    auto p = readPayload<P>(ctx.action, [](JsonReader &r) {
        return P{r.string("agencyCode", true, 20), r.string("departmentId", false, 50),
                 r.string("note", false, 4000)};
    });
    if (!p)
        return p.error();
    const auto agency = ctx.directory.agency(p->agencyCode);
    if (!agency) {
        return makeError(QStringLiteral("action.unknown_agency"),
                         QStringLiteral("Không tìm thấy cơ quan mã \"%1\".").arg(p->agencyCode),
                         QStringLiteral("payload.agencyCode"));
    }
    if (!p->departmentId.isEmpty()
        && std::none_of(agency->departments.cbegin(), agency->departments.cend(),
                        [&](const Department &dep) { return dep.id == p->departmentId; })) {
        return badPayload(QStringLiteral("Cơ quan %1 không có phòng ban mã \"%2\".")
                              .arg(agency->name, p->departmentId),
                          QStringLiteral("payload.departmentId"));
    }
    d.handlingAgencyCode = agency->code;
    d.departmentId = p->departmentId;
    d.handlerId.clear();
    d.stage = Stage::AwaitingAssignment;
    d.stageNote = agency->name;
    return QStringLiteral("Chuyển đến %1").arg(agency->name);
}

Result<QString> assign(Dossier &d, const Context &ctx)
{
    auto p = readPayload<QString>(ctx.action, [](JsonReader &r) {
        r.skip("note");
        return r.string("handlerId", true, 64);
    });
    if (!p)
        return p.error();
    const QString agencyCode = d.handlingAgencyCode.isEmpty() ? d.agencyCode : d.handlingAgencyCode;
    if (ctx.actor.agencyCode != agencyCode) {
        return makeError(
            QStringLiteral("action.wrong_agency"),
            QStringLiteral("Chỉ lãnh đạo của cơ quan đang giải quyết hồ sơ mới được phân công."));
    }
    auto handler = handlerFor(p.value(), agencyCode, ctx);
    if (!handler)
        return handler.error();
    d.handlerId = handler->id;
    d.departmentId = handler->departmentId;
    if (ctx.action.type == ActionType::Assign)
        d.stage = Stage::InAppraisal;
    d.stageNote.clear();
    if (!d.participants.contains(handler->id))
        d.participants.append(handler->id);
    return QStringLiteral("Giao cho %1").arg(handler->fullName);
}

Result<QString> consult(Dossier &d, const Context &ctx)
{
    auto p = readPayload<Consultation>(ctx.action, [](JsonReader &r) {
        Consultation c;
        c.id = r.string("consultationId", true, 64);
        c.agency = r.string("agency", true, 300);
        c.content = r.string("content", true, 8000);
        c.deadline = r.dateTime("deadline");
        c.replyMethod = r.string("replyMethod", false, 100);
        return c;
    });
    if (!p)
        return p.error();
    if (std::any_of(d.consultations.cbegin(), d.consultations.cend(),
                    [&](const Consultation &c) { return c.id == p->id; }))
        return badPayload(QStringLiteral("Mã phiếu xin ý kiến \"%1\" đã được dùng.").arg(p->id),
                          QStringLiteral("payload.consultationId"));
    Consultation c = p.value();
    c.requestedAt = ctx.now;
    d.consultations.append(c);
    d.stage = Stage::Consulting;
    return QStringLiteral("Xin ý kiến %1").arg(c.agency);
}

Result<QString> recordOpinion(Dossier &d, const Context &ctx)
{
    struct P
    {
        QString id, answer;
    };
    auto p = readPayload<P>(ctx.action, [](JsonReader &r) {
        return P{r.string("consultationId", true, 64), r.string("answer", true, 8000)};
    });
    if (!p)
        return p.error();
    auto it = std::find_if(d.consultations.begin(), d.consultations.end(),
                           [&](const Consultation &c) { return c.id == p->id; });
    if (it == d.consultations.end() || it->answeredAt.isValid()) {
        return badPayload(
            QStringLiteral("Không có phiếu xin ý kiến \"%1\" đang chờ trả lời.").arg(p->id),
            QStringLiteral("payload.consultationId"));
    }
    it->answer = p->answer;
    it->answeredAt = ctx.now;
    const bool allAnswered
        = std::all_of(d.consultations.cbegin(), d.consultations.cend(),
                      [](const Consultation &c) { return c.answeredAt.isValid(); });
    d.stage = allAnswered ? Stage::InAppraisal : Stage::Consulting;
    return QStringLiteral("Ý kiến của %1").arg(it->agency);
}

Result<QString> submitForApproval(Dossier &d, const Context &ctx)
{
    struct P
    {
        QString note;
        QList<FileRef> results;
    };
    auto p = readPayload<P>(ctx.action, [](JsonReader &r) {
        return P{r.string("note", false, 4000), r.objects<FileRef>("results", readFileRef)};
    });
    if (!p)
        return p.error();
    d.results.append(p->results);
    d.submittedBy = ctx.actor.id;
    d.stage = Stage::AwaitingApproval;
    d.stageNote.clear();
    return p->note;
}

Result<QString> sendBack(Dossier &d, const Context &ctx)
{
    auto p = readReason(ctx.action);
    if (!p)
        return p.error();
    d.handlerId = d.submittedBy;
    d.stage = Stage::InAppraisal;
    d.stageNote = p->reason;
    d.signOffs.clear(); // a new round of sign-offs after rework
    return p->reason;
}

Result<QString> approve(Dossier &d, const Context &ctx)
{
    struct P
    {
        bool final = true;
        QString note;
    };
    auto p = readPayload<P>(ctx.action, [](JsonReader &r) {
        return P{r.boolean("final", true), r.string("note", false, 4000)};
    });
    if (!p)
        return p.error();
    if (std::any_of(d.signOffs.cbegin(), d.signOffs.cend(),
                    [&](const SignOff &s) { return s.officerId == ctx.actor.id; })) {
        return badPayload(
            QStringLiteral("Lãnh đạo %1 đã ký duyệt hồ sơ này trong lượt trình hiện tại.")
                .arg(ctx.actor.fullName));
    }
    d.signOffs.append(SignOff{ctx.actor.id, ctx.now, p->note, p->final});
    d.stage = p->final ? Stage::Approved : Stage::AwaitingApproval;
    return p->final ? QStringLiteral("Phê duyệt kết quả")
                    : QStringLiteral("Ký duyệt, trình cấp trên");
}

Result<QString> sign(Dossier &d, const Context &ctx)
{
    struct P
    {
        QString componentId;
        SignatureRecord record;
        QList<FileRef> signedFiles;
    };
    auto p = readPayload<P>(ctx.action, [](JsonReader &r) {
        P out;
        out.componentId = r.string("componentId", false, 64);
        out.record.fileSha256 = r.string("fileSha256", true, 64);
        out.record.signerName = r.string("signerName", true, 300);
        out.record.certificateSerial = r.string("certificateSerial", false, 100);
        // The signed copy made from that file (a PAdES PDF, a detached .p7s), kept next to it.
        out.signedFiles = r.objects<FileRef>("signedFiles", readFileRef);
        return out;
    });
    if (!p)
        return p.error();
    if (p->signedFiles.size() > 1)
        return badPayload(QStringLiteral("Mỗi lần ký chỉ lưu một tệp đã ký."),
                          QStringLiteral("payload.signedFiles"));
    SignatureRecord s = p->record;
    s.signedAt = ctx.now;
    s.officerId = ctx.actor.id;
    const auto hasFile = [](const QList<FileRef> &files, const QString &sha) {
        return std::any_of(files.cbegin(), files.cend(),
                           [&](const FileRef &f) { return f.sha256 == sha; });
    };
    const auto keep = [&](QList<FileRef> &files) {
        if (p->signedFiles.isEmpty())
            return;
        const FileRef &signedFile = p->signedFiles.constFirst();
        if (!hasFile(files, signedFile.sha256))
            files.append(signedFile);
        s.fileSha256 = signedFile.sha256; // the record names the file that carries the signature
    };
    if (!p->componentId.isEmpty()) {
        auto it = std::find_if(d.components.begin(), d.components.end(),
                               [&](const Component &c) { return c.id == p->componentId; });
        if (it == d.components.end() || !hasFile(it->files, s.fileSha256)) {
            return badPayload(QStringLiteral("Không tìm thấy tệp được ký trong thành phần hồ sơ."),
                              QStringLiteral("payload.fileSha256"));
        }
        keep(it->files);
        it->signatures.append(s);
    } else {
        if (!hasFile(d.results, s.fileSha256))
            return badPayload(QStringLiteral("Không tìm thấy tệp kết quả được ký."),
                              QStringLiteral("payload.fileSha256"));
        keep(d.results);
        d.resultSignatures.append(s);
    }
    return QStringLiteral("Ký số bởi %1").arg(s.signerName);
}

Result<QString> extend(Dossier &d, const Context &ctx)
{
    struct P
    {
        qint64 minutes = 0;
        QString reason;
    };
    auto p = readPayload<P>(ctx.action, [](JsonReader &r) {
        return P{r.integer("minutes", true, 1, 100LL * 480), r.string("reason", true, 4000)};
    });
    if (!p)
        return p.error();
    if (!d.dueAt.isValid())
        return badPayload(
            QStringLiteral("Hồ sơ không có thời hạn giải quyết nên không thể gia hạn."));
    Extension e{ctx.now,   ctx.actor.id, p->minutes,
                p->reason, d.dueAt,      calendarOf(d, ctx).extend(d.dueAt, p->minutes)};
    d.dueAt = e.newDue;
    d.extensions.append(e);
    return p->reason;
}

Result<QString> complete(Dossier &d, const Context &ctx)
{
    auto p = readPayload<QList<FileRef>>(ctx.action, [](JsonReader &r) {
        r.skip("note");
        return r.objects<FileRef>("results", readFileRef);
    });
    if (!p)
        return p.error();
    d.results.append(p.value());
    d.completedAt = ctx.now;
    d.stage = Stage::ResultReady;
    d.handlerId.clear();
    return QStringLiteral("Nhận kết quả tại Bộ phận Một cửa");
}

Result<QString> returnResult(Dossier &d, const Context &ctx)
{
    auto p = readPayload<ReturnRecord>(ctx.action, [](JsonReader &r) {
        ReturnRecord rr;
        rr.recipientName = r.string("recipientName", true, 200);
        rr.recipientRelation = r.string("recipientRelation", false, 20);
        rr.feeReceipt = r.string("feeReceipt", false, 100);
        rr.originalsChecked = r.boolean("originalsChecked", true);
        rr.note = r.string("note", false, 4000);
        return rr;
    });
    if (!p)
        return p.error();
    ReturnRecord rr = p.value();
    if (rr.recipientRelation.isEmpty())
        rr.recipientRelation = QStringLiteral("self");
    static const QStringList relations{QStringLiteral("self"), QStringLiteral("proxy"),
                                       QStringLiteral("authorised")};
    if (!relations.contains(rr.recipientRelation)) {
        return badPayload(
            QStringLiteral("Quan hệ của người nhận phải là self, proxy hoặc authorised."),
            QStringLiteral("payload.recipientRelation"));
    }
    if (!rr.originalsChecked) {
        // R18.6: without the originals to check, the result is not yet returned.
        d.returnRecord = rr;
        d.stageNote = QStringLiteral("Chưa trả kết quả: chưa xuất trình bản chính để đối chiếu");
        return d.stageNote;
    }
    rr.returnedAt = ctx.now;
    d.returnRecord = rr;
    d.stage = Stage::ResultReturned;
    d.stageNote.clear();
    return QStringLiteral("Trả kết quả cho %1").arg(rr.recipientName);
}

// A slip printed or exported for the dossier (R19): the form is a slip of the catalogue that
// concerns one dossier (not the log book, which lists many).
Result<QString> recordPrint(Dossier &d, const Context &ctx)
{
    auto p = readPayload<PrintRecord>(ctx.action, [](JsonReader &r) {
        PrintRecord rec;
        rec.form = r.string("form", true, 50);
        rec.copies = int(r.integer("copies", false, 1, 100, 1));
        rec.reprint = r.boolean("reprint", false);
        return rec;
    });
    if (!p)
        return p.error();
    const SlipKind *kind = findSlipKind(p->form);
    if (!kind || kind->key == QLatin1String("logbook")) {
        return badPayload(
            QStringLiteral("Không có mẫu phiếu \"%1\" in cho một hồ sơ.").arg(p->form),
            QStringLiteral("payload.form"));
    }
    PrintRecord rec = p.value();
    rec.at = ctx.now;
    rec.officerId = ctx.actor.id;
    d.prints.append(rec);
    QString title = kind->title;
    if (!title.isEmpty())
        title[0] = title.at(0).toLower();
    const QString unit
        = kind->key == QLatin1String("receipt") ? QStringLiteral("liên") : QStringLiteral("bản");
    return QStringLiteral("%1 %2 (%3 %4)")
        .arg(rec.reprint ? QStringLiteral("In lại") : QStringLiteral("In"), title)
        .arg(rec.copies)
        .arg(unit);
}

} // namespace

Result<QString> applyEffect(Dossier &d, const Context &ctx)
{
    switch (ctx.action.type) {
    case ActionType::SubmitOnline:
    case ActionType::Receive:
        return intake(d, ctx);
    case ActionType::RequestSupplement:
        return requestSupplement(d, ctx);
    case ActionType::RecordSupplement:
        return recordSupplement(d, ctx);
    case ActionType::Refuse:
        return finalWithReason(d, ctx, Stage::Refused, true);
    case ActionType::Withdraw:
        return finalWithReason(d, ctx, Stage::Withdrawn, false);
    case ActionType::Transfer:
        return transfer(d, ctx);
    case ActionType::Assign:
    case ActionType::Reassign:
        return assign(d, ctx);
    case ActionType::Consult:
        return consult(d, ctx);
    case ActionType::RecordOpinion:
        return recordOpinion(d, ctx);
    case ActionType::SubmitForApproval:
        return submitForApproval(d, ctx);
    case ActionType::SendBack:
        return sendBack(d, ctx);
    case ActionType::Approve:
        return approve(d, ctx);
    case ActionType::Reject:
        return finalWithReason(d, ctx, Stage::Rejected, true);
    case ActionType::Sign:
        return sign(d, ctx);
    case ActionType::Extend:
        return extend(d, ctx);
    case ActionType::Stop:
        return finalWithReason(d, ctx, Stage::StoppedOnRequest, true);
    case ActionType::Complete:
        return complete(d, ctx);
    case ActionType::ReturnResult:
        return returnResult(d, ctx);
    case ActionType::RecordPrint:
        return recordPrint(d, ctx);
    }
    return badPayload(QStringLiteral("Loại thao tác không được hỗ trợ."));
}

} // namespace motcua::domain::rules
