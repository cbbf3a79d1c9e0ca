// The workflow engine: every action type, who may do it, and the fold.
#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

#include <domain/chart.h>
#include <domain/demo.h>
#include <domain/engine.h>
#include <domain/json.h>
#include <domain/workflow.h>

using namespace motcua::domain;

namespace {

QDateTime vn(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone(7 * 3600));
}

class Journey
{
public:
    Journey()
        : m_dir(demo::directory())
    {}

    // Makes an action against the current version and applies it; returns the rejection, if any.
    Result<Dossier> act(ActionType type, const QString &actor, const QDateTime &at,
                        QJsonObject payload = {})
    {
        Action a = make(type, actor, at, std::move(payload));
        auto next = apply(m_dossier, a, m_dir);
        if (next) {
            m_dossier = next.value();
            m_actions.append(a);
        }
        return next;
    }
    Action make(ActionType type, const QString &actor, const QDateTime &at,
                QJsonObject payload = {})
    {
        Action a;
        a.id = QUuid::createUuid();
        a.dossierId = m_dossier.version == 0 ? m_id : m_dossier.id;
        a.type = type;
        a.actorId = actor;
        a.deviceId = QStringLiteral("pc-1");
        a.deviceSeq = ++m_seq;
        a.deviceTime = at;
        a.baseVersion = m_dossier.version;
        a.payload = std::move(payload);
        return a;
    }
    void receive()
    {
        Action a = demo::exampleReceive();
        a.dossierId = m_id;
        auto next = apply(m_dossier, a, m_dir);
        QVERIFY2(next.ok(), qPrintable(next.ok() ? QString() : next.error().message));
        m_dossier = next.value();
        m_actions.append(a);
    }
    const Dossier &dossier() const { return m_dossier; }
    const QList<Action> &actions() const { return m_actions; }
    InMemoryDirectory &directory() { return m_dir; }

private:
    InMemoryDirectory m_dir;
    Dossier m_dossier;
    QList<Action> m_actions;
    QUuid m_id = QUuid::createUuid();
    qint64 m_seq = 100;
};

// Each evaluates its argument once: it is often an act(), which applies an action.
#define VERIFY_OK(r) \
    do { \
        const auto &ok_ = (r); \
        QVERIFY2(ok_.ok(), \
                 qPrintable(ok_.ok() \
                                ? QString() \
                                : ok_.error().code + QLatin1Char(' ') + ok_.error().message)); \
    } while (0)
#define VERIFY_REJECTED(r, c) \
    do { \
        const auto &res_ = (r); \
        QVERIFY(!res_.ok()); \
        QCOMPARE(res_.error().code, QStringLiteral(c)); \
        QVERIFY(!res_.error().message.isEmpty()); \
    } while (0)

QJsonObject handler(const char *id)
{
    return {{QStringLiteral("handlerId"), QLatin1String(id)}};
}
QJsonObject reason(const QString &text)
{
    return {{QStringLiteral("reason"), text}};
}
QJsonObject toJustice()
{
    return {{QStringLiteral("agencyCode"), demo::kJusticeCode},
            {QStringLiteral("departmentId"), QStringLiteral("HCTP")}};
}

// The shape of the server's demo workflow (server/lib/demo_seed.cpp) for the criminal-record
// procedure (wf-lltp): intake (also the supplement step), assignment, appraisal, approval, return.
// Version 2 renames the assignment step, so a dossier on version 1 shows which one it follows.
Workflow lltpWorkflow(int version)
{
    Workflow w;
    w.id = QStringLiteral("wf-lltp");
    w.version = version;
    w.name = QStringLiteral("Quy trình nội bộ cấp Phiếu lý lịch tư pháp");
    w.procedureCode = QStringLiteral("2.001417");
    w.variants = {WorkflowVariant::Counter, WorkflowVariant::NationalPortal};
    const QString assign
        = version == 1 ? QStringLiteral("phan-cong") : QStringLiteral("phan-cong-2");
    w.startStepId = QStringLiteral("tiep-nhan");
    w.steps = {
        {QStringLiteral("tiep-nhan"),
         QStringLiteral("Tiếp nhận và chuyển hồ sơ"),
         AssigneeKind::Role,
         QStringLiteral("counter"),
         0,
         {ActionType::Receive, ActionType::RequestSupplement, ActionType::Refuse,
          ActionType::Transfer},
         true},
        {assign,
         QStringLiteral("Phân công xử lý"),
         AssigneeKind::Role,
         QStringLiteral("head"),
         0,
         {ActionType::Assign, ActionType::Reassign},
         false},
        {QStringLiteral("tham-dinh"),
         QStringLiteral("Thẩm định hồ sơ"),
         AssigneeKind::Role,
         QStringLiteral("appraiser"),
         0,
         {ActionType::Consult, ActionType::RecordOpinion, ActionType::RequestSupplement,
          ActionType::SubmitForApproval, ActionType::Reject, ActionType::Extend},
         false},
        {QStringLiteral("phe-duyet"),
         QStringLiteral("Phê duyệt kết quả"),
         AssigneeKind::Role,
         QStringLiteral("leader"),
         0,
         {ActionType::Approve, ActionType::SendBack, ActionType::Sign, ActionType::Reject},
         false},
        {QStringLiteral("tra-ket-qua"),
         QStringLiteral("Trả kết quả"),
         AssigneeKind::Role,
         QStringLiteral("counter"),
         0,
         {ActionType::Complete, ActionType::ReturnResult},
         false},
    };
    w.transitions = {
        {QStringLiteral("tiep-nhan"), assign, ActionType::Transfer},
        {assign, QStringLiteral("tham-dinh"), ActionType::Assign},
        {QStringLiteral("tham-dinh"), QStringLiteral("tiep-nhan"), ActionType::RequestSupplement},
        {QStringLiteral("tham-dinh"), QStringLiteral("phe-duyet"), ActionType::SubmitForApproval},
        {QStringLiteral("phe-duyet"), QStringLiteral("tham-dinh"), ActionType::SendBack},
        {QStringLiteral("phe-duyet"), QStringLiteral("tra-ket-qua"), ActionType::Approve},
    };
    return w;
}
QJsonObject printed(const char *form, int copies = 1, bool reprint = false)
{
    return {{QStringLiteral("form"), QLatin1String(form)},
            {QStringLiteral("copies"), copies},
            {QStringLiteral("reprint"), reprint}};
}
QJsonObject submission()
{
    return {
        {QStringLiteral("note"), QStringLiteral("Đủ điều kiện")},
        {QStringLiteral("results"),
         QJsonArray{QJsonObject{{QStringLiteral("sha256"), QString(64, QLatin1Char('a'))},
                                {QStringLiteral("fileName"), QStringLiteral("phieu.pdf")},
                                {QStringLiteral("mediaType"), QStringLiteral("application/pdf")},
                                {QStringLiteral("size"), 1000}}}}};
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exampleJourneyFolds()
    {
        const auto d = fold(demo::exampleJourney(), demo::directory());
        VERIFY_OK(d);
        QCOMPARE(d->stage, Stage::ResultReturned);
        QCOMPARE(d->status(), Status::Done);
        QCOMPARE(d->version, 8);
        QCOMPARE(d->trail.size(), 8);
        QCOMPARE(d->code, QStringLiteral("000.17.22.H56-261128-0007"));
        QCOMPARE(d->handlingAgencyCode, demo::kJusticeCode);
        QVERIFY(d->dueAt.isValid());
        QVERIFY(d->completedAt.isValid());
        QVERIFY(!d->isOverdue(d->completedAt));
        QCOMPARE(d->resultSignatures.size(), 1);
        QCOMPARE(d->returnRecord->feeReceipt, QStringLiteral("BL-2026-004512"));
        QVERIFY(d->participants.contains(QStringLiteral("appraiser1")));
    }
    void receiveSetsStatusAndDueDate_R04_1_accepted()
    {
        Journey j;
        j.receive();
        const auto &d = j.dossier();
        QCOMPARE(d.stage, Stage::Received);
        QCOMPARE(d.status(), Status::Accepted);
        QCOMPARE(d.agencyCode, demo::kCentreCode);
        const auto procedure = j.directory().procedure(QStringLiteral("2.001417"));
        QCOMPARE(
            d.dueAt,
            j.directory().calendar({}).dueAt(d.receivedAt, procedure->deadline, procedure->cutoff));
        QCOMPARE(statusLine(d, d.receivedAt, j.directory()),
                 QStringLiteral("Được tiếp nhận — Ngày tiếp nhận hồ sơ: 28/11/2026"));
    }
    void receiveValidatesTheDossier_R12_1d()
    {
        const auto dir = demo::directory();
        Action a = demo::exampleReceive();
        QJsonArray components = a.payload.value(QStringLiteral("components")).toArray();
        components.removeAt(1); // the CCCD copy is mandatory
        a.payload.insert(QStringLiteral("components"), components);
        auto r = apply(Dossier{}, a, dir);
        VERIFY_REJECTED(r, "action.bad_payload");
        QVERIFY(r.error().message.contains(QStringLiteral("Bản chụp Thẻ căn cước công dân")));

        a = demo::exampleReceive();
        QJsonObject applicant = a.payload.value(QStringLiteral("applicant")).toObject();
        applicant.insert(QStringLiteral("personalId"), QStringLiteral("12345"));
        a.payload.insert(QStringLiteral("applicant"), applicant);
        r = apply(Dossier{}, a, dir);
        VERIFY_REJECTED(r, "action.bad_payload");
        QCOMPARE(r.error().field, QStringLiteral("payload.applicant.personalId"));

        a = demo::exampleReceive();
        a.payload.insert(QStringLiteral("code"),
                         QStringLiteral("000.18.22.H56-261128-0007")); // another agency's code
        VERIFY_REJECTED(apply(Dossier{}, a, dir), "action.bad_payload");

        a = demo::exampleReceive();
        a.payload.insert(QStringLiteral("procedureCode"), QStringLiteral("9.999999"));
        VERIFY_REJECTED(apply(Dossier{}, a, dir), "action.unknown_procedure");

        a = demo::exampleReceive();
        a.payload.insert(QStringLiteral("colour"), QStringLiteral("red"));
        r = apply(Dossier{}, a, dir);
        VERIFY_REJECTED(r, "action.bad_payload");
        QCOMPARE(r.error().field, QStringLiteral("payload.colour"));

        a = demo::exampleReceive();
        a.payload.insert(QStringLiteral("channel"), 3);
        VERIFY_REJECTED(apply(Dossier{}, a, dir), "action.bad_payload");
    }
    // R12.3b: an agency that says which intake channels it accepts gets no dossier through another.
    void receiveRefusesAChannelTheAgencyDoesNotAccept_R12_3b()
    {
        auto dir = demo::directory();
        Agency centre = *dir.agency(demo::kCentreCode);
        centre.channels = {Channel::Counter, Channel::PublicPost};
        dir.add(centre);
        Action a = demo::exampleReceive();
        a.payload.insert(QStringLiteral("channel"), channelKey(Channel::Mobile));
        auto r = apply(Dossier{}, a, dir);
        VERIFY_REJECTED(r, "action.channel_not_accepted");
        QCOMPARE(r.error().field, QStringLiteral("payload.channel"));
        a.payload.insert(QStringLiteral("channel"), channelKey(Channel::PublicPost));
        VERIFY_OK(apply(Dossier{}, a, dir));
        // Its JSON says so; an agency without the setting reads as before.
        auto back = agencyFromJson(toJson(centre));
        QVERIFY(back);
        QCOMPARE(back->channels, centre.channels);
        centre.channels.clear();
        QVERIFY(!toJson(centre).contains(QStringLiteral("channels")));
    }
    void onlyTheCounterReceives()
    {
        Action a = demo::exampleReceive();
        a.actorId = QStringLiteral("appraiser1");
        VERIFY_REJECTED(apply(Dossier{}, a, demo::directory()), "action.wrong_role");
        a.actorId = QStringLiteral("nobody");
        VERIFY_REJECTED(apply(Dossier{}, a, demo::directory()), "action.unknown_actor");
    }
    void idempotentByActionId()
    {
        Journey j;
        j.receive();
        const Action again = j.actions().constFirst();
        const auto r = apply(j.dossier(), again, j.directory());
        VERIFY_OK(r);
        QCOMPARE(r.value(), j.dossier());
    }
    void staleVersionIsRejected()
    {
        Journey j;
        j.receive();
        Action a = j.make(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                          toJustice());
        a.baseVersion = 0;
        VERIFY_REJECTED(apply(j.dossier(), a, j.directory()), "action.stale_version");
        a.baseVersion = 5;
        VERIFY_REJECTED(apply(j.dossier(), a, j.directory()), "action.stale_version");
    }
    void actionOnAnotherDossierIsRejected()
    {
        Journey j;
        j.receive();
        Action a = j.make(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                          toJustice());
        a.dossierId = QUuid::createUuid();
        VERIFY_REJECTED(apply(j.dossier(), a, j.directory()), "action.wrong_dossier");
    }
    void firstActionMustCreate()
    {
        Journey j;
        VERIFY_REJECTED(j.act(ActionType::Transfer, QStringLiteral("counter1"),
                              vn(2026, 11, 30, 8, 0), toJustice()),
                        "action.wrong_stage");
    }
    void transferShowsCompetentAgency_R04_1()
    {
        Journey j;
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        QCOMPARE(j.dossier().stage, Stage::AwaitingAssignment);
        QCOMPARE(statusLine(j.dossier(), vn(2026, 11, 30, 9, 0), j.directory()),
                 QStringLiteral(
                     "Đang xử lý — Cơ quan có thẩm quyền giải quyết: Sở Tư pháp tỉnh Khánh Hòa"));
        // Once at the competent agency, the counter no longer moves it; the agency's head does.
        VERIFY_REJECTED(j.act(ActionType::Transfer, QStringLiteral("counter1"),
                              vn(2026, 11, 30, 8, 0), toJustice()),
                        "action.wrong_role");
        VERIFY_REJECTED(j.act(ActionType::Transfer, QStringLiteral("head1"), vn(2026, 11, 30, 8, 0),
                              {{QStringLiteral("agencyCode"), QStringLiteral("000.99.99.H99")}}),
                        "action.unknown_agency");
        VERIFY_REJECTED(j.act(ActionType::Transfer, QStringLiteral("head1"), vn(2026, 11, 30, 8, 0),
                              {{QStringLiteral("agencyCode"), demo::kJusticeCode},
                               {QStringLiteral("departmentId"), QStringLiteral("XX")}}),
                        "action.bad_payload");
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("head1"), vn(2026, 11, 30, 8, 0),
                        {{QStringLiteral("agencyCode"), demo::kJusticeCode},
                         {QStringLiteral("departmentId"), QStringLiteral("VP")}}));
        QCOMPARE(j.dossier().departmentId, QStringLiteral("VP"));
    }
    void assignmentShowsHandler_R04_1()
    {
        Journey j;
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        VERIFY_REJECTED(j.act(ActionType::Assign, QStringLiteral("appraiser1"),
                              vn(2026, 11, 30, 8, 5), handler("appraiser2")),
                        "action.wrong_role");
        VERIFY_REJECTED(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                              handler("counter1")),
                        "action.wrong_agency");
        VERIFY_REJECTED(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                              handler("ghost")),
                        "action.unknown_officer");
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                        handler("appraiser1")));
        QCOMPARE(j.dossier().stage, Stage::InAppraisal);
        QCOMPARE(j.dossier().handlerId, QStringLiteral("appraiser1"));
        QCOMPARE(
            statusLine(j.dossier(), vn(2026, 11, 30, 9, 0), j.directory()),
            QStringLiteral("Đang xử lý — Chuyên viên, Phòng Hành chính tư pháp, Phạm Văn Đức"));
    }
    void onlyTheHolderActs()
    {
        Journey j;
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                        handler("appraiser1")));
        VERIFY_REJECTED(j.act(ActionType::SubmitForApproval, QStringLiteral("appraiser2"),
                              vn(2026, 11, 30, 9, 0)),
                        "action.not_holder");
        VERIFY_REJECTED(
            j.act(ActionType::SubmitForApproval, QStringLiteral("head1"), vn(2026, 11, 30, 9, 0)),
            "action.not_holder");
        VERIFY_REJECTED(j.act(ActionType::RequestSupplement, QStringLiteral("appraiser2"),
                              vn(2026, 11, 30, 9, 0),
                              {{QStringLiteral("reason"), QStringLiteral("x")},
                               {QStringLiteral("content"), QStringLiteral("y")}}),
                        "action.not_holder");
        // A supervisor takes it over explicitly, then acts.
        VERIFY_OK(j.act(ActionType::Reassign, QStringLiteral("head1"), vn(2026, 11, 30, 9, 5),
                        handler("head1")));
        VERIFY_OK(
            j.act(ActionType::SubmitForApproval, QStringLiteral("head1"), vn(2026, 11, 30, 9, 10)));
        QCOMPARE(j.dossier().stage, Stage::AwaitingApproval);
    }
    // The UI offers the actions permitted() answers; they must be those apply() would not refuse
    // for who, where and when (the payload aside): every officer, every action type, at every
    // stage of a journey.
    void permittedAgreesWithApply()
    {
        Journey j;
        j.receive();
        const auto officers = QStringList{
            QStringLiteral("counter1"),   QStringLiteral("admin1"),  QStringLiteral("appraiser1"),
            QStringLiteral("appraiser2"), QStringLiteral("head1"),   QStringLiteral("leader1"),
            QStringLiteral("archivist1"), QStringLiteral("counter9")};
        const auto check = [&] {
            for (const QString &id : officers) {
                const Officer o = *j.directory().officer(id);
                for (ActionType t : allActionTypes()) {
                    const auto st = permitted(j.dossier(), t, o);
                    const auto applied
                        = apply(j.dossier(), j.make(t, id, vn(2026, 12, 1, 9, 0)), j.directory());
                    static const QStringList whoWhereWhen{
                        QStringLiteral("action.wrong_role"), QStringLiteral("action.wrong_agency"),
                        QStringLiteral("action.wrong_stage"), QStringLiteral("action.not_holder"),
                        QStringLiteral("action.inactive_actor")};
                    const bool refusedForWho = !applied
                        && whoWhereWhen.contains(applied.error().code)
                        && applied.error().field != QStringLiteral("payload.handlerId");
                    QVERIFY2(bool(st) == !refusedForWho,
                             qPrintable(
                                 QStringLiteral("%1 %2 at %3: permitted %4, apply %5")
                                     .arg(id, actionTypeKey(t), stageKey(j.dossier().stage))
                                     .arg(bool(st))
                                     .arg(applied ? QStringLiteral("ok") : applied.error().code)));
                }
            }
        };
        check();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        check();
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                        handler("appraiser1")));
        check();
        VERIFY_OK(j.act(ActionType::SubmitForApproval, QStringLiteral("appraiser1"),
                        vn(2026, 11, 30, 9, 0)));
        check();
        VERIFY_OK(j.act(ActionType::Approve, QStringLiteral("leader1"), vn(2026, 11, 30, 10, 0),
                        {{QStringLiteral("final"), true}}));
        check();
    }

    void counterCannotActOnAnotherAgencysDossier()
    {
        Journey j;
        j.receive();
        VERIFY_REJECTED(
            j.act(ActionType::Withdraw, QStringLiteral("counter9"), vn(2026, 11, 30, 8, 0)),
            "action.wrong_agency");
    }
    void supplementStopsAndRestartsTheClock_R15_8()
    {
        Journey j;
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                        handler("appraiser1")));
        VERIFY_REJECTED(j.act(ActionType::RequestSupplement, QStringLiteral("appraiser1"),
                              vn(2026, 12, 1, 9, 0), reason(QStringLiteral("Thiếu"))),
                        "action.bad_payload"); // the content to supplement is required
        VERIFY_OK(j.act(
            ActionType::RequestSupplement, QStringLiteral("appraiser1"), vn(2026, 12, 1, 9, 0),
            {{QStringLiteral("reason"), QStringLiteral("Tờ khai chưa ghi nơi cư trú")},
             {QStringLiteral("content"), QStringLiteral("Bổ sung tờ khai có đủ nơi cư trú")}}));
        const auto &d = j.dossier();
        QCOMPARE(d.stage, Stage::SupplementRequested);
        QCOMPARE(d.status(), Status::SupplementRequested);
        QVERIFY(d.remainingMinutes > 0);
        QCOMPARE(statusLine(d, vn(2026, 12, 1, 10, 0), j.directory()),
                 QStringLiteral("Yêu cầu bổ sung giấy tờ — Lý do, nội dung cần bổ sung: Tờ khai "
                                "chưa ghi nơi cư trú"));
        // Only the counter records the supplement.
        VERIFY_REJECTED(j.act(ActionType::RecordSupplement, QStringLiteral("appraiser1"),
                              vn(2026, 12, 8, 10, 0)),
                        "action.wrong_role");
        const QDateTime supplied = vn(2026, 12, 8, 10, 0);
        VERIFY_OK(j.act(ActionType::RecordSupplement, QStringLiteral("counter1"), supplied));
        QCOMPARE(j.dossier().stage, Stage::InAppraisal);
        const auto procedure = j.directory().procedure(QStringLiteral("2.001417"));
        QCOMPARE(
            j.dossier().dueAt,
            j.directory().calendar({}).dueAt(supplied, procedure->deadline, procedure->cutoff));
        QVERIFY(j.dossier().supplements.constLast().receivedAt.isValid());
    }
    void counterSupplementReturnsToTheCounter()
    {
        Journey j;
        j.receive();
        VERIFY_OK(j.act(ActionType::RequestSupplement, QStringLiteral("counter1"),
                        vn(2026, 11, 30, 8, 0),
                        {{QStringLiteral("reason"), QStringLiteral("Thiếu bản chụp")},
                         {QStringLiteral("content"), QStringLiteral("Bản chụp CCCD")}}));
        QCOMPARE(statusLine(j.dossier(), vn(2026, 11, 30, 9, 0), j.directory()),
                 QStringLiteral(
                     "Yêu cầu bổ sung giấy tờ — Lý do bổ sung, hoàn thiện hồ sơ: Thiếu bản chụp"));
        VERIFY_OK(
            j.act(ActionType::RecordSupplement, QStringLiteral("counter1"), vn(2026, 12, 2, 8, 0)));
        QCOMPARE(j.dossier().stage, Stage::Received);
    }
    // R05.1c, issue 8: a component signed with the officer's token at the counter carries its
    // signature record, stamped by the engine (who, when) whatever the payload says; one naming no
    // file of the component is refused; records already held cannot be dropped by a later payload.
    void componentSignaturesAreStampedAndKept_R05_1c()
    {
        Journey j;
        j.receive();
        const auto ask = [&](const QDateTime &at) {
            VERIFY_OK(
                j.act(ActionType::RequestSupplement, QStringLiteral("counter1"), at,
                      {{QStringLiteral("reason"), QStringLiteral("Thiếu bản sao")},
                       {QStringLiteral("content"), QStringLiteral("Bản sao có chứng thực")}}));
        };
        const auto supplement = [&](const Component &c, const QDateTime &at) {
            return j.act(ActionType::RecordSupplement, QStringLiteral("counter1"), at,
                         {{QStringLiteral("components"), QJsonArray{toJson(c)}}});
        };
        ask(vn(2026, 11, 30, 8, 0));
        const Component held = j.dossier().components.first();
        Component c = held;
        const FileRef scan{QString(64, QLatin1Char('c')), QStringLiteral("scan.pdf"),
                           QStringLiteral("application/pdf"), 10};
        c.files.append(scan);
        SignatureRecord claimed;
        claimed.fileSha256 = scan.sha256;
        claimed.signerName = QStringLiteral("NGUYỄN VĂN A");
        claimed.certificateSerial = QStringLiteral("01AB");
        claimed.officerId = QStringLiteral("leader1"); // not who acts
        claimed.signedAt = vn(2020, 1, 1, 0, 0);
        Component stray = c;
        SignatureRecord loose = claimed;
        loose.fileSha256 = QString(64, QLatin1Char('d'));
        stray.signatures = {loose};
        VERIFY_REJECTED(supplement(stray, vn(2026, 12, 1, 9, 0)), "action.bad_payload");
        QCOMPARE(j.dossier().stage, Stage::SupplementRequested); // nothing applied

        c.signatures.append(claimed);
        const QDateTime at = vn(2026, 12, 1, 9, 0);
        VERIFY_OK(supplement(c, at));
        const auto find = [&] {
            for (const auto &x : j.dossier().components) {
                if (x.id == held.id)
                    return x;
            }
            return Component{};
        };
        QCOMPARE(find().signatures.size(), held.signatures.size() + 1);
        const SignatureRecord stamped = find().signatures.constLast();
        QCOMPARE(stamped.fileSha256, scan.sha256);
        QCOMPARE(stamped.signerName, claimed.signerName);
        QCOMPARE(stamped.certificateSerial, claimed.certificateSerial);
        QCOMPARE(stamped.officerId, QStringLiteral("counter1"));
        QCOMPARE(stamped.signedAt, at);

        // A later supplement re-sends the component without the record: the record stays, as it
        // was.
        ask(vn(2026, 12, 2, 8, 0));
        Component bare = find();
        bare.signatures.clear();
        VERIFY_OK(supplement(bare, vn(2026, 12, 3, 8, 0)));
        QCOMPARE(find().signatures.constLast(), stamped);
    }
    void refusalAndWithdrawalAreFinal_R04_1()
    {
        Journey j;
        j.receive();
        VERIFY_REJECTED(
            j.act(ActionType::Refuse, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0)),
            "action.bad_payload");
        VERIFY_OK(j.act(ActionType::Refuse, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        reason(QStringLiteral("Không thuộc thẩm quyền"))));
        QCOMPARE(j.dossier().status(), Status::Stopped);
        QCOMPARE(statusLine(j.dossier(), vn(2026, 11, 30, 9, 0), j.directory()),
                 QStringLiteral("Dừng xử lý — Lý do từ chối tiếp nhận: Không thuộc thẩm quyền"));
        VERIFY_REJECTED(
            j.act(ActionType::Withdraw, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0)),
            "action.wrong_stage");

        Journey w;
        w.receive();
        VERIFY_OK(w.act(ActionType::Withdraw, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0)));
        QCOMPARE(w.dossier().status(), Status::Returned);
        QCOMPARE(statusLine(w.dossier(), vn(2026, 11, 30, 9, 0), w.directory()),
                 QStringLiteral("Đã trả lại"));
    }
    void consultationAndOpinions_R15_9()
    {
        Journey j;
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                        handler("appraiser1")));
        const auto consult = [](const char *id, const char *agency) {
            return QJsonObject{
                {QStringLiteral("consultationId"), QLatin1String(id)},
                {QStringLiteral("agency"), QString::fromUtf8(agency)},
                {QStringLiteral("content"), QStringLiteral("Xác minh nhân thân")},
                {QStringLiteral("deadline"), QStringLiteral("2026-12-04T17:00:00+07:00")},
                {QStringLiteral("replyMethod"), QStringLiteral("văn bản")}};
        };
        VERIFY_OK(j.act(ActionType::Consult, QStringLiteral("appraiser1"), vn(2026, 11, 30, 9, 0),
                        consult("k1", "Công an tỉnh")));
        VERIFY_OK(j.act(ActionType::Consult, QStringLiteral("appraiser1"), vn(2026, 11, 30, 9, 5),
                        consult("k2", "Tòa án nhân dân tỉnh")));
        VERIFY_REJECTED(j.act(ActionType::Consult, QStringLiteral("appraiser1"),
                              vn(2026, 11, 30, 9, 6), consult("k2", "x")),
                        "action.bad_payload");
        QCOMPARE(j.dossier().stage, Stage::Consulting);
        QCOMPARE(j.dossier().status(), Status::InProgress);
        const auto answer = [](const char *id) {
            return QJsonObject{{QStringLiteral("consultationId"), QLatin1String(id)},
                               {QStringLiteral("answer"), QStringLiteral("Không có án tích")}};
        };
        VERIFY_OK(j.act(ActionType::RecordOpinion, QStringLiteral("appraiser1"),
                        vn(2026, 12, 2, 9, 0), answer("k1")));
        QCOMPARE(j.dossier().stage, Stage::Consulting);
        VERIFY_REJECTED(j.act(ActionType::RecordOpinion, QStringLiteral("appraiser1"),
                              vn(2026, 12, 2, 9, 0), answer("k1")),
                        "action.bad_payload");
        VERIFY_OK(j.act(ActionType::RecordOpinion, QStringLiteral("appraiser1"),
                        vn(2026, 12, 3, 9, 0), answer("k2")));
        QCOMPARE(j.dossier().stage, Stage::InAppraisal);
        QCOMPARE(j.dossier().consultations.size(), 2);
    }
    void approvalRoundsSendBackAndSeveralSignOffs_R16()
    {
        Journey j;
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                        handler("appraiser1")));
        VERIFY_OK(j.act(ActionType::SubmitForApproval, QStringLiteral("appraiser1"),
                        vn(2026, 12, 1, 9, 0)));
        VERIFY_REJECTED(
            j.act(ActionType::Approve, QStringLiteral("appraiser1"), vn(2026, 12, 1, 10, 0)),
            "action.wrong_role");
        VERIFY_REJECTED(
            j.act(ActionType::SendBack, QStringLiteral("head1"), vn(2026, 12, 1, 10, 0)),
            "action.bad_payload");
        VERIFY_OK(j.act(ActionType::SendBack, QStringLiteral("head1"), vn(2026, 12, 1, 10, 0),
                        reason(QStringLiteral("Sửa trích yếu"))));
        QCOMPARE(j.dossier().stage, Stage::InAppraisal);
        QCOMPARE(j.dossier().handlerId, QStringLiteral("appraiser1"));
        VERIFY_OK(j.act(ActionType::SubmitForApproval, QStringLiteral("appraiser1"),
                        vn(2026, 12, 1, 14, 0)));
        VERIFY_OK(j.act(ActionType::Approve, QStringLiteral("head1"), vn(2026, 12, 1, 15, 0),
                        {{QStringLiteral("final"), false}}));
        QCOMPARE(j.dossier().stage, Stage::AwaitingApproval);
        VERIFY_REJECTED(j.act(ActionType::Approve, QStringLiteral("head1"), vn(2026, 12, 1, 15, 1)),
                        "action.bad_payload");
        VERIFY_OK(j.act(ActionType::Approve, QStringLiteral("leader1"), vn(2026, 12, 1, 16, 0)));
        QCOMPARE(j.dossier().stage, Stage::Approved);
        QCOMPARE(j.dossier().signOffs.size(), 2);
    }
    void rejectionAfterAppraisal_R04_1()
    {
        Journey j;
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                        handler("appraiser1")));
        VERIFY_OK(j.act(ActionType::Reject, QStringLiteral("appraiser1"), vn(2026, 12, 1, 9, 0),
                        reason(QStringLiteral("Không đủ điều kiện"))));
        QCOMPARE(j.dossier().status(), Status::Stopped);
        QCOMPARE(statusLine(j.dossier(), vn(2026, 12, 1, 9, 0), j.directory()),
                 QStringLiteral("Dừng xử lý — Lý do không giải quyết: Không đủ điều kiện"));
    }
    void extensionMovesTheDueDate_R15_5()
    {
        Journey j;
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                        handler("appraiser1")));
        const QDateTime before = j.dossier().dueAt;
        VERIFY_REJECTED(j.act(ActionType::Extend, QStringLiteral("appraiser1"),
                              vn(2026, 12, 1, 9, 0),
                              {{QStringLiteral("minutes"), 0},
                               {QStringLiteral("reason"), QStringLiteral("x")}}),
                        "action.bad_payload");
        VERIFY_OK(j.act(ActionType::Extend, QStringLiteral("appraiser1"), vn(2026, 12, 1, 9, 0),
                        {{QStringLiteral("minutes"), 960},
                         {QStringLiteral("reason"), QStringLiteral("Chờ xác minh")}}));
        QCOMPARE(j.dossier().dueAt, j.directory().calendar({}).extend(before, 960));
        QVERIFY(j.dossier().dueAt > before);
        QCOMPARE(j.dossier().extensions.constFirst().previousDue, before);
    }
    void overdueStatusLine_R04_1()
    {
        Journey j;
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                        handler("appraiser1")));
        const QDateTime due = j.dossier().dueAt;
        const WorkCalendar &cal = j.directory().calendar({});
        const QDateTime threeDaysLate = cal.addWorkingMinutes(due, 3 * 480);
        QVERIFY(j.dossier().isOverdue(threeDaysLate));
        const QString expected = QStringLiteral("Đang xử lý — Hạn xử lý %1 - Quá hạn %2 ngày")
                                     .arg(due.date().toString(QStringLiteral("dd/MM/yyyy")))
                                     .arg(cal.workingDaysLate(due, threeDaysLate));
        QCOMPARE(statusLine(j.dossier(), threeDaysLate, j.directory()), expected);
        QCOMPARE(cal.workingDaysLate(due, threeDaysLate), 3);
    }
    void returnWithoutOriginalsIsNotYetReturned_R18_6()
    {
        auto actions = demo::exampleJourney();
        Action last = actions.takeLast();
        auto d = fold(actions, demo::directory());
        VERIFY_OK(d);
        QCOMPARE(statusLine(d.value(), last.deviceTime, demo::directory()),
                 QStringLiteral("Đã xử lý xong — Đang trả kết quả"));
        Action notYet = last;
        notYet.payload.insert(QStringLiteral("originalsChecked"), false);
        auto pending = apply(d.value(), notYet, demo::directory());
        VERIFY_OK(pending);
        QCOMPARE(pending->stage, Stage::ResultReady);
        QVERIFY(pending->returnRecord.has_value());
        QVERIFY(!pending->returnRecord->returnedAt.isValid());
        last.baseVersion = pending->version;
        last.id = QUuid::createUuid();
        auto done = apply(pending.value(), last, demo::directory());
        VERIFY_OK(done);
        QCOMPARE(statusLine(done.value(), last.deviceTime, demo::directory()),
                 QStringLiteral("Đã xử lý xong — Đã trả kết quả"));
    }
    void signRequiresAKnownFile()
    {
        auto actions = demo::exampleJourney();
        Action sign = actions.at(5);
        sign.payload.insert(QStringLiteral("fileSha256"), QString(64, QLatin1Char('0')));
        actions[5] = sign;
        VERIFY_REJECTED(fold(actions, demo::directory()), "action.bad_payload");
    }
    // A PAdES copy is a new file: the Sign action keeps it next to the signed original and the
    // record names the copy (R10.4); one copy per signing.
    void signKeepsTheSignedCopyNextToTheOriginal_R10_4()
    {
        auto actions = demo::exampleJourney().mid(0, 6);
        Action sign = actions.last();
        QCOMPARE(sign.type, ActionType::Sign);
        const QJsonObject copy{{QStringLiteral("sha256"), QString(64, QLatin1Char('b'))},
                               {QStringLiteral("fileName"), QStringLiteral("ket-qua-signed.pdf")},
                               {QStringLiteral("mediaType"), QStringLiteral("application/pdf")},
                               {QStringLiteral("size"), 1234}};
        sign.payload.insert(QStringLiteral("signedFiles"), QJsonArray{copy});
        actions.last() = sign;
        auto d = fold(actions, demo::directory());
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->results.size(), 2);
        QCOMPARE(d->results.last().fileName, QStringLiteral("ket-qua-signed.pdf"));
        QCOMPARE(d->resultSignatures.size(), 1);
        QCOMPARE(d->resultSignatures.first().fileSha256, QString(64, QLatin1Char('b')));
        sign.payload.insert(QStringLiteral("signedFiles"), QJsonArray{copy, copy});
        actions.last() = sign;
        VERIFY_REJECTED(fold(actions, demo::directory()), "action.bad_payload");
    }
    void stopAtApplicantsRequest_R17()
    {
        Journey j;
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        VERIFY_REJECTED(j.act(ActionType::Stop, QStringLiteral("head1"), vn(2026, 11, 30, 9, 0),
                              reason(QStringLiteral("x"))),
                        "action.wrong_role");
        VERIFY_OK(j.act(ActionType::Stop, QStringLiteral("counter1"), vn(2026, 11, 30, 9, 0),
                        reason(QStringLiteral("Công dân có đơn xin dừng"))));
        QCOMPARE(j.dossier().stage, Stage::StoppedOnRequest);
        QCOMPARE(j.dossier().trail.size(), 3); // the full trail is kept
    }
    void inactiveOfficerIsLockedOut()
    {
        Journey j;
        j.receive();
        auto counter = j.directory().officer(QStringLiteral("counter1")).value();
        counter.active = false;
        j.directory().add(counter);
        VERIFY_REJECTED(j.act(ActionType::Transfer, QStringLiteral("counter1"),
                              vn(2026, 11, 30, 8, 0), toJustice()),
                        "action.inactive_actor");
    }
    void onlineDossierAwaitsIntake_R12_2()
    {
        Journey j;
        QJsonObject payload = demo::exampleReceive().payload;
        payload.remove(QStringLiteral("code"));
        payload.remove(QStringLiteral("channel"));
        VERIFY_OK(j.act(ActionType::SubmitOnline, QStringLiteral("counter1"),
                        vn(2026, 11, 27, 22, 0), payload));
        QCOMPARE(j.dossier().stage, Stage::AwaitingIntake);
        QCOMPARE(j.dossier().channel, Channel::NationalPortal);
        QVERIFY(!j.dossier().dueAt.isValid());
        VERIFY_REJECTED(
            j.act(ActionType::Receive, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0)),
            "action.bad_payload"); // no code yet
        VERIFY_OK(j.act(ActionType::Receive, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        {{QStringLiteral("code"), QStringLiteral("000.17.22.H56-261130-0001")}}));
        QCOMPARE(j.dossier().stage, Stage::Received);
        QVERIFY(j.dossier().dueAt.isValid());
    }
    void everyChartTransitionHasRoles()
    {
        for (const auto &t : TransitionChart::standard().transitions())
            QVERIFY(!rolesAllowed(t.action).isEmpty());
    }
    // R07/R09: intake records the workflow's latest version and its start step; every action then
    // moves the recorded step along that version, the supplement step and back included.
    void stepsFollowTheRecordedWorkflow_R07_R09()
    {
        Journey j;
        j.directory().add(lltpWorkflow(1));
        j.receive();
        QCOMPARE(j.dossier().workflowId, QStringLiteral("wf-lltp"));
        QCOMPARE(j.dossier().workflowVersion, 1);
        QCOMPARE(j.dossier().currentStepId, QStringLiteral("tiep-nhan"));
        const auto step = [&] { return j.dossier().currentStepId; };
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        QCOMPARE(step(), QStringLiteral("phan-cong"));
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                        handler("appraiser1")));
        QCOMPARE(step(), QStringLiteral("tham-dinh"));
        VERIFY_OK(j.act(ActionType::RequestSupplement, QStringLiteral("appraiser1"),
                        vn(2026, 11, 30, 9, 0),
                        {{QStringLiteral("reason"), QStringLiteral("Thiếu tờ khai")},
                         {QStringLiteral("content"), QStringLiteral("Nộp tờ khai có chữ ký")}}));
        QCOMPARE(step(), QStringLiteral("tiep-nhan")); // the supplement step
        QCOMPARE(j.dossier().supplements.constLast().resumeStepId, QStringLiteral("tham-dinh"));
        VERIFY_OK(
            j.act(ActionType::RecordSupplement, QStringLiteral("counter1"), vn(2026, 12, 1, 8, 0)));
        QCOMPARE(j.dossier().stage, Stage::InAppraisal);
        QCOMPARE(step(), QStringLiteral("tham-dinh")); // back where the request was made
        VERIFY_OK(j.act(ActionType::Consult, QStringLiteral("appraiser1"), vn(2026, 12, 1, 9, 0),
                        {{QStringLiteral("consultationId"), QStringLiteral("k1")},
                         {QStringLiteral("agency"), QStringLiteral("Công an tỉnh")},
                         {QStringLiteral("content"), QStringLiteral("Xác minh")}}));
        QCOMPARE(step(), QStringLiteral("tham-dinh")); // no transition: the step fits Consulting
        VERIFY_OK(j.act(ActionType::RecordOpinion, QStringLiteral("appraiser1"),
                        vn(2026, 12, 2, 9, 0),
                        {{QStringLiteral("consultationId"), QStringLiteral("k1")},
                         {QStringLiteral("answer"), QStringLiteral("Không có án tích")}}));
        VERIFY_OK(j.act(ActionType::SubmitForApproval, QStringLiteral("appraiser1"),
                        vn(2026, 12, 2, 10, 0), submission()));
        QCOMPARE(step(), QStringLiteral("phe-duyet"));
        VERIFY_OK(j.act(ActionType::SendBack, QStringLiteral("leader1"), vn(2026, 12, 2, 11, 0),
                        reason(QStringLiteral("Sửa trích yếu"))));
        QCOMPARE(step(), QStringLiteral("tham-dinh"));
        VERIFY_OK(j.act(ActionType::SubmitForApproval, QStringLiteral("appraiser1"),
                        vn(2026, 12, 2, 14, 0), submission()));
        // A sign-off that is not the last keeps the dossier at approval even though the step has
        // a transition on Approve: the return step does not fit a dossier awaiting approval.
        VERIFY_OK(j.act(ActionType::Approve, QStringLiteral("head1"), vn(2026, 12, 2, 15, 0),
                        {{QStringLiteral("final"), false}}));
        QCOMPARE(j.dossier().stage, Stage::AwaitingApproval);
        QCOMPARE(step(), QStringLiteral("phe-duyet"));
        VERIFY_OK(j.act(ActionType::Approve, QStringLiteral("leader1"), vn(2026, 12, 2, 16, 0),
                        {{QStringLiteral("final"), true}}));
        QCOMPARE(step(), QStringLiteral("tra-ket-qua"));
        VERIFY_OK(
            j.act(ActionType::Complete, QStringLiteral("archivist1"), vn(2026, 12, 2, 17, 0)));
        QCOMPARE(step(), QStringLiteral("tra-ket-qua"));
        VERIFY_OK(j.act(ActionType::ReturnResult, QStringLiteral("counter1"), vn(2026, 12, 3, 9, 0),
                        {{QStringLiteral("recipientName"), QStringLiteral("Nguyễn Văn Đức")}}));
        QCOMPARE(j.dossier().stage, Stage::ResultReturned);
        QCOMPARE(step(), QStringLiteral("tra-ket-qua")); // final: where processing ended
        QCOMPARE(j.dossier().workflowVersion, 1);
        // The fold of the same actions agrees (the server replays them the same way).
        const auto folded = fold(j.actions(), j.directory());
        VERIFY_OK(folded);
        QCOMPARE(folded.value(), j.dossier());
        // The recorded fields survive JSON (the client cache and the server store keep documents).
        const auto back = dossierFromJson(toJson(j.dossier()));
        VERIFY_OK(back);
        QCOMPARE(back.value(), j.dossier());
    }
    // R07.1 "running dossiers keep their version": a new version published mid-way changes
    // nothing for a dossier received on the old one; the next intake takes the new one.
    void runningDossierKeepsItsWorkflowVersion_R07()
    {
        Journey j;
        j.directory().add(lltpWorkflow(1));
        j.receive();
        j.directory().add(lltpWorkflow(2));
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        QCOMPARE(j.dossier().workflowVersion, 1);
        QCOMPARE(j.dossier().currentStepId, QStringLiteral("phan-cong")); // v1's step, not v2's

        Journey k;
        k.directory().add(lltpWorkflow(1));
        k.directory().add(lltpWorkflow(2));
        k.receive();
        QCOMPARE(k.dossier().workflowVersion, 2);
        VERIFY_OK(k.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        QCOMPARE(k.dossier().currentStepId, QStringLiteral("phan-cong-2"));
    }
    // A portal dossier starts at the start step of a workflow covering the national portal; a
    // workflow that does not cover the dossier's channel, or none at all, records nothing.
    void stepRecordedOnlyWhenAWorkflowCoversTheChannel_R07_4()
    {
        Journey online;
        online.directory().add(lltpWorkflow(1));
        QJsonObject payload = demo::exampleReceive().payload;
        payload.remove(QStringLiteral("code"));
        payload.remove(QStringLiteral("channel"));
        VERIFY_OK(online.act(ActionType::SubmitOnline, QStringLiteral("counter1"),
                             vn(2026, 11, 27, 22, 0), payload));
        QCOMPARE(online.dossier().currentStepId, QStringLiteral("tiep-nhan"));
        QCOMPARE(online.dossier().workflowVersion, 1);

        Journey counterOnly;
        Workflow portalOnly = lltpWorkflow(1);
        portalOnly.variants = {WorkflowVariant::NationalPortal};
        counterOnly.directory().add(portalOnly);
        counterOnly.receive();
        QCOMPARE(counterOnly.dossier().workflowVersion, 0);
        QVERIFY(counterOnly.dossier().currentStepId.isEmpty());

        Journey none; // wf-lltp unknown to the directory: the dossier works as before
        none.receive();
        QCOMPARE(none.dossier().workflowId, QStringLiteral("wf-lltp"));
        QCOMPARE(none.dossier().workflowVersion, 0);
        VERIFY_OK(none.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                           toJustice()));
        QVERIFY(none.dossier().currentStepId.isEmpty());
    }
    // Issue 5 item 8: every print is recorded on the dossier, in any stage (a reprint after the
    // result), without changing stage, handler, deadline, participants or the recorded step.
    // R01.2c: a step given to a group, a position or a person is theirs; an officer may be
    // granted a step by name; a group's roles count as the officer's own (R01.2b).
    void stepsGivenToAGroupOrAPositionAreTheirs_R01_2c()
    {
        Journey j;
        Workflow w = lltpWorkflow(1);
        for (auto &step : w.steps) {
            if (step.id == QLatin1String("tham-dinh")) {
                step.assigneeKind = AssigneeKind::Group;
                step.assignee = QStringLiteral("to-lltp");
            } else if (step.id == QLatin1String("phe-duyet")) {
                step.assigneeKind = AssigneeKind::Position;
                step.assignee = QStringLiteral("giám đốc sở"); // case and spacing aside
            }
        }
        j.directory().add(w);
        const auto setGroups = [&](const char *id, const QStringList &groups) {
            Officer o = j.directory().officer(QLatin1String(id)).value();
            o.groupIds = groups;
            j.directory().add(o);
        };
        setGroups("appraiser1", {QStringLiteral("to-lltp")});
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        // Assigning to an appraiser outside the group would leave the dossier with nobody who
        // may work at its step.
        const auto outside = j.act(ActionType::Assign, QStringLiteral("head1"),
                                   vn(2026, 11, 30, 8, 5), handler("appraiser2"));
        VERIFY_REJECTED(outside, "action.step_not_permitted");
        QCOMPARE(outside.error().field, QStringLiteral("payload.handlerId"));
        QVERIFY(outside.error().message.contains(QStringLiteral("nhóm to-lltp")));
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 6),
                        handler("appraiser1")));
        QCOMPARE(j.dossier().currentStepId, QStringLiteral("tham-dinh"));

        // Out of the group, the holder may not do the step's work; back in, they may.
        setGroups("appraiser1", {});
        const Officer out = j.directory().officer(QStringLiteral("appraiser1")).value();
        QVERIFY(!permitted(j.dossier(), ActionType::SubmitForApproval, out, j.directory()));
        QVERIFY(permitted(j.dossier(), ActionType::SubmitForApproval, out)); // the roles alone
        VERIFY_REJECTED(j.act(ActionType::SubmitForApproval, QStringLiteral("appraiser1"),
                              vn(2026, 11, 30, 9, 0), submission()),
                        "action.step_not_permitted");
        // Granted the step by name (per person), without the group.
        Officer granted = out;
        granted.stepPermissions = {QStringLiteral("wf-lltp/tham-dinh")};
        j.directory().add(granted);
        QVERIFY(permitted(j.dossier(), ActionType::SubmitForApproval, granted, j.directory()));
        VERIFY_OK(j.act(ActionType::SubmitForApproval, QStringLiteral("appraiser1"),
                        vn(2026, 11, 30, 9, 1), submission()));
        QCOMPARE(j.dossier().currentStepId, QStringLiteral("phe-duyet"));

        // Approval is the Director's (position), not the head of department's: the head's
        // supervisory actions the step does not list stay the role rules' (a reassignment).
        const Officer head = j.directory().officer(QStringLiteral("head1")).value();
        QVERIFY(!permitted(j.dossier(), ActionType::Approve, head, j.directory()));
        VERIFY_REJECTED(j.act(ActionType::Approve, QStringLiteral("head1"), vn(2026, 11, 30, 10, 0),
                              {{QStringLiteral("final"), true}}),
                        "action.step_not_permitted");
        VERIFY_OK(j.act(ActionType::Approve, QStringLiteral("leader1"), vn(2026, 11, 30, 10, 1),
                        {{QStringLiteral("final"), true}}));
        QCOMPARE(j.dossier().currentStepId, QStringLiteral("tra-ket-qua"));

        // The fold agrees with the server's replay of the accepted actions.
        const auto folded = fold(j.actions(), j.directory());
        VERIFY_OK(folded);
        QCOMPARE(folded.value(), j.dossier());
    }

    void groupRolesCountAsTheOfficersOwn_R01_2b()
    {
        Officer o = demo::directory().officer(QStringLiteral("archivist1")).value();
        QVERIFY(!o.hasRole(Role::Appraiser));
        o.groupIds = {QStringLiteral("to-lltp")};
        o.groupRoles = {Role::Appraiser, Role::Archivist};
        QVERIFY(o.hasRole(Role::Appraiser));
        QCOMPARE(o.effectiveRoles(), (QList<Role>{Role::Archivist, Role::Appraiser}));
        // The account's JSON carries both (the server writes them, the client reads them).
        const auto back = officerFromJson(toJson(o));
        VERIFY_OK(back);
        QCOMPARE(back.value(), o);
        // An account without groups keeps the JSON it always had.
        QVERIFY(!toJson(demo::directory().officer(QStringLiteral("counter1")).value())
                     .contains(QStringLiteral("groups")));

        OfficerGroup g;
        g.id = QStringLiteral("to-lltp");
        g.agencyCode = demo::kJusticeCode;
        g.name = QStringLiteral("Tổ lý lịch tư pháp");
        g.roles = {Role::Appraiser};
        g.memberIds = {QStringLiteral("appraiser1"), QStringLiteral("archivist1")};
        const auto group = officerGroupFromJson(toJson(g));
        VERIFY_OK(group);
        QCOMPARE(group.value(), g);
        QJsonObject bad = toJson(g);
        bad.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("boss")});
        VERIFY_REJECTED(officerGroupFromJson(bad), "json.bad_value");
        bad = toJson(g);
        bad.insert(QStringLiteral("name"), QStringLiteral("  "));
        const auto blank = officerGroupFromJson(bad);
        VERIFY_REJECTED(blank, "json.empty_field");
        QCOMPARE(blank.error().field, QStringLiteral("name"));
    }

    void printsAreRecordedInEveryStage_R19()
    {
        Journey j;
        j.directory().add(lltpWorkflow(1));
        j.receive();
        VERIFY_OK(j.act(ActionType::RecordPrint, QStringLiteral("counter1"),
                        vn(2026, 11, 28, 9, 16), printed("receipt", 2)));
        const Dossier afterReceipt = j.dossier();
        QCOMPARE(afterReceipt.stage, Stage::Received);
        QCOMPARE(afterReceipt.prints.size(), 1);
        QCOMPARE(afterReceipt.prints.constFirst().form, QStringLiteral("receipt"));
        QCOMPARE(afterReceipt.prints.constFirst().copies, 2);
        QCOMPARE(afterReceipt.prints.constFirst().officerId, QStringLiteral("counter1"));
        QCOMPARE(afterReceipt.trail.constLast().type, ActionType::RecordPrint);
        QCOMPARE(afterReceipt.trail.constLast().note,
                 QStringLiteral("In giấy tiếp nhận hồ sơ và hẹn trả kết quả (2 liên)"));
        QCOMPARE(afterReceipt.currentStepId, QStringLiteral("tiep-nhan"));

        // Unknown forms, the log book (many dossiers) and stray fields are refused by name.
        const auto bad = j.act(ActionType::RecordPrint, QStringLiteral("counter1"),
                               vn(2026, 11, 28, 9, 17), printed("passport"));
        VERIFY_REJECTED(bad, "action.bad_payload");
        QCOMPARE(bad.error().field, QStringLiteral("payload.form"));
        VERIFY_REJECTED(j.act(ActionType::RecordPrint, QStringLiteral("counter1"),
                              vn(2026, 11, 28, 9, 17), printed("logbook")),
                        "action.bad_payload");
        VERIFY_REJECTED(j.act(ActionType::RecordPrint, QStringLiteral("counter1"),
                              vn(2026, 11, 28, 9, 17), printed("receipt", 0)),
                        "action.bad_payload");
        // Another agency's officer may not print it.
        VERIFY_REJECTED(j.act(ActionType::RecordPrint, QStringLiteral("counter9"),
                              vn(2026, 11, 28, 9, 17), printed("receipt")),
                        "action.wrong_agency");

        // An action made before the print (offline, on the version before it) is still current.
        Action late = j.make(ActionType::Transfer, QStringLiteral("counter1"),
                             vn(2026, 11, 28, 9, 30), toJustice());
        late.baseVersion = 1;
        auto transferred = apply(j.dossier(), late, j.directory());
        VERIFY_OK(transferred);
        QCOMPARE(transferred->stage, Stage::AwaitingAssignment);

        // After the result: a reprint at the citizen's request, stage kept.
        auto done = fold(demo::exampleJourney(), demo::directory());
        VERIFY_OK(done);
        Dossier d = done.value();
        const QStringList participants = d.participants;
        Action reprint = j.make(ActionType::RecordPrint, QStringLiteral("counter1"),
                                vn(2026, 12, 5, 9, 0), printed("receipt", 1, true));
        reprint.dossierId = d.id;
        reprint.baseVersion = d.version;
        auto again = apply(d, reprint, demo::directory());
        VERIFY_OK(again);
        QCOMPARE(again->stage, Stage::ResultReturned);
        QCOMPARE(again->dueAt, d.dueAt);
        QCOMPARE(again->version, d.version + 1);
        QVERIFY(again->prints.constFirst().reprint);
        QCOMPARE(again->trail.constLast().note,
                 QStringLiteral("In lại giấy tiếp nhận hồ sơ và hẹn trả kết quả (1 liên)"));
        // An appraiser of the handling agency prints the control slip; printing is not taking
        // part in the processing (R15.4).
        Action control = j.make(ActionType::RecordPrint, QStringLiteral("appraiser2"),
                                vn(2026, 12, 5, 9, 5), printed("process-control"));
        control.dossierId = d.id;
        control.baseVersion = again->version;
        auto third = apply(again.value(), control, demo::directory());
        VERIFY_OK(third);
        QCOMPARE(third->prints.size(), 2);
        QCOMPARE(third->participants, participants);
        const auto back = dossierFromJson(toJson(third.value()));
        VERIFY_OK(back);
        QCOMPARE(back->prints, third->prints);
    }
    // R04.2: the province's chart switches off an optional step and narrows who approves; the
    // engine and permitted() with a directory follow the directory's chart; without one, the
    // standard chart.
    void provinceChartIsFollowed_R04_2()
    {
        Journey j;
        ChartSettings settings;
        settings.steps
            = {ChartStep{Stage::InAppraisal, ActionType::Consult, false},
               ChartStep{Stage::AwaitingApproval, ActionType::Approve, true, {Role::Leader}}};
        auto chart = chartFrom(settings);
        VERIFY_OK(chart);
        j.directory().setChart(chart.value());
        j.receive();
        VERIFY_OK(j.act(ActionType::Transfer, QStringLiteral("counter1"), vn(2026, 11, 30, 8, 0),
                        toJustice()));
        VERIFY_OK(j.act(ActionType::Assign, QStringLiteral("head1"), vn(2026, 11, 30, 8, 5),
                        handler("appraiser1")));
        const Officer appraiser = j.directory().officer(QStringLiteral("appraiser1")).value();
        QVERIFY(permitted(j.dossier(), ActionType::Consult, appraiser));
        QVERIFY(!permitted(j.dossier(), ActionType::Consult, appraiser, j.directory()));
        const QJsonObject consult{
            {QStringLiteral("consultationId"), QStringLiteral("k1")},
            {QStringLiteral("agency"), QStringLiteral("Công an tỉnh")},
            {QStringLiteral("content"), QStringLiteral("Xác minh nhân thân")},
            {QStringLiteral("deadline"), QStringLiteral("2026-12-04T17:00:00+07:00")}};
        VERIFY_REJECTED(j.act(ActionType::Consult, QStringLiteral("appraiser1"),
                              vn(2026, 11, 30, 9, 0), consult),
                        "action.wrong_stage");
        VERIFY_OK(j.act(ActionType::SubmitForApproval, QStringLiteral("appraiser1"),
                        vn(2026, 11, 30, 9, 5), submission()));
        const Officer head = j.directory().officer(QStringLiteral("head1")).value();
        QVERIFY(permitted(j.dossier(), ActionType::Approve, head));
        QVERIFY(!permitted(j.dossier(), ActionType::Approve, head, j.directory()));
        const auto byHead = j.act(ActionType::Approve, QStringLiteral("head1"),
                                  vn(2026, 11, 30, 10, 0), {{QStringLiteral("final"), true}});
        VERIFY_REJECTED(byHead, "action.wrong_role");
        QVERIFY2(byHead.error().message.contains(roleName(Role::Leader)),
                 qPrintable(byHead.error().message));
        VERIFY_OK(j.act(ActionType::Approve, QStringLiteral("leader1"), vn(2026, 11, 30, 10, 1),
                        {{QStringLiteral("final"), true}}));
        QCOMPARE(j.dossier().stage, Stage::Approved);
        // The fold of the accepted actions under the same chart gives the same dossier.
        const auto folded = fold(j.actions(), j.directory());
        VERIFY_OK(folded);
        QCOMPARE(folded->stage, Stage::Approved);
    }
};

QTEST_APPLESS_MAIN(TestEngine)
#include "test_engine.moc"
