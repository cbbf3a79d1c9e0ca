// Reading the snapshot page (GET /api/v1/sync/snapshot) on the client: every dossier read strictly,
// its text kept as the server sent it (rawMembers), and a page that contradicts itself refused as
// a bad answer rather than stored.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <domain/demo.h>
#include <domain/engine.h>
#include <domain/json.h>
#include <sync/api_parse.h>

using namespace motcua;

namespace {

// A received dossier of the demo journey with the given id.
QJsonObject dossierJson(const QUuid &id)
{
    auto directory = domain::demo::directory();
    domain::Action receive = domain::demo::exampleReceive();
    receive.dossierId = id;
    auto dossier = domain::apply(domain::Dossier{}, receive, directory);
    return dossier ? domain::toJson(dossier.value()) : QJsonObject{};
}

QByteArray page(const QList<QUuid> &ids, bool more, const QString &next)
{
    QJsonArray dossiers;
    qint64 seq = 0;
    for (const QUuid &id : ids)
        dossiers.append(QJsonObject{{QStringLiteral("dossier"), dossierJson(id)},
                                    {QStringLiteral("seq"), double(++seq)}});
    return QJsonDocument(QJsonObject{{QStringLiteral("dossiers"), dossiers},
                                     {QStringLiteral("more"), more},
                                     {QStringLiteral("next"), next},
                                     {QStringLiteral("seq"), 40}})
        .toJson(QJsonDocument::Indented);
}

QUuid uuid(char c)
{
    return QUuid::fromString(
        QStringLiteral("%1-0000-4000-8000-000000000000").arg(QString(8, QLatin1Char(c))));
}

} // namespace

class TestSyncParse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rawMembersAreTheBytesSent()
    {
        const QByteArray json = "{\"x\": [1, {\"dossier\": 2}], \"dossiers\" : [\n"
                                "            {\"seq\": 1, \"dossier\": {\"a\": \"b}\\\"{[\", "
                                "\"c\": [1, {\"d\": null}]}},\n"
                                "            {\"dossier\":\"text \\\\\\\" ]\",\"seq\":2},\n"
                                "            {\"seq\": 3}\n"
                                "        ], \"more\": false}";
        QVERIFY(!QJsonDocument::fromJson(json).isNull());
        const QList<QByteArray> texts
            = sync::rawMembers(json, QLatin1StringView("dossiers"), QLatin1StringView("dossier"));
        QCOMPARE(texts.size(), 3);
        QCOMPARE(texts.at(0), QByteArray("{\"a\": \"b}\\\"{[\", \"c\": [1, {\"d\": null}]}"));
        QCOMPARE(texts.at(1), QByteArray("\"text \\\\\\\" ]\""));
        QVERIFY(texts.at(2).isNull());
        // Anything it cannot be sure of: no texts (the caller encodes the values again).
        for (const QByteArray &doubtful :
             {QByteArray("{\"dossiers\": [{\"dossier\": 1, \"dossier\": 2}]}"),
              QByteArray("{\"dossiers\": [], \"dossiers\": []}"),
              QByteArray("{\"dossi\\u0065rs\": [{\"dossier\": 1}]}"),
              QByteArray("{\"dossiers\": [{\"dossi\\u0065r\": 1}]}"), QByteArray("{\"other\": []}"),
              QByteArray("[{\"dossiers\": []}]")}) {
            QVERIFY2(sync::rawMembers(doubtful, QLatin1StringView("dossiers"),
                                      QLatin1StringView("dossier"))
                         .isEmpty(),
                     doubtful.constData());
        }
    }

    void snapshotPageReadsEveryDossier()
    {
        const QList<QUuid> ids{uuid('1'), uuid('2'), uuid('3')};
        const QString last = ids.last().toString(QUuid::WithoutBraces);
        const QByteArray body = page(ids, true, last);
        QString envelope;
        auto p = sync::parseSnapshotPage(body, [&](qint64 seq, const QString &next, bool more) {
            envelope = QStringLiteral("%1 %2 %3").arg(seq).arg(next).arg(more);
        });
        QVERIFY2(p, qPrintable(p ? QString() : p.error().message));
        QCOMPARE(envelope, QStringLiteral("40 %1 1").arg(last));
        QCOMPARE(p->seq, 40);
        QCOMPARE(p->dossiers.size(), 3);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const sync::SnapshotDossier &d = p->dossiers.at(i);
            QCOMPARE(d.dossier.id, ids.at(i));
            QCOMPARE(d.seq, i + 1);
            // The text as sent (indented here), which reads back as the same dossier.
            QVERIFY(d.json.contains('\n'));
            QCOMPARE(QJsonDocument::fromJson(d.json).object(), dossierJson(ids.at(i)));
        }
    }

    void changesPageKeepsTheDossierText()
    {
        domain::Action receive = domain::demo::exampleReceive();
        receive.dossierId = uuid('4');
        const QJsonObject change{{QStringLiteral("action"), domain::toJson(receive)},
                                 {QStringLiteral("dossier"), dossierJson(uuid('4'))},
                                 {QStringLiteral("seq"), 7}};
        const QByteArray body
            = QJsonDocument(QJsonObject{{QStringLiteral("changes"), QJsonArray{change}},
                                        {QStringLiteral("more"), false},
                                        {QStringLiteral("nextAfter"), 7}})
                  .toJson(QJsonDocument::Indented);
        auto page = sync::parseChangesPage(body);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
        QCOMPARE(page->changes.size(), 1);
        const sync::Change &c = page->changes.first();
        QCOMPARE(c.dossier.id, uuid('4'));
        QVERIFY(c.dossierJson.contains('\n')); // as sent
        QCOMPARE(QJsonDocument::fromJson(c.dossierJson).object(), dossierJson(uuid('4')));
    }

    void contradictoryPagesAreBadAnswers()
    {
        const QString next = uuid('3').toString(QUuid::WithoutBraces);
        for (const QByteArray &body : {
                 page({uuid('2'), uuid('1')}, false, QString()), // out of order
                 page({uuid('1'), uuid('1')}, false, QString()), // twice
                 page({uuid('1'), uuid('2')}, true, QString()),  // more, but from where?
                 page({uuid('1'), uuid('2')}, true, next),       // next is not the last
                 QByteArray("{\"dossiers\": [{\"seq\": 1}], \"more\": false, \"seq\": 1}"),
                 QByteArray("{\"dossiers\": [{\"dossier\": {}, \"seq\": 1}], \"more\": false, "
                            "\"seq\": 1}"),
                 QByteArray("{\"dossiers\": [], \"more\": false}"), // no seq
                 QByteArray("{\"dossiers\": [], \"more\": false, \"seq\": 1, \"extra\": 2}"),
                 QByteArray("{\"dossiers\": ["),
             }) {
            auto p = sync::parseSnapshotPage(body);
            QVERIFY2(!p, body.left(200).constData());
            QCOMPARE(p.error().code, QStringLiteral("sync.bad_answer"));
            QVERIFY(!p.error().message.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncParse)
#include "test_sync_parse.moc"
