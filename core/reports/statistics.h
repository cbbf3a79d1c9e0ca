#pragma once

// Processing statistics (R25, R23.1, R27.2) over snapshots of dossiers. QtCore and the domain only,
// so the server, the CLI and the client compute the same figures. Definitions: docs/statistics.md.
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <domain/entities.h>
#include <domain/result.h>

#include <array>
#include <optional>

namespace motcua::reports {

// What is counted. Keys (measureKey) are the API's and the CLI's names.
enum class Measure {
    Received,    // "received": tiếp nhận trong kỳ
    InProgress,  // "inProgress": đang giải quyết at the as-of instant
    Overdue,     // "overdue": of those in progress, past the due instant (quá hạn)
    Resolved,    // "resolved": đã giải quyết (completed, R18.2) by the as-of instant
    Early,       // "early": giải quyết trước hạn (before the due day)
    OnTime,      // "ontime": giải quyết đúng hạn (≤ due instant; includes early)
    Late,        // "late": giải quyết quá hạn (completed after the due instant)
    NotResolved, // "notResolved": refused, withdrawn, rejected or stopped (không giải quyết)
    Online,      // "online": received through the national portal
    Services,    // "services": distinct procedures used (R25.6)
    OnTimeRate,  // "ontimeRate": ontime / resolved, in percent
};
constexpr int kMeasureCount = 11;
QString measureKey(Measure measure);
QString measureName(Measure measure); // Vietnamese column header
std::optional<Measure> measureFromKey(const QString &key);
const QList<Measure> &allMeasures();

// How rows are grouped. Time dimensions use the received instant in Vietnam time.
enum class Dimension {
    Month,      // "month": 2026-01
    Quarter,    // "quarter": 2026-Q1
    Year,       // "year"
    Field,      // "field": lĩnh vực of the procedure
    Procedure,  // "procedure"
    Level,      // "level": fully online / partially online / information-only service (R25)
    Channel,    // "channel": how it came in (R12.3b)
    Agency,     // "agency": the handling (competent) agency
    Department, // "department"
    Officer,    // "officer": the appraiser who submitted it, else the current handler
};
QString dimensionKey(Dimension dimension);
QString dimensionName(Dimension dimension); // Vietnamese column header
std::optional<Dimension> dimensionFromKey(const QString &key);

QString serviceLevelName(domain::ProcedureLevel level); // "Dịch vụ công trực tuyến toàn trình"…

// Comma-separated keys ("field,month") → the list; reports.bad_measure / reports.bad_dimension.
domain::Result<QList<Measure>> parseMeasures(const QString &keys);
domain::Result<QList<Dimension>> parseDimensions(const QString &keys);

// What the statistics need to know about a procedure.
struct ProcedureFacts
{
    QString name;
    QString fieldCode;
    QString fieldName;
    domain::ProcedureLevel level = domain::ProcedureLevel::PartialOnline;
};
using ProcedureCatalogue = QHash<QString, ProcedureFacts>; // by procedure code
ProcedureCatalogue catalogueOf(const QList<domain::Procedure> &procedures);

// A dossier reduced to what the statistics read (small enough for a million in memory). The
// instants are milliseconds since the epoch (0 = none); the on-time verdict of a completed
// dossier comes from the domain (Dossier::isOverdue), with its due instant after pauses for
// supplements (R15.8) and approved extensions.
struct DossierFacts
{
    QUuid id; // to open the dossiers behind a figure (dossiersBehind)
    qint64 receivedMs = 0;
    qint64 dueMs = 0;       // 0: untimed
    qint64 completedMs = 0; // R18.2
    qint64 closedMs = 0;    // refused, withdrawn, rejected or stopped: when
    bool completedLate = false;
    bool completedEarly = false;         // completed on a day before the due day
    QList<QPair<qint64, qint64>> pauses; // waiting for the applicant: [from, to), to = 0 open
    domain::Channel channel = domain::Channel::Counter;
    QString procedureCode;
    QString agencyCode;          // handling agency
    QString receivingAgencyCode; // where it was received
    QString departmentId;
    QString officerId;
    bool digitised = false;        // has components, every one scanned (R05.1c) or with files
    bool electronicResult = false; // completed with a result document on file

    static DossierFacts of(const domain::Dossier &dossier);
};

// Which dossiers are counted at all (the filters of report templates, R24.1). An empty list lets
// every dossier through; a dossier is counted when it matches every non-empty list.
struct StatisticsFilter
{
    QList<domain::ProcedureLevel> levels;
    QList<domain::Channel> channels;
    QStringList fields;      // field codes (lĩnh vực)
    QStringList procedures;  // procedure codes
    QStringList departments; // "agency/department", as Dimension::Department keys them
    // Received or handled by one of these agencies: the server's scope for an officer's figures
    // (not part of report templates, which are an agency's own).
    QStringList agencies;

    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] bool admits(const DossierFacts &f, const ProcedureFacts *procedure) const;
    friend bool operator==(const StatisticsFilter &, const StatisticsFilter &) = default;
};

// Comma-separated keys per list (the API's query parameters levels, channels, fields, procedures,
// departments) → the filter; reports.bad_filter naming the parameter. Codes are at most 100
// characters each and 200 per list.
domain::Result<StatisticsFilter> parseFilter(const QString &levels, const QString &channels,
                                             const QString &fields, const QString &procedures,
                                             const QString &departments);
// The inverse: the query parameters (name, comma-separated keys) of the filter's non-empty lists.
QList<std::pair<QString, QString>> filterParameters(const StatisticsFilter &filter);

struct StatisticsQuery
{
    QDate from; // received on or after this day (Vietnam time)
    QDate to;   // … and on or before this day
    QList<Dimension> groupBy;
    QList<Measure> measures; // empty: all
    StatisticsFilter filter;
    QDateTime asOf; // in progress / resolved as of; invalid: the end of `to`
    // Year-to-date (lũy kế từ đầu năm): from 1 January of `day`'s year to `day`.
    static StatisticsQuery yearToDate(const QDate &day);
};
domain::Check validateQuery(const StatisticsQuery &query); // reports.bad_period

struct StatisticsRow
{
    QStringList keys;   // one per dimension: "2026-01", a code, a level key…
    QStringList labels; // what people read: "Tháng 01/2026", a name…
    std::array<qint64, kMeasureCount> values{}; // by Measure; OnTimeRate in hundredths of a percent
    [[nodiscard]] qint64 value(Measure m) const { return values.at(std::size_t(m)); }
};

struct Statistics
{
    StatisticsQuery query;
    QDateTime asOf;
    QList<StatisticsRow> rows; // sorted by keys
    StatisticsRow total;       // all dossiers of the period
};

// Names for codes in the labels (agency, department and officer names); a code without a name is
// shown as the code.
struct StatisticsLabels
{
    QHash<QString, QString> agencies;
    QHash<QString, QString> departments;
    QHash<QString, QString> officers;
};

Statistics computeStatistics(const QList<DossierFacts> &dossiers, const StatisticsQuery &query,
                             const ProcedureCatalogue &procedures,
                             const StatisticsLabels &labels = {});

// The dossiers a figure of computeStatistics counts (to open them from a chart or a table cell):
// those of the row with `rowKeys` (StatisticsRow::keys; empty: the totals row) that `measure`
// counts. Services: every dossier of the row; OnTimeRate: the resolved ones (its denominator).
QList<QUuid> dossiersBehind(const QList<DossierFacts> &dossiers, const StatisticsQuery &query,
                            const ProcedureCatalogue &procedures, const QStringList &rowKeys,
                            Measure measure);

} // namespace motcua::reports
