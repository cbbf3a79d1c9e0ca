#pragma once

#include <QJsonObject>
#include <QString>

namespace motcua::domain {

// A typed error: a stable machine code, a Vietnamese message a counter officer understands,
// and the field at fault when there is one. Domain code never throws; it returns these.
struct Error
{
    QString code;    // stable, dotted: "cccd.invalid_id", "action.stale_version"
    QString message; // Vietnamese, shown to the user as is
    QString field;   // the input field at fault, empty when the whole input is at fault
    QJsonObject
        details; // machine-readable extras (e.g. {"retryAfter": 30}), sent as the API's "details"

    [[nodiscard]] QString toString() const;
    bool operator==(const Error &) const = default;
};

Error makeError(const QString &code, const QString &message, const QString &field = {});

} // namespace motcua::domain
