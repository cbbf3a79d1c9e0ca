// Report templates (R24): the JSON form the server stores and the client and CLI read, strict
// about bad input, and the periods a template reports on relative to the day it is run.
#include <QJsonArray>
#include <QTest>

#include <reports/reporttemplate.h>

using namespace motcua;
using namespace motcua::reports;

class TestReportTemplates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonRoundTrip_R24_1()
    {
        ReportTemplate t;
        t.name = QStringLiteral("Theo lĩnh vực và tháng");
        t.title = QStringLiteral("BÁO CÁO THEO LĨNH VỰC");
        t.shared = true;
        t.groupBy = {Dimension::Field, Dimension::Month};
        t.measures = {Measure::Received, Measure::OnTimeRate};
        t.filter.levels = {domain::ProcedureLevel::FullOnline};
        t.filter.channels = {domain::Channel::NationalPortal, domain::Channel::Counter};
        t.filter.fields = {QStringLiteral("LLTP")};
        t.period = PeriodKind::Custom;
        t.from = QDate(2026, 1, 1);
        t.to = QDate(2026, 3, 31);
        t.chart = ChartKind::Line;
        t.version = 3;
        const auto back = templateFromJson(toJson(t));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
        QCOMPARE(back->name, t.name);
        QCOMPARE(back->title, t.title);
        QVERIFY(back->shared);
        QCOMPARE(back->groupBy, t.groupBy);
        QCOMPARE(back->measures, t.measures);
        QVERIFY(back->filter == t.filter);
        QCOMPARE(back->period, PeriodKind::Custom);
        QCOMPARE(back->from, t.from);
        QCOMPARE(back->to, t.to);
        QCOMPARE(back->chart, ChartKind::Line);
        QCOMPARE(back->version, 3);

        const StatisticsQuery q = queryOf(*back, QDate(2026, 11, 29));
        QCOMPARE(q.from, QDate(2026, 1, 1));
        QCOMPARE(q.to, QDate(2026, 3, 31));
        QCOMPARE(q.groupBy, t.groupBy);
        QVERIFY(q.filter == t.filter);
        const StatisticsQuery other
            = queryOf(*back, QDate(2026, 11, 29), QDate(2026, 2, 1), QDate(2026, 2, 28));
        QCOMPARE(other.from, QDate(2026, 2, 1));
        QCOMPARE(other.to, QDate(2026, 2, 28));
        QCOMPARE(back->printedTitle(), t.title);
        ReportTemplate untitled;
        QCOMPARE(untitled.printedTitle(), QStringLiteral("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ"));
    }

    void periodsRelativeToTheDay_R24_2()
    {
        using P = std::pair<QDate, QDate>;
        const QDate jan15(2026, 1, 15);
        QCOMPARE(periodDays(PeriodKind::ThisMonth, jan15), P(QDate(2026, 1, 1), jan15));
        QCOMPARE(periodDays(PeriodKind::LastMonth, jan15),
                 P(QDate(2025, 12, 1), QDate(2025, 12, 31)));
        QCOMPARE(periodDays(PeriodKind::LastMonth, QDate(2026, 3, 31)),
                 P(QDate(2026, 2, 1), QDate(2026, 2, 28)));
        QCOMPARE(periodDays(PeriodKind::ThisQuarter, QDate(2026, 8, 20)),
                 P(QDate(2026, 7, 1), QDate(2026, 8, 20)));
        QCOMPARE(periodDays(PeriodKind::LastQuarter, jan15),
                 P(QDate(2025, 10, 1), QDate(2025, 12, 31)));
        QCOMPARE(periodDays(PeriodKind::ThisYear, jan15),
                 P(QDate(2026, 1, 1), QDate(2026, 12, 31)));
        QCOMPARE(periodDays(PeriodKind::LastYear, jan15),
                 P(QDate(2025, 1, 1), QDate(2025, 12, 31)));
        QCOMPARE(periodDays(PeriodKind::YearToDate, jan15), P(QDate(2026, 1, 1), jan15));
        for (const PeriodKind k : allPeriodKinds()) {
            QCOMPARE(periodKindFromKey(periodKindKey(k)), k);
            QVERIFY(!periodKindName(k).isEmpty());
        }
    }

    void badInputNamesTheField()
    {
        const QJsonObject good{{QStringLiteral("name"), QStringLiteral("Mẫu")},
                               {QStringLiteral("groupBy"), QJsonArray{QStringLiteral("month")}}};
        QVERIFY(templateFromJson(good));
        const auto fieldOf = [&](const QString &key, const QJsonValue &value) {
            QJsonObject o = good;
            o.insert(key, value);
            const auto t = templateFromJson(o);
            return t ? QStringLiteral("accepted") : t.error().field;
        };
        QCOMPARE(fieldOf(QStringLiteral("name"), QStringLiteral("  ")), QStringLiteral("name"));
        QCOMPARE(fieldOf(QStringLiteral("name"), QString(121, u'x')), QStringLiteral("name"));
        QCOMPARE(fieldOf(QStringLiteral("extra"), 1), QStringLiteral("extra"));
        QCOMPARE(fieldOf(QStringLiteral("groupBy"),
                         QJsonArray{QStringLiteral("month"), QStringLiteral("month")}),
                 QStringLiteral("groupBy"));
        QCOMPARE(fieldOf(QStringLiteral("groupBy"),
                         QJsonArray{QStringLiteral("month"), QStringLiteral("field"),
                                    QStringLiteral("level"), QStringLiteral("channel")}),
                 QStringLiteral("groupBy"));
        QCOMPARE(fieldOf(QStringLiteral("groupBy"), QJsonArray{QStringLiteral("month,field")}),
                 QStringLiteral("groupBy"));
        QCOMPARE(fieldOf(QStringLiteral("measures"), QJsonArray{QStringLiteral("speed")}),
                 QStringLiteral("measures"));
        QCOMPARE(fieldOf(QStringLiteral("period"), QStringLiteral("someday")),
                 QStringLiteral("period"));
        QCOMPARE(fieldOf(QStringLiteral("period"), QStringLiteral("custom")),
                 QStringLiteral("from"));
        QCOMPARE(fieldOf(QStringLiteral("chart"), 3), QStringLiteral("chart"));
        QCOMPARE(
            fieldOf(QStringLiteral("filter"),
                    QJsonObject{{QStringLiteral("channels"), QJsonArray{QStringLiteral("fax")}}}),
            QStringLiteral("filter.channels"));
        QCOMPARE(fieldOf(QStringLiteral("filter"),
                         QJsonObject{{QStringLiteral("colour"), QJsonArray{}}}),
                 QStringLiteral("filter.colour"));
    }
};

QTEST_GUILESS_MAIN(TestReportTemplates)
#include "test_report_templates.moc"
