// Leased blocks of daily dossier sequence numbers: final codes handed out offline (R12.3a). A
// number is taken in the same transaction that advances the block, so it is never issued twice.
#include "cache_private.h"

namespace motcua::store {

using domain::makeError;

Check Cache::addCodeBlock(const QString &agencyCode, const QDate &date, int first, int last)
{
    if (!date.isValid() || first < 1 || last < first) {
        return makeError(
            QStringLiteral("code.bad_block"),
            QStringLiteral("Khối số thứ tự không hợp lệ (%1–%2).").arg(first).arg(last));
    }
    Statement put(*d->db, R"sql(INSERT OR IGNORE INTO code_blocks (agency_code, day, first_seq,
        last_seq, next_seq, leased_at) VALUES (?, ?, ?, ?, ?, ?))sql");
    put.bind(agencyCode).bind(date.toString(Qt::ISODate)).bind(first).bind(last).bind(first);
    put.bind(detail::nowMs());
    return put.exec();
}

Result<QList<CodeBlockLease>> Cache::codeBlocks(const QDate &from)
{
    Statement q(*d->db,
                "SELECT agency_code, day, first_seq, last_seq, next_seq FROM code_blocks "
                "WHERE day >= ? ORDER BY agency_code, day, first_seq");
    q.bind(from.toString(Qt::ISODate));
    QList<CodeBlockLease> out;
    for (;;) {
        auto row = q.step();
        if (!row)
            return row.error();
        if (!row.value())
            return out;
        out.append({q.text(0), QDate::fromString(q.text(1), Qt::ISODate), int(q.integer(2)),
                    int(q.integer(3)), int(q.integer(4))});
    }
}

Result<int> Cache::codesLeft(const QString &agencyCode, const QDate &date)
{
    Statement q(*d->db,
                "SELECT coalesce(sum(last_seq - next_seq + 1), 0) FROM code_blocks "
                "WHERE agency_code = ? AND day = ? AND next_seq <= last_seq");
    q.bind(agencyCode).bind(date.toString(Qt::ISODate));
    auto row = q.step();
    if (!row)
        return row.error();
    return int(q.integer(0));
}

Result<IssuedCode> Cache::takeNextCode(const QString &agencyCode, const QDate &date,
                                       const domain::DossierCodePattern &pattern)
{
    IssuedCode issued;
    auto st = transaction([&]() -> Check {
        qint64 first = 0;
        int sequence = 0;
        {
            Statement q(*d->db, R"sql(SELECT first_seq, next_seq FROM code_blocks
                WHERE agency_code = ? AND day = ? AND next_seq <= last_seq
                ORDER BY first_seq LIMIT 1)sql");
            q.bind(agencyCode).bind(date.toString(Qt::ISODate));
            auto row = q.step();
            if (!row)
                return row.error();
            if (!row.value()) {
                return makeError(
                    QStringLiteral("code.no_block"),
                    QStringLiteral("Đã hết số hồ sơ được cấp trước cho ngày %1. Hãy kết nối "
                                   "mạng để xin thêm số từ máy chủ.")
                        .arg(date.toString(QStringLiteral("dd/MM/yyyy"))));
            }
            first = q.integer(0);
            sequence = int(q.integer(1));
        }
        issued.parts = {agencyCode, date, sequence};
        auto code = pattern.make(issued.parts);
        if (!code)
            return code.error();
        issued.code = code.value();
        Statement up(*d->db,
                     "UPDATE code_blocks SET next_seq = next_seq + 1 WHERE agency_code = "
                     "? AND day = ? AND first_seq = ?");
        up.bind(agencyCode).bind(date.toString(Qt::ISODate)).bind(first);
        return up.exec();
    });
    if (!st)
        return st.error();
    return issued;
}

Check Cache::dropCodeBlocksBefore(const QDate &date)
{
    Statement del(*d->db, "DELETE FROM code_blocks WHERE day < ?");
    del.bind(date.toString(Qt::ISODate));
    return del.exec();
}

} // namespace motcua::store
