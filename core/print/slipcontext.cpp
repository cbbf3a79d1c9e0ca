#include "slipcontext.h"

#include <QRegularExpression>
#include <QUrl>

namespace motcua::print {
namespace {

// "Sở Tư pháp tỉnh Khánh Hòa" -> "Khánh Hòa".
QString placeName(const QString &agencyName)
{
    static const QRegularExpression after(
        QStringLiteral("(?:tỉnh|thành phố|Thành phố|Tỉnh)\\s+(.+)$"));
    const auto m = after.match(agencyName);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

} // namespace

SlipContext contextFor(const domain::Dossier &dossier, const domain::Directory &directory,
                       const QString &officerId, const QString &lookupBaseUrl)
{
    SlipContext ctx;
    ctx.lookupBaseUrl = lookupBaseUrl;
    if (auto agency = directory.agency(dossier.agencyCode))
        ctx.agency = *agency;
    else
        ctx.agency.code = dossier.agencyCode;
    if (!ctx.agency.parentCode.isEmpty()) {
        if (auto parent = directory.agency(ctx.agency.parentCode))
            ctx.agencyParentName = parent->name;
    }
    ctx.locality = placeName(ctx.agency.name);
    if (ctx.locality.isEmpty())
        ctx.locality = placeName(ctx.agencyParentName);
    ctx.returnPlace = ctx.agency.name.isEmpty()
        ? QString()
        : QStringLiteral("Bộ phận Tiếp nhận và Trả kết quả, %1").arg(ctx.agency.name);
    const QString lead
        = dossier.handlingAgencyCode.isEmpty() ? dossier.agencyCode : dossier.handlingAgencyCode;
    if (auto agency = directory.agency(lead))
        ctx.leadAgencyName = agency->name;
    ctx.procedure = directory.procedure(dossier.procedureCode);
    if (ctx.procedure && ctx.leadAgencyName.isEmpty()) {
        if (auto agency = directory.agency(ctx.procedure->agencyCode))
            ctx.leadAgencyName = agency->name;
    }
    ctx.officer = directory.officer(officerId);
    for (const auto &entry : dossier.trail) {
        if (!ctx.officerNames.contains(entry.actorId)) {
            if (auto officer = directory.officer(entry.actorId))
                ctx.officerNames.insert(entry.actorId, officer->fullName);
        }
    }
    return ctx;
}

QString lookupUrl(const QString &baseUrl, const domain::Dossier &dossier)
{
    QString base = baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString url = base + QStringLiteral("/api/v1/public/dossiers/")
        + QString::fromLatin1(QUrl::toPercentEncoding(dossier.code));
    if (!dossier.publicToken.isEmpty())
        url += QStringLiteral("?t=")
            + QString::fromLatin1(QUrl::toPercentEncoding(dossier.publicToken));
    return url;
}

} // namespace motcua::print
