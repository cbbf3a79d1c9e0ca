// The REST client against the real motcua-server (SQLite and PostgreSQL): login, refresh (also on
// a 401, shared by concurrent calls), logout, push with per-action outcomes, the change feed in
// pages, code leases, catalogues, and the transport errors (unreachable, timeout, cancelled).
#include "link_proxy.h"
#include "sync_fixture.h"

#include <QTcpServer>
#include <QThread>

#include <domain/demo.h>
#include <domain/json.h>
#include <sync/api_errors.h>

using namespace motcua;
using namespace motcua::test;
using sync::ApiClient;
using sync::PushOutcome;
using sync::Session;

// Brings a call's end from another thread into the test's thread (QSignalSpy waits here).
class Relay : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void done(bool ok, const QString &code);
};

class TestSyncApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void loginRefreshLogout()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        ApiClient client(server.clientOptions());
        QSignalSpy changed(&client, &ApiClient::sessionChanged);

        auto bad = await(client.login(QStringLiteral("counter1"), QStringLiteral("wrong")));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("auth.invalid_credentials"));
        QCOMPARE(sync::httpStatusOf(bad.error()), 401);
        QVERIFY(!bad.error().message.isEmpty());
        QVERIFY(!client.hasSession());

        auto session = await(client.login(QStringLiteral("counter1"), kDemoPassword));
        QVERIFY2(session, why(session));
        QCOMPARE(session->officer.id, QStringLiteral("counter1"));
        QVERIFY(session->expiresAt > QDateTime::currentDateTimeUtc());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(client.session(), session.value());

        auto refreshed = await(client.refresh());
        QVERIFY2(refreshed, why(refreshed));
        QVERIFY(refreshed->accessToken != session->accessToken);
        QVERIFY(refreshed->refreshToken != session->refreshToken);
        QCOMPARE(changed.count(), 2);

        auto out = await(client.logout());
        QVERIFY2(out, why(out));
        QVERIFY(!client.hasSession());
        auto after = await(client.agencies());
        QVERIFY(!after);
        QCOMPARE(after.error().code, QStringLiteral("sync.not_logged_in"));
        // The revoked tokens are refused by the server too.
        ApiClient revoked(server.clientOptions());
        revoked.setSession(refreshed.value());
        QSignalSpy revokedEnded(&revoked, &ApiClient::sessionEnded);
        auto refused = await(revoked.agencies());
        QVERIFY(!refused);
        QVERIFY(sync::isSessionError(refused.error()));
        QCOMPARE(revokedEnded.count(), 1);
    }

    void replayedRefreshTokenEndsTheSession()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        QString error;
        auto client = loggedInClient(server, QStringLiteral("counter1"), &error);
        QVERIFY2(client, qPrintable(error));
        const Session first = client->session();
        auto refreshed = await(client->refresh());
        QVERIFY2(refreshed, why(refreshed));

        // The rotated-out refresh token presented again (stolen, replayed): refused, and the
        // server ends the whole session — the legitimate client must log in again too.
        ApiClient stale(server.clientOptions());
        stale.setSession(first);
        QSignalSpy ended(&stale, &ApiClient::sessionEnded);
        auto again = await(stale.refresh());
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("sync.session_expired"));
        QCOMPARE(ended.count(), 1);
        QVERIFY(!stale.hasSession());

        QSignalSpy clientEnded(client.get(), &ApiClient::sessionEnded);
        auto call = await(client->agencies());
        QVERIFY(!call);
        QCOMPARE(call.error().code, QStringLiteral("sync.session_expired"));
        QCOMPARE(clientEnded.count(), 1);
    }

    void refreshOn401SharedByConcurrentCalls()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        QString error;
        auto login = loggedInClient(server, QStringLiteral("counter1"), &error);
        QVERIFY2(login, qPrintable(error));

        // A session whose access token the server does not know (as after an expiry).
        Session session = login->session();
        session.accessToken = QStringLiteral("not-a-valid-access-token");
        ApiClient client(server.clientOptions());
        client.setSession(session);
        QSignalSpy changed(&client, &ApiClient::sessionChanged);
        auto *a = client.agencies();
        auto *b = client.procedures();
        auto *c = client.officers();
        auto agencies = await(a);
        auto procedures = await(b);
        auto officers = await(c);
        QVERIFY2(agencies, why(agencies));
        QVERIFY2(procedures, why(procedures));
        QVERIFY2(officers, why(officers));
        QCOMPARE(changed.count(), 1); // one refresh for the three calls
        QVERIFY(client.session().accessToken != session.accessToken);

        // A token about to expire is refreshed before the call.
        Session expiring = client.session();
        expiring.expiresAt = QDateTime::currentDateTimeUtc().addSecs(10);
        client.setSession(expiring);
        const qsizetype before = changed.count();
        auto workflows = await(client.workflows());
        QVERIFY2(workflows, why(workflows));
        QCOMPARE(changed.count(), before + 1);
    }

    void sharedSessionRefreshesOnceAcrossThreads()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        QString error;
        auto login = loggedInClient(server, QStringLiteral("counter1"), &error);
        QVERIFY2(login, qPrintable(error));
        Session expired = login->session();
        expired.accessToken = QStringLiteral("an-access-token-the-server-forgot");

        // The UI's client here, the sync engine's on a worker thread, one holder.
        auto holder = std::make_shared<sync::SessionHolder>();
        holder->set(expired);
        ApiClient::Options options = server.clientOptions();
        options.session = holder;
        ApiClient ui(options);
        QThread thread;
        thread.start();
        QObject anchor;
        anchor.moveToThread(&thread);
        ApiClient *engine = nullptr;
        QMetaObject::invokeMethod(
            &anchor, [&] { engine = new ApiClient(options); }, Qt::BlockingQueuedConnection);

        QSignalSpy changed(holder.get(), &sync::SessionHolder::changed);
        Relay relay;
        QSignalSpy engineDone(&relay, &Relay::done);
        QMetaObject::invokeMethod(engine, [engine, &relay] {
            auto *call = engine->agencies();
            QObject::connect(call, &sync::ApiCall::finished, &relay, [call, &relay] {
                Q_EMIT relay.done(call->result().ok(),
                                  call->result() ? QString() : call->result().error().code);
                call->deleteLater();
            });
        });
        auto fromUi = await(ui.officers());
        QVERIFY(waitForCount(engineDone, 1));
        QVERIFY2(fromUi, why(fromUi));
        QVERIFY2(engineDone.first().at(0).toBool(),
                 qPrintable(engineDone.first().at(1).toString()));
        QCOMPARE(changed.count(), 1); // one refresh for both clients
        QVERIFY(holder->session().accessToken != expired.accessToken);
        // The session is alive: no rotated-out refresh token was ever presented.
        auto again = await(ui.refresh());
        QVERIFY2(again, why(again));

        QMetaObject::invokeMethod(
            &anchor, [engine] { delete engine; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }

    void pushOutcomesAndFeed()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        QString error;
        auto client = loggedInClient(server, QStringLiteral("counter1"), &error);
        QVERIFY2(client, qPrintable(error));

        const QList<domain::Action> journey = freshJourney();
        const QList<domain::Action> mine{journey.at(0), journey.at(1)}; // receive, transfer
        auto outcomes = await(client->push(mine));
        QVERIFY2(outcomes, why(outcomes));
        QCOMPARE(outcomes->size(), 2);
        QCOMPARE(outcomes->at(0).status, PushOutcome::Status::Accepted);
        QCOMPARE(outcomes->at(0).version, 1);
        QCOMPARE(outcomes->at(1).version, 2);
        QVERIFY(outcomes->at(1).seq > outcomes->at(0).seq);

        // Re-sent (an answer lost on the way): the same answer, as duplicates.
        auto again = await(client->push(mine));
        QVERIFY(again);
        QCOMPARE(again->at(0).status, PushOutcome::Status::Duplicate);
        QCOMPARE(again->at(0).seq, outcomes->at(0).seq);

        // A stale action: rejected with the reason, as data.
        domain::Action stale = journey.at(1);
        stale.id = QUuid::createUuid();
        auto rejected = await(client->push({stale}));
        QVERIFY(rejected);
        QCOMPARE(rejected->at(0).status, PushOutcome::Status::Rejected);
        QCOMPARE(rejected->at(0).code, QStringLiteral("action.stale_version"));
        QVERIFY(rejected->at(0).message.contains(QStringLiteral("Hồ sơ")));

        // A malformed batch is one 400 naming the action.
        domain::Action broken = journey.at(2);
        broken.id = QUuid();
        auto bad = await(client->push({broken}));
        QVERIFY(!bad);
        QCOMPARE(sync::httpStatusOf(bad.error()), 400);
        QVERIFY(bad.error().field.startsWith(QStringLiteral("actions[0]")));
        QVERIFY(!sync::isTransient(bad.error()));

        // The feed, in pages of one.
        qint64 after = 0;
        QList<qint64> seqs;
        for (int guard = 0; guard < 10; ++guard) {
            auto page = await(client->changes(after, 1));
            QVERIFY2(page, why(page));
            for (const auto &c : page->changes) {
                seqs.append(c.seq);
                QCOMPARE(c.dossier.id, journey.at(0).dossierId);
                QCOMPARE(c.dossier.version, int(seqs.size()));
            }
            after = page->nextAfter;
            if (!page->more)
                break;
        }
        QCOMPARE(seqs, (QList<qint64>{outcomes->at(0).seq, outcomes->at(1).seq}));
        auto empty = await(client->changes(after));
        QVERIFY(empty);
        QVERIFY(empty->changes.isEmpty());
        QVERIFY(!empty->more);

        auto dossier = await(client->dossier(journey.at(0).dossierId));
        QVERIFY2(dossier, why(dossier));
        QCOMPARE(dossier->version, 2);
    }

    // The feed reaches a workstation gzip-compressed (QNetworkAccessManager asks for it and
    // inflates): a page of intakes crosses the link in under half its plain size and reads the
    // same as through a direct connection.
    void feedPagesCrossTheLinkCompressed()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        QString error;
        auto direct = loggedInClient(server, QStringLiteral("counter1"), &error);
        QVERIFY2(direct, qPrintable(error));
        QList<domain::Action> intakes;
        for (int i = 0; i < 20; ++i)
            intakes.append(freshReceive(centreCode(vietnamToday(), 300 + i)));
        auto outcomes = await(direct->push(intakes));
        QVERIFY2(outcomes, why(outcomes));
        for (const PushOutcome &o : *outcomes)
            QCOMPARE(o.status, PushOutcome::Status::Accepted);

        LinkProxy link(quint16(server.baseUrl().port()));
        QVERIFY(link.listen());
        ApiClient::Options options = server.clientOptions();
        QUrl url = options.baseUrl;
        url.setPort(link.port());
        options.baseUrl = url;
        ApiClient linked(options);
        auto session = await(linked.login(QStringLiteral("counter1"), kDemoPassword));
        QVERIFY2(session, why(session));
        const qint64 before = link.bytesDown();
        auto page = await(linked.changes(0, 500));
        QVERIFY2(page, why(page));
        const qint64 carried = link.bytesDown() - before;

        auto expected = await(direct->changes(0, 500));
        QVERIFY2(expected, why(expected));
        QCOMPARE(page->changes.size(), 20);
        QCOMPARE(page->changes.size(), expected->changes.size());
        QCOMPARE(page->nextAfter, expected->nextAfter);
        for (qsizetype i = 0; i < page->changes.size(); ++i) {
            QCOMPARE(page->changes.at(i).seq, expected->changes.at(i).seq);
            QCOMPARE(page->changes.at(i).action.id, intakes.at(i).id);
            QCOMPARE(domain::toJson(page->changes.at(i).dossier),
                     domain::toJson(expected->changes.at(i).dossier));
        }

        // The same page asked for uncompressed, as a client that does not accept gzip.
        Client plain(server.baseUrl().toString());
        const Reply r = plain.send("GET", QStringLiteral("/api/v1/sync/changes?after=0&limit=500"),
                                   {}, plain.login(QStringLiteral("counter1")),
                                   {{"Accept-Encoding", "identity"}});
        QCOMPARE(r.status, 200);
        QVERIFY2(carried * 2 < r.body.size(),
                 qPrintable(QStringLiteral("%1 bytes over the link for a page of %2")
                                .arg(carried)
                                .arg(r.body.size())));
    }

    void codeLeasesNeverOverlap()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        QString error;
        auto first = loggedInClient(server, QStringLiteral("counter1"), &error);
        QVERIFY2(first, qPrintable(error));
        auto a = await(first->leaseCodes(vietnamToday(), 10));
        auto b = await(first->leaseCodes(vietnamToday(), 5));
        QVERIFY2(a, why(a));
        QVERIFY2(b, why(b));
        QCOMPARE(a->agencyCode, domain::demo::kCentreCode);
        QCOMPARE(a->last - a->first, 9);
        QVERIFY(b->first > a->last);
        QCOMPARE(a->pattern, QStringLiteral("{agency}-{yyMMdd}-{seq:4}"));
        auto far = await(first->leaseCodes(vietnamToday().addDays(30), 5));
        QVERIFY(!far);
        QCOMPARE(far.error().code, QStringLiteral("codes.bad_date"));
    }

    void catalogues()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        QString error;
        auto client = loggedInClient(server, QStringLiteral("counter1"), &error);
        QVERIFY2(client, qPrintable(error));
        auto agencies = await(client->agencies());
        auto procedures = await(client->procedures());
        auto officers = await(client->officers());
        auto workflows = await(client->workflows());
        auto calendar = await(client->holidayCalendar());
        QVERIFY2(agencies, why(agencies));
        QVERIFY2(procedures, why(procedures));
        QVERIFY2(officers, why(officers));
        QVERIFY2(workflows, why(workflows));
        QVERIFY2(calendar, why(calendar));
        QVERIFY(agencies->size() >= 3);
        QVERIFY(procedures->size() >= 15);
        QVERIFY(!officers->isEmpty());
        QVERIFY(!workflows->isEmpty());
    }

    void transportErrors()
    {
        // Nothing listens: unreachable, transient. No server process needed.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        ApiClient::Options options;
        options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        options.timeoutMs = 500;
        ApiClient client(options);
        auto refused = await(client.login(QStringLiteral("counter1"), kDemoPassword));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("sync.unreachable"));
        QVERIFY(sync::isTransient(refused.error()));
        QVERIFY(sync::isUnreachable(refused.error()));

        // A server that accepts and never answers: the inactivity timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        auto timedOut = await(client.login(QStringLiteral("counter1"), kDemoPassword));
        QVERIFY(!timedOut);
        QCOMPARE(timedOut.error().code, QStringLiteral("sync.timeout"));
        QVERIFY(sync::isTransient(timedOut.error()));

        // Aborted by the caller.
        auto *call = client.login(QStringLiteral("counter1"), kDemoPassword);
        QSignalSpy finished(call, &sync::ApiCall::finished);
        call->abort();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(call->result().error().code, QStringLiteral("sync.cancelled"));
        delete call;

        // Not logged in: answered from the event loop, never inside the call.
        auto *notLogged = client.agencies();
        QVERIFY(!notLogged->isFinished());
        auto result = await(notLogged);
        QCOMPARE(result.error().code, QStringLiteral("sync.not_logged_in"));
    }

    void serverErrorsAreTransient()
    {
        const auto e = sync::httpError(503, QByteArray("<html>maintenance</html>"), "30");
        QCOMPARE(e.code, QStringLiteral("server.unavailable"));
        QCOMPARE(sync::retryAfterOf(e), 30);
        QVERIFY(sync::isTransient(e));
        const auto throttled = sync::httpError(
            429, R"({"code":"auth.throttled","message":"Thử lại sau","details":{"retryAfter":7}})");
        QCOMPARE(throttled.code, QStringLiteral("auth.throttled"));
        QCOMPARE(sync::retryAfterOf(throttled), 7);
        QVERIFY(sync::isTransient(throttled));
        QVERIFY(!sync::isTransient(sync::httpError(403, "{}")));
    }
};

QTEST_GUILESS_MAIN(TestSyncApi)
#include "test_sync_api.moc"
