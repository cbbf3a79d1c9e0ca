// The work queues (R20) on the real cache: every queue's COUNT and pages against the row-by-row
// judgement the queues were defined with (each dossier read whole and judged), on a generated
// cache holding every stage, supplements, sign-offs, participants, due dates and agencies.
#include "../store/storetest.h"

#include <QRandomGenerator>

#include <domain/workcalendar.h>
#include <services/queues.h>

#include <algorithm>

using namespace motcua;
using namespace motcua::services;
using domain::Stage;

namespace {

const QStringList kAgencies{QStringLiteral("000.17.22.H56"), QStringLiteral("000.20.22.H56"),
                            QStringLiteral("000.30.22.H56")};
const QStringList kOfficers{QStringLiteral("o1"), QStringLiteral("o2"), QString()};
const QStringList kDepartments{QStringLiteral("d1"), QStringLiteral("d2"), QString()};

template<typename T>
T pick(QRandomGenerator &r, const QList<T> &from)
{
    return from.at(r.bounded(int(from.size())));
}

// Dossier `n` with random work state; `variant` changes it for a later change of the feed.
domain::Dossier makeDossier(const domain::Dossier &base, int n, int variant, const QDateTime &now)
{
    QRandomGenerator r(quint32(n * 7919 + variant));
    domain::Dossier d = base;
    d.id = QUuid::createUuidV5(QUuid(), QString::number(n));
    d.code = store::test::code(n);
    d.stage = domain::allStages().at((n + variant) % domain::allStages().size());
    d.agencyCode = kAgencies.at(r.bounded(2));
    d.handlingAgencyCode = pick(r, kAgencies);
    d.departmentId = pick(r, kDepartments);
    d.handlerId = pick(r, kOfficers);
    const QList<qint64> dueOffsets{0, -86400, -60, 3600, 2 * 86400, 5 * 86400, 30 * 86400};
    const qint64 due = pick(r, dueOffsets);
    d.dueAt = due == 0 ? QDateTime() : now.addSecs(due);
    d.supplements.clear();
    for (int i = r.bounded(3); i > 0; --i) {
        domain::SupplementRequest s;
        s.requestedAt = now.addDays(-10);
        s.requestedBy = pick(r, kOfficers);
        s.reason = QStringLiteral("Thiếu giấy tờ");
        if (r.bounded(2) == 0)
            s.receivedAt = now.addDays(-1);
        d.supplements.append(s);
    }
    d.signOffs.clear();
    if (r.bounded(3) == 0)
        d.signOffs.append({QStringLiteral("o2"), now.addDays(-1), {}, false});
    d.participants.clear();
    for (const QString &o : kOfficers) {
        if (!o.isEmpty() && r.bounded(3) == 0)
            d.participants.append(o);
    }
    d.submittedBy = pick(r, kOfficers);
    d.returnRecord.reset();
    if (r.bounded(2) == 0) {
        domain::ReturnRecord rr;
        rr.recipientName = QStringLiteral("Nguyễn Văn A");
        rr.originalsChecked = r.bounded(2) == 0;
        d.returnRecord = rr;
    }
    d.version = 1 + variant;
    return d;
}

// The queues as they were judged row by row before they became queries alone.
bool oldJudgement(QueueId id, const domain::Officer &officer, const QDateTime &now,
                  const domain::WorkCalendar &calendar, const domain::Dossier &d)
{
    if (d.agencyCode != officer.agencyCode && d.handlingAgencyCode != officer.agencyCode)
        return false;
    const QString me = officer.id;
    const auto stageIn = [&](std::initializer_list<Stage> stages) {
        return std::find(stages.begin(), stages.end(), d.stage) != stages.end();
    };
    const auto onTime = [&] { return !d.dueAt.isValid() || d.dueAt >= now; };
    const auto dueBefore = [&](const QDateTime &at) { return d.dueAt.isValid() && d.dueAt < at; };
    const auto inDepartment
        = [&] { return officer.departmentId.isEmpty() || d.departmentId == officer.departmentId; };
    switch (id) {
    case QueueId::CounterAwaitingIntake:
        return d.stage == Stage::AwaitingIntake;
    case QueueId::CounterAwaitingSupplement:
        return d.stage == Stage::SupplementRequested;
    case QueueId::CounterAwaitingReturn:
        return d.stage == Stage::ResultReady;
    case QueueId::CounterSupplemented:
        return stageIn({Stage::AwaitingIntake, Stage::Received}) && !d.supplements.isEmpty()
            && d.supplements.constLast().receivedAt.isValid();
    case QueueId::CounterInProgress:
        return d.status() == domain::Status::InProgress;
    case QueueId::CounterRefused:
        return d.stage == Stage::Refused;
    case QueueId::CounterNearlyDue:
        return domain::isClockRunning(d.stage)
            && dueBefore(calendar.addWorkingDays(now, kNearlyDueWorkingDays)) && onTime();
    case QueueId::CounterAll:
        return true;
    case QueueId::AppraisalOnTime:
        return d.handlerId == me && stageIn({Stage::InAppraisal, Stage::Consulting}) && onTime();
    case QueueId::AppraisalOverdue:
        return d.handlerId == me && stageIn({Stage::InAppraisal, Stage::Consulting})
            && dueBefore(now);
    case QueueId::AppraiserSupplement:
        return d.stage == Stage::SupplementRequested && !d.supplements.isEmpty()
            && d.supplements.constLast().requestedBy == me;
    case QueueId::AppraiserSubmitted:
        return d.stage == Stage::AwaitingApproval && d.submittedBy == me;
    case QueueId::AssignmentOnTime:
        return inDepartment() && d.stage == Stage::AwaitingAssignment && onTime();
    case QueueId::AssignmentOverdue:
        return inDepartment() && d.stage == Stage::AwaitingAssignment && dueBefore(now);
    case QueueId::HeadAwaitingApproval:
        return inDepartment() && d.stage == Stage::AwaitingApproval && d.signOffs.isEmpty();
    case QueueId::HeadAwaitingLeader:
        return inDepartment() && d.stage == Stage::AwaitingApproval && !d.signOffs.isEmpty();
    case QueueId::HeadTakenPart:
        return d.participants.contains(me);
    case QueueId::LeaderAwaitingApproval:
        return d.stage == Stage::AwaitingApproval;
    case QueueId::AppraiserSupplemented:
        return d.handlerId == me && d.stage == Stage::InAppraisal && !d.supplements.isEmpty()
            && d.supplements.constLast().receivedAt.isValid();
    case QueueId::AppraiserTakenPart:
        return d.participants.contains(me);
    case QueueId::SignedByMe:
        return d.participants.contains(me)
            && stageIn({Stage::Approved, Stage::ResultReady, Stage::ResultReturned});
    case QueueId::RejectedByMe:
        return d.participants.contains(me) && d.stage == Stage::Rejected;
    case QueueId::CounterNotYetReturned:
        return d.stage == Stage::ResultReady && d.returnRecord && !d.returnRecord->originalsChecked;
    case QueueId::CounterResultReturned:
        return d.stage == Stage::ResultReturned;
    }
    return false;
}

} // namespace

class TestServicesQueues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAndPagesMatchTheRowByRowJudgement()
    {
        QTemporaryDir dir;
        auto opened = store::Cache::open(dir.path(), store::test::randomKey());
        QVERIFY2(opened, store::test::why(opened).constData());
        store::Cache &cache = *opened.value();
        const auto directory = domain::demo::directory();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const domain::WorkCalendar calendar;
        const domain::Action intake = store::test::receive(
            QUuid::createUuid(), store::test::code(9999), QStringLiteral("Nguyễn Văn A"));
        const domain::Dossier base = store::test::serverDossier(intake, directory);

        // 700 dossiers; then a third of them change (stage, supplements, participants…).
        const int total = 700;
        QHash<QUuid, domain::Dossier> latest;
        qint64 seq = 0;
        for (int variant = 0; variant < 2; ++variant) {
            QList<store::PulledChange> changes;
            for (int n = 0; n < total; ++n) {
                if (variant > 0 && n % 3 != 0)
                    continue;
                store::PulledChange c;
                c.seq = ++seq;
                c.dossier = makeDossier(base, n, variant, now);
                c.action = intake;
                c.action.id = QUuid::createUuid();
                c.action.dossierId = c.dossier.id;
                latest.insert(c.dossier.id, c.dossier);
                changes.append(c);
            }
            auto st = cache.applyChanges(changes, seq, directory);
            QVERIFY2(st, store::test::why(st).constData());
        }

        for (const QString &agency : {kAgencies.at(0), kAgencies.at(2)}) {
            for (const QString &me : {QStringLiteral("o1"), QStringLiteral("o2")}) {
                for (const QString &department : kDepartments) {
                    domain::Officer officer;
                    officer.id = me;
                    officer.username = me;
                    officer.agencyCode = agency;
                    officer.departmentId = department;
                    officer.roles = {domain::Role::Counter, domain::Role::Appraiser,
                                     domain::Role::Head, domain::Role::Leader};
                    const auto standard = queuesFor(officer, now, calendar);
                    QCOMPARE(standard.size(), 18);
                    const auto processing = processingQueuesFor(officer, now, calendar);
                    QCOMPARE(processing.size(), 6);
                    const auto queues = standard + processing;
                    auto counts = countQueues(cache, queues);
                    QVERIFY2(counts, store::test::why(counts).constData());
                    for (int i = 0; i < queues.size(); ++i) {
                        const auto &q = queues.at(i);
                        QSet<QUuid> expected;
                        for (const auto &d : std::as_const(latest)) {
                            if (oldJudgement(q.id, officer, now, calendar, d))
                                expected.insert(d.id);
                        }
                        const QByteArray where = QStringLiteral("queue %1, %2 %3 %4")
                                                     .arg(int(q.id))
                                                     .arg(agency, me, department)
                                                     .toUtf8();
                        // Standard queues are one SQL COUNT; "not yet returned" reads the
                        // return record of the few dossiers awaiting return.
                        QVERIFY2(
                            !q.summaryFilter
                                && (!q.dossierFilter || q.id == QueueId::CounterNotYetReturned),
                            where.constData());
                        QVERIFY2(counts->at(i) == expected.size(),
                                 QByteArray(where + " count " + QByteArray::number(counts->at(i))
                                            + " expected " + QByteArray::number(expected.size()))
                                     .constData());
                        QSet<QUuid> listed;
                        qint64 after = 0;
                        for (;;) {
                            auto page = queuePage(cache, q, after, 37);
                            QVERIFY2(page, store::test::why(page).constData());
                            for (const auto &s : page->items)
                                listed.insert(s.id);
                            if (!page->more)
                                break;
                            after = page->next;
                        }
                        QVERIFY2(listed == expected, where.constData());
                    }
                }
            }
        }
        // Not empty by accident: the generated cache fills the queues.
        domain::Officer counter;
        counter.id = QStringLiteral("o1");
        counter.agencyCode = kAgencies.at(0);
        counter.roles = {domain::Role::Counter, domain::Role::Head};
        counter.roles.append(domain::Role::Appraiser);
        for (const auto &q :
             queuesFor(counter, now, calendar) + processingQueuesFor(counter, now, calendar)) {
            auto n = countQueue(cache, q);
            QVERIFY(n);
            QVERIFY2(n.value() > 0, qPrintable(QString::number(int(q.id))));
        }
    }

    void countFollowsTheFilters()
    {
        QTemporaryDir dir;
        auto opened = store::Cache::open(dir.path(), store::test::randomKey());
        QVERIFY(opened);
        store::Cache &cache = *opened.value();
        const auto directory = domain::demo::directory();
        for (int n = 1; n <= 3; ++n) {
            auto st
                = cache.recordAction(store::test::receive(QUuid::createUuid(), store::test::code(n),
                                                          QStringLiteral("Lê Văn Tám")),
                                     directory);
            QVERIFY2(st, store::test::why(st).constData());
        }
        QCOMPARE(cache.count({}).value(), 3);
        QCOMPARE(cache.count(store::SearchQuery::forText(QStringLiteral("le van"))).value(), 3);
        QCOMPARE(cache.count(store::SearchQuery::forText(store::test::code(2))).value(), 1);
        QCOMPARE(cache.count(store::SearchQuery::forText(QStringLiteral("không có"))).value(), 0);
        store::SearchQuery pending;
        pending.onlyWithPending = true;
        pending.limit = 1; // a count ignores paging
        QCOMPARE(cache.count(pending).value(), 3);
        store::SearchQuery done;
        done.statuses = {domain::Status::Returned};
        QCOMPARE(cache.count(done).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServicesQueues)
#include "test_services_queues.moc"
