// Search: the user's text folded into an FTS4 MATCH expression, joined with structured filters.
#include "search.h"

#include "cache_private.h"

#include <QTimeZone>

#include <domain/folding.h>

#include <variant>

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

// The structured filters of a query as SQL conditions on `dossiers d`, with their values in the
// order of the conditions' placeholders.
struct Filter
{
    QStringList where;
    QList<std::variant<QString, qint64>> values;

    void add(const QString &condition) { where.append(condition); }
    QString joined() const { return where.join(QStringLiteral(" AND ")); }
    void bindTo(Statement &q) const
    {
        for (const auto &v : values)
            std::visit([&q](const auto &value) { q.bind(value); }, v);
    }
};

// `unindexed`: the column's index is not a candidate ("+column"), for low-selectivity columns
// when a more selective filter is there.
void addIn(Filter &f, const char *column, const QStringList &values, bool unindexed = false)
{
    if (values.isEmpty())
        return;
    QStringList marks;
    for (const QString &v : values) {
        marks.append(QStringLiteral("?"));
        f.values.append(v);
    }
    f.add(QStringLiteral("%1d.%2 IN (%3)")
              .arg(unindexed ? QStringLiteral("+") : QString(), QLatin1String(column),
                   marks.join(QLatin1Char(','))));
}

enum class AgencyTerm {
    Either,       // received or handled by the agency (search)
    Receiving,    // received by it
    HandlingOnly, // handled by it, received elsewhere
};

enum class Purpose {
    List,
    Count
};

Filter filterOf(const SearchQuery &query, AgencyTerm agencyTerm, Purpose purpose)
{
    Filter f;
    QStringList statuses;
    for (const auto s : query.statuses)
        statuses.append(domain::statusKey(s));
    QStringList stages;
    for (const auto s : query.stages)
        stages.append(domain::stageKey(s));
    if (purpose == Purpose::Count && !statuses.isEmpty()) {
        // A status is a set of stages (Dossier::status()): count through the stage indexes.
        QStringList wanted;
        for (const auto s : domain::allStages()) {
            if (query.statuses.contains(domain::statusOf(s))
                && (query.stages.isEmpty() || query.stages.contains(s)))
                wanted.append(domain::stageKey(s));
        }
        statuses.clear();
        stages = wanted.isEmpty() ? QStringList{QString()} : wanted; // no stage: nothing
    }
    // A status matches a large share of all dossiers: its index only helps alone (a list walks
    // rowids; a count reads index entries, where the stage narrows the agency's range).
    const bool selective = purpose == Purpose::List
        && (!query.procedureCodes.isEmpty() || !query.handlerId.isEmpty()
            || query.receivedFrom.isValid() || query.receivedTo.isValid()
            || !query.agencyCode.isEmpty());
    addIn(f, "status", statuses, selective);
    addIn(f, "stage", stages, selective);
    addIn(f, "procedure_code", query.procedureCodes);
    if (!query.agencyCode.isEmpty()) {
        switch (agencyTerm) {
        case AgencyTerm::Either:
            f.add(QStringLiteral("(d.agency_code = ? OR d.handling_agency_code = ?)"));
            f.values << query.agencyCode << query.agencyCode;
            break;
        case AgencyTerm::Receiving:
            f.add(QStringLiteral("d.agency_code = ?"));
            f.values << query.agencyCode;
            break;
        case AgencyTerm::HandlingOnly:
            f.add(QStringLiteral("d.handling_agency_code = ? AND d.agency_code <> ?"));
            f.values << query.agencyCode << query.agencyCode;
            break;
        }
    }
    if (!query.departmentId.isEmpty()) {
        f.add(QStringLiteral("d.department_id = ?"));
        f.values << query.departmentId;
    }
    if (!query.handlerId.isEmpty()) {
        f.add(QStringLiteral("d.handler_id = ?"));
        f.values << query.handlerId;
    }
    if (!query.supplementRequestedBy.isEmpty()) {
        f.add(QStringLiteral("d.supplement_requested_by = ? AND d.supplement_state > 0"));
        f.values << query.supplementRequestedBy;
    }
    if (!query.submittedBy.isEmpty()) {
        f.add(QStringLiteral("d.submitted_by = ?"));
        f.values << query.submittedBy;
    }
    if (!query.participantId.isEmpty()) {
        f.add(QStringLiteral("d.rowid IN (SELECT dossier_rowid FROM dossier_participants WHERE "
                             "officer_id = ?)"));
        f.values << query.participantId;
    }
    if (query.receivedFrom.isValid()) {
        f.add(QStringLiteral("d.received_at >= ?"));
        f.values << dayStartMs(query.receivedFrom);
    }
    if (query.receivedTo.isValid()) {
        f.add(QStringLiteral("d.received_at < ?"));
        f.values << dayStartMs(query.receivedTo.addDays(1));
    }
    if (query.dueBefore.isValid()) {
        f.add(QStringLiteral("d.due_at > 0 AND d.due_at < ?"));
        f.values << query.dueBefore.toMSecsSinceEpoch();
    }
    if (query.notDueBefore.isValid()) {
        f.add(QStringLiteral("(d.due_at = 0 OR d.due_at >= ?)"));
        f.values << query.notDueBefore.toMSecsSinceEpoch();
    }
    if (query.onlyWithPending)
        f.add(QStringLiteral("d.has_pending = 1"));
    if (query.onlySupplementReceived)
        f.add(QStringLiteral("d.supplement_state = 2"));
    if (query.signOffs == SearchQuery::SignOffs::None)
        f.add(QStringLiteral("d.sign_offs = 0"));
    else if (query.signOffs == SearchQuery::SignOffs::Some)
        f.add(QStringLiteral("d.sign_offs > 0"));
    return f;
}

// Whether the query filters on the agency and the stage (or status) alone: dossier_counts
// answers it.
bool byStageAlone(const SearchQuery &q)
{
    return q.text.trimmed().isEmpty() && q.procedureCodes.isEmpty() && q.departmentId.isEmpty()
        && q.handlerId.isEmpty() && !q.receivedFrom.isValid() && !q.receivedTo.isValid()
        && !q.dueBefore.isValid() && !q.notDueBefore.isValid() && !q.onlyWithPending
        && !q.onlySupplementReceived && q.supplementRequestedBy.isEmpty() && q.submittedBy.isEmpty()
        && q.signOffs == SearchQuery::SignOffs::Any && q.participantId.isEmpty();
}

} // namespace

Result<qint64> Cache::count(const SearchQuery &query)
{
    const QString match = ftsMatchExpression(query.text);
    if (!query.text.trimmed().isEmpty() && match.isEmpty())
        return qint64(0);
    if (byStageAlone(query)) {
        SearchQuery stagesOnly;
        stagesOnly.statuses = query.statuses;
        stagesOnly.stages = query.stages;
        Filter f = filterOf(stagesOnly, AgencyTerm::Either, Purpose::Count);
        if (!query.agencyCode.isEmpty()) {
            f.add(QStringLiteral("(d.agency_code = ? OR d.handling_agency_code = ?)"));
            f.values << query.agencyCode << query.agencyCode;
        }
        QByteArray sql = "SELECT coalesce(sum(d.n), 0) FROM dossier_counts d";
        if (!f.where.isEmpty())
            sql += " WHERE " + f.joined().toUtf8();
        Statement q(*d->db, sql);
        f.bindTo(q);
        auto row = q.step();
        if (!row)
            return row.error();
        return row.value() ? q.integer(0) : qint64(0);
    }
    QByteArray sql;
    QList<Filter> parts;
    if (!match.isEmpty()) {
        parts.append(filterOf(query, AgencyTerm::Either, Purpose::Count));
        sql = "SELECT COUNT(*) FROM dossier_search s CROSS JOIN dossiers d ON d.rowid = s.docid "
              "WHERE s.dossier_search MATCH ?";
        if (!parts.first().where.isEmpty())
            sql += " AND " + parts.first().joined().toUtf8();
    } else if (query.agencyCode.isEmpty()) {
        parts.append(filterOf(query, AgencyTerm::Either, Purpose::Count));
        sql = "SELECT COUNT(*) FROM dossiers d";
        if (!parts.first().where.isEmpty())
            sql += " WHERE " + parts.first().joined().toUtf8();
    } else {
        // "Received or handled by": two disjoint index ranges added, not an OR that merges
        // rowids.
        parts.append(filterOf(query, AgencyTerm::Receiving, Purpose::Count));
        parts.append(filterOf(query, AgencyTerm::HandlingOnly, Purpose::Count));
        sql = "SELECT (SELECT COUNT(*) FROM dossiers d WHERE " + parts.at(0).joined().toUtf8()
            + ") + (SELECT COUNT(*) FROM dossiers d WHERE " + parts.at(1).joined().toUtf8() + ")";
    }
    Statement q(*d->db, sql);
    if (!match.isEmpty())
        q.bind(match);
    for (const Filter &f : std::as_const(parts))
        f.bindTo(q);
    auto row = q.step();
    if (!row)
        return row.error();
    return row.value() ? q.integer(0) : qint64(0);
}

Result<SearchPage> Cache::search(const SearchQuery &query)
{
    const int limit = qBound(1, query.limit, 500);
    const QString match = ftsMatchExpression(query.text);
    if (!query.text.trimmed().isEmpty() && match.isEmpty())
        return SearchPage{};
    Filter filter = filterOf(query, AgencyTerm::Either, Purpose::List);
    if (query.after > 0) {
        filter.add(QStringLiteral("d.rowid < ?"));
        filter.values << query.after;
    }
    const QStringList &where = filter.where;

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
    filter.bindTo(q);
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
