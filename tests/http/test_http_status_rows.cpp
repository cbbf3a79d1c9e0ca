// One scenario per row of the R04.1 status table, on the real motcua-server (SQLite and
// PostgreSQL): the row's actions are pushed each by its own officer, the server's engine accepts
// them, and the dossier the server feeds back shows the row's status and the information the
// table says it shows (the status line). The same actions folded by the domain give the same.
#include "http_fixture.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <domain/demo.h>
#include <domain/engine.h>
#include <domain/json.h>

using namespace motcua;
using namespace motcua::test;
using domain::ActionType;

namespace {

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), QTimeZone(7 * 3600));
}

struct Step
{
    ActionType type;
    QString actor;
    QJsonObject payload;
};

Step transfer()
{
    return {ActionType::Transfer,
            QStringLiteral("counter1"),
            {{QStringLiteral("agencyCode"), domain::demo::kJusticeCode},
             {QStringLiteral("departmentId"), QStringLiteral("HCTP")}}};
}
Step assign()
{
    return {ActionType::Assign,
            QStringLiteral("head1"),
            {{QStringLiteral("handlerId"), QStringLiteral("appraiser1")}}};
}
Step reason(ActionType type, const QString &actor, const QString &text, const QString &content = {})
{
    QJsonObject p{{QStringLiteral("reason"), text}};
    if (!content.isEmpty())
        p.insert(QStringLiteral("content"), content);
    return {type, actor, p};
}

} // namespace

Q_DECLARE_METATYPE(QList<Step>)

class TestHttpStatusRows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void row_data()
    {
        QTest::addColumn<QList<Step>>("steps");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("info"); // a regular expression the status line must match
        QTest::addColumn<QDateTime>("now");
        const QDateTime soon = at(2, 9);
        const QString handler
            = QStringLiteral("— Chuyên viên, Phòng Hành chính tư pháp, Phạm Văn Đức$");
        QTest::newRow("counter accepts")
            << QList<Step>{} << QStringLiteral("Được tiếp nhận")
            << QStringLiteral("Ngày tiếp nhận hồ sơ: 1/12/2026$") << soon;
        QTest::newRow("counter asks to supplement")
            << QList<Step>{reason(ActionType::RequestSupplement, QStringLiteral("counter1"),
                                  QStringLiteral("Thiếu bản sao CCCD"),
                                  QStringLiteral("Nộp bản sao CCCD có chứng thực"))}
            << QStringLiteral("Yêu cầu bổ sung giấy tờ")
            << QStringLiteral("Lý do bổ sung, hoàn thiện hồ sơ: Thiếu bản sao CCCD$") << soon;
        QTest::newRow("applicant withdraws")
            << QList<Step>{{ActionType::Withdraw, QStringLiteral("counter1"), {}}}
            << QStringLiteral("Đã trả lại") << QStringLiteral("^Đã trả lại$") << soon;
        QTest::newRow("counter refuses")
            << QList<Step>{reason(ActionType::Refuse, QStringLiteral("counter1"),
                                  QStringLiteral("Không thuộc thẩm quyền"))}
            << QStringLiteral("Dừng xử lý")
            << QStringLiteral("Lý do từ chối tiếp nhận: Không thuộc thẩm quyền$") << soon;
        QTest::newRow("counter transfers")
            << QList<Step>{transfer()} << QStringLiteral("Đang xử lý")
            << QStringLiteral("Cơ quan có thẩm quyền giải quyết: Sở Tư pháp tỉnh Khánh Hòa$")
            << soon;
        QTest::newRow("competent agency assigns")
            << QList<Step>{transfer(), assign()} << QStringLiteral("Đang xử lý") << handler << soon;
        QTest::newRow("handler submits")
            << QList<Step>{transfer(),
                           assign(),
                           {ActionType::SubmitForApproval, QStringLiteral("appraiser1"), {}}}
            << QStringLiteral("Đang xử lý") << handler << soon;
        QTest::newRow("handler asks to supplement")
            << QList<Step>{transfer(), assign(),
                           reason(ActionType::RequestSupplement, QStringLiteral("appraiser1"),
                                  QStringLiteral("Tờ khai thiếu chữ ký"),
                                  QStringLiteral("Ký tờ khai"))}
            << QStringLiteral("Yêu cầu bổ sung giấy tờ")
            << QStringLiteral("Lý do, nội dung cần bổ sung: Tờ khai thiếu chữ ký$") << soon;
        QTest::newRow("handler finds it ineligible")
            << QList<Step>{transfer(), assign(),
                           reason(ActionType::Reject, QStringLiteral("appraiser1"),
                                  QStringLiteral("Không đủ điều kiện cấp phiếu"))}
            << QStringLiteral("Dừng xử lý")
            << QStringLiteral("Lý do không giải quyết: Không đủ điều kiện cấp phiếu$") << soon;
        QTest::newRow("handler consults")
            << QList<Step>{transfer(),
                           assign(),
                           {ActionType::Consult,
                            QStringLiteral("appraiser1"),
                            {{QStringLiteral("consultationId"), QStringLiteral("yk-1")},
                             {QStringLiteral("agency"), QStringLiteral("Công an tỉnh")},
                             {QStringLiteral("content"), QStringLiteral("Xác minh")},
                             {QStringLiteral("deadline"), at(4, 17).toString(Qt::ISODate)}}}}
            << QStringLiteral("Đang xử lý") << handler << soon;
        QTest::newRow("inter-agency pass on")
            << QList<Step>{transfer(),
                           assign(),
                           {ActionType::Transfer,
                            QStringLiteral("appraiser1"),
                            {{QStringLiteral("agencyCode"), domain::demo::kJusticeCode},
                             {QStringLiteral("departmentId"), QStringLiteral("VP")}}}}
            << QStringLiteral("Đang xử lý")
            << QStringLiteral("Cơ quan có thẩm quyền giải quyết: Sở Tư pháp tỉnh Khánh Hòa$")
            << soon;
        // One server per backend, shared by its rows.
        // 10 working days from Tuesday 01/12 09:00: due Tuesday 15/12; on Friday 18/12: 3 days.
        QTest::newRow("past its due date")
            << QList<Step>{transfer(), assign()} << QStringLiteral("Đang xử lý")
            << QStringLiteral("— Hạn xử lý 15/12/2026 - Quá hạn 3 ngày$") << at(18, 9);
        const QList<Step> approved{
            transfer(),
            assign(),
            {ActionType::SubmitForApproval, QStringLiteral("appraiser1"), {}},
            {ActionType::Approve, QStringLiteral("leader1"), {{QStringLiteral("final"), true}}},
            {ActionType::Complete, QStringLiteral("archivist1"), {}}};
        QTest::newRow("counter receives the result")
            << approved << QStringLiteral("Đã xử lý xong") << QStringLiteral("— Đang trả kết quả$")
            << soon;
        QTest::newRow("result returned")
            << (approved
                + QList<Step>{{ActionType::ReturnResult,
                               QStringLiteral("counter1"),
                               {{QStringLiteral("recipientName"), QStringLiteral("Nguyễn Văn Đức")},
                                {QStringLiteral("originalsChecked"), true}}}})
            << QStringLiteral("Đã xử lý xong") << QStringLiteral("— Đã trả kết quả$") << soon;
        QTest::newRow("stopped at the applicant's request (R17)")
            << QList<Step>{transfer(), assign(),
                           reason(ActionType::Stop, QStringLiteral("counter1"),
                                  QStringLiteral("Người nộp đề nghị dừng"))}
            << QStringLiteral("Dừng xử lý")
            << QStringLiteral("Lý do dừng xử lý: Người nộp đề nghị dừng$") << soon;
    }

    void row()
    {
        QFETCH_GLOBAL(QString, backend);
        QString why;
        if (!backendAvailable(backend, &why)) {
            if (postgresRequired())
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        QFETCH(QList<Step>, steps);
        QFETCH(QString, status);
        QFETCH(QString, info);
        QFETCH(QDateTime, now);
        if (!m_server || m_backend != backend) {
            m_server = std::make_unique<TestServer>();
            m_backend = backend;
            m_tokens.clear();
            QVERIFY2(m_server->start(backend), qPrintable(m_server->error()));
        }
        Client &c = m_server->client();

        // A fresh dossier, received Tuesday 01/12/2026 09:00.
        domain::Action receive = domain::demo::exampleReceive();
        receive.id = QUuid::createUuid();
        receive.dossierId = QUuid::createUuid();
        receive.deviceTime = at(1, 9);
        receive.payload.insert(
            QStringLiteral("code"),
            QStringLiteral("000.17.22.H56-261201-%1").arg(++m_serial, 4, 10, QLatin1Char('0')));
        QList<domain::Action> actions{receive};
        int minute = 0;
        for (const Step &s : steps) {
            domain::Action a;
            a.id = QUuid::createUuid();
            a.dossierId = receive.dossierId;
            a.type = s.type;
            a.actorId = s.actor;
            a.deviceId = QStringLiteral("test");
            a.deviceSeq = actions.size() + 1;
            a.deviceTime = at(1, 10, minute += 5);
            a.baseVersion = int(actions.size());
            a.payload = s.payload;
            actions.append(a);
        }
        // The domain's own answer.
        const auto dir = domain::demo::directory();
        auto folded = domain::fold(actions, dir);
        QVERIFY2(folded, qPrintable(folded ? QString() : folded.error().message));

        QString error;
        QVERIFY2(pushEachAccepted(c, actions, m_tokens, &error), qPrintable(error));

        // The dossier as the server feeds it back.
        std::optional<domain::Dossier> served;
        qint64 after = 0;
        for (;;) {
            const Reply r
                = c.get(QStringLiteral("/api/v1/sync/changes?after=%1&limit=500").arg(after),
                        m_tokens.value(QStringLiteral("counter1")));
            QCOMPARE(r.status, 200);
            for (const auto &v : r.json.value(QStringLiteral("changes")).toArray()) {
                auto d = domain::dossierFromJson(
                    v.toObject().value(QStringLiteral("dossier")).toObject());
                QVERIFY(d);
                if (d->id == receive.dossierId)
                    served = d.value();
            }
            after = qint64(r.json.value(QStringLiteral("nextAfter")).toDouble());
            if (!r.json.value(QStringLiteral("more")).toBool())
                break;
        }
        QVERIFY(served);
        QCOMPARE(served->version, int(actions.size()));
        QCOMPARE(served->stage, folded->stage);
        QCOMPARE(domain::statusName(served->status()), status);
        const QString line = domain::statusLine(*served, now, dir);
        QVERIFY2(line.startsWith(status), qPrintable(line));
        QVERIFY2(QRegularExpression(info).match(line).hasMatch(),
                 qPrintable(line + QStringLiteral("  ≠  ") + info));
        QCOMPARE(domain::statusLine(folded.value(), now, dir), line);
    }

private:
    std::unique_ptr<TestServer> m_server;
    QString m_backend;
    QHash<QString, QString> m_tokens;
    int m_serial = 0;
};

QTEST_MAIN(TestHttpStatusRows)
#include "test_http_status_rows.moc"
