// Slip templates in the database (every version kept) and the national defaults shipped in
// resources/slips/ (index.json names each kind's file and version).
#include "catalogue_rows.h"
#include "logging.h"
#include "slip_templates.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>

#include <algorithm>

namespace motcua::server {
namespace {

using domain::makeError;
using namespace rows;

const QString kColumns = QStringLiteral(
    "kind, agency_code, version, title, legal_basis, format, content, updated_at, updated_by");

SlipTemplate fromRow(const Sql &q)
{
    SlipTemplate t;
    t.kind = q.text(0);
    t.agencyCode = q.text(1);
    t.version = int(q.integer(2));
    t.title = q.text(3);
    t.legalBasis = q.text(4);
    t.format = q.text(5);
    t.content = q.text(6);
    t.updatedAt = fromDbTime(q.integer(7));
    t.updatedBy = q.text(8);
    return t;
}

Result<int> latestVersion(QSqlDatabase &c, const QString &kind, const QString &agencyCode)
{
    Sql q(c,
          QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM slip_templates WHERE kind = ? AND "
                         "agency_code = ?"));
    q.bind(kind).bind(agencyCode);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next() ? int(q.integer(0)) : 0;
}

Check insertVersion(QSqlDatabase &c, const SlipTemplate &t, bool ifAbsent, bool *inserted)
{
    Sql q(c,
          ifAbsent ? QStringLiteral(
              "INSERT INTO slip_templates (kind, agency_code, version, title, legal_basis, format, "
              "content, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
              "(kind, agency_code, version) DO NOTHING")
                   : QStringLiteral(
                       "INSERT INTO slip_templates (kind, agency_code, version, title, "
                       "legal_basis, format, content, updated_at, updated_by) VALUES (?, ?, ?, ?, "
                       "?, ?, ?, ?, ?)"));
    q.bind(t.kind)
        .bind(t.agencyCode)
        .bind(t.version)
        .bind(t.title)
        .bind(t.legalBasis)
        .bind(t.format)
        .bind(t.content)
        .bind(toDbTime(t.updatedAt))
        .bind(t.updatedBy);
    if (auto st = q.exec(); !st)
        return st;
    if (inserted)
        *inserted = q.numRowsAffected() > 0;
    return {};
}

Error conflict(const QString &kind, int expected, int given)
{
    Error e = makeError(QStringLiteral("slip_template.version_conflict"),
                        QStringLiteral("Mẫu phiếu \"%1\" của cơ quan đã ở phiên bản %2 (bạn sửa từ "
                                       "phiên bản %3): đã có người khác cập nhật, hãy tải lại.")
                            .arg(kind)
                            .arg(expected)
                            .arg(given),
                        QStringLiteral("baseVersion"));
    e.details.insert(QStringLiteral("expected"), expected);
    return e;
}

Error badDefault(const QString &what)
{
    qCCritical(lcStorage).noquote() << "shipped slip templates are broken:" << what;
    return makeError(
        QStringLiteral("slip_template.bad_default"),
        QStringLiteral("Bộ mẫu phiếu mặc định đi kèm chương trình bị hỏng (%1).").arg(what));
}

// The shipped defaults, read and validated once.
Result<QList<SlipTemplate>> shippedDefaults()
{
    QFile index(QStringLiteral(":/motcua/slips/index.json"));
    if (!index.open(QIODevice::ReadOnly))
        return badDefault(QStringLiteral("index.json"));
    const QJsonDocument doc = QJsonDocument::fromJson(index.readAll());
    QList<SlipTemplate> out;
    for (const QJsonValue &value : doc.object().value(QStringLiteral("templates")).toArray()) {
        const QJsonObject o = value.toObject();
        SlipTemplate t;
        t.kind = o.value(QStringLiteral("kind")).toString();
        t.version = o.value(QStringLiteral("version")).toInt();
        t.title = o.value(QStringLiteral("title")).toString();
        t.legalBasis = o.value(QStringLiteral("legalBasis")).toString();
        const QString file = o.value(QStringLiteral("file")).toString();
        QFile content(QStringLiteral(":/motcua/slips/") + file);
        if (t.version < 1 || file.isEmpty() || !content.open(QIODevice::ReadOnly))
            return badDefault(t.kind + QLatin1Char(' ') + file);
        t.content = QString::fromUtf8(content.readAll());
        if (auto st = validateSlipTemplate(t); !st)
            return badDefault(t.kind + QStringLiteral(": ") + st.error().message);
        out.append(t);
    }
    for (const auto &kind : slipKinds()) {
        if (std::none_of(out.cbegin(), out.cend(),
                         [&](const SlipTemplate &t) { return t.kind == kind.key; }))
            return badDefault(QStringLiteral("no template for ") + kind.key);
    }
    return out;
}

} // namespace

Result<QList<SlipTemplate>> SlipTemplateStore::effective(const QString &agencyCode)
{
    using R = Result<QList<SlipTemplate>>;
    return withConnection<QList<SlipTemplate>>(m_db, [&](QSqlDatabase &c) -> R {
        Sql q(c,
              QStringLiteral("SELECT %1 FROM slip_templates t WHERE (t.agency_code = '' OR "
                             "t.agency_code = ?) AND t.version = (SELECT MAX(v.version) FROM "
                             "slip_templates v WHERE v.kind = t.kind AND v.agency_code = "
                             "t.agency_code)")
                  .arg(kColumns));
        q.bind(agencyCode);
        if (auto st = q.exec(); !st)
            return st.error();
        QHash<QString, SlipTemplate> byKind;
        while (q.next()) {
            SlipTemplate t = fromRow(q);
            if (!byKind.contains(t.kind) || !t.agencyCode.isEmpty())
                byKind.insert(t.kind, std::move(t));
        }
        QList<SlipTemplate> out;
        for (const auto &kind : slipKinds()) {
            if (byKind.contains(kind.key))
                out.append(byKind.value(kind.key));
        }
        return out;
    });
}

Result<std::optional<SlipTemplate>>
SlipTemplateStore::find(const QString &kind, const QString &agencyCode, Source source, int version)
{
    using R = Result<std::optional<SlipTemplate>>;
    return withConnection<std::optional<SlipTemplate>>(m_db, [&](QSqlDatabase &c) -> R {
        QString owner = source == Source::National ? QString() : agencyCode;
        if (source == Source::Effective) {
            auto own = latestVersion(c, kind, agencyCode);
            if (!own)
                return own.error();
            if (own.value() == 0)
                owner.clear();
        }
        Sql q(c,
              version > 0 ? QStringLiteral("SELECT %1 FROM slip_templates WHERE kind = ? AND "
                                           "agency_code = ? AND version = ?")
                                .arg(kColumns)
                          : QStringLiteral("SELECT %1 FROM slip_templates WHERE kind = ? AND "
                                           "agency_code = ? ORDER BY version DESC LIMIT 1")
                                .arg(kColumns));
        q.bind(kind).bind(owner);
        if (version > 0)
            q.bind(version);
        if (auto st = q.exec(); !st)
            return st.error();
        if (!q.next())
            return std::optional<SlipTemplate>();
        return std::optional<SlipTemplate>(fromRow(q));
    });
}

Result<SlipTemplate> SlipTemplateStore::addVersion(SlipTemplate slip, int baseVersion)
{
    if (auto st = validateSlipTemplate(slip); !st)
        return st.error();
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        auto latest = latestVersion(c, slip.kind, slip.agencyCode);
        if (!latest)
            return latest.error();
        if (baseVersion >= 0 && baseVersion != latest.value())
            return conflict(slip.kind, latest.value(), baseVersion);
        slip.version = latest.value() + 1;
        slip.updatedAt = fromDbTime(now());
        return insertVersion(c, slip, false, nullptr);
    });
    if (!st) {
        // Two admins saving at once on PostgreSQL: the second insert hits the primary key.
        if (isConstraintViolation(st.error()))
            return conflict(slip.kind, slip.version, qMax(baseVersion, slip.version - 1));
        return st.error();
    }
    qCInfo(lcStorage).noquote() << "slip template" << slip.kind << "version" << slip.version
                                << "stored for agency" << slip.agencyCode << "by officer"
                                << slip.updatedBy;
    return slip;
}

Result<int> installDefaultSlipTemplates(Database &db)
{
    static const Result<QList<SlipTemplate>> defaults = shippedDefaults();
    if (!defaults)
        return defaults.error();
    int added = 0;
    const QDateTime at = fromDbTime(now());
    auto st = db.transaction([&](QSqlDatabase &c) -> Check {
        for (SlipTemplate t : defaults.value()) {
            t.updatedAt = at;
            bool inserted = false;
            if (auto done = insertVersion(c, t, true, &inserted); !done)
                return done;
            added += inserted ? 1 : 0;
        }
        return {};
    });
    if (!st)
        return st.error();
    if (added > 0)
        qCInfo(lcStorage) << "installed" << added << "default slip templates";
    return added;
}

} // namespace motcua::server
