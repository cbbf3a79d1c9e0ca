#include "applicantnotifier.h"

#include <QLocale>

#include <domain/workcalendar.h>

#include <algorithm>

namespace motcua::services {

namespace {

QString dateText(const QDateTime &at)
{
    return domain::toVietnamTime(at).toString(QStringLiteral("dd/MM/yyyy"));
}

domain::Check checkAddress(const domain::Dossier &d)
{
    if (d.applicant.email.trimmed().isEmpty()) {
        return domain::makeError(
            QStringLiteral("notify.no_address"),
            QStringLiteral("Người nộp hồ sơ %1 không đăng ký địa chỉ thư điện tử.").arg(d.code));
    }
    return {};
}

QString agencyName(const domain::Dossier &d, const domain::Directory &directory)
{
    const auto a
        = directory.agency(d.handlingAgencyCode.isEmpty() ? d.agencyCode : d.handlingAgencyCode);
    return a ? a->name : d.handlingAgencyCode;
}

} // namespace

domain::Result<ApplicantNotice> overdueNotice(const domain::Dossier &d, const QDateTime &now,
                                              const domain::Directory &directory,
                                              const QDateTime &newAppointment)
{
    if (auto st = checkAddress(d); !st)
        return st.error();
    const auto &calendar = directory.calendar(d.handlingAgencyCode);
    const int days = std::max(1, calendar.workingDaysLate(d.dueAt, now));
    ApplicantNotice n;
    n.toAddress = d.applicant.email.trimmed();
    n.toName = d.applicant.fullName;
    n.subject = QStringLiteral("Thông báo hồ sơ %1 quá hạn giải quyết").arg(d.code);
    n.body = QStringLiteral("Kính gửi Ông/Bà %1,\n\n"
                            "Hồ sơ số %2 (%3) có hạn trả kết quả ngày %4 đến nay đã quá hạn %5 "
                            "ngày làm việc. %6 xin lỗi Ông/Bà vì sự chậm trễ này.\n")
                 .arg(d.applicant.fullName, d.code, d.procedureName, dateText(d.dueAt))
                 .arg(days)
                 .arg(agencyName(d, directory));
    if (newAppointment.isValid())
        n.body += QStringLiteral("Thời hạn hẹn trả kết quả mới: ngày %1.\n")
                      .arg(dateText(newAppointment));
    n.body += QStringLiteral("\nTrân trọng.\n");
    return n;
}

domain::Result<ApplicantNotice> resultReadyNotice(const domain::Dossier &d,
                                                  const domain::Directory &directory)
{
    if (auto st = checkAddress(d); !st)
        return st.error();
    qint64 fees = 0;
    if (const auto p = directory.procedure(d.procedureCode)) {
        for (const auto &f : p->fees)
            fees += f.amountVnd;
    }
    const auto receiving = directory.agency(d.agencyCode);
    ApplicantNotice n;
    n.toAddress = d.applicant.email.trimmed();
    n.toName = d.applicant.fullName;
    n.subject = QStringLiteral("Hồ sơ %1 đã có kết quả").arg(d.code);
    n.body = QStringLiteral("Kính gửi Ông/Bà %1,\n\nHồ sơ số %2 (%3) đã có kết quả. Mời Ông/Bà "
                            "đến %4 để nhận kết quả")
                 .arg(d.applicant.fullName, d.code, d.procedureName,
                      receiving ? receiving->name : d.agencyCode);
    if (fees > 0)
        n.body += QStringLiteral(" và nộp phí, lệ phí %1 đồng")
                      .arg(QLocale(QLocale::Vietnamese).toString(fees));
    n.body += QStringLiteral(".\n\nTrân trọng.\n");
    return n;
}

} // namespace motcua::services
