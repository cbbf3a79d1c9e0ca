// Processing statistics (R25) on a hand-checked dataset made by the domain engine (statsdata.cpp).
#include "statsdata.h"

#include <QTest>

#include <reports/applicants.h>
#include <reports/indicators.h>
#include <reports/reporttable.h>
#include <reports/statistics.h>

using namespace motcua;
using namespace motcua::reports;
using testdata::vn;

namespace {

struct Fixture
{
    testdata::Dataset data = testdata::build();
    QList<DossierFacts> facts;
    ProcedureCatalogue procedures;
    Fixture()
    {
        for (const auto &d : std::as_const(data.dossiers))
            facts.append(DossierFacts::of(d));
        for (const QString &code : {QStringLiteral("2.001417"), QStringLiteral("2.000815")})
            procedures.insert(code, [&] {
                const auto p = *data.directory.procedure(code);
                return ProcedureFacts{p.name, p.fieldCode, p.fieldName, p.level};
            }());
    }
    Statistics run(const QString &groupBy, const QDate &from = QDate(2026, 1, 1),
                   const QDate &to = QDate(2026, 6, 30), const QDateTime &asOf = {})
    {
        StatisticsQuery q;
        q.from = from;
        q.to = to;
        q.groupBy = parseDimensions(groupBy).value();
        q.asOf = asOf;
        return computeStatistics(facts, q, procedures);
    }
};

const StatisticsRow *rowOf(const Statistics &s, const QStringList &keys)
{
    for (const auto &r : s.rows) {
        if (r.keys == keys)
            return &r;
    }
    return nullptr;
}

// received, inProgress, overdue, resolved, early, ontime, late, notResolved, online, services
QList<qint64> figures(const StatisticsRow &r)
{
    return {r.value(Measure::Received), r.value(Measure::InProgress),  r.value(Measure::Overdue),
            r.value(Measure::Resolved), r.value(Measure::Early),       r.value(Measure::OnTime),
            r.value(Measure::Late),     r.value(Measure::NotResolved), r.value(Measure::Online),
            r.value(Measure::Services)};
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void datasetDueInstantsComeFromTheDomain()
    {
        Fixture f;
        QVERIFY2(f.data.error.isEmpty(), qPrintable(f.data.error));
        const auto due = [&](const char *letter) {
            return f.data.dossiers.value(QLatin1String(letter)).dueAt.toMSecsSinceEpoch();
        };
        QCOMPARE(due("A"), vn(2026, 1, 16, 9, 0).toMSecsSinceEpoch());
        QCOMPARE(due("B"), vn(2026, 3, 5, 9, 0).toMSecsSinceEpoch()); // across Tết
        QCOMPARE(due("C"), vn(2026, 1, 27, 10, 0).toMSecsSinceEpoch());
        QCOMPARE(due("D"), vn(2026, 1, 20, 8, 0).toMSecsSinceEpoch());
        QCOMPARE(due("E"), vn(2026, 3, 30, 9, 0).toMSecsSinceEpoch()); // restarted after supplement
        QCOMPARE(due("F"), vn(2026, 4, 22, 9, 0).toMSecsSinceEpoch()); // extended
        QCOMPARE(due("G"), vn(2026, 5, 25, 9, 0).toMSecsSinceEpoch());
    }

    void totalsOfTheHalfYear_R25_1to6()
    {
        Fixture f;
        const Statistics s = f.run(QString());
        QVERIFY(s.rows.isEmpty());
        // 11 received (K refused at intake, M before the period); 6 resolved of which D late.
        QCOMPARE(figures(s.total), (QList<qint64>{11, 4, 2, 6, 4, 5, 1, 1, 1, 2}));
        QCOMPARE(s.total.value(Measure::OnTimeRate), 8333); // 5 / 6
    }

    void tetPauseAndExtensionCountOnTime_R25_4()
    {
        Fixture f;
        // Each alone: B crosses Tết, E paused for a supplement, F extended — all on time, early.
        for (const char *letter : {"B", "E", "F"}) {
            const DossierFacts one = DossierFacts::of(f.data.dossiers.value(QLatin1String(letter)));
            QVERIFY2(!one.completedLate, letter);
            QVERIFY2(one.completedEarly, letter);
        }
        const DossierFacts c = DossierFacts::of(f.data.dossiers.value(QStringLiteral("C")));
        QVERIFY(!c.completedLate);
        QVERIFY(!c.completedEarly); // completed on the due day: on time, not early
        QVERIFY(DossierFacts::of(f.data.dossiers.value(QStringLiteral("D"))).completedLate);
    }

    void byMonth_R25_month()
    {
        Fixture f;
        const Statistics s = f.run(QStringLiteral("month"));
        QCOMPARE(s.rows.size(), 6);
        QCOMPARE(s.rows.first().labels, QStringList{QStringLiteral("Tháng 01/2026")});
        QCOMPARE(figures(*rowOf(s, {QStringLiteral("2026-01")})),
                 (QList<qint64>{3, 0, 0, 3, 1, 2, 1, 0, 0, 1}));
        QCOMPARE(figures(*rowOf(s, {QStringLiteral("2026-02")})),
                 (QList<qint64>{2, 0, 0, 1, 1, 1, 0, 1, 1, 1}));
        QCOMPARE(figures(*rowOf(s, {QStringLiteral("2026-03")})),
                 (QList<qint64>{2, 1, 1, 1, 1, 1, 0, 0, 0, 2}));
        QCOMPARE(figures(*rowOf(s, {QStringLiteral("2026-05")})),
                 (QList<qint64>{1, 1, 1, 0, 0, 0, 0, 0, 0, 1}));
        // H waits for the applicant (clock stopped), I is not yet due: neither overdue.
        QCOMPARE(figures(*rowOf(s, {QStringLiteral("2026-06")})),
                 (QList<qint64>{2, 2, 0, 0, 0, 0, 0, 0, 0, 1}));
    }

    void byQuarterYearAndYearToDate_R25_quarter_year_ytd()
    {
        Fixture f;
        const Statistics q = f.run(QStringLiteral("quarter"));
        QCOMPARE(q.rows.size(), 2);
        QCOMPARE(q.rows.at(0).labels, QStringList{QStringLiteral("Quý I/2026")});
        QCOMPARE(q.rows.at(0).value(Measure::Received), 7);
        QCOMPARE(q.rows.at(1).value(Measure::Received), 4);

        StatisticsQuery ytd = StatisticsQuery::yearToDate(QDate(2026, 3, 31));
        QCOMPARE(ytd.from, QDate(2026, 1, 1));
        ytd.groupBy = {Dimension::Year};
        const Statistics y = computeStatistics(f.facts, ytd, f.procedures);
        QCOMPARE(y.rows.size(), 1);
        QCOMPARE(y.rows.at(0).labels, QStringList{QStringLiteral("Năm 2026")});
        QCOMPARE(figures(y.rows.at(0)), (QList<qint64>{7, 1, 1, 5, 3, 4, 1, 1, 1, 2}));
    }

    void byServiceLevelFieldAgencyOfficer_R25_level_field()
    {
        Fixture f;
        const Statistics s = f.run(QStringLiteral("level,field"));
        QCOMPARE(s.rows.size(), 2);
        const auto *full = rowOf(s, {QStringLiteral("full-online"), QStringLiteral("LLTP")});
        QVERIFY(full);
        QCOMPARE(full->labels,
                 (QStringList{QStringLiteral("Dịch vụ công trực tuyến toàn trình"),
                              QStringLiteral("Lý lịch tư pháp")}));
        QCOMPARE(full->value(Measure::Received), 10);
        const auto *partial = rowOf(s, {QStringLiteral("partial-online"), QStringLiteral("CT")});
        QVERIFY(partial);
        QCOMPARE(figures(*partial), (QList<qint64>{1, 1, 1, 0, 0, 0, 0, 0, 0, 1}));

        const Statistics a = f.run(QStringLiteral("agency"));
        QCOMPARE(rowOf(a, {domain::demo::kJusticeCode})->value(Measure::Received), 10);
        QCOMPARE(rowOf(a, {domain::demo::kCommuneCode})->value(Measure::Received), 1);

        const Statistics o = f.run(QStringLiteral("officer"));
        QCOMPARE(rowOf(o, {QStringLiteral("appraiser2")})->value(Measure::Resolved), 1);
        QCOMPARE(rowOf(o, {QStringLiteral("appraiser1")})->value(Measure::Resolved), 5);
        QCOMPARE(rowOf(o, {QStringLiteral("appraiser1")})->value(Measure::Late), 1);
        const auto *nobody = rowOf(o, {QString()}); // H, J, L were never assigned
        QVERIFY(nobody);
        QCOMPARE(nobody->labels, QStringList{QStringLiteral("(không xác định)")});
        QCOMPARE(nobody->value(Measure::Received), 3);
    }

    void asOfAnInstantInsideThePeriod_R25_2()
    {
        Fixture f;
        // On 20/01 at 12:00: A resolved; C not yet (due 27/01); D past its due instant 20/01 08:00.
        const Statistics s
            = f.run(QString(), QDate(2026, 1, 1), QDate(2026, 1, 31), vn(2026, 1, 20, 12, 0));
        QCOMPARE(figures(s.total), (QList<qint64>{3, 2, 1, 1, 1, 1, 0, 0, 0, 1}));
    }

    void badInputIsRefusedClearly()
    {
        QCOMPARE(parseMeasures(QStringLiteral("received,ontme")).error().code,
                 QStringLiteral("reports.bad_measure"));
        QCOMPARE(parseDimensions(QStringLiteral("field,field")).error().code,
                 QStringLiteral("reports.bad_dimension"));
        QCOMPARE(parseDimensions(QStringLiteral("weekday")).error().field,
                 QStringLiteral("groupBy"));
        StatisticsQuery q;
        q.from = QDate(2026, 2, 1);
        q.to = QDate(2026, 1, 1);
        QCOMPARE(validateQuery(q).error().code, QStringLiteral("reports.bad_period"));
        q.to = QDate();
        QVERIFY(!validateQuery(q));
    }

    void tableCarriesLabelsFiguresAndTotals_R23_2()
    {
        Fixture f;
        StatisticsQuery q;
        q.from = QDate(2026, 1, 1);
        q.to = QDate(2026, 6, 30);
        q.groupBy = {Dimension::Quarter};
        q.measures = {Measure::Received, Measure::Late, Measure::OnTimeRate};
        const ReportTable t = tableOf(computeStatistics(f.facts, q, f.procedures),
                                      QStringLiteral("BÁO CÁO"), QStringLiteral("Sở Tư pháp"));
        QCOMPARE(t.columns,
                 (QStringList{QStringLiteral("Quý"), QStringLiteral("Tiếp nhận"),
                              QStringLiteral("Giải quyết quá hạn"),
                              QStringLiteral("Tỷ lệ đúng hạn (%)")}));
        QCOMPARE(t.labelColumns, 1);
        QCOMPARE(t.rows.size(), 2);
        QCOMPARE(t.totals.at(1).toLongLong(), 11);
        QCOMPARE(ReportTable::text(t.totals.at(3)), QStringLiteral("83,33"));
        QCOMPARE(t.period, QStringLiteral("Từ ngày 01/01/2026 đến ngày 30/06/2026"));
    }

    // A template's filters (R24.1) count only the dossiers they admit, in the figures and in
    // the dossiers behind them.
    void filtersNarrowTheDossiersCounted_R24_1()
    {
        Fixture f;
        StatisticsQuery q;
        q.from = QDate(2026, 1, 1);
        q.to = QDate(2026, 6, 30);
        const qint64 all
            = computeStatistics(f.facts, q, f.procedures).total.value(Measure::Received);
        QCOMPARE(all, 11); // every dossier of the dataset received in the half-year
        q.filter = parseFilter({}, QStringLiteral("national-portal"), {}, {}, {}).value();
        const Statistics portal = computeStatistics(f.facts, q, f.procedures);
        QCOMPARE(portal.total.value(Measure::Received), 1);
        QCOMPARE(portal.total.value(Measure::Online), 1);
        QCOMPARE(dossiersBehind(f.facts, q, f.procedures, {}, Measure::Received).size(), 1);
        // Lists combine with "and"; a value in a list with "or".
        q.filter = parseFilter({}, QStringLiteral("counter,national-portal"), {}, {}, {}).value();
        QCOMPARE(computeStatistics(f.facts, q, f.procedures).total.value(Measure::Received), all);
        q.filter.procedures = {QStringLiteral("2.000815")};
        const qint64 one
            = computeStatistics(f.facts, q, f.procedures).total.value(Measure::Received);
        QVERIFY(one > 0 && one < all);
        q.filter.fields = {QStringLiteral("no-such-field")};
        const Statistics none = computeStatistics(f.facts, q, f.procedures);
        QCOMPARE(none.total.value(Measure::Received), 0);
        // Nothing resolved: the table says "—", not a misleading 0,00 %.
        const ReportTable t = tableOf(none, QStringLiteral("T"), QStringLiteral("A"));
        QCOMPARE(ReportTable::text(t.rows.constLast().constLast()), QStringLiteral("—"));

        QCOMPARE(parseFilter(QStringLiteral("half"), {}, {}, {}, {}).error().field,
                 QStringLiteral("levels"));
        QCOMPARE(parseFilter({}, QStringLiteral("fax"), {}, {}, {}).error().code,
                 QStringLiteral("reports.bad_filter"));
        QCOMPARE(parseFilter({}, {}, QString(101, u'x'), {}, {}).error().field,
                 QStringLiteral("fields"));
        QVERIFY(parseFilter(QStringLiteral(" full-online , information "), {}, {}, {}, {})
                    .value()
                    .levels.size()
                == 2);

        // The query parameters of a filter read back as the same filter.
        StatisticsFilter full
            = parseFilter(QStringLiteral("full-online,information"),
                          QStringLiteral("counter,national-portal"), QStringLiteral("f1,f2"),
                          QStringLiteral("2.000815"), QStringLiteral("A/d1"))
                  .value();
        QHash<QString, QString> params;
        for (const auto &[name, keys] : filterParameters(full))
            params.insert(name, keys);
        QCOMPARE(params.size(), 5);
        QCOMPARE(params.value(QStringLiteral("channels")),
                 QStringLiteral("counter,national-portal"));
        QCOMPARE(parseFilter(params.value(QStringLiteral("levels")),
                             params.value(QStringLiteral("channels")),
                             params.value(QStringLiteral("fields")),
                             params.value(QStringLiteral("procedures")),
                             params.value(QStringLiteral("departments")))
                     .value(),
                 full);
        QVERIFY(filterParameters({}).isEmpty()); // nothing for an empty filter
    }

    void dossiersBehindEveryFigure_R23_6()
    {
        // Every figure of every row opens as many dossiers as it counts (Services: the row's
        // dossiers, OnTimeRate: its resolved ones), for one, two and no dimensions.
        Fixture f;
        QHash<QUuid, QString> letters;
        for (auto it = f.data.dossiers.cbegin(); it != f.data.dossiers.cend(); ++it)
            letters.insert(it.value().id, it.key());
        for (const QString &groupBy :
             {QString(), QStringLiteral("month"), QStringLiteral("field,officer"),
              QStringLiteral("department"), QStringLiteral("level,channel")}) {
            const Statistics s = f.run(groupBy);
            QList<StatisticsRow> rows = s.rows;
            rows.append(s.total);
            for (int r = 0; r < rows.size(); ++r) {
                const QStringList keys = r < s.rows.size() ? rows.at(r).keys : QStringList();
                for (const Measure m : allMeasures()) {
                    const qint64 expected = m == Measure::Services
                        ? rows.at(r).value(Measure::Received)
                        : m == Measure::OnTimeRate ? rows.at(r).value(Measure::Resolved)
                                                   : rows.at(r).value(m);
                    const auto ids = dossiersBehind(f.facts, s.query, f.procedures, keys, m);
                    QVERIFY2(ids.size() == expected,
                             qPrintable(groupBy + u' ' + keys.join(u'/') + u' ' + measureKey(m)));
                }
            }
        }
        // By hand: January's late dossier is D; February's received are B and J.
        const Statistics months = f.run(QStringLiteral("month"));
        const auto late = dossiersBehind(f.facts, months.query, f.procedures,
                                         {QStringLiteral("2026-01")}, Measure::Late);
        QCOMPARE(late.size(), 1);
        QCOMPARE(letters.value(late.first()), QStringLiteral("D"));
        QStringList feb;
        for (const QUuid &id : dossiersBehind(f.facts, months.query, f.procedures,
                                              {QStringLiteral("2026-02")}, Measure::Received))
            feb.append(letters.value(id));
        feb.sort();
        QCOMPARE(feb, (QStringList{QStringLiteral("B"), QStringLiteral("J")}));
    }

    void leaderIndicators_R27_2()
    {
        Fixture f;
        StatisticsQuery q;
        q.from = QDate(2026, 1, 1);
        q.to = QDate(2026, 6, 30);
        const Indicators in = computeIndicators(f.facts, q);
        QCOMPARE(in.received, 11);
        QCOMPARE(in.resolved, 6);
        QCOMPARE(in.onTime, 5);
        QCOMPARE(in.early, 4);
        QCOMPARE(in.online, 1);
        QCOMPARE(in.digitised, 0);        // nothing scanned in this dataset
        QCOMPARE(in.electronicResult, 6); // every resolved one has its result document
        // A 9d1h, B 20d6h, C 13d23h30, D 14d6h, E 25d1h, F 15d7h: 97d20h30 over 6.
        const qint64 hours = 9 * 24 + 1 + 20 * 24 + 6 + 14 * 24 + 6 + 25 * 24 + 1 + 15 * 24 + 7;
        QCOMPARE(in.processingMs, (hours * 60 + 13 * 24 * 60 + 23 * 60 + 30) * 60 * 1000);
        QVERIFY(qAbs(*in.averageProcessingDays() - 16.309) < 0.001);
        QVERIFY(qAbs(*in.onTimeShare() - 83.333) < 0.001);
        q.from = q.to = QDate(2027, 1, 1);
        QVERIFY(!computeIndicators(f.facts, q).onTimeShare()); // nothing resolved: no share
    }

    void applicantsServedSearchAndTable_R23_5()
    {
        using domain::ApplicantType;
        const auto person = [](const char *id, const char *name, const char *address) {
            domain::Applicant a;
            a.personalId = QLatin1String(id);
            a.fullName = QString::fromUtf8(name);
            a.address = QString::fromUtf8(address);
            return a;
        };
        domain::Applicant firm;
        firm.type = ApplicantType::Organisation;
        firm.taxCode = QStringLiteral("4201234567");
        firm.organisationName = QStringLiteral("Công ty TNHH Hải Đăng");
        firm.fullName = QStringLiteral("Lê Văn Tâm");
        firm.phone = QStringLiteral("0258 3812 345");
        domain::Applicant firmLater = firm;
        firmLater.fullName = QStringLiteral("Trần Thị Hoa"); // a new representative
        QList<ApplicantFacts> facts{
            {vn(2026, 1, 5, 9, 0).toMSecsSinceEpoch(),
             person("056090001234", "Nguyễn Văn Đức", "Nha Trang")},
            {vn(2026, 2, 9, 9, 0).toMSecsSinceEpoch(),
             person("056090001234", "Nguyễn Văn Đức", "Nha Trang")},
            {vn(2026, 1, 7, 9, 0).toMSecsSinceEpoch(), firm},
            {vn(2026, 3, 2, 9, 0).toMSecsSinceEpoch(), firmLater},
            {vn(2026, 3, 3, 9, 0).toMSecsSinceEpoch(), person("", "Phạm Thị Ánh", "Cam Ranh")},
            {vn(2025, 12, 30, 9, 0).toMSecsSinceEpoch(), person("079000000001", "Võ Minh", "Huế")},
        };
        ApplicantQuery q;
        q.from = QDate(2026, 1, 1);
        q.to = QDate(2026, 3, 31);
        QList<ApplicantRow> rows = applicantsServed(facts, q);
        QCOMPARE(rows.size(), 3); // Võ Minh came in 2025
        // Sorted by organisation or name, folded: "cong ty…", "nguyen…", "pham…".
        QCOMPARE(rows.at(0).organisation, QStringLiteral("Công ty TNHH Hải Đăng"));
        QCOMPARE(rows.at(0).dossiers, 2);
        QCOMPARE(rows.at(0).name, QStringLiteral("Trần Thị Hoa")); // the latest dossier's
        QCOMPARE(rows.at(0).identifier, QStringLiteral("4201234567"));
        QCOMPARE(rows.at(1).dossiers, 2);
        QCOMPARE(rows.at(2).name, QStringLiteral("Phạm Thị Ánh"));
        // Without diacritics, on any field; by type.
        q.text = QStringLiteral("hai dang");
        QCOMPARE(applicantsServed(facts, q).size(), 1);
        q.text = QStringLiteral("nha trang");
        QCOMPARE(applicantsServed(facts, q).first().name, QStringLiteral("Nguyễn Văn Đức"));
        q.text.clear();
        q.type = ApplicantType::Person;
        QCOMPARE(applicantsServed(facts, q).size(), 2);
        q.type.reset();
        const ReportTable t = applicantTable(rows, q, QStringLiteral("UBND"));
        QCOMPARE(t.rows.size(), 3);
        QCOMPARE(t.labelColumns, 8);
        QCOMPARE(ReportTable::text(t.rows.at(0).at(7)), QStringLiteral("02/03/2026"));
        QCOMPARE(t.totals.last().toLongLong(), 5);
        const QString csv = QString::fromUtf8(csvOf(t));
        QVERIFY(csv.contains(QStringLiteral("Công ty TNHH Hải Đăng")));
    }
};

QTEST_APPLESS_MAIN(TestStatistics)
#include "test_statistics.moc"
