// Days off of the work calendar: statutory holidays (Labour Code 2019, Art. 112), compensatory days
// (Art. 111.3) and the government's yearly decisions, read from JSON. Rules: docs/calendar.md.
#include "holidays.h"

#include "lunarcalendar.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

namespace motcua::domain {
namespace {

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2199;
constexpr int kFlagOff = 1;
constexpr int kFlagSwapped = 2;

bool isWeekend(const QDate &date)
{
    return date.dayOfWeek() >= Qt::Saturday;
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QJsonArray dateArray(const QList<QDate> &dates)
{
    QJsonArray out;
    for (const QDate &day : dates)
        out.append(isoDate(day));
    return out;
}

// "Tết Nguyên đán (mùng 1)", "Tết Nguyên đán (30 tháng Chạp)".
QString tetDayName(const QDate &date)
{
    const LunarDate lunar = solarToLunar(date);
    if (lunar.month == 1 && !lunar.leap)
        return QStringLiteral("Tết Nguyên đán (mùng %1)").arg(lunar.day);
    if (lunar.month == 12)
        return QStringLiteral("Tết Nguyên đán (%1 tháng Chạp)").arg(lunar.day);
    return QStringLiteral("Tết Nguyên đán (%1/%2 Âm lịch)").arg(lunar.day).arg(lunar.month);
}

// ---- JSON reading ------------------------------------------------------------------------

// Reads the data file; the first error wins and names the entry ("years[0].daysOff[1].date").
class Reader
{
public:
    std::optional<Error> error;
    QString where; // "năm 2025": the year being read, for the messages

    std::nullopt_t fail(const char *code, const QString &field, const QString &detail)
    {
        if (!error) {
            const QString at = where.isEmpty() ? QString() : QStringLiteral(", ") + where;
            error = makeError(QLatin1String("calendar.") + QLatin1String(code),
                              QStringLiteral("Tệp lịch%1, mục \"%2\": %3.").arg(at, field, detail),
                              field);
        }
        return std::nullopt;
    }

    bool knownKeys(const QJsonObject &object, const QStringList &known, const QString &path)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!known.contains(it.key())) {
                const QString field
                    = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
                fail("unknown_field", field, QStringLiteral("trường lạ (kiểm tra lại chính tả)"));
                return false;
            }
        }
        return true;
    }

    // A "YYYY-MM-DD" string that is a real date of `year`.
    std::optional<QDate> date(const QJsonValue &value, const QString &field, int year)
    {
        static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        if (!value.isString())
            return fail("wrong_type", field,
                        QStringLiteral("phải là một ngày dạng \"YYYY-MM-DD\""));
        const QString text = value.toString();
        const QDate parsed = QDate::fromString(text, Qt::ISODate);
        if (!pattern.match(text).hasMatch() || !parsed.isValid()) {
            return fail(
                "invalid_date", field,
                QStringLiteral("\"%1\" không phải là ngày hợp lệ (dạng YYYY-MM-DD)").arg(text));
        }
        if (parsed.year() != year)
            return fail("year_mismatch", field,
                        QStringLiteral("ngày %1 không thuộc năm %2").arg(text).arg(year));
        return parsed;
    }

    // An optional array under `key`; absent → empty.
    std::optional<QJsonArray> array(const QJsonObject &object, const QString &key,
                                    const QString &path)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return QJsonArray();
        if (!value.isArray())
            return fail("wrong_type", path + QLatin1Char('.') + key,
                        QStringLiteral("phải là một mảng"));
        return value.toArray();
    }

    // An optional array of dates of `year`; `refuse` gives the reason a date is not allowed, if
    // any.
    template<typename Refuse>
    std::optional<QList<QDate>> dates(const QJsonObject &object, const QString &key,
                                      const QString &path, int year, Refuse refuse)
    {
        const auto items = array(object, key, path);
        if (!items)
            return std::nullopt;
        QList<QDate> out;
        for (qsizetype i = 0; i < items->size(); ++i) {
            const QString field = QStringLiteral("%1.%2[%3]").arg(path, key).arg(i);
            const auto day = date(items->at(i), field, year);
            if (!day)
                return std::nullopt;
            if (const auto [code, reason] = refuse(*day); code)
                return fail(code, field, reason);
            if (!out.contains(*day))
                out.append(*day);
        }
        return out;
    }

    std::optional<YearDecision> decision(const QJsonValue &value, const QString &path);
    std::optional<OfficeHours> officeHours(const QJsonValue &value);
};

// "officeHours": {"monday": ["07:30-11:30", "13:30-17:00"], …}; a weekday left out has no hours.
std::optional<OfficeHours> Reader::officeHours(const QJsonValue &value)
{
    where.clear();
    const QString path = QStringLiteral("officeHours");
    if (!value.isObject())
        return fail("wrong_type", path,
                    QStringLiteral("phải là một đối tượng JSON, mỗi thứ trong tuần một mảng khoảng "
                                   "giờ (\"monday\": [\"07:30-11:30\", \"13:30-17:00\"])"));
    const QJsonObject object = value.toObject();
    QStringList days;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
        days.append(weekdayKey(day));
    if (!knownKeys(object, days, path))
        return std::nullopt;
    OfficeHours hours;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        const QString key = weekdayKey(day);
        const auto items = array(object, key, path);
        if (!items)
            return std::nullopt;
        where = weekdayName(day);
        QList<OfficeHours::Interval> spans;
        for (qsizetype i = 0; i < items->size(); ++i) {
            const QString field = QStringLiteral("%1.%2[%3]").arg(path, key).arg(i);
            if (!items->at(i).isString())
                return fail("wrong_type", field,
                            QStringLiteral("phải là một khoảng giờ dạng \"07:30-11:30\""));
            auto span = parseInterval(items->at(i).toString());
            if (!span)
                return fail("invalid_hours", field, span.error().message);
            spans.append(span.value());
        }
        auto checked = checkedIntervals(spans);
        if (!checked)
            return fail("overlapping_hours", path + QLatin1Char('.') + key,
                        checked.error().message);
        hours.byWeekday[day] = checked.value();
    }
    where.clear();
    if (!hours.hasWorkingDay())
        return fail("no_office_hours", path,
                    QStringLiteral("phải có giờ làm việc ít nhất một ngày trong tuần"));
    return hours;
}

std::optional<YearDecision> Reader::decision(const QJsonValue &value, const QString &path)
{
    where.clear();
    if (!value.isObject())
        return fail("wrong_type", path, QStringLiteral("phải là một đối tượng JSON (một năm)"));
    const QJsonObject object = value.toObject();
    const QJsonValue year = object.value(QStringLiteral("year"));
    const double number = year.toDouble(-1);
    if (!year.isDouble() || number != double(int(number)) || number < kFirstYear
        || number > kLastYear) {
        return fail("invalid_year", path + QStringLiteral(".year"),
                    QStringLiteral("phải là một năm (số nguyên từ %1 đến %2)")
                        .arg(kFirstYear)
                        .arg(kLastYear));
    }
    YearDecision d;
    d.year = int(number);
    where = QStringLiteral("năm %1").arg(d.year);
    const QStringList known{QStringLiteral("year"),    QStringLiteral("source"),
                            QStringLiteral("tetDays"), QStringLiteral("nationalDayAdjacent"),
                            QStringLiteral("daysOff"), QStringLiteral("workingWeekendDays")};
    if (!knownKeys(object, known, path))
        return std::nullopt;

    const QJsonValue source = object.value(QStringLiteral("source"));
    if (!source.isUndefined() && !source.isNull() && !source.isString())
        return fail("wrong_type", path + QStringLiteral(".source"),
                    QStringLiteral("phải là một chuỗi ký tự"));
    d.source = source.toString();

    const QJsonValue adjacent = object.value(QStringLiteral("nationalDayAdjacent"));
    if (!adjacent.isUndefined() && !adjacent.isNull()) {
        const QString field = path + QStringLiteral(".nationalDayAdjacent");
        const auto day = date(adjacent, field, d.year);
        if (!day)
            return std::nullopt;
        if (day->month() != 9 || (day->day() != 1 && day->day() != 3)) {
            return fail(
                "invalid_adjacent_day", field,
                QStringLiteral("ngày liền kề Quốc khánh phải là 01/09 hoặc 03/09, không phải %1")
                    .arg(isoDate(*day)));
        }
        d.nationalDayAdjacent = *day;
    }

    using Refusal = std::pair<const char *, QString>;
    const QDate tetFirst = lunarToSolar(LunarDate{1, 1, d.year, false});
    const auto tet = dates(object, QStringLiteral("tetDays"), path, d.year, [&](const QDate &day) {
        if (qAbs(tetFirst.daysTo(day)) <= 10)
            return Refusal{};
        return Refusal{"invalid_tet_days",
                       QStringLiteral("ngày %1 cách mùng 1 Tết (%2) quá 10 ngày")
                           .arg(isoDate(day), isoDate(tetFirst))};
    });
    if (!tet)
        return std::nullopt;
    if (!tet->isEmpty() && tet->size() != 5)
        return fail("invalid_tet_days", path + QStringLiteral(".tetDays"),
                    QStringLiteral("phải liệt kê đúng 5 ngày nghỉ Tết khác nhau"));
    d.tetDays = *tet;

    const auto off = array(object, QStringLiteral("daysOff"), path);
    if (!off)
        return std::nullopt;
    for (qsizetype i = 0; i < off->size(); ++i) {
        const QString item = QStringLiteral("%1.daysOff[%2]").arg(path).arg(i);
        if (!off->at(i).isObject())
            return fail("wrong_type", item,
                        QStringLiteral("phải là một đối tượng {\"date\", \"name\"}"));
        const QJsonObject entry = off->at(i).toObject();
        if (!knownKeys(entry, {QStringLiteral("date"), QStringLiteral("name")}, item))
            return std::nullopt;
        const auto day
            = date(entry.value(QStringLiteral("date")), item + QStringLiteral(".date"), d.year);
        if (!day)
            return std::nullopt;
        const QJsonValue name = entry.value(QStringLiteral("name"));
        if (!name.isUndefined() && !name.isString())
            return fail("wrong_type", item + QStringLiteral(".name"),
                        QStringLiteral("phải là một chuỗi ký tự"));
        const QString text = name.toString().trimmed();
        d.daysOff.append(Holiday{
            *day, text.isEmpty() ? QStringLiteral("Nghỉ theo quyết định của Chính phủ") : text,
            Holiday::Kind::GovernmentDayOff});
    }

    const auto working
        = dates(object, QStringLiteral("workingWeekendDays"), path, d.year, [&](const QDate &day) {
              if (!isWeekend(day))
                  return Refusal{
                      "not_weekend",
                      QStringLiteral("ngày %1 không phải thứ Bảy hay Chủ nhật nên không thể là "
                                     "ngày làm bù")
                          .arg(isoDate(day))};
              for (const Holiday &h : d.daysOff) {
                  if (h.date == day)
                      return Refusal{"conflicting_days",
                                     QStringLiteral("ngày %1 vừa là ngày nghỉ vừa là ngày làm bù")
                                         .arg(isoDate(day))};
              }
              return Refusal{};
          });
    if (!working)
        return std::nullopt;
    d.workingWeekendDays = *working;
    return d;
}

} // namespace

// ---- Construction and JSON ------------------------------------------------------------------

HolidayCalendar::HolidayCalendar(const HolidayCalendar &other)
{
    QMutexLocker lock(&other.m_cacheMutex);
    m_decisions = other.m_decisions;
    m_officeHours = other.m_officeHours;
    m_cache = other.m_cache;
    m_flagCache = other.m_flagCache;
}

HolidayCalendar &HolidayCalendar::operator=(const HolidayCalendar &other)
{
    if (this != &other) {
        HolidayCalendar copy(other); // locks `other` only
        QMutexLocker lock(&m_cacheMutex);
        m_decisions.swap(copy.m_decisions);
        m_officeHours = copy.m_officeHours;
        m_cache.swap(copy.m_cache);
        m_flagCache.swap(copy.m_flagCache);
    }
    return *this;
}

Result<HolidayCalendar> HolidayCalendar::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(
            QStringLiteral("calendar.malformed_json"),
            QStringLiteral("Tệp lịch không phải JSON hợp lệ: lỗi cú pháp ở ký tự thứ %1 (%2).")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || !root.value(QStringLiteral("years")).isArray()) {
        return makeError(
            QStringLiteral("calendar.wrong_type"),
            QStringLiteral(
                "Tệp lịch phải là một đối tượng JSON có mục \"years\" là một mảng các năm."),
            QStringLiteral("years"));
    }
    Reader reader;
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!reader.knownKeys(root,
                          {QStringLiteral("version"), QStringLiteral("description"),
                           QStringLiteral("years"), QStringLiteral("officeHours")},
                          {}))
        return *reader.error;
    if (!version.isUndefined() && version.toInt(-1) != 1) {
        reader.fail("unsupported_version", QStringLiteral("version"),
                    QStringLiteral("phiên bản %1 chưa được hỗ trợ (chỉ hỗ trợ phiên bản 1)")
                        .arg(QString::fromUtf8(
                            QJsonDocument(QJsonArray{version}).toJson(QJsonDocument::Compact))));
        return *reader.error;
    }
    HolidayCalendar calendar;
    const QJsonArray years = root.value(QStringLiteral("years")).toArray();
    for (qsizetype i = 0; i < years.size(); ++i) {
        const QString path = QStringLiteral("years[%1]").arg(i);
        const auto decision = reader.decision(years.at(i), path);
        if (!decision)
            return *reader.error;
        if (calendar.m_decisions.contains(decision->year)) {
            reader.fail(
                "duplicate_year", path + QStringLiteral(".year"),
                QStringLiteral("năm %1 đã được khai báo ở một mục trước").arg(decision->year));
            return *reader.error;
        }
        calendar.m_decisions.insert(decision->year, *decision);
    }
    const QJsonValue hours = root.value(QStringLiteral("officeHours"));
    if (!hours.isUndefined() && !hours.isNull()) {
        auto read = reader.officeHours(hours);
        if (!read)
            return *reader.error;
        calendar.m_officeHours = *read;
    }
    return calendar;
}

Result<HolidayCalendar> HolidayCalendar::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(
            QStringLiteral("calendar.file_unreadable"),
            QStringLiteral("Không đọc được tệp lịch \"%1\": %2.").arg(path, file.errorString()));
    }
    return fromJson(file.readAll());
}

QByteArray HolidayCalendar::toJson() const
{
    QList<int> years = m_decisions.keys();
    std::sort(years.begin(), years.end());
    QJsonArray array;
    for (const int year : years) {
        const YearDecision &d = m_decisions.value(year);
        QJsonObject object{{QStringLiteral("year"), d.year}};
        if (!d.source.isEmpty())
            object.insert(QStringLiteral("source"), d.source);
        if (!d.tetDays.isEmpty())
            object.insert(QStringLiteral("tetDays"), dateArray(d.tetDays));
        if (d.nationalDayAdjacent.isValid())
            object.insert(QStringLiteral("nationalDayAdjacent"), isoDate(d.nationalDayAdjacent));
        QJsonArray off;
        for (const Holiday &h : d.daysOff)
            off.append(QJsonObject{{QStringLiteral("date"), isoDate(h.date)},
                                   {QStringLiteral("name"), h.name}});
        object.insert(QStringLiteral("daysOff"), off);
        object.insert(QStringLiteral("workingWeekendDays"), dateArray(d.workingWeekendDays));
        array.append(object);
    }
    QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("years"), array}};
    if (m_officeHours)
        root.insert(QStringLiteral("officeHours"), m_officeHours->toJson());
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

OfficeHours HolidayCalendar::officeHours() const
{
    return m_officeHours.value_or(OfficeHours::standard());
}

void HolidayCalendar::setOfficeHours(std::optional<OfficeHours> hours)
{
    m_officeHours = std::move(hours); // the day-off caches do not depend on the hours
}

void HolidayCalendar::setDecision(const YearDecision &decision)
{
    QMutexLocker lock(&m_cacheMutex);
    m_decisions.insert(decision.year, decision);
    m_cache.clear();
    m_flagCache.clear();
}

// ---- Rules -------------------------------------------------------------------------------

QDate HolidayCalendar::defaultNationalDayAdjacent(int year)
{
    const QDate national(year, 9, 2);
    switch (national.dayOfWeek()) {
    case Qt::Monday:
    case Qt::Wednesday:
    case Qt::Thursday:
        return QDate(year, 9, 3);
    default:
        return QDate(year, 9, 1);
    }
}

QList<QDate> HolidayCalendar::defaultTetDays(int year)
{
    const QDate eve = lunarNewYear(year);
    if (!eve.isValid())
        return {};
    return {eve, eve.addDays(1), eve.addDays(2), eve.addDays(3), eve.addDays(4)};
}

QList<Holiday> HolidayCalendar::computeHolidays(int year) const
{
    const YearDecision decision = m_decisions.value(year);
    QList<Holiday> statutory;
    const auto add = [&statutory](const QDate &date, const QString &name) {
        if (date.isValid())
            statutory.append(Holiday{date, name, Holiday::Kind::Statutory});
    };
    add(QDate(year, 1, 1), QStringLiteral("Tết Dương lịch"));
    for (const QDate &day : decision.tetDays.isEmpty() ? defaultTetDays(year) : decision.tetDays)
        add(day, tetDayName(day));
    add(lunarToSolar(LunarDate{10, 3, year, false}),
        QStringLiteral("Giỗ Tổ Hùng Vương (10/3 Âm lịch)"));
    add(QDate(year, 4, 30), QStringLiteral("Ngày Chiến thắng (30/4)"));
    add(QDate(year, 5, 1), QStringLiteral("Ngày Quốc tế Lao động (1/5)"));
    add(QDate(year, 9, 2), QStringLiteral("Quốc khánh (2/9)"));
    const QDate adjacent = decision.nationalDayAdjacent.isValid()
        ? decision.nationalDayAdjacent
        : defaultNationalDayAdjacent(year);
    add(adjacent,
        QStringLiteral("Quốc khánh (ngày liền kề %1)")
            .arg(adjacent.toString(QStringLiteral("d/M"))));
    std::sort(statutory.begin(), statutory.end(),
              [](const Holiday &a, const Holiday &b) { return a.date < b.date; });

    QSet<QDate> taken;
    for (const Holiday &h : statutory)
        taken.insert(h.date);
    QList<Holiday> all = statutory;
    for (const Holiday &h : decision.daysOff) {
        if (!taken.contains(h.date)) {
            taken.insert(h.date);
            all.append(h);
        }
    }
    // A holiday on the weekly rest day (Saturday, Sunday) is made up on the next working day after
    // the run of days off; several such holidays take the following working days in turn.
    for (const Holiday &h : statutory) {
        if (!isWeekend(h.date) || decision.workingWeekendDays.contains(h.date))
            continue;
        QDate day = h.date.addDays(1);
        while (taken.contains(day) || isWeekend(day))
            day = day.addDays(1);
        taken.insert(day);
        all.append(
            Holiday{day, QStringLiteral("Nghỉ bù %1").arg(h.name), Holiday::Kind::Compensatory});
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Holiday &a, const Holiday &b) { return a.date < b.date; });
    return all;
}

QList<Holiday> HolidayCalendar::holidays(int year) const
{
    QMutexLocker lock(&m_cacheMutex);
    auto it = m_cache.constFind(year);
    if (it == m_cache.constEnd())
        it = m_cache.insert(year, computeHolidays(year));
    return *it;
}

int HolidayCalendar::flagsOn(const QDate &date) const
{
    if (!date.isValid())
        return 0;
    const int year = date.year();
    QMutexLocker lock(&m_cacheMutex);
    auto it = m_flagCache.constFind(year);
    if (it == m_flagCache.constEnd()) {
        auto cached = m_cache.constFind(year);
        if (cached == m_cache.constEnd())
            cached = m_cache.insert(year, computeHolidays(year));
        QByteArray flags(367, '\0');
        for (const Holiday &h : *cached)
            flags[h.date.dayOfYear()] = char(flags.at(h.date.dayOfYear()) | kFlagOff);
        for (const QDate &day : m_decisions.value(year).workingWeekendDays)
            flags[day.dayOfYear()] = char(flags.at(day.dayOfYear()) | kFlagSwapped);
        it = m_flagCache.insert(year, flags);
    }
    return it->at(date.dayOfYear());
}

bool HolidayCalendar::isDayOff(const QDate &date) const
{
    return (flagsOn(date) & kFlagOff) != 0;
}

bool HolidayCalendar::isSwappedWorkingDay(const QDate &date) const
{
    const int flags = flagsOn(date);
    return (flags & kFlagSwapped) != 0 && (flags & kFlagOff) == 0;
}

} // namespace motcua::domain
