// Authentication: login, refresh, logout. A wrong password, an unknown user and a deactivated
// account get the same 401; throttled attempts get 429 with Retry-After (AuthService decides).
#include "routes.h"

#include <domain/json.h>

namespace motcua::server::http {

using domain::JsonReader;

namespace {

ApiResponse tokensResponse(const Tokens &tokens)
{
    return ApiResponse::json(
        {{QStringLiteral("accessToken"), tokens.accessToken},
         {QStringLiteral("refreshToken"), tokens.refreshToken},
         {QStringLiteral("expiresAt"), domain::formatInstant(tokens.expiresAt)},
         {QStringLiteral("officer"), domain::toJson(tokens.officer)}});
}

} // namespace

void addAuthRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"POST",
               QStringLiteral("/api/v1/auth/login"),
               Access::Public,
               {},
               QStringLiteral("Log in with username and password"),
               [&ctx](ApiRequest &request) {
                   auto body = bodyObject(request);
                   if (!body)
                       return ApiResponse::fromError(body.error());
                   JsonReader r(body.value());
                   const QString username = r.string("username", true, 64);
                   const QString password = r.string("password", true, 1024);
                   if (auto st = r.finish(); !st)
                       return ApiResponse::fromError(st.error());
                   auto tokens = ctx.auth->login(username, password, request.sourceAddress);
                   if (!tokens) {
                       const int status = statusForError(tokens.error());
                       if (status == 401 || status == 429)
                           ctx.metrics.countFailedLogin();
                       return ApiResponse::fromError(tokens.error());
                   }
                   return tokensResponse(tokens.value());
               }});

    table.add({"POST",
               QStringLiteral("/api/v1/auth/refresh"),
               Access::Public,
               {},
               QStringLiteral("Exchange a refresh token for new tokens"),
               [&ctx](ApiRequest &request) {
                   auto body = bodyObject(request);
                   if (!body)
                       return ApiResponse::fromError(body.error());
                   JsonReader r(body.value());
                   const QString refreshToken = r.string("refreshToken", true, 512);
                   if (auto st = r.finish(); !st)
                       return ApiResponse::fromError(st.error());
                   auto tokens = ctx.auth->refresh(refreshToken);
                   if (!tokens)
                       return ApiResponse::fromError(tokens.error());
                   return tokensResponse(tokens.value());
               }});

    table.add({"POST",
               QStringLiteral("/api/v1/auth/logout"),
               Access::Officer,
               {},
               QStringLiteral("Revoke the session's tokens"),
               [&ctx](ApiRequest &request) {
                   if (auto st = ctx.auth->logout(request.bearerToken()); !st)
                       return ApiResponse::fromError(st.error());
                   return ApiResponse::noContent();
               }});
}

} // namespace motcua::server::http
