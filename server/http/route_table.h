#pragma once

// The server's one route table: method, path pattern with {parameters}, who may call it, and the
// handler. The dispatcher, the access log, the metrics and `motcua-server --print-routes` (which
// the OpenAPI coverage test reads) all work from it.
#include "api.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <domain/roles.h>

#include <functional>

namespace motcua::server::http {

enum class Access {
    Public,  // no token (health, metrics, login, refresh, public lookup)
    Officer, // a valid bearer token; `roles` narrows it further
};

struct Route
{
    QByteArray method; // "GET", "PUT", "POST"
    QString pattern;   // "/api/v1/agencies/{code}"
    Access access = Access::Officer;
    QList<domain::Role> roles; // empty: any role
    QString summary;           // one line, English, for --print-routes
    std::function<ApiResponse(ApiRequest &)> handler;
    bool audited = false; // successful writes join the administration trail (admin-only: always)
};

class RouteTable
{
public:
    void add(Route route);

    struct Match
    {
        const Route *route = nullptr;     // null: no route for this method and path
        QHash<QString, QString> params;   // decoded path parameters
        QList<QByteArray> allowedMethods; // methods that exist for the path (405 when non-empty)
        QString pattern;                  // the pattern the path matched, with any method
    };
    // `encodedPath` as received (percent-encoded); segments are decoded one by one, so "%2F" stays
    // inside its segment. Empty, "." and ".." segments never match.
    [[nodiscard]] Match match(const QByteArray &method, const QByteArray &encodedPath) const;

    [[nodiscard]] const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
    QList<QStringList> m_segments; // per route: literal segments, or "{name}"
};

} // namespace motcua::server::http
