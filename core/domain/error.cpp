#include "error.h"

namespace motcua::domain {

QString Error::toString() const
{
    return field.isEmpty() ? message : QStringLiteral("%1 (%2)").arg(message, field);
}

Error makeError(const QString &code, const QString &message, const QString &field)
{
    Error error;
    error.code = code;
    error.message = message;
    error.field = field;
    return error;
}

} // namespace motcua::domain
