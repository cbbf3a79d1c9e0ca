#include "route_table.h"

#include <QUrl>

namespace motcua::server::http {

void RouteTable::add(Route route)
{
    m_segments.append(route.pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts));
    m_routes.append(std::move(route));
}

RouteTable::Match RouteTable::match(const QByteArray &method, const QByteArray &encodedPath) const
{
    Match result;
    if (!encodedPath.startsWith('/'))
        return result;
    const QList<QByteArray> raw = encodedPath.mid(1).split('/');
    QStringList segments;
    segments.reserve(raw.size());
    for (const QByteArray &s : raw) {
        const QString decoded = QUrl::fromPercentEncoding(s);
        if (decoded.isEmpty() || decoded == QLatin1String(".") || decoded == QLatin1String(".."))
            return result; // "//", "/./", "/../" and a trailing "/" never name a resource
        segments.append(decoded);
    }

    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const QStringList &pattern = m_segments.at(i);
        if (pattern.size() != segments.size())
            continue;
        QHash<QString, QString> params;
        bool ok = true;
        for (qsizetype k = 0; k < pattern.size() && ok; ++k) {
            const QString &p = pattern.at(k);
            if (p.startsWith(QLatin1Char('{')) && p.endsWith(QLatin1Char('}')))
                params.insert(p.mid(1, p.size() - 2), segments.at(k));
            else
                ok = p == segments.at(k);
        }
        if (!ok)
            continue;
        const Route &route = m_routes.at(i);
        if (result.pattern.isEmpty())
            result.pattern = route.pattern;
        if (route.method == method) {
            result.route = &route;
            result.params = std::move(params);
            result.pattern = route.pattern;
            return result;
        }
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods.append(route.method);
    }
    return result;
}

} // namespace motcua::server::http
