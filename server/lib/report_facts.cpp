#include "report_facts.h"

#include "logging.h"

#include <QJsonDocument>

#include <domain/json.h>

namespace motcua::server {

Result<QList<reports::DossierFacts>> loadDossierFacts(Database &db, const QString &agencyCode)
{
    QList<reports::DossierFacts> out;
    const auto st = db.read([&](QSqlDatabase &c) -> Check {
        Sql q(c,
              agencyCode.isEmpty()
                  ? QStringLiteral("SELECT json FROM dossiers")
                  : QStringLiteral("SELECT json FROM dossiers WHERE agency_code = ? OR "
                                   "handling_agency_code = ?"));
        if (!agencyCode.isEmpty())
            q.bind(agencyCode).bind(agencyCode);
        if (auto e = q.exec(); !e)
            return e;
        while (q.next()) {
            const QVariant v = q.value(0);
            const QJsonDocument doc = QJsonDocument::fromJson(
                v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8());
            auto dossier = domain::dossierFromJson(doc.object());
            if (!doc.isObject() || !dossier) {
                qCWarning(lcSync) << "unreadable dossier row";
                return domain::makeError(
                    QStringLiteral("db.corrupt_row"),
                    QStringLiteral("Dữ liệu hồ sơ trong cơ sở dữ liệu bị hỏng."));
            }
            out.append(reports::DossierFacts::of(dossier.value()));
        }
        return {};
    });
    if (!st)
        return st.error();
    return out;
}

} // namespace motcua::server
