#include <QSet>
#include <QTest>

#include <domain/status.h>

using namespace motcua::domain;

class TestStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusNamesAreTheCircularsWords_R04_1()
    {
        QCOMPARE(statusName(Status::Accepted), QStringLiteral("Được tiếp nhận"));
        QCOMPARE(statusName(Status::SupplementRequested),
                 QStringLiteral("Yêu cầu bổ sung giấy tờ"));
        QCOMPARE(statusName(Status::Returned), QStringLiteral("Đã trả lại"));
        QCOMPARE(statusName(Status::Stopped), QStringLiteral("Dừng xử lý"));
        QCOMPARE(statusName(Status::InProgress), QStringLiteral("Đang xử lý"));
        QCOMPARE(statusName(Status::Done), QStringLiteral("Đã xử lý xong"));
    }
    void catalogueHasEveryRowOfTheTable_R04_1()
    {
        const auto &rows = statusCatalogue();
        QCOMPARE(rows.size(), 13);
        QSet<QString> keys;
        for (const auto &row : rows) {
            QVERIFY(!row.event.isEmpty());
            QVERIFY(!row.stages.isEmpty());
            QVERIFY2(!keys.contains(row.key), qPrintable(row.key));
            keys.insert(row.key);
            for (const Stage s : row.stages)
                QVERIFY2(statusOf(s) == row.status || row.key == QLatin1String("overdue"),
                         qPrintable(row.key));
        }
        // The information shown with each status, as the table lists it.
        QCOMPARE(rows.at(0).info, StatusInfo::IntakeDate);
        QCOMPARE(rows.at(1).info, StatusInfo::SupplementReason);
        QCOMPARE(rows.at(2).info, StatusInfo::None);
        QCOMPARE(rows.at(3).info, StatusInfo::RefusalReason);
        QCOMPARE(rows.at(4).info, StatusInfo::CompetentAgency);
        QCOMPARE(rows.at(7).info, StatusInfo::SupplementContent);
        QCOMPARE(rows.at(8).info, StatusInfo::NotResolvedReason);
        QCOMPARE(rows.at(11).info, StatusInfo::DueAndOverdue);
        QCOMPARE(rows.at(12).info, StatusInfo::ReturnState);
        QCOMPARE(statusInfoLabel(StatusInfo::DueAndOverdue),
                 QStringLiteral("Thời hạn xử lý, thời gian quá hạn"));
    }
    void everyStageIsInTheCatalogue()
    {
        QSet<Stage> covered;
        for (const auto &row : statusCatalogue())
            covered.unite(QSet<Stage>(row.stages.cbegin(), row.stages.cend()));
        for (const Stage s : allStages()) {
            // Not rows of R04.1: before acceptance ("Chờ tiếp nhận"), and R17's stop at the
            // applicant's request, shown as "Dừng xử lý".
            if (s == Stage::AwaitingIntake || s == Stage::StoppedOnRequest) {
                QCOMPARE(statusOf(Stage::StoppedOnRequest), Status::Stopped);
                continue;
            }
            QVERIFY2(covered.contains(s), qPrintable(stageKey(s)));
        }
    }
    void keysRoundTrip()
    {
        for (const Stage s : allStages())
            QCOMPARE(stageFromKey(stageKey(s)), std::optional<Stage>(s));
        QCOMPARE(stageFromKey(QStringLiteral("nope")), std::nullopt);
        QCOMPARE(statusFromKey(statusKey(Status::Done)), std::optional<Status>(Status::Done));
    }
    void standardChartIsValid_R04_2()
    {
        const auto st = TransitionChart::standard().validate();
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
    }
    void chartValidationFindsUnreachableStages()
    {
        auto transitions = TransitionChart::standard().transitions();
        transitions.removeIf([](const Transition &t) { return t.to == Stage::Consulting; });
        const TransitionChart chart(transitions, TransitionChart::standard().initialStages());
        const auto st = chart.validate();
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("chart.unreachable"));
        QCOMPARE(st.error().field, QStringLiteral("consulting"));
    }
    void chartValidationFindsDeadEnds()
    {
        auto transitions = TransitionChart::standard().transitions();
        transitions.removeIf([](const Transition &t) {
            return t.from == Stage::ResultReady && t.to != Stage::ResultReady;
        });
        const TransitionChart chart(transitions, TransitionChart::standard().initialStages());
        const auto st = chart.validate();
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("chart.dead_end"));
    }
    void chartValidationFindsExitsFromFinalStages()
    {
        auto transitions = TransitionChart::standard().transitions();
        transitions.append({Stage::Refused, ActionType::Receive, Stage::Received});
        const TransitionChart chart(transitions, TransitionChart::standard().initialStages());
        QCOMPARE(chart.validate().error().code, QStringLiteral("chart.final_has_exit"));
    }
    void finalStages()
    {
        for (const Stage s : {Stage::Withdrawn, Stage::Refused, Stage::Rejected,
                              Stage::StoppedOnRequest, Stage::ResultReturned})
            QVERIFY(isFinal(s));
        QVERIFY(!isFinal(Stage::ResultReady));
        QVERIFY(!isClockRunning(Stage::SupplementRequested));
        QVERIFY(isClockRunning(Stage::InAppraisal));
    }
};

QTEST_APPLESS_MAIN(TestStatus)
#include "test_status.moc"
