// The report facts the cache keeps beside each visible dossier (schema version 6): the same facts
// reports::DossierFacts::of and ApplicantFacts::of make from the dossier, at every step of its
// life, read back page by page; removed with the dossier.
#include "storetest.h"

using namespace motcua;
using namespace motcua::store;
using namespace motcua::store::test;

namespace {

// The facts as comparable text: every field, so a mismatch names what differs.
QString describe(const reports::DossierFacts &f)
{
    QStringList pauses;
    for (const auto &[from, to] : f.pauses)
        pauses << QStringLiteral("%1-%2").arg(from).arg(to);
    return QStringList{f.id.toString(),
                       QString::number(f.receivedMs),
                       QString::number(f.dueMs),
                       QString::number(f.completedMs),
                       QString::number(f.closedMs),
                       QString::number(f.completedLate),
                       QString::number(f.completedEarly),
                       pauses.join(u','),
                       domain::channelKey(f.channel),
                       f.procedureCode,
                       f.agencyCode,
                       f.receivingAgencyCode,
                       f.departmentId,
                       f.officerId,
                       QString::number(f.digitised),
                       QString::number(f.electronicResult)}
        .join(u'|');
}

QString describe(const reports::ApplicantFacts &f)
{
    const auto &a = f.applicant;
    return QStringList{QString::number(f.receivedMs),
                       domain::applicantTypeKey(a.type),
                       a.fullName,
                       a.organisationName,
                       a.personalId,
                       a.taxCode,
                       a.address,
                       a.phone,
                       a.email}
        .join(u'|');
}

// Every fact row of the cache, read `pageSize` at a time.
QStringList allFacts(Cache &cache, int pageSize = 1000)
{
    QStringList out;
    qint64 after = 0;
    for (;;) {
        auto page = cache.dossierFacts(after, pageSize);
        if (!page)
            return {QStringLiteral("error: ") + page.error().message};
        for (const auto &f : page.value().facts)
            out << describe(f);
        if (!page.value().more)
            return out;
        after = page.value().next;
    }
}

QStringList allApplicants(Cache &cache, int pageSize = 1000)
{
    QStringList out;
    qint64 after = 0;
    for (;;) {
        auto page = cache.applicantFacts(after, pageSize);
        if (!page)
            return {QStringLiteral("error: ") + page.error().message};
        for (const auto &f : page.value().applicants)
            out << describe(f);
        if (!page.value().more)
            return out;
        after = page.value().next;
    }
}

QStringList expectedApplicants(const domain::Dossier &d)
{
    const auto served = reports::ApplicantFacts::of(d);
    return served ? QStringList{describe(*served)} : QStringList{};
}

} // namespace

class TestStoreFacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R25: the statistics read these rows; at every step of the example journey they are the
    // facts of the dossier the officer sees.
    void factsFollowEveryStepOfAJourney_R25()
    {
        QTemporaryDir dir;
        auto opened = Cache::open(dir.path(), randomKey());
        QVERIFY2(opened, why(opened).constData());
        Cache &cache = *opened.value();
        const auto directory = domain::demo::directory();
        domain::Dossier server;
        qint64 seq = 0;
        const auto journey = domain::demo::exampleJourney();
        QVERIFY(journey.size() > 3);
        for (const auto &action : journey) {
            auto next = domain::apply(server, action, directory);
            QVERIFY2(next, why(next).constData());
            server = next.value();
            ++seq;
            QVERIFY(cache.applyChanges({{seq, action, server}}, seq, directory));
            const auto visible = cache.dossier(server.id).value().value();
            QCOMPARE(allFacts(cache), QStringList{describe(reports::DossierFacts::of(visible))});
            QCOMPARE(allApplicants(cache), expectedApplicants(visible));
        }
        QVERIFY(server.completedAt.isValid()); // the journey ends with the result returned
        QVERIFY(cache.integrityCheck().value().isEmpty());
    }

    // Everything a fact can hold survives the columns: pauses (one open), late completion,
    // digitised components, an electronic result, another channel; and pages join up.
    void everyFactSurvivesAndPagesJoinUp_R25()
    {
        QTemporaryDir dir;
        auto opened = Cache::open(dir.path(), randomKey());
        QVERIFY(opened);
        Cache &cache = *opened.value();
        const auto directory = domain::demo::directory();
        QStringList expected;
        QStringList expectedServed;
        for (int i = 0; i < 5; ++i) {
            auto intake = receive(QUuid::createUuid(), code(10 + i),
                                  QStringLiteral("Nguyễn Văn %1").arg(QChar(u'A' + i)));
            domain::Dossier d = serverDossier(intake, directory);
            d.channel = i % 2 ? domain::Channel::NationalPortal : domain::Channel::PublicPost;
            d.applicant.phone = QStringLiteral("090000000%1").arg(i);
            d.applicant.email = QStringLiteral("a%1@example.vn").arg(i);
            domain::SupplementRequest done;
            done.requestedAt = d.receivedAt.addSecs(3600);
            done.receivedAt = d.receivedAt.addSecs(7200);
            domain::SupplementRequest open;
            open.requestedAt = d.receivedAt.addSecs(10800);
            d.supplements = {done};
            if (i == 1)
                d.supplements.append(open);
            if (i >= 2) {
                d.completedAt = d.dueAt.addDays(i == 2 ? 3 : -2); // late, then early
                d.stage = domain::Stage::ResultReturned;
                d.results.append(domain::FileRef{QString(64, u'a'), QStringLiteral("ket-qua.pdf"),
                                                 QStringLiteral("application/pdf"), 1024});
            }
            for (auto &c : d.components)
                c.digitised = true;
            d.departmentId = QStringLiteral("tp");
            d.submittedBy = QStringLiteral("appraiser1");
            auto applied = cache.applyChanges({{i + 1, intake, d}}, i + 1, directory);
            QVERIFY2(applied, why(applied).constData());
            const auto stored = cache.dossier(d.id);
            QVERIFY2(stored && stored.value(), why(stored).constData());
            const auto &visible = *stored.value();
            expected << describe(reports::DossierFacts::of(visible));
            expectedServed << expectedApplicants(visible);
        }
        const QStringList facts = allFacts(cache, 2);
        QCOMPARE(facts, expected);
        QVERIFY(facts.join(u'\n').contains(QLatin1String("|1|0|"))); // one late
        QVERIFY(facts[1].contains(QLatin1String("-0,"))
                || facts[1].contains(QLatin1String("-0|"))); // the open pause
        QCOMPARE(allApplicants(cache, 2), expectedServed);
        QCOMPARE(expectedServed.size(), 5);
        // A page past the end is empty, not an error.
        auto past = cache.dossierFacts(1'000'000, 10);
        QVERIFY(past);
        QVERIFY(past.value().facts.isEmpty());
        QVERIFY(!past.value().more);
    }

    // A local dossier whose intake the server refused disappears with its facts.
    void aRemovedDossierTakesItsFacts()
    {
        QTemporaryDir dir;
        auto opened = Cache::open(dir.path(), randomKey());
        QVERIFY(opened);
        Cache &cache = *opened.value();
        const auto directory = domain::demo::directory();
        const auto intake = receive(QUuid::createUuid(), code(3), QStringLiteral("Lê Thị Cúc"));
        QVERIFY(cache.recordAction(intake, directory));
        QCOMPARE(allFacts(cache).size(), 1);
        QCOMPARE(allApplicants(cache).size(), 1);
        QVERIFY(cache.markRejected(intake.id, QStringLiteral("action.duplicate_code"),
                                   QStringLiteral("Mã số hồ sơ đã được dùng."),
                                   QStringLiteral("payload.code"), directory));
        QVERIFY(allFacts(cache).isEmpty());
        QVERIFY(allApplicants(cache).isEmpty());
        QVERIFY(cache.integrityCheck().value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoreFacts)
#include "test_store_facts.moc"
