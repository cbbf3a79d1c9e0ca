// CatalogueStore: the province's shared catalogues (R02), document types (with the data fields
// of R05.1b) and fields, one JSON row per entry in shared_catalogue under its kind.
#include "catalogue_rows.h"
#include "catalogue_store.h"

namespace motcua::server {
namespace {

using namespace rows;

const QString kDocumentType = QStringLiteral("document-type");
const QString kField = QStringLiteral("field");
const QString kChart = QStringLiteral("transition-chart");
const QString kChartCode = QStringLiteral("province");
constexpr qint64 kChartWriterLock = 0x4d6f744375614368LL; // "MotCuaCh"

// The chart's settings on the caller's connection; none stored: the standard chart.
Result<domain::ChartSettings> readChart(QSqlDatabase &c)
{
    Sql q(c, QStringLiteral("SELECT json FROM shared_catalogue WHERE kind = ? AND code = ?"));
    q.bind(kChart).bind(kChartCode);
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return domain::ChartSettings{};
    return fromColumn<domain::ChartSettings>(q.text(0), domain::chartSettingsFromJson,
                                             QStringLiteral("lưu đồ trạng thái"), kChartCode);
}

template<typename T>
Result<QList<T>> readKind(Database &db, const QString &kind, Result<T> (*read)(const QJsonObject &),
                          const QString &what)
{
    return withConnection<QList<T>>(db, [&](QSqlDatabase &c) -> Result<QList<T>> {
        Sql q(
            c,
            QStringLiteral("SELECT code, json FROM shared_catalogue WHERE kind = ? ORDER BY code"));
        q.bind(kind);
        if (auto st = q.exec(); !st)
            return st.error();
        QList<T> out;
        while (q.next()) {
            auto entry = fromColumn<T>(q.text(1), read, what, q.text(0));
            if (!entry)
                return entry.error();
            out.append(std::move(entry).value());
        }
        return out;
    });
}

template<typename T>
Check writeKind(Database &db, const QString &kind, const QList<T> &entries)
{
    return db.transaction([&](QSqlDatabase &c) -> Check {
        for (const T &entry : entries) {
            if (auto st = domain::validateCatalogueCode(entry.code); !st)
                return st;
            Sql upsert(c,
                       QStringLiteral("INSERT INTO shared_catalogue (kind, code, json, updated_at) "
                                      "VALUES (?, ?, ?, ?) ON CONFLICT (kind, code) DO UPDATE SET "
                                      "json = excluded.json, updated_at = excluded.updated_at"));
            upsert.bind(kind).bind(entry.code).bind(compact(domain::toJson(entry))).bind(now());
            if (auto st = upsert.exec(); !st)
                return st;
        }
        return {};
    });
}

Result<bool> deleteEntry(Database &db, const QString &kind, const QString &code)
{
    bool deleted = false;
    auto st = db.transaction([&](QSqlDatabase &c) -> Check {
        Sql q(c, QStringLiteral("DELETE FROM shared_catalogue WHERE kind = ? AND code = ?"));
        q.bind(kind).bind(code);
        if (auto done = q.exec(); !done)
            return done;
        deleted = q.numRowsAffected() > 0;
        return {};
    });
    if (!st)
        return st.error();
    return deleted;
}

} // namespace

Result<domain::ChartSettings> CatalogueStore::chartSettings()
{
    return withConnection<domain::ChartSettings>(m_db, readChart);
}

Check CatalogueStore::putChartSettings(const domain::ChartSettings &settings,
                                       const ChartStillCurrent &stillCurrent)
{
    if (auto chart = domain::chartFrom(settings); !chart)
        return chart.error();
    auto canonical = domain::chartSettingsFromJson(domain::toJson(settings));
    if (!canonical)
        return canonical.error();
    auto st = replaceIfCurrent<domain::ChartSettings>(
        m_db, kChartWriterLock, readChart, stillCurrent, QStringLiteral("chart.stale"),
        [&](QSqlDatabase &c) -> Check {
            Sql upsert(c,
                       QStringLiteral("INSERT INTO shared_catalogue (kind, code, json, updated_at) "
                                      "VALUES (?, ?, ?, ?) ON CONFLICT (kind, code) DO UPDATE SET "
                                      "json = excluded.json, updated_at = excluded.updated_at"));
            upsert.bind(kChart)
                .bind(kChartCode)
                .bind(compact(domain::toJson(*canonical)))
                .bind(now());
            return upsert.exec();
        });
    if (st)
        ++m_generation;
    return st;
}

Result<QList<domain::DocumentType>> CatalogueStore::documentTypes()
{
    return readKind<domain::DocumentType>(m_db, kDocumentType, domain::documentTypeFromJson,
                                          QStringLiteral("loại giấy tờ"));
}

Result<QList<domain::ProcedureField>> CatalogueStore::procedureFields()
{
    return readKind<domain::ProcedureField>(m_db, kField, domain::procedureFieldFromJson,
                                            QStringLiteral("lĩnh vực"));
}

Check CatalogueStore::putDocumentTypes(const QList<domain::DocumentType> &types)
{
    auto st = writeKind(m_db, kDocumentType, types);
    if (st)
        ++m_generation;
    return st;
}

Check CatalogueStore::putProcedureFields(const QList<domain::ProcedureField> &fields)
{
    auto st = writeKind(m_db, kField, fields);
    if (st)
        ++m_generation;
    return st;
}

Result<bool> CatalogueStore::deleteDocumentType(const QString &code)
{
    auto deleted = deleteEntry(m_db, kDocumentType, code);
    if (deleted && deleted.value())
        ++m_generation;
    return deleted;
}

Result<bool> CatalogueStore::deleteProcedureField(const QString &code)
{
    auto deleted = deleteEntry(m_db, kField, code);
    if (deleted && deleted.value())
        ++m_generation;
    return deleted;
}

} // namespace motcua::server
