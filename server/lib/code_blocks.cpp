// Leased blocks of daily dossier sequence numbers (R12.3a): counters issue final codes offline.
#include "logging.h"
#include "sync_store.h"

#include <QJsonDocument>

#include <domain/dossiercode.h>
#include <domain/json.h>

namespace motcua::server {
namespace {

using domain::makeError;

constexpr int kMaxBlock = 1000;

// The largest daily sequence number the agency's code pattern can print.
Result<int> maxSequenceOf(QSqlDatabase &c, const QString &agencyCode)
{
    Sql q(c, QStringLiteral("SELECT json FROM agencies WHERE code = ?"));
    q.bind(agencyCode);
    if (auto st = q.exec(); !st)
        return st.error();
    int max = domain::DossierCodePattern::standard().maxSequence();
    if (q.next()) {
        const QString pattern = QJsonDocument::fromJson(q.text(0).toUtf8())
                                    .object()
                                    .value(QStringLiteral("codePattern"))
                                    .toString();
        if (!pattern.isEmpty()) {
            if (auto compiled = domain::DossierCodePattern::compile(pattern))
                max = compiled.value().maxSequence();
        }
    }
    return max;
}

} // namespace

Result<CodeBlock> leaseCodeBlock(Database &db, const QString &agencyCode, const QDate &date,
                                 int count, const QString &leasedBy)
{
    if (auto st = domain::validateAgencyCode(agencyCode); !st)
        return st.error();
    if (!date.isValid())
        return makeError(QStringLiteral("code.invalid_date"),
                         QStringLiteral("Ngày cấp số không hợp lệ."), QStringLiteral("date"));
    if (count < 1 || count > kMaxBlock) {
        return makeError(
            QStringLiteral("code.bad_count"),
            QStringLiteral("Số lượng số thứ tự xin cấp phải từ 1 đến %1, nhận được %2.")
                .arg(kMaxBlock)
                .arg(count),
            QStringLiteral("count"));
    }
    const QString day = date.toString(Qt::ISODate);
    CodeBlock block{agencyCode, date, 0, 0};
    auto st = db.transaction([&](QSqlDatabase &c) -> Check {
        auto max = maxSequenceOf(c, agencyCode);
        if (!max)
            return max.error();
        Sql create(c,
                   QStringLiteral(
                       "INSERT INTO code_counters (agency_code, day, last_seq) VALUES (?, ?, 0) "
                       "ON CONFLICT (agency_code, day) DO NOTHING"));
        create.bind(agencyCode).bind(day);
        if (auto done = create.exec(); !done)
            return done;
        // The row lock (PostgreSQL) or the single writer (SQLite) makes read-and-add atomic.
        Sql bump(c,
                 QStringLiteral("UPDATE code_counters SET last_seq = last_seq + ? WHERE "
                                "agency_code = ? AND day = ?"));
        bump.bind(count).bind(agencyCode).bind(day);
        if (auto done = bump.exec(); !done)
            return done;
        Sql last(
            c,
            QStringLiteral("SELECT last_seq FROM code_counters WHERE agency_code = ? AND day = ?"));
        last.bind(agencyCode).bind(day);
        if (auto done = last.exec(); !done)
            return done;
        block.last = last.next() ? int(last.integer(0)) : 0;
        block.first = block.last - count + 1;
        if (block.first < 1 || block.last > max.value()) {
            const int left = std::max(0, max.value() - (block.last - count));
            Error e = makeError(QStringLiteral("code.exhausted"),
                                QStringLiteral("Không đủ số thứ tự hồ sơ trong ngày %1 của cơ quan "
                                               "%2: chỉ còn %3 số (tối đa %4 số "
                                               "mỗi ngày).")
                                    .arg(date.toString(QStringLiteral("dd/MM/yyyy")), agencyCode)
                                    .arg(left)
                                    .arg(max.value()),
                                QStringLiteral("count"));
            e.details.insert(QStringLiteral("remaining"), left);
            return e;
        }
        Sql record(c,
                   QStringLiteral("INSERT INTO code_blocks (agency_code, day, first_seq, last_seq, "
                                  "leased_by, leased_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"));
        record.bind(agencyCode)
            .bind(day)
            .bind(block.first)
            .bind(block.last)
            .bind(leasedBy)
            .bind(toDbTime(QDateTime::currentDateTimeUtc()));
        return record.exec();
    });
    if (!st)
        return st.error();
    qCInfo(lcSync) << "code block leased:" << agencyCode << day << block.first << "-" << block.last;
    return block;
}

} // namespace motcua::server
