#include "statistics.h"

#include <QSet>
#include <QTimeZone>

#include <domain/workcalendar.h>

#include <algorithm>

namespace motcua::reports {

using domain::Channel;
using domain::Dossier;
using domain::ProcedureLevel;
using domain::Stage;

namespace {

struct MeasureText
{
    Measure measure;
    const char *key;
    const char *name;
};
constexpr std::array<MeasureText, kMeasureCount> kMeasures{{
    {Measure::Received, "received", "Tiếp nhận"},
    {Measure::InProgress, "inProgress", "Đang giải quyết"},
    {Measure::Overdue, "overdue", "Đang giải quyết quá hạn"},
    {Measure::Resolved, "resolved", "Đã giải quyết"},
    {Measure::Early, "early", "Giải quyết trước hạn"},
    {Measure::OnTime, "ontime", "Giải quyết đúng hạn"},
    {Measure::Late, "late", "Giải quyết quá hạn"},
    {Measure::NotResolved, "notResolved", "Không giải quyết, trả lại, dừng"},
    {Measure::Online, "online", "Tiếp nhận trực tuyến"},
    {Measure::Services, "services", "Số thủ tục phát sinh hồ sơ"},
    {Measure::OnTimeRate, "ontimeRate", "Tỷ lệ đúng hạn (%)"},
}};

struct DimensionText
{
    Dimension dimension;
    const char *key;
    const char *name;
};
constexpr std::array<DimensionText, 10> kDimensions{{
    {Dimension::Month, "month", "Tháng"},
    {Dimension::Quarter, "quarter", "Quý"},
    {Dimension::Year, "year", "Năm"},
    {Dimension::Field, "field", "Lĩnh vực"},
    {Dimension::Procedure, "procedure", "Thủ tục hành chính"},
    {Dimension::Level, "level", "Mức độ dịch vụ công"},
    {Dimension::Channel, "channel", "Kênh tiếp nhận"},
    {Dimension::Agency, "agency", "Cơ quan giải quyết"},
    {Dimension::Department, "department", "Phòng ban"},
    {Dimension::Officer, "officer", "Cán bộ xử lý"},
}};

constexpr qint64 kVietnamOffsetMs = 7LL * 3600 * 1000;
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kJulianDayOfEpoch = 2440588;

qint64 msOf(const QDateTime &at)
{
    return at.isValid() ? at.toMSecsSinceEpoch() : 0;
}

// The Vietnam-time calendar day of an instant, as a Julian day.
qint64 vietnamDay(qint64 ms)
{
    const qint64 local = ms + kVietnamOffsetMs;
    return kJulianDayOfEpoch + (local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs);
}

qint64 startOfVietnamDay(const QDate &day)
{
    return (day.toJulianDay() - kJulianDayOfEpoch) * kDayMs - kVietnamOffsetMs;
}

QString levelName(ProcedureLevel level)
{
    switch (level) {
    case ProcedureLevel::FullOnline:
        return QStringLiteral("Dịch vụ công trực tuyến toàn trình");
    case ProcedureLevel::PartialOnline:
        return QStringLiteral("Dịch vụ công trực tuyến một phần");
    case ProcedureLevel::Information:
        return QStringLiteral("Dịch vụ cung cấp thông tin trực tuyến");
    }
    return {};
}

const QString &unknownLabel()
{
    static const QString s = QStringLiteral("(không xác định)");
    return s;
}

QString named(const QHash<QString, QString> &names, const QString &code)
{
    if (code.isEmpty())
        return unknownLabel();
    return names.value(code, code);
}

struct Accumulator
{
    QStringList keys;
    QStringList labels;
    std::array<qint64, kMeasureCount> values{};
    // Distinct procedures used: known ones by their catalogue entry (a pointer hashes in a few
    // nanoseconds, a code string in tens), unknown codes by text.
    QSet<const ProcedureFacts *> services;
    QSet<QString> unknownServices;
    const ProcedureFacts *lastService = nullptr; // dossiers of one procedure often come together
    void addService(const ProcedureFacts *proc, const QString &code)
    {
        if (!proc) {
            unknownServices.insert(code);
        } else if (proc != lastService) {
            services.insert(proc);
            lastService = proc;
        }
    }
};

void add(Accumulator &acc, Measure m)
{
    ++acc.values.at(std::size_t(m));
}

// How a received dossier stood at the as-of instant.
struct Verdict
{
    bool resolved = false;
    bool closed = false;
    bool overdue = false;
};

Verdict verdictOf(const DossierFacts &f, qint64 asOfMs)
{
    Verdict v;
    v.resolved = f.completedMs != 0 && f.completedMs <= asOfMs;
    v.closed = !v.resolved && f.closedMs != 0 && f.closedMs <= asOfMs;
    if (!v.resolved && !v.closed && f.dueMs != 0 && asOfMs > f.dueMs) {
        // The clock stands still while the applicant supplements (R15.8).
        const bool paused = std::any_of(f.pauses.cbegin(), f.pauses.cend(), [&](const auto &p) {
            return p.first <= asOfMs && (p.second == 0 || p.second > asOfMs);
        });
        v.overdue = !paused;
    }
    return v;
}

// Whether `measure` counts a received dossier (Services: every one; OnTimeRate: its denominator).
bool counts(Measure measure, const DossierFacts &f, const Verdict &v)
{
    const bool inProgress = !v.resolved && !v.closed;
    switch (measure) {
    case Measure::Received:
    case Measure::Services:
        return true;
    case Measure::Online:
        return f.channel == Channel::NationalPortal;
    case Measure::Resolved:
    case Measure::OnTimeRate:
        return v.resolved;
    case Measure::Late:
        return v.resolved && f.completedLate;
    case Measure::OnTime:
        return v.resolved && !f.completedLate;
    case Measure::Early:
        return v.resolved && !f.completedLate && f.completedEarly;
    case Measure::NotResolved:
        return v.closed;
    case Measure::InProgress:
        return inProgress;
    case Measure::Overdue:
        return inProgress && v.overdue;
    }
    return false;
}

// The key of a dossier in a dimension (y, m: the received day's year and month).
QString plainKey(Dimension dimension, const DossierFacts &f, const ProcedureFacts *proc, int y,
                 int m)
{
    switch (dimension) {
    case Dimension::Month:
        return QStringLiteral("%1-%2")
            .arg(y, 4, 10, QLatin1Char('0'))
            .arg(m, 2, 10, QLatin1Char('0'));
    case Dimension::Quarter:
        return QStringLiteral("%1-Q%2").arg(y, 4, 10, QLatin1Char('0')).arg((m - 1) / 3 + 1);
    case Dimension::Year:
        return QString::number(y);
    case Dimension::Field:
        return proc ? proc->fieldCode : QString();
    case Dimension::Procedure:
        return f.procedureCode;
    case Dimension::Level:
        return proc ? domain::procedureLevelKey(proc->level) : QString();
    case Dimension::Channel:
        return domain::channelKey(f.channel);
    case Dimension::Agency:
        return f.agencyCode;
    case Dimension::Department:
        return f.departmentId.isEmpty() ? QString() : f.agencyCode + u'/' + f.departmentId;
    case Dimension::Officer:
        return f.officerId;
    }
    return {};
}

struct Window
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 asOfMs = 0;
};

Window windowOf(const StatisticsQuery &query)
{
    Window w;
    w.fromMs = startOfVietnamDay(query.from);
    w.toMs = startOfVietnamDay(query.to.addDays(1));
    w.asOfMs = query.asOf.isValid() ? query.asOf.toMSecsSinceEpoch()
                                    : std::min(w.toMs, QDateTime::currentMSecsSinceEpoch());
    return w;
}

StatisticsRow finish(Accumulator &acc)
{
    acc.values.at(std::size_t(Measure::Services))
        = acc.services.size() + acc.unknownServices.size();
    const qint64 resolved = acc.values.at(std::size_t(Measure::Resolved));
    const qint64 onTime = acc.values.at(std::size_t(Measure::OnTime));
    acc.values.at(std::size_t(Measure::OnTimeRate))
        = resolved == 0 ? 0 : (onTime * 10000 + resolved / 2) / resolved;
    return StatisticsRow{acc.keys, acc.labels, acc.values};
}

} // namespace

QString measureKey(Measure measure)
{
    return QString::fromLatin1(kMeasures.at(std::size_t(measure)).key);
}
QString measureName(Measure measure)
{
    return QString::fromUtf8(kMeasures.at(std::size_t(measure)).name);
}
std::optional<Measure> measureFromKey(const QString &key)
{
    for (const auto &m : kMeasures) {
        if (key == QLatin1String(m.key))
            return m.measure;
    }
    return std::nullopt;
}
const QList<Measure> &allMeasures()
{
    static const QList<Measure> all = [] {
        QList<Measure> list;
        for (const auto &m : kMeasures)
            list.append(m.measure);
        return list;
    }();
    return all;
}

QString dimensionKey(Dimension dimension)
{
    return QString::fromLatin1(kDimensions.at(std::size_t(dimension)).key);
}
QString dimensionName(Dimension dimension)
{
    return QString::fromUtf8(kDimensions.at(std::size_t(dimension)).name);
}
std::optional<Dimension> dimensionFromKey(const QString &key)
{
    for (const auto &d : kDimensions) {
        if (key == QLatin1String(d.key))
            return d.dimension;
    }
    return std::nullopt;
}

domain::Result<QList<Measure>> parseMeasures(const QString &keys)
{
    QList<Measure> out;
    for (const QString &key : keys.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto m = measureFromKey(key.trimmed());
        if (!m) {
            return domain::makeError(
                QStringLiteral("reports.bad_measure"),
                QStringLiteral("Chỉ tiêu thống kê \"%1\" không có. Các chỉ tiêu: %2.")
                    .arg(key.trimmed().left(40),
                         QStringLiteral("received, inProgress, overdue, resolved, early, ontime, "
                                        "late, notResolved, online, services, ontimeRate")),
                QStringLiteral("measures"));
        }
        if (!out.contains(*m))
            out.append(*m);
    }
    return out;
}

domain::Result<QList<Dimension>> parseDimensions(const QString &keys)
{
    QList<Dimension> out;
    for (const QString &key : keys.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto d = dimensionFromKey(key.trimmed());
        if (!d) {
            return domain::makeError(
                QStringLiteral("reports.bad_dimension"),
                QStringLiteral("Không thể nhóm theo \"%1\". Các cách nhóm: month, quarter, year, "
                               "field, procedure, level, channel, agency, department, officer.")
                    .arg(key.trimmed().left(40)),
                QStringLiteral("groupBy"));
        }
        if (out.contains(*d)) {
            return domain::makeError(
                QStringLiteral("reports.bad_dimension"),
                QStringLiteral("Cách nhóm \"%1\" bị lặp lại.").arg(key.trimmed()),
                QStringLiteral("groupBy"));
        }
        out.append(*d);
    }
    return out;
}

QString serviceLevelName(domain::ProcedureLevel level)
{
    return levelName(level);
}

bool StatisticsFilter::isEmpty() const
{
    return levels.isEmpty() && channels.isEmpty() && fields.isEmpty() && procedures.isEmpty()
        && departments.isEmpty() && agencies.isEmpty();
}

bool StatisticsFilter::admits(const DossierFacts &f, const ProcedureFacts *procedure) const
{
    if (!levels.isEmpty() && (!procedure || !levels.contains(procedure->level)))
        return false;
    if (!channels.isEmpty() && !channels.contains(f.channel))
        return false;
    if (!fields.isEmpty() && (!procedure || !fields.contains(procedure->fieldCode)))
        return false;
    if (!procedures.isEmpty() && !procedures.contains(f.procedureCode))
        return false;
    if (!agencies.isEmpty() && !agencies.contains(f.agencyCode)
        && !agencies.contains(f.receivingAgencyCode))
        return false;
    if (!departments.isEmpty()
        && (f.departmentId.isEmpty()
            || !departments.contains(f.agencyCode + u'/' + f.departmentId)))
        return false;
    return true;
}

domain::Result<StatisticsFilter> parseFilter(const QString &levels, const QString &channels,
                                             const QString &fields, const QString &procedures,
                                             const QString &departments)
{
    const auto bad = [](const QString &parameter, const QString &message) {
        return domain::makeError(QStringLiteral("reports.bad_filter"), message, parameter);
    };
    const auto codes
        = [&](const QString &parameter, const QString &text, QStringList &out) -> domain::Check {
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString code = part.trimmed();
            if (code.isEmpty())
                continue;
            if (code.size() > 100)
                return bad(parameter,
                           QStringLiteral("Mã \"%1…\" trong bộ lọc \"%2\" dài quá 100 ký tự.")
                               .arg(code.left(40), parameter));
            if (!out.contains(code))
                out.append(code);
            if (out.size() > 200)
                return bad(parameter,
                           QStringLiteral("Bộ lọc \"%1\" có quá 200 giá trị.").arg(parameter));
        }
        return {};
    };
    StatisticsFilter filter;
    QStringList keys;
    if (auto st = codes(QStringLiteral("levels"), levels, keys); !st)
        return st.error();
    for (const QString &key : std::as_const(keys)) {
        const auto level = domain::procedureLevelFromKey(key);
        if (!level)
            return bad(QStringLiteral("levels"),
                       QStringLiteral("Mức độ dịch vụ \"%1\" không có.").arg(key.left(40)));
        filter.levels.append(*level);
    }
    keys.clear();
    if (auto st = codes(QStringLiteral("channels"), channels, keys); !st)
        return st.error();
    for (const QString &key : std::as_const(keys)) {
        const auto channel = domain::channelFromKey(key);
        if (!channel)
            return bad(QStringLiteral("channels"),
                       QStringLiteral("Kênh tiếp nhận \"%1\" không có.").arg(key.left(40)));
        filter.channels.append(*channel);
    }
    if (auto st = codes(QStringLiteral("fields"), fields, filter.fields); !st)
        return st.error();
    if (auto st = codes(QStringLiteral("procedures"), procedures, filter.procedures); !st)
        return st.error();
    if (auto st = codes(QStringLiteral("departments"), departments, filter.departments); !st)
        return st.error();
    return filter;
}

QList<std::pair<QString, QString>> filterParameters(const StatisticsFilter &filter)
{
    QStringList levels, channels;
    for (const auto level : filter.levels)
        levels.append(domain::procedureLevelKey(level));
    for (const auto channel : filter.channels)
        channels.append(domain::channelKey(channel));
    const std::pair<QString, QStringList> lists[]
        = {{QStringLiteral("levels"), levels},
           {QStringLiteral("channels"), channels},
           {QStringLiteral("fields"), filter.fields},
           {QStringLiteral("procedures"), filter.procedures},
           {QStringLiteral("departments"), filter.departments}};
    QList<std::pair<QString, QString>> out;
    for (const auto &[name, keys] : lists) {
        if (!keys.isEmpty())
            out.append({name, keys.join(u',')});
    }
    return out;
}

ProcedureCatalogue catalogueOf(const QList<domain::Procedure> &procedures)
{
    ProcedureCatalogue out;
    for (const auto &p : procedures)
        out.insert(p.code, ProcedureFacts{p.name, p.fieldCode, p.fieldName, p.level});
    return out;
}

DossierFacts DossierFacts::of(const Dossier &d)
{
    DossierFacts f;
    // Not received: still waiting at the national portal, or intake refused (từ chối tiếp nhận).
    if (d.stage != Stage::AwaitingIntake && d.stage != Stage::Refused)
        f.receivedMs = msOf(d.receivedAt);
    f.dueMs = msOf(d.dueAt);
    f.completedMs = msOf(d.completedAt);
    if (d.completedAt.isValid()) {
        // The domain's verdict: completed after the due instant (after pauses and extensions).
        f.completedLate = d.isOverdue(d.completedAt);
        f.completedEarly = !f.completedLate && d.dueAt.isValid()
            && vietnamDay(f.completedMs) < vietnamDay(f.dueMs);
    } else if (domain::isFinal(d.stage) && d.stage != Stage::ResultReturned) {
        f.closedMs = f.receivedMs;
        for (const auto &e : d.trail) { // when it closed: a reprint later changes nothing
            if (e.type != domain::ActionType::RecordPrint)
                f.closedMs = msOf(e.at);
        }
    }
    for (const auto &s : d.supplements)
        f.pauses.append({msOf(s.requestedAt), msOf(s.receivedAt)});
    f.channel = d.channel;
    f.procedureCode = d.procedureCode;
    f.agencyCode = d.handlingAgencyCode.isEmpty() ? d.agencyCode : d.handlingAgencyCode;
    f.receivingAgencyCode = d.agencyCode;
    f.departmentId = d.departmentId;
    f.officerId = d.submittedBy.isEmpty() ? d.handlerId : d.submittedBy;
    f.id = d.id;
    f.digitised = !d.components.isEmpty()
        && std::all_of(d.components.cbegin(), d.components.cend(), [](const domain::Component &c) {
               return c.digitised || !c.files.isEmpty();
           });
    f.electronicResult = d.completedAt.isValid() && !d.results.isEmpty();
    return f;
}

StatisticsQuery StatisticsQuery::yearToDate(const QDate &day)
{
    StatisticsQuery q;
    q.from = QDate(day.year(), 1, 1);
    q.to = day;
    return q;
}

domain::Check validateQuery(const StatisticsQuery &q)
{
    if (!q.from.isValid() || !q.to.isValid()) {
        return domain::makeError(QStringLiteral("reports.bad_period"),
                                 QStringLiteral("Kỳ báo cáo phải có ngày bắt đầu và ngày kết thúc "
                                                "hợp lệ (YYYY-MM-DD)."),
                                 q.from.isValid() ? QStringLiteral("to") : QStringLiteral("from"));
    }
    if (q.to < q.from) {
        return domain::makeError(QStringLiteral("reports.bad_period"),
                                 QStringLiteral("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu."),
                                 QStringLiteral("to"));
    }
    if (q.from.daysTo(q.to) > 366LL * 20) {
        return domain::makeError(QStringLiteral("reports.bad_period"),
                                 QStringLiteral("Kỳ báo cáo dài quá 20 năm."),
                                 QStringLiteral("to"));
    }
    return {};
}

Statistics computeStatistics(const QList<DossierFacts> &dossiers, const StatisticsQuery &query,
                             const ProcedureCatalogue &procedures, const StatisticsLabels &labels)
{
    const Window window = windowOf(query);
    const qint64 fromMs = window.fromMs;
    const qint64 toMs = window.toMs;
    const qint64 asOfMs = window.asOfMs;

    Statistics out;
    out.query = query;
    out.asOf = domain::toVietnamTime(QDateTime::fromMSecsSinceEpoch(asOfMs, Qt::UTC));

    QHash<QString, Accumulator> groups;
    Accumulator total;
    QString key;
    QStringList keys;
    const int dims = int(query.groupBy.size());
    keys.resize(dims);
    const bool filtered = !query.filter.isEmpty();

    QHash<std::pair<const QChar *, const QChar *>, QString> departmentKeys;
    // Keys of the time, level and channel dimensions, made once per distinct value.
    QHash<qint64, QString> keyCache;
    const auto cached = [&](int dimension, int code, const auto &make) -> QString {
        const qint64 id = (qint64(dimension) << 32) | quint32(code);
        auto it = keyCache.constFind(id);
        if (it == keyCache.constEnd())
            it = keyCache.insert(id, make());
        return *it;
    };

    for (const DossierFacts &f : dossiers) {
        if (f.receivedMs == 0 || f.receivedMs < fromMs || f.receivedMs >= toMs)
            continue;
        const auto procIt = procedures.constFind(f.procedureCode);
        const ProcedureFacts *proc = procIt == procedures.constEnd() ? nullptr : &*procIt;
        if (filtered && !query.filter.admits(f, proc))
            continue;

        const qint64 day = vietnamDay(f.receivedMs);
        int y = 0, m = 0, dd = 0;
        if (dims > 0)
            QDate::fromJulianDay(day).getDate(&y, &m, &dd);
        key.resize(0); // keeps its capacity: no allocation per dossier
        for (int i = 0; i < dims; ++i) {
            const Dimension dimension = query.groupBy.at(i);
            QString k;
            switch (dimension) {
            case Dimension::Month:
                k = cached(i, y * 100 + m, [&] { return plainKey(dimension, f, proc, y, m); });
                break;
            case Dimension::Quarter:
                k = cached(i, y * 10 + (m - 1) / 3 + 1,
                           [&] { return plainKey(dimension, f, proc, y, m); });
                break;
            case Dimension::Year:
                k = cached(i, y, [&] { return plainKey(dimension, f, proc, y, m); });
                break;
            case Dimension::Level:
                k = proc ? cached(i, int(proc->level),
                                  [&] { return plainKey(dimension, f, proc, y, m); })
                         : QString();
                break;
            case Dimension::Channel:
                k = cached(i, int(f.channel), [&] { return plainKey(dimension, f, proc, y, m); });
                break;
            case Dimension::Department: {
                // "agency/department" made once per pair of code strings: the server interns its
                // codes, so a million dossiers share a few dozen pairs (capped for those that
                // do not).
                const std::pair<const QChar *, const QChar *> pair{f.agencyCode.constData(),
                                                                   f.departmentId.constData()};
                auto it = departmentKeys.constFind(pair);
                if (it != departmentKeys.constEnd()) {
                    k = *it;
                } else {
                    k = plainKey(dimension, f, proc, y, m);
                    if (departmentKeys.size() < 4096)
                        departmentKeys.insert(pair, k);
                }
                break;
            }
            default:
                k = plainKey(dimension, f, proc, y, m);
                break;
            }
            keys[i] = k;
            key += k;
            key += QChar(0x1f);
        }

        Accumulator *group = nullptr;
        if (dims > 0) {
            auto it = groups.find(key);
            if (it == groups.end()) {
                it = groups.insert(key, Accumulator{});
                it->keys = keys;
                for (int i = 0; i < dims; ++i) {
                    const QString &k = keys.at(i);
                    QString label;
                    switch (query.groupBy.at(i)) {
                    case Dimension::Month:
                        label = QStringLiteral("Tháng %1/%2").arg(k.mid(5), k.left(4));
                        break;
                    case Dimension::Quarter: {
                        static const QStringList roman{QStringLiteral("I"), QStringLiteral("II"),
                                                       QStringLiteral("III"), QStringLiteral("IV")};
                        label = QStringLiteral("Quý %1/%2")
                                    .arg(roman.at(k.mid(6).toInt() - 1), k.left(4));
                        break;
                    }
                    case Dimension::Year:
                        label = QStringLiteral("Năm %1").arg(k);
                        break;
                    case Dimension::Field:
                        label = proc && !proc->fieldName.isEmpty() ? proc->fieldName : named({}, k);
                        break;
                    case Dimension::Procedure:
                        label = proc && !proc->name.isEmpty()
                            ? k + QStringLiteral(" – ") + proc->name
                            : named({}, k);
                        break;
                    case Dimension::Level:
                        label = proc ? levelName(proc->level) : unknownLabel();
                        break;
                    case Dimension::Channel:
                        label = domain::channelName(f.channel);
                        break;
                    case Dimension::Agency:
                        label = named(labels.agencies, k);
                        break;
                    case Dimension::Department:
                        label = k.isEmpty() ? unknownLabel()
                                            : labels.departments.value(k, f.departmentId);
                        break;
                    case Dimension::Officer:
                        label = named(labels.officers, k);
                        break;
                    }
                    it->labels.append(label);
                }
            }
            group = &*it;
        }

        const Verdict verdict = verdictOf(f, asOfMs);
        const bool resolved = verdict.resolved;
        const bool closed = verdict.closed;
        const bool overdue = verdict.overdue;
        for (Accumulator *acc : {group, &total}) {
            if (!acc)
                continue;
            add(*acc, Measure::Received);
            if (f.channel == Channel::NationalPortal)
                add(*acc, Measure::Online);
            acc->addService(proc, f.procedureCode);
            if (resolved) {
                add(*acc, Measure::Resolved);
                if (f.completedLate) {
                    add(*acc, Measure::Late);
                } else {
                    add(*acc, Measure::OnTime);
                    if (f.completedEarly)
                        add(*acc, Measure::Early);
                }
            } else if (closed) {
                add(*acc, Measure::NotResolved);
            } else {
                add(*acc, Measure::InProgress);
                if (overdue)
                    add(*acc, Measure::Overdue);
            }
        }
    }

    out.rows.reserve(groups.size());
    for (auto it = groups.begin(); it != groups.end(); ++it)
        out.rows.append(finish(*it));
    std::sort(out.rows.begin(), out.rows.end(),
              [](const StatisticsRow &a, const StatisticsRow &b) { return a.keys < b.keys; });
    out.total = finish(total);
    out.total.labels = QStringList{QStringLiteral("Tổng cộng")};
    return out;
}

QList<QUuid> dossiersBehind(const QList<DossierFacts> &dossiers, const StatisticsQuery &query,
                            const ProcedureCatalogue &procedures, const QStringList &rowKeys,
                            Measure measure)
{
    const Window window = windowOf(query);
    QList<QUuid> out;
    for (const DossierFacts &f : dossiers) {
        if (f.receivedMs == 0 || f.receivedMs < window.fromMs || f.receivedMs >= window.toMs)
            continue;
        const auto procIt = procedures.constFind(f.procedureCode);
        const ProcedureFacts *proc = procIt == procedures.constEnd() ? nullptr : &*procIt;
        if (!query.filter.admits(f, proc))
            continue;
        if (!rowKeys.isEmpty()) {
            if (rowKeys.size() != query.groupBy.size())
                return {};
            int y = 0, m = 0, dd = 0;
            QDate::fromJulianDay(vietnamDay(f.receivedMs)).getDate(&y, &m, &dd);
            bool match = true;
            for (int i = 0; match && i < rowKeys.size(); ++i)
                match = plainKey(query.groupBy.at(i), f, proc, y, m) == rowKeys.at(i);
            if (!match)
                continue;
        }
        if (counts(measure, f, verdictOf(f, window.asOfMs)))
            out.append(f.id);
    }
    return out;
}

} // namespace motcua::reports
