// The report facts of each materialised dossier (schema version 6): the narrow rows the Reports
// section reads instead of parsing every dossier's JSON. Written with the visible state
// (writeVisible), so they always describe what the officer sees.
#include "cache_private.h"

#include <QHash>
#include <QtEndian>

#include <algorithm>

namespace motcua::store {

namespace detail {
namespace {

constexpr qint64 kLate = 1;
constexpr qint64 kEarly = 2;
constexpr qint64 kDigitised = 4;
constexpr qint64 kElectronicResult = 8;

// Supplement pauses as little-endian (from, to) pairs of milliseconds; empty when none.
QByteArray pausesBlob(const QList<QPair<qint64, qint64>> &pauses)
{
    QByteArray out;
    out.reserve(pauses.size() * 16);
    for (const auto &[from, to] : pauses) {
        char bytes[16];
        qToLittleEndian<qint64>(from, bytes);
        qToLittleEndian<qint64>(to, bytes + 8);
        out.append(bytes, sizeof bytes);
    }
    return out;
}

// The number of `code` in fact_codes, numbering it when new.
Result<qint64> codeId(Database &db, const QString &code)
{
    Statement find(db, "SELECT id FROM fact_codes WHERE code = ?");
    find.bind(code);
    auto found = find.step();
    if (!found)
        return found.error();
    if (found.value())
        return find.integer(0);
    Statement add(db, "INSERT INTO fact_codes (code) VALUES (?)");
    add.bind(code);
    if (auto st = add.exec(); !st)
        return st.error();
    return db.lastInsertRowId();
}

QList<QPair<qint64, qint64>> pausesOf(QByteArrayView blob)
{
    QList<QPair<qint64, qint64>> out;
    for (qsizetype at = 0; at + 16 <= blob.size(); at += 16) {
        out.append({qFromLittleEndian<qint64>(blob.data() + at),
                    qFromLittleEndian<qint64>(blob.data() + at + 8)});
    }
    return out;
}

} // namespace

Check writeFacts(Database &db, qint64 rowid, const domain::Dossier &dossier)
{
    const reports::DossierFacts f = reports::DossierFacts::of(dossier);
    const qint64 flags = (f.completedLate ? kLate : 0) | (f.completedEarly ? kEarly : 0)
        | (f.digitised ? kDigitised : 0) | (f.electronicResult ? kElectronicResult : 0);
    qint64 codes[6];
    const QString texts[6] = {domain::channelKey(f.channel), f.procedureCode, f.agencyCode,
                              f.receivingAgencyCode,         f.departmentId,  f.officerId};
    for (int i = 0; i < 6; ++i) {
        auto id = codeId(db, texts[i]);
        if (!id)
            return id.error();
        codes[i] = id.value();
    }
    Statement facts(db, R"sql(INSERT OR REPLACE INTO dossier_facts (rowid, id, received_ms, due_ms,
        completed_ms, closed_ms, flags, channel, procedure_code, agency_code,
        receiving_agency_code, department_id, officer_id, pauses)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    facts.bind(rowid).bind(f.id.toRfc4122()).bind(f.receivedMs).bind(f.dueMs);
    facts.bind(f.completedMs).bind(f.closedMs).bind(flags);
    for (qint64 code : codes)
        facts.bind(code);
    if (f.pauses.isEmpty())
        facts.bindNull();
    else
        facts.bind(pausesBlob(f.pauses));
    if (auto st = facts.exec(); !st)
        return st;

    const auto served = reports::ApplicantFacts::of(dossier);
    if (!served) {
        Statement del(db, "DELETE FROM dossier_applicants WHERE rowid = ?");
        del.bind(rowid);
        return del.exec();
    }
    const domain::Applicant &a = served->applicant;
    Statement applicant(db, R"sql(INSERT OR REPLACE INTO dossier_applicants (rowid, received_ms,
        type, full_name, organisation_name, personal_id, tax_code, address, phone, email)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    applicant.bind(rowid).bind(served->receivedMs).bind(domain::applicantTypeKey(a.type));
    applicant.bind(a.fullName).bind(a.organisationName).bind(a.personalId).bind(a.taxCode);
    applicant.bind(a.address).bind(a.phone).bind(a.email);
    return applicant.exec();
}

Check deleteFacts(Database &db, qint64 rowid)
{
    Statement facts(db, "DELETE FROM dossier_facts WHERE rowid = ?");
    facts.bind(rowid);
    if (auto st = facts.exec(); !st)
        return st;
    Statement applicant(db, "DELETE FROM dossier_applicants WHERE rowid = ?");
    applicant.bind(rowid);
    return applicant.exec();
}

} // namespace detail

namespace {

// fact_codes as a table from number to text, channel keys also as channels.
struct Codes
{
    QHash<qint64, QString> text;
    QHash<qint64, domain::Channel> channel;
};

Result<Codes> readCodes(Database &db)
{
    Codes codes;
    Statement q(db, "SELECT id, code FROM fact_codes");
    for (;;) {
        auto row = q.step();
        if (!row)
            return row.error();
        if (!row.value())
            return codes;
        const QString code = q.text(1);
        codes.text.insert(q.integer(0), code);
        if (auto channel = domain::channelFromKey(code))
            codes.channel.insert(q.integer(0), *channel);
    }
}

} // namespace

Result<DossierFactsPage> Cache::dossierFacts(qint64 after, int limit)
{
    limit = std::clamp(limit, 1, 100000);
    Statement q(*d->db, R"sql(SELECT rowid, id, received_ms, due_ms, completed_ms, closed_ms,
        flags, channel, procedure_code, agency_code, receiving_agency_code, department_id,
        officer_id, pauses FROM dossier_facts WHERE rowid > ? ORDER BY rowid LIMIT ?)sql");
    q.bind(after).bind(limit + 1);
    DossierFactsPage page;
    page.next = after;
    page.facts.reserve(limit);
    auto read = readCodes(*d->db);
    if (!read)
        return read.error();
    const Codes &codes = read.value();
    const Check st = detail::readPage(q, limit, page.next, page.more, [&](const Statement &r) {
        reports::DossierFacts &f = page.facts.emplace_back();
        f.id = QUuid::fromRfc4122(r.view(1));
        f.receivedMs = r.integer(2);
        f.dueMs = r.integer(3);
        f.completedMs = r.integer(4);
        f.closedMs = r.integer(5);
        const qint64 flags = r.integer(6);
        f.completedLate = flags & detail::kLate;
        f.completedEarly = flags & detail::kEarly;
        f.digitised = flags & detail::kDigitised;
        f.electronicResult = flags & detail::kElectronicResult;
        f.channel = codes.channel.value(r.integer(7), domain::Channel::Counter);
        f.procedureCode = codes.text.value(r.integer(8));
        f.agencyCode = codes.text.value(r.integer(9));
        f.receivingAgencyCode = codes.text.value(r.integer(10));
        f.departmentId = codes.text.value(r.integer(11));
        f.officerId = codes.text.value(r.integer(12));
        if (!r.isNull(13))
            f.pauses = detail::pausesOf(r.view(13));
    });
    if (!st)
        return st.error();
    return page;
}

Result<ApplicantFactsPage> Cache::applicantFacts(qint64 after, int limit)
{
    limit = std::clamp(limit, 1, 100000);
    Statement q(*d->db, R"sql(SELECT rowid, received_ms, type, full_name, organisation_name,
        personal_id, tax_code, address, phone, email FROM dossier_applicants WHERE rowid > ?
        ORDER BY rowid LIMIT ?)sql");
    q.bind(after).bind(limit + 1);
    ApplicantFactsPage page;
    page.next = after;
    page.applicants.reserve(limit);
    const Check st = detail::readPage(q, limit, page.next, page.more, [&](const Statement &r) {
        reports::ApplicantFacts &f = page.applicants.emplace_back();
        f.receivedMs = r.integer(1);
        domain::Applicant &a = f.applicant;
        a.type = domain::applicantTypeFromKey(r.text(2)).value_or(domain::ApplicantType::Person);
        a.fullName = r.text(3);
        a.organisationName = r.text(4);
        a.personalId = r.text(5);
        a.taxCode = r.text(6);
        a.address = r.text(7);
        a.phone = r.text(8);
        a.email = r.text(9);
    });
    if (!st)
        return st.error();
    return page;
}

} // namespace motcua::store
