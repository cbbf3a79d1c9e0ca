#include "statsdata.h"

#include <QJsonArray>
#include <QTimeZone>

namespace motcua::reports::testdata {

using namespace motcua::domain;

QDateTime vn(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone(7 * 3600));
}

namespace {

class Journey
{
public:
    Journey(Dataset &data, const QString &letter)
        : m_data(data)
        , m_letter(letter)
    {}
    ~Journey() { m_data.dossiers.insert(m_letter, m_dossier); }

    Journey &act(ActionType type, const QString &actor, const QDateTime &at,
                 QJsonObject payload = {})
    {
        Action a;
        a.id = QUuid::createUuid();
        a.dossierId = m_id;
        a.type = type;
        a.actorId = actor;
        a.deviceId = QStringLiteral("pc-1");
        a.deviceSeq = ++m_seq;
        a.deviceTime = at;
        a.baseVersion = m_dossier.version;
        a.payload = std::move(payload);
        auto next = apply(m_dossier, a, m_data.directory);
        if (!next) {
            if (m_data.error.isEmpty())
                m_data.error = m_letter + QStringLiteral(": ") + actionTypeKey(type)
                    + QLatin1Char(' ') + next.error().code + QLatin1Char(' ')
                    + next.error().message;
        } else {
            m_dossier = next.value();
            m_data.actions.append(a);
        }
        return *this;
    }

    // LLTP (10 working days) at the service centre, or the commune's certified copy (4 hours).
    Journey &receive(const QDateTime &at, const QString &channel = QStringLiteral("counter"),
                     bool commune = false)
    {
        static int sequence = 0;
        const QString agency = commune ? demo::kCommuneCode : demo::kCentreCode;
        const QString code = QStringLiteral("%1-%2-%3")
                                 .arg(agency, at.date().toString(QStringLiteral("yyMMdd")))
                                 .arg(++sequence, 4, 10, QLatin1Char('0'));
        const QJsonArray components = commune
            ? QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("c1")},
                                     {QStringLiteral("documentTypeCode"), QStringLiteral("BC")},
                                     {QStringLiteral("name"), QStringLiteral("Bản chính")},
                                     {QStringLiteral("original"), true}}}
            : QJsonArray{
                QJsonObject{{QStringLiteral("id"), QStringLiteral("c1")},
                            {QStringLiteral("documentTypeCode"), QStringLiteral("TK-LLTP")},
                            {QStringLiteral("name"), QStringLiteral("Tờ khai")},
                            {QStringLiteral("original"), true}},
                QJsonObject{{QStringLiteral("id"), QStringLiteral("c2")},
                            {QStringLiteral("documentTypeCode"), QStringLiteral("CCCD")},
                            {QStringLiteral("name"), QStringLiteral("CCCD")}}};
        return act(ActionType::Receive,
                   commune ? QStringLiteral("counter9") : QStringLiteral("counter1"), at,
                   {{QStringLiteral("code"), code},
                    {QStringLiteral("procedureCode"),
                     commune ? QStringLiteral("2.000815") : QStringLiteral("2.001417")},
                    {QStringLiteral("applicant"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("person")},
                                 {QStringLiteral("personalId"), QStringLiteral("056090001234")},
                                 {QStringLiteral("fullName"), QStringLiteral("Nguyễn Văn Đức")}}},
                    {QStringLiteral("channel"), channel},
                    {QStringLiteral("components"), components}});
    }
    Journey &toAppraiser(const QDateTime &at, const char *appraiser = "appraiser1")
    {
        act(ActionType::Transfer, QStringLiteral("counter1"), at,
            {{QStringLiteral("agencyCode"), demo::kJusticeCode},
             {QStringLiteral("departmentId"), QStringLiteral("HCTP")}});
        m_appraiser = QLatin1String(appraiser);
        return act(ActionType::Assign, QStringLiteral("head1"), at.addSecs(600),
                   {{QStringLiteral("handlerId"), m_appraiser}});
    }
    // Submit, approve and complete (R18.2: completed at `at`).
    Journey &resolve(const QDateTime &at)
    {
        act(ActionType::SubmitForApproval, m_appraiser, at.addSecs(-3600),
            {{QStringLiteral("results"),
              QJsonArray{
                  QJsonObject{{QStringLiteral("sha256"), QString(64, QLatin1Char('a'))},
                              {QStringLiteral("fileName"), QStringLiteral("phieu.pdf")},
                              {QStringLiteral("mediaType"), QStringLiteral("application/pdf")},
                              {QStringLiteral("size"), 1000}}}}});
        act(ActionType::Approve, QStringLiteral("leader1"), at.addSecs(-1800),
            {{QStringLiteral("final"), true}});
        return act(ActionType::Complete, QStringLiteral("archivist1"), at);
    }

private:
    Dataset &m_data;
    QString m_letter;
    QString m_appraiser;
    Dossier m_dossier;
    QUuid m_id = QUuid::createUuid();
    qint64 m_seq = 0;
};

QJsonObject reason(const QString &text)
{
    return {{QStringLiteral("reason"), text}, {QStringLiteral("content"), text}};
}

} // namespace

// Expected due instants (10 working days for LLTP, cut-off 16:00; 10/01/2026 is a swapped working
// Saturday; Tết Bính Ngọ 16–20/02/2026 by the default rule):
//  A 05/01 09:00 → 16/01 09:00, completed 14/01 10:00 (early)
//  B 12/02 09:00 (national portal) → 05/03 09:00 across Tết, completed 04/03 15:00 (early; without
//    Tết the due day would be 26/02 and it would be late)
//  C 13/01 10:00 → 27/01 10:00, completed 27/01 09:30 (on time, on the due day)
//  D 07/01 08:00 → 20/01 08:00, completed 21/01 14:00 (late)
//  E 02/03 09:00, supplement asked 04/03, received 16/03 09:00 → restarts: 30/03 09:00; completed
//    27/03 10:00 (early; late against the first due instant 16/03)
//  F 06/04 09:00 → 20/04 09:00, extended by 2 working days on 17/04 → 22/04 09:00; completed
//    21/04 16:00 (early; late without the extension)
//  G 11/05 09:00 → 25/05 09:00, still in appraisal: overdue at the end of June
//  H 01/06 09:00, supplement asked 02/06 and never received: in progress, clock stopped
//  I 22/06 09:00 → 06/07: in progress, not overdue at the end of June
//  J 03/02 09:00, withdrawn 05/02: not resolved
//  K 04/02 09:00, intake refused: not received at all
//  L 09/03 08:00 at the commune (certified copy, 4 working hours, partially online): still at the
//    counter, overdue
//  M 30/12/2025: outside the first half of 2026
Dataset build()
{
    Dataset data;
    auto holidays
        = HolidayCalendar::fromFile(qEnvironmentVariable("MOTCUA_SOURCE_DIR")
                                    + QStringLiteral("/resources/calendar/vn-holidays.json"));
    if (!holidays) {
        data.error = holidays.error().message;
        return data;
    }
    data.directory.setCalendar(WorkCalendar(holidays.value(), OfficeHours::standard()));
    const QString a1 = QStringLiteral("appraiser1");
    Journey(data, QStringLiteral("A"))
        .receive(vn(2026, 1, 5, 9, 0))
        .toAppraiser(vn(2026, 1, 5, 9, 30))
        .resolve(vn(2026, 1, 14, 10, 0));
    Journey(data, QStringLiteral("B"))
        .receive(vn(2026, 2, 12, 9, 0), QStringLiteral("national-portal"))
        .toAppraiser(vn(2026, 2, 12, 9, 30))
        .resolve(vn(2026, 3, 4, 15, 0));
    Journey(data, QStringLiteral("C"))
        .receive(vn(2026, 1, 13, 10, 0))
        .toAppraiser(vn(2026, 1, 13, 10, 30))
        .resolve(vn(2026, 1, 27, 9, 30));
    Journey(data, QStringLiteral("D"))
        .receive(vn(2026, 1, 7, 8, 0))
        .toAppraiser(vn(2026, 1, 7, 8, 30))
        .resolve(vn(2026, 1, 21, 14, 0));
    Journey(data, QStringLiteral("E"))
        .receive(vn(2026, 3, 2, 9, 0))
        .toAppraiser(vn(2026, 3, 2, 9, 30), "appraiser2")
        .act(ActionType::RequestSupplement, QStringLiteral("appraiser2"), vn(2026, 3, 4, 10, 0),
             reason(QStringLiteral("Thiếu bản sao CCCD")))
        .act(ActionType::RecordSupplement, QStringLiteral("counter1"), vn(2026, 3, 16, 9, 0),
             {{QStringLiteral("components"), QJsonArray{}}})
        .resolve(vn(2026, 3, 27, 10, 0));
    Journey(data, QStringLiteral("F"))
        .receive(vn(2026, 4, 6, 9, 0))
        .toAppraiser(vn(2026, 4, 6, 9, 30))
        .act(ActionType::Extend, a1, vn(2026, 4, 17, 9, 0),
             {{QStringLiteral("minutes"), 2 * 450},
              {QStringLiteral("reason"), QStringLiteral("Xác minh")}})
        .resolve(vn(2026, 4, 21, 16, 0));
    Journey(data, QStringLiteral("G"))
        .receive(vn(2026, 5, 11, 9, 0))
        .toAppraiser(vn(2026, 5, 11, 9, 30));
    Journey(data, QStringLiteral("H"))
        .receive(vn(2026, 6, 1, 9, 0))
        .act(ActionType::RequestSupplement, QStringLiteral("counter1"), vn(2026, 6, 2, 9, 0),
             reason(QStringLiteral("Thiếu tờ khai")));
    Journey(data, QStringLiteral("I"))
        .receive(vn(2026, 6, 22, 9, 0))
        .toAppraiser(vn(2026, 6, 22, 9, 30));
    Journey(data, QStringLiteral("J"))
        .receive(vn(2026, 2, 3, 9, 0))
        .act(ActionType::Withdraw, QStringLiteral("counter1"), vn(2026, 2, 5, 9, 0));
    Journey(data, QStringLiteral("K"))
        .receive(vn(2026, 2, 4, 9, 0))
        .act(ActionType::Refuse, QStringLiteral("counter1"), vn(2026, 2, 4, 9, 10),
             {{QStringLiteral("reason"), QStringLiteral("Không thuộc thẩm quyền")}});
    Journey(data, QStringLiteral("L"))
        .receive(vn(2026, 3, 9, 8, 0), QStringLiteral("counter"), true);
    Journey(data, QStringLiteral("M"))
        .receive(vn(2025, 12, 30, 9, 0))
        .toAppraiser(vn(2025, 12, 30, 9, 30));
    return data;
}

} // namespace motcua::reports::testdata
