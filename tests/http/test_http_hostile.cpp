// Hostile and broken input against the real server: malformed JSON, wrong types, unknown fields
// (400 naming the field), a body over the limit (413), SQL metacharacters (stored verbatim), path
// tricks and raw protocol abuse. After each, the server still answers /health.
#include "http_fixture.h"

#include <QEventLoop>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <domain/demo.h>
#include <domain/json.h>

#include <memory>
#include <optional>
#include <vector>

using namespace motcua;
using namespace motcua::test;

namespace {

const QString kLogin = QStringLiteral("/api/v1/auth/login");
const QString kPush = QStringLiteral("/api/v1/sync/push");

// Takes the first whole answer off `buffer` (headers and Content-Length bytes of body, none for
// the answer to a HEAD): its head, lower-cased; nothing while it is incomplete.
std::optional<QByteArray> takeAnswer(QByteArray &buffer, bool toHead = false)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QByteArray head = buffer.left(end).toLower();
    const qsizetype at = head.indexOf("content-length:");
    const qsizetype lineEnd = at < 0 ? -1 : head.indexOf("\r\n", at);
    const qsizetype length = at < 0 || toHead
        ? 0
        : head.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toLongLong();
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    buffer.remove(0, end + 4 + length);
    return head;
}

// One client thread's share of a burst: 16 connections each sending the next GET /health as soon
// as the previous answer is in, until `requests` answers have come (or something went wrong).
struct Burst
{
    int requests = 25000;
    int answered = 0;
    QStringList problems;

    void run(quint16 port)
    {
        constexpr int kConnections = 16;
        const QByteArray request = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        int sent = 0;
        QEventLoop loop;
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        std::vector<QByteArray> buffers(kConnections);
        const auto finish = [&] {
            if (answered == requests || !problems.isEmpty())
                loop.quit();
        };
        for (int i = 0; i < kConnections; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = socket.get();
            QObject::connect(raw, &QTcpSocket::connected, raw, [&, raw] {
                raw->write(request);
                ++sent;
            });
            QObject::connect(raw, &QTcpSocket::readyRead, raw, [&, raw, i] {
                QByteArray &buffer = buffers[size_t(i)];
                buffer += raw->readAll();
                for (;;) {
                    const auto head = takeAnswer(buffer);
                    if (!head)
                        break;
                    if (!head->startsWith("http/1.1 200"))
                        problems.append(QString::fromLatin1(head->left(40)));
                    ++answered;
                    if (sent < requests) {
                        raw->write(request);
                        ++sent;
                    }
                }
                finish();
            });
            QObject::connect(raw, &QTcpSocket::errorOccurred, raw, [&, raw] {
                problems.append(raw->errorString());
                finish();
            });
            raw->connectToHost(QHostAddress::LocalHost, port);
            sockets.push_back(std::move(socket));
        }
        QTimer::singleShot(240000, &loop, [&] {
            problems.append(
                QStringLiteral("%1 of %2 answers after 4 minutes").arg(answered).arg(requests));
            loop.quit();
        });
        loop.exec();
    }
};

} // namespace

class TestHttpHostile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void malformedJsonWrongTypesUnknownFields()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const auto send
            = [&](const QString &path, const QByteArray &body, const QString &token = {}) {
                  return c.send("POST", path, body, token, {{"Content-Type", "application/json"}});
              };

        struct Bad
        {
            QByteArray body;
            QString code;
            QString field;
        };
        const QList<Bad> bad{
            {"{\"username\": \"a\", ", QStringLiteral("json.malformed"), {}},
            {"[1, 2, 3]", QStringLiteral("json.not_object"), {}},
            {"", QStringLiteral("json.malformed"), {}},
            {"\xff\xfe{}", QStringLiteral("json.malformed"), {}},
            {"{\"username\": 5, \"password\": \"x\"}", QStringLiteral("json.wrong_type"),
             QStringLiteral("username")},
            {"{\"username\": \"a\", \"password\": [\"x\"]}", QStringLiteral("json.wrong_type"),
             QStringLiteral("password")},
            {"{\"username\": \"a\", \"password\": \"b\", \"admin\": true}",
             QStringLiteral("json.unknown_field"), QStringLiteral("admin")},
            {"{\"password\": \"b\"}", QStringLiteral("json.missing_field"),
             QStringLiteral("username")},
        };
        for (const Bad &b : bad) {
            const Reply r = send(kLogin, b.body);
            QVERIFY2(r.status == 400,
                     qPrintable(QString::fromUtf8(b.body) + QStringLiteral(" → ") + r.describe()));
            QCOMPARE(r.code(), b.code);
            if (!b.field.isEmpty())
                QCOMPARE(r.field(), b.field);
            QVERIFY(!r.json.value(QStringLiteral("message")).toString().isEmpty());
            QVERIFY(r.json.value(QStringLiteral("details")).isObject());
        }

        // A malformed action makes the whole push 400, naming it by index.
        const QString token = c.login(QStringLiteral("counter1"));
        QJsonObject good = domain::toJson(domain::demo::exampleReceive());
        QJsonObject badPayload = good;
        badPayload.insert(QStringLiteral("payload"), QStringLiteral("not an object"));
        QJsonObject badType = good;
        badType.insert(QStringLiteral("deviceSeq"), QStringLiteral("7"));
        QJsonObject unknown = good;
        unknown.insert(QStringLiteral("serverSeq"), 1);
        struct BadAction
        {
            QJsonObject action;
            QString field;
        };
        for (const BadAction &b : {BadAction{badPayload, QStringLiteral("actions[3].payload")},
                                   BadAction{badType, QStringLiteral("actions[3].deviceSeq")},
                                   BadAction{unknown, QStringLiteral("actions[3].serverSeq")}}) {
            const QJsonArray actions{good, good, good, b.action};
            const Reply r = c.post(kPush, {{QStringLiteral("actions"), actions}}, token);
            QVERIFY2(r.status == 400, qPrintable(r.describe()));
            QCOMPARE(r.field(), b.field);
            QVERIFY(r.json.value(QStringLiteral("message"))
                        .toString()
                        .contains(QStringLiteral("actions[3]")));
        }
        // Nothing of a refused batch was applied.
        const Reply changes = c.get(QStringLiteral("/api/v1/sync/changes"), token);
        QCOMPARE(changes.json.value(QStringLiteral("changes")).toArray().size(), 0);
        const Reply notArray
            = c.post(kPush, {{QStringLiteral("actions"), QStringLiteral("x")}}, token);
        QCOMPARE(notArray.status, 400);
        QCOMPARE(notArray.field(), QStringLiteral("actions"));
        const Reply notObject = c.post(kPush, {{QStringLiteral("actions"), QJsonArray{1}}}, token);
        QCOMPARE(notObject.status, 400);
        QCOMPARE(notObject.field(), QStringLiteral("actions[0]"));
        QJsonArray tooMany;
        for (int i = 0; i < 501; ++i)
            tooMany.append(good);
        const Reply big = c.post(kPush, {{QStringLiteral("actions"), tooMany}}, token);
        QCOMPARE(big.status, 400);
        QCOMPARE(big.code(), QStringLiteral("sync.batch_too_large"));

        // Query parameters are checked too.
        const Reply badLimit = c.get(QStringLiteral("/api/v1/sync/changes?limit=100000"), token);
        QCOMPARE(badLimit.status, 400);
        QCOMPARE(badLimit.field(), QStringLiteral("limit"));
        QCOMPARE(c.get(QStringLiteral("/api/v1/sync/changes?after=-1"), token).status, 400);
        QCOMPARE(c.get(QStringLiteral("/api/v1/sync/changes?after=abc"), token).status, 400);
        QVERIFY(s.healthy());
    }

    void bodyOverTheLimit()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        const QByteArray huge(17 * 1024 * 1024, 'a');
        const Reply r
            = s.client().send("POST", kLogin, huge, {}, {{"Content-Type", "application/json"}});
        QVERIFY2(r.status == 413, qPrintable(r.describe()));
        QCOMPARE(r.code(), QStringLiteral("http.body_too_large"));
        QVERIFY(s.healthy());
        // A smaller configured limit applies.
        TestServer small;
        QVERIFY2(small.start(backend, {QStringLiteral("--body-limit"), QStringLiteral("64k")}),
                 qPrintable(small.error()));
        QCOMPARE(small.client()
                     .send("POST", kLogin, QByteArray(70 * 1024, ' '), {},
                           {{"Content-Type", "application/json"}})
                     .status,
                 413);
        QVERIFY(small.healthy());
    }

    void sqlMetacharactersAreJustData()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        QVERIFY(!admin.isEmpty());
        for (const QString &path :
             {QStringLiteral("/api/v1/agencies/'%3B%20DROP%20TABLE%20agencies%3B--"),
              QStringLiteral("/api/v1/procedures/1'%20OR%20'1'%3D'1"),
              QStringLiteral("/api/v1/officers/x%22%3B%20DELETE%20FROM%20officers%3B--"),
              QStringLiteral(
                  "/api/v1/workflows/%25'%20UNION%20SELECT%20password_hash%20FROM%20officers--"),
              QStringLiteral("/api/v1/public/dossiers/'%20OR%201%3D1--")}) {
            const Reply r = c.get(path, admin);
            QVERIFY2(r.status == 404, qPrintable(path + QStringLiteral(" → ") + r.describe()));
            QVERIFY(!r.body.contains("argon2"));
        }
        QCOMPARE(c.get(QStringLiteral("/api/v1/agencies"), admin).status, 200);

        // Stored and given back verbatim.
        const QString evil = QStringLiteral("Robert'); DROP TABLE officers;-- \"%_\\ Nguyễn");
        Reply officer = c.get(QStringLiteral("/api/v1/officers/counter1"), admin);
        QVERIFY2(officer.status == 200, qPrintable(officer.describe()));
        QJsonObject body = officer.json;
        body.insert(QStringLiteral("fullName"), evil);
        body.insert(QStringLiteral("title"), QStringLiteral("' OR '1'='1"));
        const Reply put = c.put(QStringLiteral("/api/v1/officers/counter1"), body, admin);
        QVERIFY2(put.status == 200, qPrintable(put.describe()));
        const Reply back = c.get(QStringLiteral("/api/v1/officers/counter1"), admin);
        QCOMPARE(back.json.value(QStringLiteral("fullName")).toString(), evil);
        QCOMPARE(back.json.value(QStringLiteral("title")).toString(),
                 QStringLiteral("' OR '1'='1"));
        QCOMPARE(c.get(QStringLiteral("/api/v1/officers"), admin).status, 200);
        // A login with SQL in the username is just a wrong login.
        const Reply login = c.post(kLogin,
                                   {{QStringLiteral("username"), QStringLiteral("' OR 1=1 --")},
                                    {QStringLiteral("password"), QStringLiteral("' OR 1=1 --")}});
        QCOMPARE(login.status, 401);
        QVERIFY(s.healthy());
    }

    void internalErrorsLeakNothing()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        const QString token = s.client().login(QStringLiteral("counter1"));
        QCOMPARE(s.client().get(QStringLiteral("/api/v1/procedures"), token).status, 200);
        // Break the database under the running server.
        QString error;
        QVERIFY2(s.db().exec(QStringLiteral("DROP TABLE procedures"), &error), qPrintable(error));
        const Reply r = s.client().get(QStringLiteral("/api/v1/procedures"), token);
        QCOMPARE(r.status, 500);
        QCOMPARE(r.code(), QStringLiteral("server.internal"));
        QVERIFY(!r.json.value(QStringLiteral("message")).toString().isEmpty());
        for (const char *leak : {"procedures", "SELECT", "table", "relation", "sql", "SQL", ".cpp"})
            QVERIFY2(!r.body.contains(leak), leak);
        QCOMPARE(r.json.value(QStringLiteral("details")).toObject(), QJsonObject());
        QVERIFY(s.healthy());
    }

    // Many connections on two client threads asking as fast as the server answers: every answer
    // comes, and the server lives on. (Under such a load Qt 6.4 ran the continuation that wrote
    // an answer a second time and the server died within 20,000 answers: pool_job.h.)
    void keepsServingABurstOnManyConnections()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        constexpr int kThreads = 2;
        constexpr int kRequestsPerThread = 25000;
        std::vector<Burst> bursts(kThreads);
        std::vector<std::unique_ptr<QThread>> threads;
        const quint16 port = s.process().port();
        // The main thread keeps its event loop running meanwhile: it reads the server's log
        // (a full pipe would stop the server).
        QEventLoop loop;
        int finished = 0;
        for (Burst &burst : bursts) {
            threads.emplace_back(QThread::create([&burst, port] { burst.run(port); }));
            QObject::connect(threads.back().get(), &QThread::finished, &loop, [&] {
                if (++finished == kThreads)
                    loop.quit();
            });
            threads.back()->start();
        }
        loop.exec();
        for (auto &thread : threads)
            thread->wait();
        for (const Burst &burst : bursts) {
            QVERIFY2(burst.problems.isEmpty(),
                     qPrintable(burst.problems.mid(0, 5).join(QLatin1String("; "))));
            QCOMPARE(burst.answered, kRequestsPerThread);
        }
        QVERIFY(s.healthy());
    }

    // Requests sent one after the other on a connection without waiting (HTTP/1.1 pipelining)
    // are answered in that order, whichever is quicker to answer: a wrong password (checked with
    // Argon2id, tens of ms), the health check, a path no route has, a HEAD, the health check.
    void pipelinedRequestsAreAnsweredInOrder()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        const QByteArray login = "{\"username\":\"counter1\",\"password\":\"not-the-password-1\"}";
        const QByteArray requests
            = "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
              "application/json\r\nContent-Length: "
            + QByteArray::number(login.size()) + "\r\n\r\n" + login
            + "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              "GET /no/such/route HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              "HEAD /api/v1/nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, s.process().port());
        QVERIFY(socket.waitForConnected(10000));
        socket.write(requests);
        QByteArray buffer;
        QList<QByteArray> statusLines;
        QDeadlineTimer deadline(60000);
        while (statusLines.size() < 5 && !deadline.hasExpired()) {
            if (!socket.waitForReadyRead(int(std::max<qint64>(deadline.remainingTime(), 1))))
                break;
            buffer += socket.readAll();
            for (;;) {
                // The fourth answers a HEAD: a Content-Length and no body.
                const auto head = takeAnswer(buffer, statusLines.size() == 3);
                if (!head)
                    break;
                statusLines.append(head->left(head->indexOf("\r\n")));
            }
        }
        QCOMPARE(statusLines,
                 (QList<QByteArray>{"http/1.1 401 unauthorized", "http/1.1 200 ok",
                                    "http/1.1 404 not found", "http/1.1 404 not found",
                                    "http/1.1 200 ok"}));
        QVERIFY(s.healthy());
    }

    void pathTricksAndRawRequests()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        const quint16 port = s.process().port();
        const auto get = [&](const QByteArray &target) {
            return rawRequest(port,
                              "GET " + target
                                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        };
        for (const QByteArray &target :
             {QByteArrayLiteral("/api/v1/../../etc/passwd"),
              QByteArrayLiteral("/api/v1/agencies/..%2F..%2Fetc%2Fpasswd"),
              QByteArrayLiteral("/api/v1/./health"), QByteArrayLiteral("//api/v1/health"),
              QByteArrayLiteral("/api/v1/health/"), QByteArrayLiteral("/api/v1/health%00"),
              QByteArrayLiteral("/api/v1/%2e%2e/v1/health"),
              QByteArrayLiteral("/api/v1/agencies/%C0%AF%C0%AF"), QByteArrayLiteral("/nope"),
              QByteArray("/api/v1/" + QByteArray(8000, 'a'))}) {
            const Reply r = get(target);
            QVERIFY2(r.status == 404 || r.status == 400 || r.status == 401,
                     qPrintable(QString::fromLatin1(target.left(80)) + QStringLiteral(" → ")
                                + r.describe()));
            if (r.status != 0 && !r.body.isEmpty())
                QVERIFY2(!r.json.isEmpty(), r.body.left(200).constData());
            QVERIFY(s.healthy());
        }
        // A missing route: JSON 404 with a Vietnamese message; a wrong method: 405 with Allow.
        const Reply missing = s.client().get(QStringLiteral("/api/v1/nothing-here"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.code(), QStringLiteral("http.not_found"));
        const Reply method = s.client().send("DELETE", QStringLiteral("/api/v1/agencies"));
        QCOMPARE(method.status, 405);
        QVERIFY(method.headers.value("allow").contains("GET"));
        const Reply options = s.client().send("OPTIONS", QStringLiteral("/api/v1/agencies"));
        QCOMPARE(options.status, 204);

        // Garbage on the wire, a truncated request (Qt 6.4 waits for the rest without a timeout:
        // nginx's client_body_timeout covers that in production), a huge request line.
        rawRequest(port, "THIS IS NOT HTTP\r\n\r\n", 1000);
        rawRequest(
            port,
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\"",
            1000);
        rawRequest(port, QByteArray(QByteArray(70000, 'G') + "\r\n\r\n"), 1000);
        QVERIFY(s.healthy());
        // Many clients that go away before the answer (the server must not touch their sockets).
        for (int i = 0; i < 20; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(socket.waitForConnected(5000));
            socket.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
            socket.flush();
            socket.abort();
        }
        QVERIFY(s.healthy()); // asked after the 20 aborted requests, answered after them
        QVERIFY(s.process().stop());
    }
};

QTEST_GUILESS_MAIN(TestHttpHostile)
#include "test_http_hostile.moc"
