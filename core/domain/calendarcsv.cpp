// A year of the holiday calendar as the admin edits it: checks of one edit and the CSV list.
#include "calendarcsv.h"

#include "folding.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace motcua::domain {
namespace {

const QString kDefaultDayOffName = QStringLiteral("Nghỉ theo quyết định của Chính phủ");

QString display(const QDate &date)
{
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

bool isWeekend(const QDate &date)
{
    return date.dayOfWeek() >= Qt::Saturday;
}

enum class RowKind {
    Unknown,
    Statutory,
    Compensatory,
    DayOff,
    Working
};

QString kindText(RowKind kind)
{
    switch (kind) {
    case RowKind::Statutory:
        return QStringLiteral("nghỉ lễ");
    case RowKind::Compensatory:
        return QStringLiteral("nghỉ bù");
    case RowKind::DayOff:
        return QStringLiteral("nghỉ");
    case RowKind::Working:
        return QStringLiteral("làm bù");
    case RowKind::Unknown:
        break;
    }
    return {};
}

RowKind kindOf(const QString &text)
{
    const QString folded = foldForSearch(text);
    if (folded == QLatin1String("nghi le") || folded == QLatin1String("le")
        || folded == QLatin1String("statutory"))
        return RowKind::Statutory;
    if (folded == QLatin1String("nghi bu") || folded == QLatin1String("compensatory"))
        return RowKind::Compensatory;
    if (folded == QLatin1String("nghi") || folded == QLatin1String("day off")
        || folded == QLatin1String("dayoff"))
        return RowKind::DayOff;
    if (folded == QLatin1String("lam bu") || folded == QLatin1String("working"))
        return RowKind::Working;
    return RowKind::Unknown;
}

std::optional<Holiday> holidayOn(const HolidayCalendar &calendar, const QDate &date)
{
    for (const Holiday &h : calendar.holidays(date.year())) {
        if (h.date == date)
            return h;
    }
    return std::nullopt;
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(';')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QDate parseDisplayDate(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})\\s*$"));
    const auto m = pattern.match(text);
    if (!m.hasMatch())
        return {};
    return QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
}

QString vietnameseWeekday(const QDate &date)
{
    static const char *const names[]
        = {"", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"};
    const int day = date.dayOfWeek();
    return day >= 1 && day <= 7 ? QString::fromUtf8(names[day]) : QString();
}

YearDecision yearDecision(const HolidayCalendar &calendar, int year)
{
    YearDecision d = calendar.decisions().value(year);
    d.year = year;
    return d;
}

QString dayOffProblem(const HolidayCalendar &calendar, int year, const QDate &date,
                      const QDate &replacing)
{
    if (!date.isValid())
        return QStringLiteral("Ngày phải viết dạng dd/MM/yyyy, ví dụ 02/05/%1.").arg(year);
    if (date.year() != year)
        return QStringLiteral("Ngày %1 không thuộc năm %2.").arg(display(date)).arg(year);
    HolidayCalendar without = calendar;
    YearDecision d = yearDecision(calendar, year);
    d.daysOff.removeIf([&](const Holiday &h) { return h.date == replacing; });
    without.setDecision(d);
    if (const auto h = holidayOn(without, date))
        return QStringLiteral("Ngày %1 đã có trong danh sách ngày nghỉ (%2).")
            .arg(display(date), h->name);
    if (d.workingWeekendDays.contains(date))
        return QStringLiteral(
                   "Ngày %1 đang là ngày làm bù; một ngày không thể vừa nghỉ vừa làm bù.")
            .arg(display(date));
    return {};
}

QString swappedDayProblem(const HolidayCalendar &calendar, int year, const QDate &date,
                          const QDate &replacing)
{
    if (!date.isValid())
        return QStringLiteral("Ngày phải viết dạng dd/MM/yyyy, ví dụ 25/04/%1.").arg(year);
    if (date.year() != year)
        return QStringLiteral("Ngày %1 không thuộc năm %2.").arg(display(date)).arg(year);
    if (!isWeekend(date))
        return QStringLiteral("Ngày %1 là %2, không phải thứ Bảy hay Chủ nhật: ngày làm bù phải "
                              "là một ngày cuối tuần.")
            .arg(display(date), vietnameseWeekday(date));
    const YearDecision d = yearDecision(calendar, year);
    if (date != replacing && d.workingWeekendDays.contains(date))
        return QStringLiteral("Ngày %1 đã có trong danh sách ngày làm bù.").arg(display(date));
    if (const auto h = holidayOn(calendar, date))
        return QStringLiteral("Ngày %1 là ngày nghỉ (%2), không thể là ngày làm bù.")
            .arg(display(date), h->name);
    return {};
}

QByteArray calendarCsv(const HolidayCalendar &calendar, int year)
{
    struct Row
    {
        QDate date;
        QString name;
        RowKind kind;
    };
    QList<Row> rows;
    for (const Holiday &h : calendar.holidays(year)) {
        const RowKind kind = h.kind == Holiday::Kind::Statutory ? RowKind::Statutory
            : h.kind == Holiday::Kind::Compensatory             ? RowKind::Compensatory
                                                                : RowKind::DayOff;
        rows.append({h.date, h.name, kind});
    }
    for (const QDate &day : yearDecision(calendar, year).workingWeekendDays)
        rows.append({day, QStringLiteral("Làm việc bù (%1)").arg(vietnameseWeekday(day)),
                     RowKind::Working});
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row &a, const Row &b) { return a.date < b.date; });
    QString text = QStringLiteral("Ngày;Tên;Loại\r\n");
    for (const Row &r : rows)
        text += display(r.date) + QLatin1Char(';') + csvField(r.name) + QLatin1Char(';')
            + kindText(r.kind) + QStringLiteral("\r\n");
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

CalendarCsvImport parseCalendarCsv(const QByteArray &csv, const HolidayCalendar &base, int year)
{
    CalendarCsvImport out;
    out.decision = yearDecision(base, year);
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
    const QChar delimiter = firstLine.contains(QLatin1Char(';')) || !firstLine.contains(QLatin1Char(','))
        ? QLatin1Char(';')
        : QLatin1Char(',');
    bool unterminated = false;
    const QList<QStringList> records = csvRecords(text, delimiter, &unterminated);
    const QString colDate = QStringLiteral("Ngày");
    const QString colName = QStringLiteral("Tên");
    const QString colKind = QStringLiteral("Loại");
    if (unterminated)
        out.problems.append(
            {0, {}, QStringLiteral("Tệp có một trường trong ngoặc kép không được đóng.")});

    struct Row
    {
        int line;
        QDate date;
        QString name;
        RowKind kind;
    };
    QList<Row> rows;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const int line = int(i) + 1;
        const QStringList &r = records.at(i);
        if (std::all_of(r.cbegin(), r.cend(),
                        [](const QString &f) { return f.trimmed().isEmpty(); }))
            continue;
        const QString first = r.value(0).trimmed();
        if (i == 0 && !parseDisplayDate(first).isValid()
            && !QDate::fromString(first, Qt::ISODate).isValid()) {
            const QString folded = foldForSearch(first);
            if (folded == QLatin1String("ngay") || folded == QLatin1String("date"))
                continue; // the header
        }
        if (r.size() != 3) {
            out.problems.append(
                {line,
                 {},
                 QStringLiteral("cần đúng 3 cột Ngày;Tên;Loại, dòng này có %1").arg(r.size())});
            continue;
        }
        bool bad = false;
        QDate date = parseDisplayDate(first);
        if (!date.isValid())
            date = QDate::fromString(first, Qt::ISODate);
        if (!date.isValid()) {
            out.problems.append(
                {line, colDate,
                 QStringLiteral("\"%1\" không phải là ngày dạng dd/MM/yyyy").arg(first)});
            bad = true;
        } else if (date.year() != year) {
            out.problems.append(
                {line, colDate,
                 QStringLiteral("ngày %1 không thuộc năm %2").arg(display(date)).arg(year)});
            bad = true;
        }
        const RowKind kind = kindOf(r.at(2));
        if (kind == RowKind::Unknown) {
            out.problems.append({line, colKind,
                                 QStringLiteral("\"%1\" không phải loại ngày hợp lệ (nghỉ lễ, "
                                                "nghỉ bù, nghỉ, làm bù)")
                                     .arg(r.at(2).trimmed())});
            bad = true;
        }
        if (bad)
            continue;
        if (kind == RowKind::Working && !isWeekend(date)) {
            out.problems.append({line, colDate,
                                 QStringLiteral("ngày %1 là %2, không phải thứ Bảy hay Chủ nhật "
                                                "nên không thể là ngày làm bù")
                                     .arg(display(date), vietnameseWeekday(date))});
            continue;
        }
        const auto earlier = std::find_if(rows.cbegin(), rows.cend(),
                                          [&](const Row &o) { return o.date == date; });
        if (earlier != rows.cend()) {
            out.problems.append(
                {line, colDate,
                 QStringLiteral("ngày %1 đã có ở dòng %2").arg(display(date)).arg(earlier->line)});
            continue;
        }
        rows.append({line, date, standardiseText(r.at(1)), kind});
    }

    YearDecision d = out.decision;
    d.daysOff.clear();
    d.workingWeekendDays.clear();
    for (const Row &r : rows) {
        if (r.kind == RowKind::DayOff)
            d.daysOff.append({r.date, r.name.isEmpty() ? kDefaultDayOffName : r.name,
                              Holiday::Kind::GovernmentDayOff});
        else if (r.kind == RowKind::Working)
            d.workingWeekendDays.append(r.date);
    }
    // The law's days of the year without the file's days off: a "nghỉ" row must not repeat one.
    HolidayCalendar lawOnly = base;
    YearDecision bare = d;
    bare.daysOff.clear();
    lawOnly.setDecision(bare);
    HolidayCalendar result = base;
    result.setDecision(d);
    for (const Row &r : rows) {
        switch (r.kind) {
        case RowKind::DayOff:
            if (const auto h = holidayOn(lawOnly, r.date); h && h->kind == Holiday::Kind::Statutory)
                out.problems.append({r.line, colKind,
                                     QStringLiteral("ngày %1 đã là ngày lễ (%2); ghi loại \"nghỉ "
                                                    "lễ\" hoặc bỏ dòng này")
                                         .arg(display(r.date), h->name)});
            break;
        case RowKind::Working:
            if (const auto h = holidayOn(result, r.date))
                out.problems.append({r.line, colDate,
                                     QStringLiteral("ngày %1 là ngày nghỉ (%2), không thể là ngày "
                                                    "làm bù")
                                         .arg(display(r.date), h->name)});
            break;
        case RowKind::Statutory:
        case RowKind::Compensatory: {
            const auto h = holidayOn(result, r.date);
            const auto want = r.kind == RowKind::Statutory ? Holiday::Kind::Statutory
                                                           : Holiday::Kind::Compensatory;
            if (!h || h->kind != want)
                out.problems.append({r.line, colKind,
                                     QStringLiteral("ngày %1 không phải ngày %2 theo Bộ luật Lao "
                                                    "động; ngày nghỉ khác ghi loại \"nghỉ\"")
                                         .arg(display(r.date), kindText(r.kind))});
            break;
        }
        case RowKind::Unknown:
            break;
        }
    }
    std::sort(out.problems.begin(), out.problems.end(),
              [](const ImportProblem &a, const ImportProblem &b) { return a.row < b.row; });
    if (out.problems.isEmpty())
        out.decision = d;
    return out;
}

} // namespace motcua::domain
