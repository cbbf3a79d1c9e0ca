#include "applicants.h"

#include <QHash>
#include <QTimeZone>

#include <domain/folding.h>

#include <algorithm>

namespace motcua::reports {

namespace {

qint64 startOfDay(const QDate &day)
{
    return day.startOfDay(QTimeZone(7 * 3600)).toMSecsSinceEpoch();
}

QString identityOf(const domain::Applicant &a)
{
    if (a.type == domain::ApplicantType::Organisation && !a.taxCode.isEmpty())
        return QStringLiteral("mst:") + a.taxCode;
    if (!a.personalId.isEmpty())
        return QStringLiteral("id:") + a.personalId;
    return QStringLiteral("name:") + domain::foldForSearch(a.organisationName + u'|' + a.fullName)
        + u'|' + domain::foldForSearch(a.address);
}

} // namespace

std::optional<ApplicantFacts> ApplicantFacts::of(const domain::Dossier &d)
{
    // Served: received at the counter or from the portal (not waiting, not refused at intake).
    if (d.stage == domain::Stage::AwaitingIntake || d.stage == domain::Stage::Refused
        || !d.receivedAt.isValid())
        return std::nullopt;
    return ApplicantFacts{d.receivedAt.toMSecsSinceEpoch(), d.applicant};
}

QList<ApplicantRow> applicantsServed(const QList<ApplicantFacts> &facts,
                                     const ApplicantQuery &query)
{
    const qint64 fromMs = startOfDay(query.from);
    const qint64 toMs = startOfDay(query.to.addDays(1));
    const QString text = domain::foldForSearch(query.text.trimmed());
    QHash<QString, int> index;
    QList<ApplicantRow> rows;
    for (const ApplicantFacts &f : facts) {
        if (f.receivedMs < fromMs || f.receivedMs >= toMs)
            continue;
        const domain::Applicant &a = f.applicant;
        if (query.type && a.type != *query.type)
            continue;
        const QString identifier
            = a.type == domain::ApplicantType::Organisation && !a.taxCode.isEmpty() ? a.taxCode
                                                                                    : a.personalId;
        if (!text.isEmpty()) {
            const QString all = domain::foldForSearch(
                QStringList{a.fullName, a.organisationName, identifier, a.address, a.phone, a.email}
                    .join(u' '));
            if (!all.contains(text))
                continue;
        }
        const QString key = identityOf(a);
        auto it = index.constFind(key);
        if (it == index.constEnd()) {
            it = index.insert(key, int(rows.size()));
            rows.append(ApplicantRow{a.type, a.fullName, a.organisationName, identifier, a.address,
                                     a.phone, a.email, 0, 0});
        }
        ApplicantRow &row = rows[*it];
        ++row.dossiers;
        if (f.receivedMs >= row.lastReceivedMs) {
            // The latest dossier's contact details are the freshest.
            row.lastReceivedMs = f.receivedMs;
            row.name = a.fullName;
            row.organisation = a.organisationName;
            if (!a.address.isEmpty())
                row.address = a.address;
            if (!a.phone.isEmpty())
                row.phone = a.phone;
            if (!a.email.isEmpty())
                row.email = a.email;
        }
    }
    const auto sortKey = [](const ApplicantRow &r) {
        return domain::foldForSearch(r.organisation.isEmpty() ? r.name : r.organisation);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const ApplicantRow &a, const ApplicantRow &b) {
        const QString ka = sortKey(a), kb = sortKey(b);
        return ka != kb ? ka < kb : a.identifier < b.identifier;
    });
    return rows;
}

ReportTable applicantTable(const QList<ApplicantRow> &rows, const ApplicantQuery &query,
                           const QString &agencyName)
{
    ReportTable t;
    t.agencyName = agencyName;
    t.title = QStringLiteral("DANH SÁCH TỔ CHỨC, CÁ NHÂN NỘP HỒ SƠ");
    t.period = periodText(query.from, query.to);
    if (!query.text.trimmed().isEmpty())
        t.note = QStringLiteral("Tìm theo: \"%1\".").arg(query.text.trimmed());
    t.columns = {QStringLiteral("Loại"),        QStringLiteral("Họ và tên"),
                 QStringLiteral("Tổ chức"),     QStringLiteral("Số định danh / MST"),
                 QStringLiteral("Địa chỉ"),     QStringLiteral("Điện thoại"),
                 QStringLiteral("Thư điện tử"), QStringLiteral("Lần nộp gần nhất"),
                 QStringLiteral("Số hồ sơ")};
    t.labelColumns = 8;
    qint64 total = 0;
    for (const ApplicantRow &r : rows) {
        t.rows.append(
            QVariantList{r.type == domain::ApplicantType::Organisation ? QStringLiteral("Tổ chức")
                                                                       : QStringLiteral("Cá nhân"),
                         r.name, r.organisation, r.identifier, r.address, r.phone, r.email,
                         QDateTime::fromMSecsSinceEpoch(r.lastReceivedMs, QTimeZone(7 * 3600))
                             .toString(QStringLiteral("dd/MM/yyyy")),
                         r.dossiers});
        total += r.dossiers;
    }
    QVariantList totals{QStringLiteral("Tổng cộng: %1").arg(rows.size())};
    for (int i = 1; i < 8; ++i)
        totals.append(QString());
    totals.append(total);
    t.totals = totals;
    return t;
}

} // namespace motcua::reports
