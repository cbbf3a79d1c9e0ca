#pragma once

// Report templates (R24): a saved statistics query — what to group by, what to count, which
// dossiers, which period, which chart — that an officer keeps for themself or a leader shares
// with the agency, and that the client, the CLI and the server run through computeStatistics.
// The server stores them (GET/POST/PUT/DELETE /api/v1/report-templates); this is their one
// definition and their one JSON form.
#include "statistics.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <domain/result.h>

#include <optional>
#include <utility>

namespace motcua::reports {

// The period a template reports on, relative to the day it is run (Vietnam time) unless Custom.
enum class PeriodKind {
    ThisMonth,   // "thisMonth": 1st of this month to today
    LastMonth,   // "lastMonth"
    ThisQuarter, // "thisQuarter": 1st day of this quarter to today
    LastQuarter, // "lastQuarter"
    ThisYear,    // "thisYear": 1 January to 31 December of this year
    LastYear,    // "lastYear"
    YearToDate,  // "yearToDate": lũy kế — 1 January to today
    Custom,      // "custom": the template's own from/to
};
QString periodKindKey(PeriodKind kind);
QString periodKindName(PeriodKind kind); // Vietnamese
std::optional<PeriodKind> periodKindFromKey(const QString &key);
const QList<PeriodKind> &allPeriodKinds();

enum class ChartKind {
    None, // "none": the table only
    Bar,  // "bar": columns per row, one series per measure
    Line, // "line": a trend over the rows (time dimensions)
    Pie,  // "pie": the first measure's share per row
};
QString chartKindKey(ChartKind kind);
QString chartKindName(ChartKind kind); // Vietnamese
std::optional<ChartKind> chartKindFromKey(const QString &key);

inline constexpr int kMaxTemplateNameLength = 120;
inline constexpr int kMaxTemplateTitleLength = 300;

struct ReportTemplate
{
    QUuid id;      // given by the server when first stored
    QString name;  // what people pick it by; unique per owner (personal) or agency (shared)
    QString title; // the printed title; empty: "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ"
    bool shared = false; // shared with the agency (leaders and admins), else personal
    QString ownerId;     // who created it (server-set)
    QString agencyCode;  // the owner's agency (server-set)
    QList<Dimension> groupBy;
    QList<Measure> measures; // empty: all
    StatisticsFilter filter;
    PeriodKind period = PeriodKind::ThisMonth;
    QDate from, to; // Custom only
    ChartKind chart = ChartKind::Bar;
    int version = 0; // server-set, from 1; a change must name the version it edits
    QDateTime updatedAt;
    QString updatedBy;

    [[nodiscard]] QString printedTitle() const;
};

// The days a period covers when run on `today`.
std::pair<QDate, QDate> periodDays(PeriodKind kind, const QDate &today,
                                   const QDate &customFrom = {}, const QDate &customTo = {});

// The statistics query of a template run on `today`; `from`/`to` when valid override its period.
StatisticsQuery queryOf(const ReportTemplate &t, const QDate &today, const QDate &from = {},
                        const QDate &to = {});

// What an officer may save: a name (1…120 characters), a title ≤ 300, at most 3 dimensions and
// no repeated one, a custom period with valid days in order; errors name the field
// (report_template.invalid, reports.bad_period).
domain::Check validateTemplate(const ReportTemplate &t);

// The JSON form (the API's): every field above; filter lists as arrays of keys.
QJsonObject toJson(const ReportTemplate &t);
// Strict: unknown fields, wrong types and unknown keys are errors naming the field. Server-set
// fields (id, ownerId, agencyCode, updatedAt, updatedBy) are read when present and ignored by the
// server; `version` is the version edited.
domain::Result<ReportTemplate> templateFromJson(const QJsonObject &json);

} // namespace motcua::reports
