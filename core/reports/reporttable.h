#pragma once

// One plain report table (title, period, column headers, rows, totals) that every exporter
// writes: the statistics become one, and so will report templates.
#include "statistics.h"

#include <QString>
#include <QStringList>
#include <QVariant>

namespace motcua::reports {

struct ReportTable
{
    QString agencyName;       // the issuing agency, for the administrative header
    QString title;            // "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ"
    QString period;           // "Từ ngày 01/01/2026 đến ngày 31/03/2026"
    QString note;             // one line under the table, may be empty
    QStringList columns;      // headers
    int labelColumns = 0;     // the first columns are labels (text); the rest are numbers
    QList<QVariantList> rows; // cells: QString for labels, qint64 or double for figures
    QVariantList totals;      // empty: no totals row

    // A cell as people read it: integers plain, decimals with a comma ("87,50").
    [[nodiscard]] static QString text(const QVariant &cell);
};

// The statistics as a table: one label column per dimension (or "Nội dung" when ungrouped), one
// figure column per measure; the on-time rate in percent with two decimals.
ReportTable tableOf(const Statistics &statistics, const QString &title, const QString &agencyName);

// CSV: UTF-8 with a byte order mark (spreadsheet programs on Windows then read Vietnamese
// correctly), RFC 4180 quoting, CRLF line ends; title and period first, totals last.
QByteArray csvOf(const ReportTable &table);

QString periodText(const QDate &from, const QDate &to); // "Từ ngày 01/01/2026 đến ngày 31/03/2026"

} // namespace motcua::reports
