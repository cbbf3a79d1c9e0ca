#include "reporttemplate.h"

#include <QJsonArray>

#include <domain/json.h>
#include <domain/jsonreader.h>

#include <array>

namespace motcua::reports {

namespace {

struct PeriodInfo
{
    PeriodKind kind;
    const char *key;
    const char *name;
};
constexpr std::array kPeriods{
    PeriodInfo{PeriodKind::ThisMonth, "thisMonth", "Tháng này"},
    PeriodInfo{PeriodKind::LastMonth, "lastMonth", "Tháng trước"},
    PeriodInfo{PeriodKind::ThisQuarter, "thisQuarter", "Quý này"},
    PeriodInfo{PeriodKind::LastQuarter, "lastQuarter", "Quý trước"},
    PeriodInfo{PeriodKind::ThisYear, "thisYear", "Năm nay"},
    PeriodInfo{PeriodKind::LastYear, "lastYear", "Năm trước"},
    PeriodInfo{PeriodKind::YearToDate, "yearToDate", "Lũy kế từ đầu năm"},
    PeriodInfo{PeriodKind::Custom, "custom", "Khoảng ngày tự chọn"},
};

struct ChartInfo
{
    ChartKind kind;
    const char *key;
    const char *name;
};
constexpr std::array kCharts{
    ChartInfo{ChartKind::None, "none", "Không vẽ biểu đồ"},
    ChartInfo{ChartKind::Bar, "bar", "Biểu đồ cột"},
    ChartInfo{ChartKind::Line, "line", "Biểu đồ đường"},
    ChartInfo{ChartKind::Pie, "pie", "Biểu đồ tròn"},
};

domain::Error invalid(const QString &field, const QString &message)
{
    return domain::makeError(QStringLiteral("report_template.invalid"), message, field);
}

QDate quarterStart(const QDate &day)
{
    return QDate(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
}

QJsonArray keysOf(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QString periodKindKey(PeriodKind kind)
{
    return QString::fromLatin1(kPeriods.at(std::size_t(kind)).key);
}

QString periodKindName(PeriodKind kind)
{
    return QString::fromUtf8(kPeriods.at(std::size_t(kind)).name);
}

std::optional<PeriodKind> periodKindFromKey(const QString &key)
{
    for (const auto &p : kPeriods) {
        if (key == QLatin1String(p.key))
            return p.kind;
    }
    return std::nullopt;
}

const QList<PeriodKind> &allPeriodKinds()
{
    static const QList<PeriodKind> all = [] {
        QList<PeriodKind> out;
        for (const auto &p : kPeriods)
            out.append(p.kind);
        return out;
    }();
    return all;
}

QString chartKindKey(ChartKind kind)
{
    return QString::fromLatin1(kCharts.at(std::size_t(kind)).key);
}

QString chartKindName(ChartKind kind)
{
    return QString::fromUtf8(kCharts.at(std::size_t(kind)).name);
}

std::optional<ChartKind> chartKindFromKey(const QString &key)
{
    for (const auto &c : kCharts) {
        if (key == QLatin1String(c.key))
            return c.kind;
    }
    return std::nullopt;
}

QString ReportTemplate::printedTitle() const
{
    return title.trimmed().isEmpty() ? QStringLiteral("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ")
                                     : title.trimmed();
}

std::pair<QDate, QDate> periodDays(PeriodKind kind, const QDate &today, const QDate &customFrom,
                                   const QDate &customTo)
{
    switch (kind) {
    case PeriodKind::ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    case PeriodKind::LastMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        return {first, first.addMonths(1).addDays(-1)};
    }
    case PeriodKind::ThisQuarter:
        return {quarterStart(today), today};
    case PeriodKind::LastQuarter: {
        const QDate first = quarterStart(today).addMonths(-3);
        return {first, first.addMonths(3).addDays(-1)};
    }
    case PeriodKind::ThisYear:
        return {QDate(today.year(), 1, 1), QDate(today.year(), 12, 31)};
    case PeriodKind::LastYear:
        return {QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 31)};
    case PeriodKind::YearToDate:
        return {QDate(today.year(), 1, 1), today};
    case PeriodKind::Custom:
        return {customFrom, customTo};
    }
    return {};
}

StatisticsQuery queryOf(const ReportTemplate &t, const QDate &today, const QDate &from,
                        const QDate &to)
{
    StatisticsQuery q;
    const auto days = periodDays(t.period, today, t.from, t.to);
    q.from = from.isValid() ? from : days.first;
    q.to = to.isValid() ? to : days.second;
    q.groupBy = t.groupBy;
    q.measures = t.measures;
    q.filter = t.filter;
    return q;
}

domain::Check validateTemplate(const ReportTemplate &t)
{
    const QString name = t.name.trimmed();
    if (name.isEmpty())
        return invalid(QStringLiteral("name"), QStringLiteral("Mẫu báo cáo cần có tên."));
    if (name.size() > kMaxTemplateNameLength) {
        return invalid(
            QStringLiteral("name"),
            QStringLiteral("Tên mẫu báo cáo dài quá %1 ký tự.").arg(kMaxTemplateNameLength));
    }
    if (t.title.size() > kMaxTemplateTitleLength) {
        return invalid(
            QStringLiteral("title"),
            QStringLiteral("Tiêu đề báo cáo dài quá %1 ký tự.").arg(kMaxTemplateTitleLength));
    }
    if (t.groupBy.size() > 3) {
        return invalid(QStringLiteral("groupBy"),
                       QStringLiteral("Một báo cáo nhóm theo nhiều nhất 3 chiều."));
    }
    for (qsizetype i = 0; i < t.groupBy.size(); ++i) {
        if (t.groupBy.indexOf(t.groupBy.at(i)) != i) {
            return invalid(QStringLiteral("groupBy"),
                           QStringLiteral("Chiều \"%1\" bị chọn hai lần.")
                               .arg(dimensionName(t.groupBy.at(i))));
        }
    }
    for (qsizetype i = 0; i < t.measures.size(); ++i) {
        if (t.measures.indexOf(t.measures.at(i)) != i) {
            return invalid(QStringLiteral("measures"),
                           QStringLiteral("Chỉ tiêu \"%1\" bị chọn hai lần.")
                               .arg(measureName(t.measures.at(i))));
        }
    }
    if (t.period == PeriodKind::Custom) {
        StatisticsQuery q;
        q.from = t.from;
        q.to = t.to;
        if (auto st = validateQuery(q); !st)
            return st;
    }
    return {};
}

QJsonObject toJson(const ReportTemplate &t)
{
    QStringList dims, measures, levels, channels;
    for (const Dimension d : t.groupBy)
        dims.append(dimensionKey(d));
    for (const Measure m : t.measures)
        measures.append(measureKey(m));
    for (const auto level : t.filter.levels)
        levels.append(domain::procedureLevelKey(level));
    for (const auto channel : t.filter.channels)
        channels.append(domain::channelKey(channel));
    QJsonObject o{
        {QStringLiteral("name"), t.name},
        {QStringLiteral("title"), t.title},
        {QStringLiteral("shared"), t.shared},
        {QStringLiteral("groupBy"), keysOf(dims)},
        {QStringLiteral("measures"), keysOf(measures)},
        {QStringLiteral("filter"),
         QJsonObject{{QStringLiteral("levels"), keysOf(levels)},
                     {QStringLiteral("channels"), keysOf(channels)},
                     {QStringLiteral("fields"), keysOf(t.filter.fields)},
                     {QStringLiteral("procedures"), keysOf(t.filter.procedures)},
                     {QStringLiteral("departments"), keysOf(t.filter.departments)}}},
        {QStringLiteral("period"), periodKindKey(t.period)},
        {QStringLiteral("chart"), chartKindKey(t.chart)},
        {QStringLiteral("version"), t.version},
    };
    if (!t.id.isNull())
        o.insert(QStringLiteral("id"), t.id.toString(QUuid::WithoutBraces));
    if (t.period == PeriodKind::Custom) {
        o.insert(QStringLiteral("from"), t.from.toString(Qt::ISODate));
        o.insert(QStringLiteral("to"), t.to.toString(Qt::ISODate));
    }
    if (!t.ownerId.isEmpty())
        o.insert(QStringLiteral("ownerId"), t.ownerId);
    if (!t.agencyCode.isEmpty())
        o.insert(QStringLiteral("agencyCode"), t.agencyCode);
    if (t.updatedAt.isValid())
        o.insert(QStringLiteral("updatedAt"), domain::formatInstant(t.updatedAt));
    if (!t.updatedBy.isEmpty())
        o.insert(QStringLiteral("updatedBy"), t.updatedBy);
    return o;
}

domain::Result<ReportTemplate> templateFromJson(const QJsonObject &json)
{
    domain::JsonReader r(json);
    ReportTemplate t;
    t.id = r.uuid("id");
    t.name = r.string("name", true, kMaxTemplateNameLength * 4).trimmed();
    t.title = r.string("title", false, kMaxTemplateTitleLength * 4);
    t.shared = r.boolean("shared");
    t.ownerId = r.string("ownerId", false, 100);
    t.agencyCode = r.string("agencyCode", false, 100);
    const QStringList dims = r.stringList("groupBy");
    const QStringList measures = r.stringList("measures");
    struct FilterKeys
    {
        QStringList levels, channels, fields, procedures, departments;
    };
    const auto filterKeys = r.nested<FilterKeys>("filter", [](domain::JsonReader &f) {
        FilterKeys k;
        k.levels = f.stringList("levels");
        k.channels = f.stringList("channels");
        k.fields = f.stringList("fields");
        k.procedures = f.stringList("procedures");
        k.departments = f.stringList("departments");
        return k;
    });
    t.period = r.enumeration<PeriodKind>("period", periodKindFromKey, PeriodKind::ThisMonth);
    t.from = r.date("from", t.period == PeriodKind::Custom);
    t.to = r.date("to", t.period == PeriodKind::Custom);
    t.chart = r.enumeration<ChartKind>("chart", chartKindFromKey, ChartKind::Bar);
    t.version = int(r.integer("version", false, 0, 1000000));
    t.updatedAt = r.dateTime("updatedAt");
    t.updatedBy = r.string("updatedBy", false, 100);
    if (auto st = r.finish(); !st)
        return st.error();

    for (const QString &key : dims) {
        if (key.contains(QLatin1Char(',')))
            return invalid(QStringLiteral("groupBy"),
                           QStringLiteral("Chiều \"%1\" không hợp lệ.").arg(key.left(40)));
    }
    for (const QString &key : measures) {
        if (key.contains(QLatin1Char(',')))
            return invalid(QStringLiteral("measures"),
                           QStringLiteral("Chỉ tiêu \"%1\" không hợp lệ.").arg(key.left(40)));
    }
    auto groupBy = parseDimensions(dims.join(QLatin1Char(',')));
    if (!groupBy)
        return groupBy.error();
    t.groupBy = groupBy.value();
    auto parsedMeasures = parseMeasures(measures.join(QLatin1Char(',')));
    if (!parsedMeasures)
        return parsedMeasures.error();
    t.measures = parsedMeasures.value();
    if (filterKeys) {
        const auto join = [](const QStringList &list) { return list.join(QLatin1Char(',')); };
        auto filter = parseFilter(join(filterKeys->levels), join(filterKeys->channels),
                                  join(filterKeys->fields), join(filterKeys->procedures),
                                  join(filterKeys->departments));
        if (!filter) {
            domain::Error e = filter.error();
            e.field = QStringLiteral("filter.") + e.field;
            return e;
        }
        t.filter = filter.value();
    }
    if (t.period != PeriodKind::Custom) {
        t.from = {};
        t.to = {};
    }
    if (auto st = validateTemplate(t); !st)
        return st.error();
    return t;
}

} // namespace motcua::reports
