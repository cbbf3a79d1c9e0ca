#include "slipformat.h"

#include <QLocale>

namespace motcua::print {

QDateTime vietnamTime(const QDateTime &at)
{
    return at.toOffsetFromUtc(7 * 3600);
}

QString administrativeDateTime(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    const QDateTime local = vietnamTime(at);
    return QStringLiteral("%1 giờ %2 phút, %3")
        .arg(local.time().hour(), 2, 10, QLatin1Char('0'))
        .arg(local.time().minute(), 2, 10, QLatin1Char('0'))
        .arg(administrativeDate(at));
}

QString administrativeDate(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    const QDate d = vietnamTime(at).date();
    return QStringLiteral("ngày %1 tháng %2 năm %3")
        .arg(d.day(), 2, 10, QLatin1Char('0'))
        .arg(d.month(), 2, 10, QLatin1Char('0'))
        .arg(d.year());
}

QString shortDate(const QDateTime &at)
{
    return at.isValid() ? vietnamTime(at).toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString shortDateTime(const QDateTime &at)
{
    return at.isValid() ? vietnamTime(at).toString(QStringLiteral("HH:mm dd/MM/yyyy")) : QString();
}

QString vnd(qint64 amount)
{
    QString digits = QString::number(amount < 0 ? -amount : amount);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char('.'));
    return (amount < 0 ? QStringLiteral("-") : QString()) + digits + QStringLiteral(" đồng");
}

QString deadlineText(const domain::Deadline &deadline)
{
    using Unit = domain::Deadline::Unit;
    if (!deadline.isTimed())
        return QStringLiteral("Không quy định");
    switch (deadline.unit) {
    case Unit::WorkingDays:
        return QStringLiteral("%1 ngày làm việc").arg(deadline.amount);
    case Unit::WorkingHours:
        return QStringLiteral("%1 giờ làm việc").arg(deadline.amount);
    case Unit::WorkingMinutes:
        return QStringLiteral("%1 phút làm việc").arg(deadline.amount);
    case Unit::None:
        break;
    }
    return QStringLiteral("Không quy định");
}

QString escapeHtml(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1Char('\''), QStringLiteral("&#39;"));
    out.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return out;
}

QString blankLine(int dots)
{
    return QString(dots, QChar(0x2026)); // "……"
}

} // namespace motcua::print
