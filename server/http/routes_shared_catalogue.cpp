// The province's shared catalogues (R02; issue 10 item 2): document types with the data fields
// of R05.1b, which build the intake form of each component, and the fields procedures are
// classified in. Every officer reads them (clients cache them); any admin writes them, one entry
// at a time or a whole imported list at once (all or nothing), and a type or field a procedure
// still names cannot be deleted.
#include "routes.h"

#include <domain/documenttypes.h>

namespace motcua::server::http {

using domain::Role;

namespace {

// What differs between the two catalogues.
template<typename T>
struct Catalogue
{
    QString listKey; // "documentTypes", "fields": the JSON array of lists and imports
    QString what;    // Vietnamese, for messages: "loại giấy tờ"
    domain::Result<T> (*read)(const QJsonObject &);
    domain::Result<QList<T>> (CatalogueStore::*list)();
    domain::Check (CatalogueStore::*put)(const QList<T> &);
    domain::Result<bool> (CatalogueStore::*remove)(const QString &);
    // The procedures that still name entry `code`.
    bool (*names)(const domain::Procedure &, const QString &code);
};

const Catalogue<domain::DocumentType> &documentTypes()
{
    static const Catalogue<domain::DocumentType> c{
        QStringLiteral("documentTypes"),
        QStringLiteral("loại giấy tờ"),
        domain::documentTypeFromJson,
        &CatalogueStore::documentTypes,
        &CatalogueStore::putDocumentTypes,
        &CatalogueStore::deleteDocumentType,
        [](const domain::Procedure &p, const QString &code) {
            return std::any_of(p.components.cbegin(), p.components.cend(),
                               [&code](const auto &rc) { return rc.documentTypeCode == code; });
        }};
    return c;
}

const Catalogue<domain::ProcedureField> &fields()
{
    static const Catalogue<domain::ProcedureField> c{
        QStringLiteral("fields"),
        QStringLiteral("lĩnh vực"),
        domain::procedureFieldFromJson,
        &CatalogueStore::procedureFields,
        &CatalogueStore::putProcedureFields,
        &CatalogueStore::deleteProcedureField,
        [](const domain::Procedure &p, const QString &code) { return p.fieldCode == code; }};
    return c;
}

template<typename T>
ApiResponse listEntries(ServerContext &ctx, const Catalogue<T> &cat)
{
    auto entries = (ctx.catalogue.get()->*cat.list)();
    if (!entries)
        return ApiResponse::fromError(entries.error());
    QJsonArray out;
    for (const T &e : entries.value())
        out.append(domain::toJson(e));
    return ApiResponse::json({{cat.listKey, out}});
}

template<typename T>
ApiResponse putEntry(ServerContext &ctx, ApiRequest &request, const Catalogue<T> &cat)
{
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    auto entry = cat.read(body.value());
    if (!entry)
        return ApiResponse::fromError(entry.error());
    const QString code = request.param(QStringLiteral("code"));
    if (entry->code != code) {
        return badRequest(QStringLiteral("json.bad_value"),
                          QStringLiteral("Mã %1 trong nội dung (\"%2\") khác mã trên địa chỉ "
                                         "(\"%3\").")
                              .arg(cat.what, entry->code, code),
                          QStringLiteral("code"));
    }
    auto existing = (ctx.catalogue.get()->*cat.list)();
    if (!existing)
        return ApiResponse::fromError(existing.error());
    const bool created = std::none_of(existing->cbegin(), existing->cend(),
                                      [&code](const T &e) { return e.code == code; });
    if (auto st = (ctx.catalogue.get()->*cat.put)({entry.value()}); !st)
        return ApiResponse::fromError(st.error());
    return ApiResponse::json(domain::toJson(entry.value()), created ? 201 : 200);
}

// {"<listKey>": [...]}: every entry is read first; one at fault is named by its index and nothing
// is written. Entries not in the list are kept.
template<typename T>
ApiResponse importEntries(ServerContext &ctx, ApiRequest &request, const Catalogue<T> &cat)
{
    auto body = bodyObject(request);
    if (!body)
        return ApiResponse::fromError(body.error());
    if (body->size() != 1 || !body->value(cat.listKey).isArray()) {
        return badRequest(QStringLiteral("json.bad_value"),
                          QStringLiteral("Nội dung phải là {\"%1\": [...]}.").arg(cat.listKey),
                          cat.listKey);
    }
    const QJsonArray items = body->value(cat.listKey).toArray();
    if (items.size() > 5000) {
        return badRequest(QStringLiteral("json.too_long"),
                          QStringLiteral("Mỗi lần nhập tối đa 5000 %1.").arg(cat.what),
                          cat.listKey);
    }
    QList<T> entries;
    QSet<QString> codes;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(cat.listKey).arg(i);
        auto entry = cat.read(items.at(i).toObject());
        if (!items.at(i).isObject() || !entry) {
            const QString why = items.at(i).isObject()
                ? entry.error().message
                : QStringLiteral("không phải đối tượng JSON.");
            const QString field = items.at(i).isObject() && !entry.error().field.isEmpty()
                ? at + QLatin1Char('.') + entry.error().field
                : at;
            return badRequest(QStringLiteral("catalogue.bad_entry"),
                              QStringLiteral("Dòng %1: %2").arg(i + 1).arg(why), field);
        }
        if (codes.contains(entry->code)) {
            return badRequest(QStringLiteral("catalogue.bad_entry"),
                              QStringLiteral("Dòng %1: mã \"%2\" đã có ở một dòng trước.")
                                  .arg(i + 1)
                                  .arg(entry->code),
                              at + QStringLiteral(".code"));
        }
        codes.insert(entry->code);
        entries.append(std::move(entry).value());
    }
    if (auto st = (ctx.catalogue.get()->*cat.put)(entries); !st)
        return ApiResponse::fromError(st.error());
    return ApiResponse::json({{QStringLiteral("imported"), int(entries.size())}});
}

template<typename T>
ApiResponse deleteEntry(ServerContext &ctx, ApiRequest &request, const Catalogue<T> &cat)
{
    const QString code = request.param(QStringLiteral("code"));
    auto procedures = ctx.catalogue->procedures();
    if (!procedures)
        return ApiResponse::fromError(procedures.error());
    QStringList users;
    for (const auto &p : procedures.value()) {
        if (cat.names(p, code))
            users.append(p.code);
    }
    if (!users.isEmpty()) {
        const QString shown = users.mid(0, 5).join(QStringLiteral(", "))
            + (users.size() > 5 ? QStringLiteral(" và %1 thủ tục khác").arg(users.size() - 5)
                                : QString());
        return ApiResponse::error(409, QStringLiteral("catalogue.in_use"),
                                  QStringLiteral("Không thể xóa %1 \"%2\": các thủ tục %3 đang "
                                                 "dùng. Hãy sửa các thủ tục đó trước.")
                                      .arg(cat.what, code, shown),
                                  QStringLiteral("code"));
    }
    auto deleted = (ctx.catalogue.get()->*cat.remove)(code);
    if (!deleted)
        return ApiResponse::fromError(deleted.error());
    if (!deleted.value())
        return notFound(QStringLiteral("%1 \"%2\"").arg(cat.what, code));
    return ApiResponse::json({{QStringLiteral("deleted"), code}});
}

template<typename T>
void addCatalogue(RouteTable &table, ServerContext &ctx, const QString &base,
                  const Catalogue<T> &cat, const QString &noun)
{
    table.add({"GET",
               base,
               Access::Officer,
               {},
               QStringLiteral("The province's %1, by code").arg(noun),
               [&ctx, &cat](ApiRequest &) { return listEntries(ctx, cat); }});
    table.add({"PUT",
               base + QStringLiteral("/{code}"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Create or replace one of the %1").arg(noun),
               [&ctx, &cat](ApiRequest &request) { return putEntry(ctx, request, cat); }});
    table.add({"DELETE",
               base + QStringLiteral("/{code}"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Delete one of the %1 no procedure names").arg(noun),
               [&ctx, &cat](ApiRequest &request) { return deleteEntry(ctx, request, cat); }});
    table.add({"POST",
               base + QStringLiteral("/import"),
               Access::Officer,
               {Role::Admin},
               QStringLiteral("Create or replace a list of %1, all or nothing").arg(noun),
               [&ctx, &cat](ApiRequest &request) { return importEntries(ctx, request, cat); }});
}

} // namespace

void addSharedCatalogueRoutes(RouteTable &table, ServerContext &ctx)
{
    addCatalogue(table, ctx, QStringLiteral("/api/v1/document-types"), documentTypes(),
                 QStringLiteral("document types (with their data fields)"));
    addCatalogue(table, ctx, QStringLiteral("/api/v1/fields"), fields(),
                 QStringLiteral("fields of procedures"));
}

} // namespace motcua::server::http
