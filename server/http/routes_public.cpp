// Public lookup (R26): anyone with a dossier code sees its status, procedure and dates — no
// personal data. The secret token printed in the slip's QR code also shows the masked applicant
// name and the processing trail. Rate-limited per client address.
#include "routes.h"

#include <domain/json.h>

namespace motcua::server::http {

namespace {

// Compares in time that depends only on the lengths, not on where the strings differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = qMax(a.size(), b.size());
    unsigned diff = unsigned(a.size() ^ b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const auto x = i < a.size() ? uchar(a.at(i)) : uchar(0);
        const auto y = i < b.size() ? uchar(b.at(i)) : uchar(0);
        diff |= unsigned(x ^ y);
    }
    return diff == 0;
}

QJsonValue instant(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(domain::formatInstant(at)) : QJsonValue(QJsonValue::Null);
}

} // namespace

// "Nguyễn Văn Đức" → "Nguyễn V** Đ**": the family name, then initials.
QString maskName(const QString &name)
{
    const QStringList words
        = name.normalized(QString::NormalizationForm_C).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList out;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (i == 0)
            out.append(words.at(i));
        else
            out.append(words.at(i).left(1) + QStringLiteral("**"));
    }
    return out.join(QLatin1Char(' '));
}

// The public routes' shared limiter per source address: 429 with Retry-After when exceeded.
std::optional<ApiResponse> publicThrottle(ServerContext &ctx, const ApiRequest &request)
{
    if (const int wait = ctx.publicLookupLimiter.acquire(request.sourceAddress); wait > 0) {
        ApiResponse r = ApiResponse::error(
            429, QStringLiteral("public.throttled"),
            QStringLiteral("Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau %1 giây.").arg(wait),
            {}, {{QStringLiteral("retryAfter"), wait}});
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(wait)});
        return r;
    }
    return std::nullopt;
}

namespace {

ApiResponse lookup(ServerContext &ctx, ApiRequest &request)
{
    if (auto throttled = publicThrottle(ctx, request))
        return *throttled;
    const QString code = request.param(QStringLiteral("code"));
    const auto unknown
        = [&] { return notFound(QStringLiteral("hồ sơ có mã \"%1\"").arg(code.left(100))); };
    if (code.size() > 100)
        return unknown();
    auto found = ctx.sync->dossierByCode(code);
    if (!found)
        return ApiResponse::fromError(found.error());
    if (!found.value())
        return unknown();
    const domain::Dossier &d = *found.value();

    QJsonObject out{
        {QStringLiteral("code"), d.code},
        {QStringLiteral("status"), domain::statusKey(d.status())},
        {QStringLiteral("statusName"), domain::statusName(d.status())},
        {QStringLiteral("procedure"),
         QJsonObject{{QStringLiteral("code"), d.procedureCode},
                     {QStringLiteral("name"), d.procedureName}}},
        {QStringLiteral("receivedAt"), instant(d.receivedAt)},
        {QStringLiteral("dueAt"), instant(d.dueAt)},
        {QStringLiteral("completedAt"), instant(d.completedAt)},
    };

    if (!request.query.hasQueryItem(QStringLiteral("t")))
        return ApiResponse::json(out);
    const QByteArray token = request.queryValue(QStringLiteral("t")).toUtf8();
    if (d.publicToken.isEmpty() || !constantTimeEquals(token, d.publicToken.toUtf8())) {
        return ApiResponse::error(403, QStringLiteral("public.bad_token"),
                                  QStringLiteral("Mã tra cứu trên phiếu hẹn không đúng."),
                                  QStringLiteral("t"));
    }
    const QString name = d.applicant.type == domain::ApplicantType::Organisation
            && !d.applicant.organisationName.isEmpty()
        ? d.applicant.organisationName
        : d.applicant.fullName;
    out.insert(QStringLiteral("applicantName"), maskName(name));
    QJsonArray trail;
    for (const domain::TrailEntry &e : d.trail) {
        if (e.type == domain::ActionType::RecordPrint)
            continue; // the processing steps; a slip printed is the counter's own business
        trail.append(QJsonObject{{QStringLiteral("at"), instant(e.at)},
                                 {QStringLiteral("action"), domain::actionTypeKey(e.type)},
                                 {QStringLiteral("actionName"), domain::actionTypeName(e.type)},
                                 {QStringLiteral("stage"), domain::stageKey(e.stage)},
                                 {QStringLiteral("stageName"), domain::stageName(e.stage)}});
    }
    out.insert(QStringLiteral("trail"), trail);
    return ApiResponse::json(out);
}

} // namespace

void addPublicRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"GET",
               QStringLiteral("/api/v1/public/dossiers/{code}"),
               Access::Public,
               {},
               QStringLiteral("Public status lookup by dossier code (?t=TOKEN for details)"),
               [&ctx](ApiRequest &request) { return lookup(ctx, request); }});
}

} // namespace motcua::server::http
