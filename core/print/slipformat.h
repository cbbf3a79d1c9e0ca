#pragma once

// How values read on a Vietnamese administrative form: times in Vietnam's time zone (UTC+7), in
// the administrative form ("09 giờ 30 phút, ngày 28 tháng 11 năm 2026") where a form states a
// moment, dd/MM/yyyy in tables; amounts in đồng with dots between thousands; text escaped for the
// HTML the templates are written in.
#include <QDateTime>
#include <QString>

#include <domain/entities.h>

namespace motcua::print {

// The moment as the counter's clock shows it (UTC+7, no daylight saving).
QDateTime vietnamTime(const QDateTime &at);
// "09 giờ 30 phút, ngày 28 tháng 11 năm 2026"; empty when invalid.
QString administrativeDateTime(const QDateTime &at);
// "ngày 28 tháng 11 năm 2026" (the place-and-date line); empty when invalid.
QString administrativeDate(const QDateTime &at);
// "28/11/2026"; empty when invalid.
QString shortDate(const QDateTime &at);
// "09:30 28/11/2026"; empty when invalid.
QString shortDateTime(const QDateTime &at);
// "200.000 đồng".
QString vnd(qint64 amount);
// "15 ngày làm việc", "8 giờ làm việc"; "Không quy định" when untimed.
QString deadlineText(const domain::Deadline &deadline);
// Text made safe to put in HTML (&, <, >, quotes), line breaks kept as <br>.
QString escapeHtml(const QString &text);
// The dotted line a form leaves to be filled in by hand.
QString blankLine(int dots = 10);

} // namespace motcua::print
