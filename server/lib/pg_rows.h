#pragma once

// Rows of a PostgreSQL statement in libpq's binary format, on the connection of a QSqlDatabase
// (inside its transaction, if any), its values sent apart from its text. For pages of large
// values: QPSQL reads every value as text, so a bytea arrives hex-encoded and is decoded by
// PQunescapeBytea (half of the server's time when it served gzip pages of the feed) and text goes
// through UTF-16 and back. For large values written: QPSQL writes them into the statement's
// text, which PostgreSQL's parser then scans.
#include "database.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

struct pg_result;

namespace motcua::server::pg {

class BinaryRows
{
public:
    // `statement` with $1, $2… placeholders; each parameter is sent as text and typed by the
    // server from its use (a bytea is written "\\x" and hex). On a Database connection, prepared
    // once per connection and run by name (parsed and planned once); on another, unnamed and
    // planned for these values.
    static Result<BinaryRows> exec(QSqlDatabase &db, const QByteArray &statement,
                                   const QByteArrayList &parameters);

    [[nodiscard]] int size() const;
    [[nodiscard]] bool isNull(int row, int column) const;
    // An int2, int4 or int8 column (0 when NULL).
    [[nodiscard]] qint64 integer(int row, int column) const;
    // A text or bytea column's bytes (UTF-8 for text); a null QByteArray when NULL.
    [[nodiscard]] QByteArray bytes(int row, int column) const;
    // A one-dimensional int4[] or int8[] column's elements in order into `out` (empty when NULL
    // or empty); false when the value is not such an array or holds a NULL.
    [[nodiscard]] bool integers(int row, int column, QList<qint64> &out) const;

private:
    std::shared_ptr<pg_result> m_result;
};

// `statement` with its ? placeholders numbered $1, $2… (the statements hold no other ?).
QByteArray numbered(const QString &statement);

// `values` as a PostgreSQL array literal ({"…","…"}), for a parameter cast to an array type: each
// element quoted, its quotes and backslashes escaped (UTF-8 has no other bytes below 0x80 in a
// multi-byte character).
QByteArray arrayLiteral(const QByteArrayList &values);
// The same for texts, as a string to bind through QPSQL (CAST(? AS TEXT[])).
QString arrayLiteral(const QStringList &texts);

} // namespace motcua::server::pg
