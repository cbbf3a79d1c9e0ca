// Search: the user's text folded into an FTS4 MATCH expression, joined with structured filters.
#include "search.h"

#include "cache_private.h"

#include <QTimeZone>

#include <domain/folding.h>

namespace motcua::store {

QString ftsMatchExpression(const QString &text)
{
    const QString folded = domain::foldForSearch(text);
    const QStringList words = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList terms;
    for (qsizetype w = 0; w < words.size(); ++w) {
        // Letters and digits only; anything else separates tokens, as unicode61 does.
        QStringList tokens;
        QString current;
        for (const QChar c : words.at(w)) {
            if (c.isLetterOrNumber()) {
                current.append(c);
            } else if (!current.isEmpty()) {
                tokens.append(current);
                current.clear();
            }
        }
        if (!current.isEmpty())
            tokens.append(current);
        if (tokens.isEmpty())
            continue;
        const bool last = w == words.size() - 1;
        QString term = tokens.join(QLatin1Char(' '));
        if (last && tokens.last().size() >= 2)
            term.append(QLatin1Char('*'));
        terms.append(tokens.size() > 1 ? QStringLiteral("\"%1\"").arg(term) : term);
    }
    return terms.join(QLatin1Char(' '));
}

namespace {

// The start of a local day (UTC+7) in ms since the epoch.
qint64 dayStartMs(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone(7 * 3600)).toMSecsSinceEpoch();
}

// `unindexed`: the column's index is not a candidate ("+column"), for low-selectivity columns
// when a more selective filter is there.
void addIn(QStringList &where, QList<QString> &params, const char *column,
           const QStringList &values, bool unindexed = false)
{
    if (values.isEmpty())
        return;
    QStringList marks;
    for (const QString &v : values) {
        marks.append(QStringLiteral("?"));
        params.append(v);
    }
    where.append(QStringLiteral("%1d.%2 IN (%3)")
                     .arg(unindexed ? QStringLiteral("+") : QString(), QLatin1String(column),
                          marks.join(QLatin1Char(','))));
}

} // namespace

Result<SearchPage> Cache::search(const SearchQuery &query)
{
    const int limit = qBound(1, query.limit, 500);
    QStringList where;
    QList<QString> params; // text parameters, then the integers below
    QList<qint64> numbers;
    const QString match = ftsMatchExpression(query.text);
    if (!query.text.trimmed().isEmpty() && match.isEmpty())
        return SearchPage{};

    QStringList statuses;
    for (const auto s : query.statuses)
        statuses.append(domain::statusKey(s));
    QStringList stages;
    for (const auto s : query.stages)
        stages.append(domain::stageKey(s));
    // A status matches a large share of all dossiers: its index only helps alone.
    const bool selective = !query.procedureCodes.isEmpty() || !query.handlerId.isEmpty()
        || query.receivedFrom.isValid() || query.receivedTo.isValid()
        || !query.agencyCode.isEmpty();
    addIn(where, params, "status", statuses, selective);
    addIn(where, params, "stage", stages, selective);
    addIn(where, params, "procedure_code", query.procedureCodes);
    if (!query.agencyCode.isEmpty()) {
        where.append(QStringLiteral("(d.agency_code = ? OR d.handling_agency_code = ?)"));
        params << query.agencyCode << query.agencyCode;
    }
    if (!query.departmentId.isEmpty()) {
        where.append(QStringLiteral("d.department_id = ?"));
        params << query.departmentId;
    }
    if (!query.handlerId.isEmpty()) {
        where.append(QStringLiteral("d.handler_id = ?"));
        params << query.handlerId;
    }
    QStringList numeric;
    if (query.receivedFrom.isValid()) {
        numeric.append(QStringLiteral("d.received_at >= ?"));
        numbers << dayStartMs(query.receivedFrom);
    }
    if (query.receivedTo.isValid()) {
        numeric.append(QStringLiteral("d.received_at < ?"));
        numbers << dayStartMs(query.receivedTo.addDays(1));
    }
    if (query.dueBefore.isValid()) {
        numeric.append(QStringLiteral("d.due_at > 0 AND d.due_at < ?"));
        numbers << query.dueBefore.toMSecsSinceEpoch();
    }
    if (query.onlyWithPending)
        numeric.append(QStringLiteral("d.has_pending = 1"));
    if (query.after > 0) {
        numeric.append(QStringLiteral("d.rowid < ?"));
        numbers << query.after;
    }
    where += numeric;

    QString sql = QStringLiteral(
        "SELECT d.rowid, d.id, coalesce(d.code, ''), d.applicant_name, d.organisation_name, "
        "d.procedure_code, d.procedure_name, d.stage, d.agency_code, d.handling_agency_code, "
        "d.handler_id, d.received_at, d.due_at, d.version, d.has_pending FROM ");
    if (!match.isEmpty()) {
        // The index drives (newest docid first), each hit checked against the filters.
        sql += QStringLiteral("dossier_search s CROSS JOIN dossiers d ON d.rowid = s.docid "
                              "WHERE s.dossier_search MATCH ?");
        if (!where.isEmpty())
            sql += QStringLiteral(" AND ") + where.join(QStringLiteral(" AND "));
        sql += QStringLiteral(" ORDER BY s.docid DESC LIMIT ?");
    } else {
        sql += QStringLiteral("dossiers d");
        if (!where.isEmpty())
            sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
        // With a selective filter (a procedure, a handler, a date range) the matches are few:
        // let the planner pick that filter's index and sort them, rather than walk every newer
        // dossier in rowid order looking for them.
        const bool narrow = !query.procedureCodes.isEmpty() || !query.handlerId.isEmpty()
            || query.receivedFrom.isValid() || query.receivedTo.isValid();
        sql += narrow ? QStringLiteral(" ORDER BY +d.rowid DESC LIMIT ?")
                      : QStringLiteral(" ORDER BY d.rowid DESC LIMIT ?");
    }
    Statement q(*d->db, sql.toUtf8());
    if (!match.isEmpty())
        q.bind(match);
    for (const QString &p : std::as_const(params))
        q.bind(p);
    for (const qint64 n : std::as_const(numbers))
        q.bind(n);
    q.bind(limit + 1);

    SearchPage page;
    for (;;) {
        auto row = q.step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        if (page.items.size() == limit) {
            page.more = true;
            break;
        }
        DossierSummary s;
        page.next = q.integer(0);
        s.id = QUuid(q.text(1));
        s.code = q.text(2);
        s.applicantName = q.text(3);
        s.organisationName = q.text(4);
        s.procedureCode = q.text(5);
        s.procedureName = q.text(6);
        s.stage = domain::stageFromKey(q.text(7)).value_or(domain::Stage::Received);
        s.agencyCode = q.text(8);
        s.handlingAgencyCode = q.text(9);
        s.handlerId = q.text(10);
        s.receivedAt = detail::fromMs(q.integer(11));
        s.dueAt = detail::fromMs(q.integer(12));
        s.version = int(q.integer(13));
        s.hasPending = q.integer(14) != 0;
        page.items.append(s);
    }
    return page;
}

} // namespace motcua::store
