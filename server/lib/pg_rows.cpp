#include "pg_rows.h"

#include <QSqlDriver>
#include <QVariant>
#include <QtEndian>

#include <libpq-fe.h>

#include <vector>

namespace motcua::server::pg {

Result<BinaryRows> BinaryRows::exec(QSqlDatabase &db, const QByteArray &statement,
                                    const QByteArrayList &parameters)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    PGconn *conn = nullptr;
    // QPSQL's handle is its PGconn* (named "pg_conn*" by Qt 6, "PGconn*" by Qt 5).
    if (db.driverName() == QLatin1String("QPSQL") && handle.isValid()
        && (qstrcmp(handle.typeName(), "pg_conn*") == 0
            || qstrcmp(handle.typeName(), "PGconn*") == 0))
        conn = *static_cast<PGconn *const *>(handle.constData());
    if (!conn) {
        return domain::makeError(
            QStringLiteral("db.error"),
            QStringLiteral("Cơ sở dữ liệu gặp lỗi, thao tác chưa được thực hiện. Hãy thử lại sau."),
            QStringLiteral("no PostgreSQL connection handle"));
    }
    std::vector<const char *> values;
    values.reserve(size_t(parameters.size()));
    for (const QByteArray &p : parameters)
        values.push_back(p.constData());
    BinaryRows rows;
    rows.m_result.reset(PQexecParams(conn, statement.constData(), int(values.size()), nullptr,
                                     values.data(), nullptr, nullptr, 1),
                        PQclear);
    if (PQresultStatus(rows.m_result.get()) != PGRES_TUPLES_OK) {
        const char *state = PQresultErrorField(rows.m_result.get(), PG_DIAG_SQLSTATE);
        const QString text = QString::fromUtf8(PQerrorMessage(conn)).section(u'\n', 0, 0);
        // Any failure here may be the connection's: databaseError() tells by the SQLSTATE.
        domain::Error e
            = databaseError(QStringLiteral("binary read"),
                            state ? QString::fromLatin1(state) : QString(), text, text, true);
        if (PQstatus(conn) != CONNECTION_OK)
            e.details.insert(QStringLiteral("connection"), true);
        return e;
    }
    return rows;
}

int BinaryRows::size() const
{
    return PQntuples(m_result.get());
}

bool BinaryRows::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

qint64 BinaryRows::integer(int row, int column) const
{
    if (isNull(row, column))
        return 0;
    const char *v = PQgetvalue(m_result.get(), row, column);
    switch (PQgetlength(m_result.get(), row, column)) {
    case 2:
        return qFromBigEndian<qint16>(v);
    case 4:
        return qFromBigEndian<qint32>(v);
    case 8:
        return qFromBigEndian<qint64>(v);
    default:
        return 0;
    }
}

QByteArray BinaryRows::bytes(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QByteArray(PQgetvalue(m_result.get(), row, column),
                      PQgetlength(m_result.get(), row, column));
}

QByteArray numbered(const QString &statement)
{
    const QByteArray utf8 = statement.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 32);
    int n = 0;
    for (const char c : utf8) {
        if (c == '?') {
            out += '$';
            out += QByteArray::number(++n);
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace motcua::server::pg
