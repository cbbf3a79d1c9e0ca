// Catalogues (agencies, officers, procedures, workflows, calendars) as the server sent them, and
// the domain Directory the engine judges local actions with.
#include "cache_private.h"

#include <QJsonDocument>

#include <domain/json.h>

namespace motcua::store {

Check Cache::putCatalogueEntries(const QList<CatalogueEntry> &entries)
{
    return transaction([&]() -> Check {
        const qint64 now = detail::nowMs();
        for (const CatalogueEntry &e : entries) {
            Statement put(*d->db,
                          "INSERT OR REPLACE INTO catalogues (kind, key, json, updated_at) "
                          "VALUES (?, ?, ?, ?)");
            put.bind(e.kind).bind(e.key);
            put.bindText(QJsonDocument(e.json).toJson(QJsonDocument::Compact)).bind(now);
            if (auto st = put.exec(); !st)
                return st;
        }
        return {};
    });
}

Check Cache::replaceCatalogueKind(const QString &kind, const QList<CatalogueEntry> &entries)
{
    for (const CatalogueEntry &e : entries) {
        if (e.kind != kind)
            return domain::makeError(QStringLiteral("cache.bad_entry"),
                                     QStringLiteral("Mục danh mục không đúng loại."));
    }
    return transaction([&]() -> Check {
        Statement clear(*d->db, "DELETE FROM catalogues WHERE kind = ?");
        clear.bind(kind);
        if (auto st = clear.exec(); !st)
            return st;
        return putCatalogueEntries(entries); // joins this transaction (a savepoint)
    });
}

Check Cache::removeCatalogueEntry(const QString &kind, const QString &key)
{
    Statement del(*d->db, "DELETE FROM catalogues WHERE kind = ? AND key = ?");
    del.bind(kind).bind(key);
    return del.exec();
}

Result<QList<CatalogueEntry>> Cache::catalogueEntries(const QString &kind)
{
    Statement q(*d->db, "SELECT key, json FROM catalogues WHERE kind = ? ORDER BY key");
    q.bind(kind);
    QList<CatalogueEntry> out;
    for (;;) {
        auto row = q.step();
        if (!row)
            return row.error();
        if (!row.value())
            return out;
        out.append({kind, q.text(0), QJsonDocument::fromJson(q.bytes(1)).object()});
    }
}

Result<std::unique_ptr<domain::InMemoryDirectory>>
Cache::directory(const domain::WorkCalendar &calendar)
{
    auto dir = std::make_unique<domain::InMemoryDirectory>();
    dir->setCalendar(calendar);
    const auto load = [&](const QString &kind, const auto &read) -> Check {
        auto entries = catalogueEntries(kind);
        if (!entries)
            return entries.error();
        for (const CatalogueEntry &e : entries.value()) {
            auto value = read(e.json);
            if (!value)
                return value.error();
            dir->add(value.value());
        }
        return {};
    };
    if (auto st = load(QStringLiteral("officer"), domain::officerFromJson); !st)
        return st.error();
    if (auto st = load(QStringLiteral("procedure"), domain::procedureFromJson); !st)
        return st.error();
    if (auto st = load(QStringLiteral("agency"), domain::agencyFromJson); !st)
        return st.error();
    // Every workflow version the server sent (keys "id@version"): the engine moves a dossier's step
    // along the version it runs on. One the domain cannot read is left out (as cachedWorkflow
    // does), not a reason to refuse every local action.
    auto workflows = catalogueEntries(QStringLiteral("workflow"));
    if (!workflows)
        return workflows.error();
    for (const CatalogueEntry &e : workflows.value()) {
        if (auto w = domain::workflowFromJson(e.json))
            dir->add(w.value());
    }
    return dir;
}

} // namespace motcua::store
