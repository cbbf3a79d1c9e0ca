#include "pg_rows.h"

#include <QSqlDriver>
#include <QVariant>
#include <QtEndian>

#include <libpq-fe.h>

#include <vector>

namespace motcua::server::pg {

namespace {

// A failed statement as the drivers' errors are (databaseError()): any failure here may be the
// connection's, told by the SQLSTATE and the connection's state.
domain::Error failure(PGconn *conn, const PGresult *result)
{
    const char *state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    const QString text = QString::fromUtf8(PQerrorMessage(conn)).section(u'\n', 0, 0);
    domain::Error e
        = databaseError(QStringLiteral("binary read"),
                        state ? QString::fromLatin1(state) : QString(), text, text, true);
    if (PQstatus(conn) != CONNECTION_OK)
        e.details.insert(QStringLiteral("connection"), true);
    return e;
}

} // namespace

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
    // Prepared on the server once per connection (parsed and planned once: PostgreSQL keeps a
    // generic plan when it costs no more than the plans for each call's values), then executed by
    // name. A Database connection remembers what it prepared; another one runs it unnamed.
    QSet<QByteArray> *prepared = serverPreparedStatements(db);
    const QByteArray name = prepared ? "motcua_" + QByteArray::number(qHash(statement), 16) + '_'
            + QByteArray::number(statement.size())
                                     : QByteArray();
    BinaryRows rows;
    if (prepared && !prepared->contains(name)) {
        rows.m_result.reset(
            PQprepare(conn, name.constData(), statement.constData(), int(values.size()), nullptr),
            PQclear);
        if (PQresultStatus(rows.m_result.get()) == PGRES_COMMAND_OK)
            prepared->insert(name);
        else
            return failure(conn, rows.m_result.get());
    }
    rows.m_result.reset(prepared ? PQexecPrepared(conn, name.constData(), int(values.size()),
                                                  values.data(), nullptr, nullptr, 1)
                                 : PQexecParams(conn, statement.constData(), int(values.size()),
                                                nullptr, values.data(), nullptr, nullptr, 1),
                        PQclear);
    if (PQresultStatus(rows.m_result.get()) != PGRES_TUPLES_OK)
        return failure(conn, rows.m_result.get());
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

bool BinaryRows::integers(int row, int column, QList<qint64> &out) const
{
    out.clear();
    if (isNull(row, column))
        return true;
    // Binary array: ndim, has-nulls flag, element type, then per dimension its size and lower
    // bound, then each element as its length and bytes (big-endian throughout).
    const auto *v = reinterpret_cast<const uchar *>(PQgetvalue(m_result.get(), row, column));
    const qsizetype size = PQgetlength(m_result.get(), row, column);
    if (size < 12)
        return false;
    const qint32 dimensions = qFromBigEndian<qint32>(v);
    if (dimensions == 0)
        return true;
    if (dimensions != 1 || size < 20)
        return false;
    const qint32 count = qFromBigEndian<qint32>(v + 12);
    if (count < 0 || (size - 20) / 8 < count)
        return false;
    out.reserve(count);
    qsizetype at = 20;
    for (qint32 i = 0; i < count; ++i) {
        if (size - at < 4)
            return false;
        const qint32 length = qFromBigEndian<qint32>(v + at);
        at += 4;
        if ((length != 4 && length != 8) || size - at < length)
            return false;
        out.append(length == 8 ? qFromBigEndian<qint64>(v + at) : qFromBigEndian<qint32>(v + at));
        at += length;
    }
    return at == size;
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

QByteArray arrayLiteral(const QByteArrayList &values)
{
    qsizetype size = 2;
    for (const QByteArray &value : values)
        size += value.size() + 3;
    QByteArray out;
    out.reserve(size);
    out += '{';
    for (const QByteArray &value : values) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        for (const char ch : value) {
            if (ch == '"' || ch == '\\')
                out += '\\';
            out += ch;
        }
        out += '"';
    }
    out += '}';
    return out;
}

QString arrayLiteral(const QStringList &texts)
{
    QByteArrayList utf8;
    utf8.reserve(texts.size());
    for (const QString &text : texts)
        utf8.append(text.toUtf8());
    return QString::fromUtf8(arrayLiteral(utf8));
}

} // namespace motcua::server::pg
