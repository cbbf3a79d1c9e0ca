#pragma once

// Reading the server's answers with the domain's strict JSON readers. A 2xx answer that does not
// read is a sync.bad_answer error naming the field at fault.
#include "api_types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <domain/jsonreader.h>
#include <domain/result.h>

#include <functional>

namespace motcua::sync {

domain::Result<QJsonObject> answerObject(const QByteArray &body);

domain::Result<Session> parseSession(const QByteArray &body);
// One outcome per sent action, in the order sent (else sync.bad_answer).
domain::Result<QList<PushOutcome>> parsePushOutcomes(const QByteArray &body,
                                                     const QList<QUuid> &sent);
// `onEnvelope(nextAfter, more)`, when set, is called once the envelope reads, before the changes.
domain::Result<ChangesPage>
parseChangesPage(const QByteArray &body, const std::function<void(qint64, bool)> &onEnvelope = {});
// `onEnvelope(seq, next, more)`, when set, is called once the envelope reads, before the dossiers.
domain::Result<SnapshotPage>
parseSnapshotPage(const QByteArray &body,
                  const std::function<void(qint64, const QString &, bool)> &onEnvelope = {});
domain::Result<CodeLease> parseCodeLease(const QByteArray &body);

// {"<key>": [ … ]} with each element read by `read`.
template<typename T>
domain::Result<QList<T>>
parseList(const QByteArray &body, const char *key,
          const std::function<domain::Result<T>(const QJsonObject &)> &read);

domain::Error badAnswerFrom(const domain::Error &readError);

// The text of member `member` of each element of the top-level array `array` of `json`, which
// QJsonDocument has already read: the bytes as the server sent them, so a cache can store them
// without encoding them again. An element without the member gives an empty text; anything
// unexpected gives an empty list.
QList<QByteArray> rawMembers(const QByteArray &json, QLatin1StringView array,
                             QLatin1StringView member);

template<typename T>
domain::Result<QList<T>>
parseList(const QByteArray &body, const char *key,
          const std::function<domain::Result<T>(const QJsonObject &)> &read)
{
    auto object = answerObject(body);
    if (!object)
        return object.error();
    domain::JsonReader r(object.value());
    const QJsonArray items = r.array(key, true);
    if (auto st = r.finish(); !st)
        return badAnswerFrom(st.error());
    QList<T> out;
    out.reserve(items.size());
    for (const QJsonValue &item : items) {
        auto value = read(item.toObject());
        if (!value)
            return badAnswerFrom(value.error());
        out.append(std::move(value).value());
    }
    return out;
}

} // namespace motcua::sync
