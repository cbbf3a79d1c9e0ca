#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <domain/chart.h>
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
    // R04.2 as administered: the admin's settings are read strictly, each fault named by its
    // step, and kept canonical (a step as standard is left out, roles in role order).
    void chartSettingsAreCheckedAndCanonical_R04_2()
    {
        const auto read = [](const char *json) {
            return chartSettingsFromJson(QJsonDocument::fromJson(json).object());
        };
        const auto fails = [&read](const char *json, const char *code, const char *field) {
            const auto r = read(json);
            QVERIFY2(!r, json);
            QCOMPARE(r.error().code, QLatin1String(code));
            QCOMPARE(r.error().field, QLatin1String(field));
            QVERIFY(!r.error().message.isEmpty());
        };
        fails(R"({"steps":[{"from":"received","action":"withdraw","enabled":false}]})",
              "chart.locked_step", "steps[0].enabled");
        fails(R"({"steps":[{"from":"in-appraisal","action":"consult"},)"
              R"({"from":"in-appraisal","action":"receive","enabled":false}]})",
              "chart.unknown_step", "steps[1]");
        fails(R"({"steps":[{"from":"in-appraisal","action":"extend","enabled":false},)"
              R"({"from":"in-appraisal","action":"extend"}]})",
              "chart.repeated_step", "steps[1]");
        fails(R"({"steps":[{"from":"awaiting-approval","action":"approve","roles":["counter"]}]})",
              "chart.role_not_allowed", "steps[0].roles");
        fails(R"({"steps":[{"from":"awaiting-approval","action":"approve","roles":[]}]})",
              "chart.no_roles", "steps[0].roles");
        fails(R"({"steps":[{"from":"awaiting-approval","action":"approve","roles":["boss"]}]})",
              "json.bad_value", "steps[0].roles");
        fails(R"({"steps":[{"from":"nowhere","action":"approve"}]})", "json.bad_value",
              "steps[0].from");
        fails(R"({"steps":[{"from":"in-appraisal","action":"consult","on":false}]})",
              "json.unknown_field", "steps[0].on");

        const auto canonical = read(
            R"({"steps":[{"from":"awaiting-approval","action":"approve","roles":["leader","head"]},)"
            R"({"from":"in-appraisal","action":"submit-for-approval","roles":["leader","appraiser"]},)"
            R"({"from":"consulting","action":"extend","enabled":false,"roles":["head"]},)"
            R"({"from":"in-appraisal","action":"consult","enabled":true}]})");
        QVERIFY2(canonical, qPrintable(canonical ? QString() : canonical.error().message));
        // Approve by head and leader is the standard; the others in the standard chart's order.
        QCOMPARE(canonical->steps.size(), 2);
        QCOMPARE(canonical->steps.at(0),
                 (ChartStep{Stage::InAppraisal,
                            ActionType::SubmitForApproval,
                            true,
                            {Role::Appraiser, Role::Leader}}));
        QCOMPARE(canonical->steps.at(1), (ChartStep{Stage::Consulting, ActionType::Extend, false}));
        QCOMPARE(chartSettingsFromJson(toJson(canonical.value())).value(), canonical.value());
        QVERIFY(read("{}")->isStandard());
    }

    // Every optional step may be switched off at once: the chart keeps a way out of every stage
    // still in use; the steps that are the applicant's right cannot be.
    void everyOptionalStepMaySwitchOff_R04_2()
    {
        ChartSettings settings;
        int locked = 0;
        for (const ChartStep &s : standardSteps()) {
            if (isOptionalStep(s.from, s.action)) {
                QVERIFY(lockedReason(s.from, s.action).isEmpty());
                settings.steps.append(ChartStep{s.from, s.action, false});
            } else {
                ++locked;
                QVERIFY(!lockedReason(s.from, s.action).isEmpty());
            }
        }
        QVERIFY(settings.steps.size() >= 8);
        QVERIFY(locked > 20);
        for (const ActionType a :
             {ActionType::Withdraw, ActionType::RequestSupplement, ActionType::RecordSupplement,
              ActionType::Refuse, ActionType::Stop, ActionType::ReturnResult}) {
            for (const Stage st : allStages())
                QVERIFY(!isOptionalStep(st, a));
        }
        auto chart = chartFrom(settings);
        QVERIFY2(chart, qPrintable(chart ? QString() : chart.error().message));
        QVERIFY(!chart->allows(Stage::InAppraisal, ActionType::Consult));
        QVERIFY(!chart->allows(Stage::InAppraisal, ActionType::Transfer));
        QVERIFY(chart->allows(Stage::Received, ActionType::Transfer));
        QVERIFY(chart->allows(Stage::Consulting, ActionType::RecordOpinion));
        QVERIFY(chart->rolesAt(Stage::InAppraisal, ActionType::SubmitForApproval).isEmpty());

        ChartSettings narrowed;
        narrowed.steps
            = {ChartStep{Stage::AwaitingAssignment, ActionType::Assign, true, {Role::Head}}};
        auto withRoles = chartFrom(narrowed);
        QVERIFY(withRoles);
        QCOMPARE(withRoles->rolesAt(Stage::AwaitingAssignment, ActionType::Assign),
                 QList<Role>{Role::Head});
        QCOMPARE(withRoles->transitions(), TransitionChart::standard().transitions());
        // Built in code, the settings are held to the same rules as read ones.
        ChartSettings offLocked;
        offLocked.steps = {ChartStep{Stage::Received, ActionType::Refuse, false}};
        QCOMPARE(chartFrom(offLocked).error().code, QStringLiteral("chart.locked_step"));
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
