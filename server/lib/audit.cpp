// Tamper-evident audit (R08.1): canonical JSON and the check of the per-agency hash chains.
#include "audit_chain.h"
#include "logging.h"
#include "sync_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <utility>

namespace motcua::server {
namespace {

using domain::makeError;

// Runs of bytes that need no escape are copied whole (this is on every accepted push's path).
void writeString(QByteArray &out, QStringView text)
{
    static const char *const kHex = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    const char *const data = utf8.constData();
    const qsizetype size = utf8.size();
    out += '"';
    qsizetype run = 0; // start of the bytes not written yet
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue; // UTF-8 as it is
        out.append(data + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xf];
        }
    }
    out.append(data + run, size - run);
    out += '"';
}

void writeNumber(QByteArray &out, double value)
{
    constexpr double kExact = 9007199254740992.0; // 2^53
    if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) <= kExact)
        out += QByteArray::number(qint64(value));
    else if (std::isfinite(value))
        out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
    else
        out += "null";
}

void writeValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        writeNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        writeString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        bool first = true;
        for (const auto &item : value.toArray()) {
            if (!first)
                out += ',';
            first = false;
            writeValue(out, item);
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        // Members in UTF-16 code unit order of their keys, as RFC 8785 (usually the object's
        // own order already).
        const QJsonObject object = value.toObject();
        QVarLengthArray<std::pair<QString, QJsonValue>, 16> members;
        members.reserve(object.size());
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            members.append({it.key(), it.value()});
        const auto byKey = [](const auto &x, const auto &y) { return x.first < y.first; };
        if (!std::is_sorted(members.begin(), members.end(), byKey))
            std::sort(members.begin(), members.end(), byKey);
        out += '{';
        for (qsizetype i = 0; i < members.size(); ++i) {
            if (i)
                out += ',';
            writeString(out, members[i].first);
            out += ':';
            writeValue(out, members[i].second);
        }
        out += '}';
        break;
    }
    }
}

AuditFinding finding(const QString &agency, qint64 seq, const char *problem, const QString &message)
{
    return AuditFinding{agency, seq, QString::fromLatin1(problem), message};
}

// Is `hash` the hash of some action of the agency's chain (then the row is out of order)?
Result<bool> hashInChain(QSqlDatabase &c, const QString &agency, const QString &hash)
{
    Sql q(c, QStringLiteral("SELECT seq FROM actions WHERE agency_code = ? AND audit_hash = ?"));
    q.bind(agency).bind(hash);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next();
}

// Walks one agency's chain in seq order; the first problem found, if any.
Result<std::optional<AuditFinding>> checkChain(QSqlDatabase &c, const QString &agency,
                                               qint64 &checked)
{
    using R = Result<std::optional<AuditFinding>>;
    QString previous = audit::genesis();
    qint64 lastSeq = 0;
    qint64 count = 0;
    struct Row
    {
        qint64 seq;
        QString json;
        QString prev;
        QString hash;
    };
    for (;;) {
        QList<Row> page; // read a page, then check it: the checks run statements of their own
        {
            Sql rows(c,
                     QStringLiteral("SELECT seq, json, audit_prev, audit_hash FROM actions WHERE "
                                    "agency_code = ? AND seq > ? "
                                    "ORDER BY seq LIMIT 1000"));
            rows.bind(agency).bind(lastSeq);
            if (auto st = rows.exec(); !st)
                return st.error();
            while (rows.next())
                page.append(Row{rows.integer(0), rows.text(1), rows.text(2), rows.text(3)});
        }
        if (page.isEmpty())
            break;
        for (const Row &row : page) {
            const qint64 seq = row.seq;
            ++count;
            ++checked;
            if (row.prev != previous) {
                auto elsewhere = hashInChain(c, agency, row.prev);
                if (!elsewhere)
                    return elsewhere.error();
                if (elsewhere.value()) {
                    return R(finding(agency, seq, "reordered",
                                     QStringLiteral("Thao tác số %1 của cơ quan %2 nằm sai vị trí "
                                                    "trong chuỗi kiểm toán: thứ tự "
                                                    "các thao tác đã bị thay đổi.")
                                         .arg(seq)
                                         .arg(agency)));
                }
                return R(finding(agency, seq, "deleted",
                                 QStringLiteral("Chuỗi kiểm toán của cơ quan %1 bị đứt ngay trước "
                                                "thao tác số %2: có thao tác đã "
                                                "bị xóa.")
                                     .arg(agency)
                                     .arg(seq)));
            }
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(row.json.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject()
                || audit::chainHash(row.prev, canonicalJson(doc.object())) != row.hash) {
                return R(finding(agency, seq, "modified",
                                 QStringLiteral("Thao tác số %1 của cơ quan %2 đã bị sửa sau khi "
                                                "được ghi nhận (mã băm không "
                                                "khớp).")
                                     .arg(seq)
                                     .arg(agency)));
            }
            if (doc.object().value(QStringLiteral("seq")).toDouble() != double(seq)) {
                return R(finding(
                    agency, seq, "reordered",
                    QStringLiteral("Số thứ tự của thao tác số %1 của cơ quan %2 đã bị thay đổi.")
                        .arg(seq)
                        .arg(agency)));
            }
            previous = row.hash;
            lastSeq = seq;
        }
    }
    Sql head(c, QStringLiteral("SELECT seq, hash, count FROM audit_heads WHERE agency_code = ?"));
    head.bind(agency);
    if (auto st = head.exec(); !st)
        return st.error();
    if (!head.next()) {
        return R(
            finding(agency, lastSeq, "deleted",
                    QStringLiteral("Mất bản ghi đầu chuỗi kiểm toán của cơ quan %1.").arg(agency)));
    }
    if (head.text(1) != previous || head.integer(2) != count) {
        return R(finding(
            agency, head.integer(0), "deleted",
            QStringLiteral(
                "Chuỗi kiểm toán của cơ quan %1 thiếu thao tác cuối (số %2): thao tác đã bị xóa.")
                .arg(agency)
                .arg(head.integer(0))));
    }
    return std::optional<AuditFinding>();
}

} // namespace

QByteArray canonicalJson(const QJsonObject &object)
{
    QByteArray out;
    out.reserve(4096);
    writeValue(out, object);
    return out;
}

Result<AuditReport> auditReport(Database &db)
{
    AuditReport report;
    auto st = db.read([&](QSqlDatabase &c) -> Check {
        QStringList agencies;
        {
            Sql q(c,
                  QStringLiteral("SELECT agency_code FROM audit_heads UNION SELECT DISTINCT "
                                 "agency_code FROM actions "
                                 "ORDER BY 1"));
            if (auto done = q.exec(); !done)
                return done;
            while (q.next())
                agencies.append(q.text(0));
        }
        for (const QString &agency : agencies) {
            ++report.agencies;
            auto found = checkChain(c, agency, report.actions);
            if (!found)
                return found.error();
            if (found.value()) {
                report.finding = found.value();
                qCWarning(lcAudit).noquote() << "audit chain broken:" << agency
                                             << found.value()->seq << found.value()->problem;
                return {};
            }
        }
        return {};
    });
    if (!st)
        return st.error();
    return report;
}

Result<std::optional<AuditFinding>> verifyAuditChain(Database &db)
{
    auto report = auditReport(db);
    if (!report)
        return report.error();
    return report.value().finding;
}

} // namespace motcua::server
