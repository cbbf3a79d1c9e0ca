// Folding actions into dossiers: the work the client does to replay pending actions and the
// server does at every push.
#include "benchmarks.h"

#include <QJsonDocument>

#include <domain/demo.h>
#include <domain/engine.h>
#include <domain/json.h>

namespace motcua::bench {

using namespace motcua::domain;

void benchFold(Harness &harness)
{
    const auto directory = demo::directory();
    const QList<Action> journey = demo::exampleJourney();
    constexpr qint64 kActions = 1'000'000;
    const qint64 dossiers = kActions / journey.size();

    // Prepare distinct dossiers (fresh ids) outside the timed part.
    QList<QList<Action>> all;
    all.reserve(dossiers);
    for (qint64 i = 0; i < dossiers; ++i) {
        QList<Action> actions = journey;
        const QUuid dossierId = QUuid::createUuid();
        for (auto &a : actions) {
            a.id = QUuid::createUuid();
            a.dossierId = dossierId;
        }
        all.append(std::move(actions));
    }

    qint64 folded = 0;
    harness.run(
        QStringLiteral("fold 1M actions into 125k dossiers"), dossiers * journey.size(),
        [&](qint64) {
            for (const auto &actions : all) {
                const auto d = fold(actions, directory);
                folded += d.ok() ? d->version : 0;
            }
        },
        QStringLiteral("ops = actions; full journey intake → return"));
    if (folded != kActions)
        qFatal("fold benchmark: %lld of %lld actions applied", folded, kActions);

    // Decoding actions from the wire (the server's push path).
    QList<QByteArray> wire;
    for (const auto &a : all.constFirst())
        wire.append(QJsonDocument(toJson(a)).toJson(QJsonDocument::Compact));
    constexpr qint64 kDecodes = 200'000;
    qint64 decoded = 0;
    harness.run(QStringLiteral("decode action JSON (parse + strict read)"), kDecodes,
                [&](qint64 n) {
                    for (qint64 i = 0; i < n; ++i) {
                        const auto json = parseJsonObject(wire.at(i % wire.size()));
                        decoded += json.ok() && actionFromJson(json.value()).ok();
                    }
                });
    if (decoded != kDecodes)
        qFatal("decode benchmark failed");
}

} // namespace motcua::bench
