// Search: the user's text folded into an FTS4 MATCH expression, joined with structured filters.
#include "search.h"

#include "cache_private.h"

#include <QTimeZone>

#include <domain/folding.h>

#include <algorithm>
#include <variant>

namespace motcua::store {

namespace detail {
bool alwaysCheckWords = false;
} // namespace detail

namespace {

// One term of the user's text: a word (one token), or a phrase when the word has punctuation
// inside ("H56-240815-0001"); the last word, 2+ characters, is also a prefix.
struct TextTerm
{
    QStringList tokens;
    bool prefix = false;
};

// Letters and digits only; anything else separates tokens, as FTS4's unicode61 does.
QStringList tokensOf(QStringView text)
{
    QStringList tokens;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool letter = i < text.size() && text.at(i).isLetterOrNumber();
        if (letter && start < 0) {
            start = i;
        } else if (!letter && start >= 0) {
            tokens.append(text.mid(start, i - start).toString());
            start = -1;
        }
    }
    return tokens;
}

QList<TextTerm> textTerms(const QString &text)
{
    const QString folded = domain::foldForSearch(text);
    const QStringList words = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<TextTerm> terms;
    for (qsizetype w = 0; w < words.size(); ++w) {
        TextTerm term{tokensOf(words.at(w)), false};
        if (term.tokens.isEmpty())
            continue;
        term.prefix = w == words.size() - 1 && term.tokens.last().size() >= 2;
        terms.append(term);
    }
    return terms;
}

QString expressionOf(const QList<TextTerm> &terms)
{
    QStringList parts;
    for (const TextTerm &t : terms) {
        QString part = t.tokens.join(QLatin1Char(' '));
        if (t.prefix)
            part.append(QLatin1Char('*'));
        parts.append(t.tokens.size() > 1 ? QStringLiteral("\"%1\"").arg(part) : part);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

QString ftsMatchExpression(const QString &text)
{
    return expressionOf(textTerms(text));
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
        sql = "SELECT COUNT(*) FROM dossier_search s CROSS JOIN dossiers d ON d.rowid = -s.docid "
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

namespace {

// The columns of a DossierSummary, first in every list query.
constexpr char kSummaryColumns[]
    = "d.rowid, d.id, coalesce(d.code, ''), d.applicant_name, d.organisation_name, "
      "d.procedure_code, d.procedure_name, d.stage, d.agency_code, d.handling_agency_code, "
      "d.handler_id, d.received_at, d.due_at, d.version, d.has_pending";

DossierSummary summaryOf(const Statement &q)
{
    DossierSummary s;
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
    return s;
}

// A page of the matches in SQL: the FTS index or the filters' index drives, newest first.
Result<SearchPage> listBySql(Database &db, const SearchQuery &query, const QString &match,
                             int limit)
{
    Filter filter = filterOf(query, AgencyTerm::Either, Purpose::List);
    if (query.after > 0) {
        filter.add(QStringLiteral("d.rowid < ?"));
        filter.values << query.after;
    }
    const QStringList &where = filter.where;

    QString sql = QStringLiteral("SELECT %1 FROM ").arg(QLatin1String(kSummaryColumns));
    if (!match.isEmpty()) {
        // The index drives (newest first: docid = -rowid), each hit checked against the filters.
        sql += QStringLiteral("dossier_search s CROSS JOIN dossiers d ON d.rowid = -s.docid "
                              "WHERE s.dossier_search MATCH ?");
        if (!where.isEmpty())
            sql += QStringLiteral(" AND ") + where.join(QStringLiteral(" AND "));
        sql += QStringLiteral(" ORDER BY s.docid LIMIT ?");
    } else if (!query.procedureCodes.isEmpty() || !query.handlerId.isEmpty()
               || query.receivedFrom.isValid() || query.receivedTo.isValid()) {
        // A selective filter (a procedure, a handler, a date range): its index finds the few
        // matches, whose rowids are sorted, and only the rows of the page are read — not every
        // match's row, nor every newer dossier walked in rowid order looking for them.
        sql += QStringLiteral("dossiers d WHERE d.rowid IN (SELECT d.rowid FROM dossiers d WHERE ")
            + where.join(QStringLiteral(" AND "))
            + QStringLiteral(" ORDER BY +d.rowid DESC LIMIT ?) ORDER BY d.rowid DESC");
    } else {
        sql += QStringLiteral("dossiers d");
        if (!where.isEmpty())
            sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
        sql += QStringLiteral(" ORDER BY d.rowid DESC LIMIT ?");
    }
    Statement q(db, sql.toUtf8());
    if (!match.isEmpty())
        q.bind(match);
    filter.bindTo(q);
    q.bind(limit + 1);

    SearchPage page;
    const Check st = detail::readPage(q, limit, page.next, page.more,
                                      [&](const Statement &r) { page.items.append(summaryOf(r)); });
    if (!st)
        return st.error();
    return page;
}

// The share of dossiers that have a term, estimated from its newest entries: the index lists them
// newest first (docid = -rowid), so the span its newest 32 cover tells the density without reading
// the rest of the list.
Result<double> termDensity(Database &db, const QString &term, qint64 newest)
{
    constexpr int kSample = 32;
    Statement q(db,
                "SELECT -docid FROM dossier_search WHERE dossier_search MATCH ? "
                "ORDER BY docid LIMIT 32");
    q.bind(term);
    int n = 0;
    qint64 last = 0;
    for (;;) {
        auto row = q.step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        ++n;
        last = q.integer(0);
    }
    const qint64 span = newest - (n == kSample ? last : 0) + 1;
    return double(n) / double(qMax<qint64>(span, 1));
}

// The words of a dossier's indexed text (the candidate statement's text columns).
QStringList indexedWords(const Statement &q, int firstColumn, int columns)
{
    QStringList tokens;
    for (int c = firstColumn; c < firstColumn + columns; ++c)
        tokens += tokensOf(q.text(c));
    return tokens;
}

bool startsAny(const QStringList &tokens, const QString &prefix)
{
    return std::any_of(tokens.cbegin(), tokens.cend(),
                       [&prefix](const QString &t) { return t.startsWith(prefix); });
}

// The summary query of one checked candidate: shown if it passes the filters.
struct ShownCheck
{
    QByteArray sql;
    Filter filter;
};

// One pass of the candidate check: the dossiers `match` finds, newest first from `after` (a
// rowid; 0: the newest), each shown when its indexed text has `words` and a word starting with
// `prefix` and it passes the filters — until the page is full, the list ends, or `budget`
// candidates were checked.
struct CheckPass
{
    qint64 stoppedAt = 0; // the first candidate not checked (budget spent); 0: page full or no more
    int checked = 0;
    int withPrefix = 0; // checked candidates that have a word starting with the prefix
};

Result<CheckPass> checkCandidates(Database &db, const QString &match, qint64 after,
                                  const QStringList &words, const QString &prefix, int budget,
                                  const ShownCheck &shown, int limit, SearchPage &page)
{
    QByteArray sql = "SELECT -s.docid, s.code, s.applicant, s.business, s.procedure, s.address, "
                     "s.ocr FROM dossier_search s WHERE s.dossier_search MATCH ?";
    if (after > 0)
        sql += " AND s.docid > ?";
    sql += " ORDER BY s.docid";
    Statement candidates(db, sql);
    candidates.bind(match);
    if (after > 0)
        candidates.bind(detail::searchDocid(after));
    CheckPass pass;
    for (;; ++pass.checked) {
        auto row = candidates.step();
        if (!row)
            return row.error();
        if (!row.value())
            return pass;
        const qint64 rowid = candidates.integer(0);
        if (pass.checked == budget) {
            pass.stoppedAt = rowid;
            return pass;
        }
        const QStringList tokens = indexedWords(candidates, 1, 6);
        const bool hasPrefix = prefix.isEmpty() || startsAny(tokens, prefix);
        pass.withPrefix += hasPrefix ? 1 : 0;
        if (!hasPrefix || std::any_of(words.cbegin(), words.cend(), [&tokens](const QString &w) {
                return !tokens.contains(w);
            }))
            continue;
        Statement q(db, shown.sql);
        q.bind(rowid);
        shown.filter.bindTo(q);
        auto passes = q.step();
        if (!passes)
            return passes.error();
        if (!passes.value())
            continue;
        if (page.items.size() == limit) {
            page.more = true;
            return pass;
        }
        page.next = rowid;
        page.items.append(summaryOf(q));
    }
}

// Several words. FTS4 answers "a b c" by reading and intersecting the whole index list of each
// term before the first row; "nguyen", "thi" and "van" are each in a third of a province's
// dossiers (megabytes of list at a million), and a short typed prefix ("ho*") expands into every
// word that starts with it. So the rarer terms (by their estimated density) go to FTS4, whose
// lists are short, and the common words and a short prefix are checked here on the candidates'
// indexed text, newest first, only as far as the page needs. Should the checked words rarely
// meet, the check stops after a bounded number of candidates and FTS4 finishes the page exactly.
Result<SearchPage> listByRareTerms(Database &db, const SearchQuery &query,
                                   const QList<TextTerm> &terms, int limit)
{
    // Costs in µs, measured at a million dossiers (motcua-bench-cache): decoding one entry of a
    // word's index list read whole (670k entries: 22 ms with the pages cached, 38 ms without);
    // one entry of a typed prefix's lists, which FTS4 merges from every word it starts ("thanh*":
    // thanh, thanhpho…); and checking one candidate (its indexed text read, decrypted and split
    // into words: 18 µs cached, more when not).
    constexpr double kListEntryCost = 0.04;
    constexpr double kPrefixEntryCost = 0.3;
    constexpr double kCandidateCost = 30;
    constexpr double kMaxScanned = 1500; // candidates expected to be checked, at most
    // Candidates checked before a typed prefix's share is judged, and the share below which its
    // words are few enough for FTS4 to merge.
    constexpr int kPrefixProbe = 300;
    constexpr double kRarePrefixShare = 0.05;
    struct Term
    {
        QString text; // a word
        double density = 0;
    };
    QList<Term> sampled;
    QStringList checkedWords;
    QString checkedPrefix;
    double prefixDensity = 0;
    auto newest = db.scalar("SELECT coalesce(max(rowid), 0) FROM dossiers");
    if (!newest)
        return newest.error();
    for (const TextTerm &t : terms) {
        const QString &token = t.tokens.first();
        if (t.prefix) {
            // A prefix is not sampled as such: FTS4 would merge the lists of every word it starts
            // before the first entry. The whole word is sampled instead (most of a long prefix's
            // share: a full name's last word); a short prefix starts many words, so its share is
            // at least a guess by its length.
            checkedPrefix = token;
            auto exact = termDensity(db, token, newest.value());
            if (!exact)
                return exact.error();
            const double byLength = token.size() <= 2 ? 0.1 : token.size() == 3 ? 0.03 : 0.01;
            prefixDensity = std::max(exact.value(), byLength);
            continue;
        }
        if (std::any_of(sampled.cbegin(), sampled.cend(),
                        [&token](const Term &s) { return s.text == token; }))
            continue;
        auto density = termDensity(db, token, newest.value());
        if (!density)
            return density.error();
        if (density.value() == 0)
            return SearchPage{}; // a word no dossier has: nothing has them all
        sampled.append({token, density.value()});
    }
    std::sort(sampled.begin(), sampled.end(),
              [](const Term &a, const Term &b) { return a.density < b.density; });

    // The rarest word drives, read incrementally; the others and the prefix are checked on its
    // dossiers, newest first, until the page is full. Worth it when the page fills soon (words
    // taken as independent); otherwise — a rare combination, whose candidates would all be
    // checked — FTS4 intersects the whole lists itself.
    if (sampled.isEmpty())
        return listBySql(db, query, expressionOf(terms), limit);
    const double total = double(newest.value());
    double wordsShare = 1; // of the words checked on the rarest word's dossiers
    double listed = sampled.first().density * total; // entries FTS4 alone would read
    for (qsizetype i = 1; i < sampled.size(); ++i) {
        wordsShare *= sampled.at(i).density;
        listed += sampled.at(i).density * total;
    }
    const double checkedShare = wordsShare * (checkedPrefix.isEmpty() ? 1 : prefixDensity);
    const double ftsAloneCost = listed * kListEntryCost
        + (checkedPrefix.isEmpty() ? 0 : prefixDensity * total * kPrefixEntryCost);
    const double scanned
        = std::min(sampled.first().density * total, double(limit + 1) / checkedShare);
    if (sampled.size() + (checkedPrefix.isEmpty() ? 0 : 1) < 2)
        return listBySql(db, query, expressionOf(terms), limit);
    if (!detail::alwaysCheckWords
        && (scanned > kMaxScanned || scanned * kCandidateCost > ftsAloneCost))
        return listBySql(db, query, expressionOf(terms), limit);
    const QString &rarest = sampled.first().text;
    for (qsizetype i = 1; i < sampled.size(); ++i)
        checkedWords.append(sampled.at(i).text);
    // Estimates can be wrong (names are not independent): past a budget, FTS4 finishes the page.
    const int checkBudget = int(std::max(3 * scanned, 2000.0));

    // A candidate that has the words is shown if it passes the filters.
    ShownCheck shown{{}, filterOf(query, AgencyTerm::Either, Purpose::List)};
    QString one = QStringLiteral("SELECT %1 FROM dossiers d WHERE d.rowid = ?")
                      .arg(QLatin1String(kSummaryColumns));
    if (!shown.filter.where.isEmpty())
        one += QStringLiteral(" AND ") + shown.filter.joined();
    shown.sql = one.toUtf8();

    // A short prefix's share is a guess. The first candidates tell it: when few have a word
    // that starts with it ("phan van so": "son" is in 2 % of dossiers, not 10 %), the words it
    // starts are few, and FTS4 merges them with the rarest word's list cheaply — the pair then
    // drives and only the common words are checked.
    SearchPage page;
    const bool probe = !checkedPrefix.isEmpty() && checkBudget > kPrefixProbe;
    auto pass = checkCandidates(db, rarest, query.after, checkedWords, checkedPrefix,
                                probe ? kPrefixProbe : checkBudget, shown, limit, page);
    if (!pass)
        return pass.error();
    if (pass->stoppedAt != 0 && probe) {
        const double seen = double(pass->withPrefix) / double(pass->checked);
        if (seen < kRarePrefixShare) {
            const int budget = int(std::max(3 * double(limit + 1) / wordsShare, 2000.0));
            pass = checkCandidates(db, rarest + QLatin1Char(' ') + checkedPrefix + QLatin1Char('*'),
                                   pass->stoppedAt + 1, checkedWords, {}, budget, shown, limit,
                                   page);
        } else {
            pass = checkCandidates(db, rarest, pass->stoppedAt + 1, checkedWords, checkedPrefix,
                                   checkBudget - kPrefixProbe, shown, limit, page);
        }
        if (!pass)
            return pass.error();
    }
    if (pass->stoppedAt == 0)
        return page;
    // Past the budget FTS4 finishes the page from the first candidate not checked.
    SearchQuery rest = query;
    rest.after = pass->stoppedAt + 1;
    auto tail = listBySql(db, rest, expressionOf(terms), limit - int(page.items.size()));
    if (!tail)
        return tail.error();
    page.items += tail.value().items;
    page.more = tail.value().more;
    if (!tail.value().items.isEmpty())
        page.next = tail.value().next;
    return page;
}

} // namespace

Result<SearchPage> Cache::search(const SearchQuery &query)
{
    const int limit = qBound(1, query.limit, 500);
    const QList<TextTerm> terms = textTerms(query.text);
    if (!query.text.trimmed().isEmpty() && terms.isEmpty())
        return SearchPage{};
    const bool wordsOnly = std::all_of(terms.cbegin(), terms.cend(),
                                       [](const TextTerm &t) { return t.tokens.size() == 1; });
    const auto fullWords
        = std::count_if(terms.cbegin(), terms.cend(), [](const TextTerm &t) { return !t.prefix; });
    // One word alone is read newest first by FTS4 itself, as far as the page needs.
    if (wordsOnly && fullWords >= 1 && terms.size() >= 2)
        return listByRareTerms(*d->db, query, terms, limit);
    return listBySql(*d->db, query, expressionOf(terms), limit);
}

} // namespace motcua::store
