// Database URLs: sqlite:PATH and postgresql://user[:password]@host[:port]/dbname.
#include "database.h"

#include <QUrl>

namespace motcua::server {
namespace {

using domain::makeError;

Error urlError(const QString &message)
{
    return makeError(QStringLiteral("db.bad_url"), message, QStringLiteral("db"));
}

} // namespace

Result<DbUrl> DbUrl::parse(const QString &text)
{
    const QString url = text.trimmed();
    if (url.isEmpty())
        return urlError(QStringLiteral("Chưa chỉ định cơ sở dữ liệu: dùng sqlite:ĐƯỜNG_DẪN hoặc "
                                       "postgresql://người_dùng@máy_chủ:cổng/tên_csdl."));
    DbUrl out;
    if (url.startsWith(QLatin1String("sqlite:"))) {
        out.kind = Kind::Sqlite;
        out.path = url.mid(7);
        if (out.path.startsWith(QLatin1String("//")))
            out.path = out.path.mid(2);
        if (out.path.isEmpty())
            return urlError(QStringLiteral(
                "Địa chỉ SQLite thiếu đường dẫn tệp (ví dụ sqlite:/var/lib/motcua/motcua.db)."));
        if (out.path == QLatin1String(":memory:") || out.path.startsWith(QLatin1String("file:")))
            return urlError(QStringLiteral("Cơ sở dữ liệu SQLite phải là một tệp trên đĩa (không "
                                           "hỗ trợ :memory: hay file:)."));
        return out;
    }
    if (!url.startsWith(QLatin1String("postgresql://"))
        && !url.startsWith(QLatin1String("postgres://"))) {
        return urlError(
            QStringLiteral(
                "Kiểu cơ sở dữ liệu \"%1\" không được hỗ trợ: dùng sqlite:ĐƯỜNG_DẪN hoặc "
                "postgresql://người_dùng@máy_chủ:cổng/tên_csdl.")
                .arg(url.section(QLatin1Char(':'), 0, 0).left(40)));
    }
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return urlError(QStringLiteral("Địa chỉ PostgreSQL không đúng cú pháp "
                                       "postgresql://người_dùng@máy_chủ:cổng/tên_csdl."));
    if (parsed.hasQuery() || parsed.hasFragment())
        return urlError(
            QStringLiteral("Địa chỉ PostgreSQL không được có tham số sau dấu ? hoặc #."));
    out.kind = Kind::Postgres;
    out.user = parsed.userName(QUrl::FullyDecoded);
    out.password = parsed.password(QUrl::FullyDecoded);
    out.host = parsed.host(QUrl::FullyDecoded);
    out.port = parsed.port(5432);
    out.database = parsed.path(QUrl::FullyDecoded);
    if (out.database.startsWith(QLatin1Char('/')))
        out.database = out.database.mid(1);
    if (out.host.isEmpty())
        return urlError(QStringLiteral("Địa chỉ PostgreSQL thiếu tên máy chủ."));
    if (out.port < 1 || out.port > 65535)
        return urlError(QStringLiteral("Cổng PostgreSQL phải từ 1 đến 65535."));
    if (out.database.isEmpty() || out.database.contains(QLatin1Char('/')))
        return urlError(QStringLiteral("Địa chỉ PostgreSQL thiếu tên cơ sở dữ liệu (…/tên_csdl)."));
    return out;
}

QString DbUrl::toDisplayString() const
{
    if (kind == Kind::Sqlite)
        return QStringLiteral("sqlite:") + path;
    QString auth = user;
    if (!password.isEmpty())
        auth += QStringLiteral(":***");
    if (!auth.isEmpty())
        auth += QLatin1Char('@');
    return QStringLiteral("postgresql://%1%2:%3/%4").arg(auth, host).arg(port).arg(database);
}

} // namespace motcua::server
