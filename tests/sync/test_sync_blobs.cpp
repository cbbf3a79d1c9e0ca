// Blobs: resumable upload (the server says where its copy stops; the rest goes in chunks), download
// checked against the address, and the engine's rule that an action never reaches the server before
// the files it references. The server's blob routes (PUT/GET/HEAD /api/v1/blobs/<sha256>) are
// tested where the server has them; the rule on the client is tested on any server.
#include "desk.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>

#include <domain/demo.h>
#include <sync/api_errors.h>
#include <sync/blob_transfer.h>

using namespace motcua;
using namespace motcua::test;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Does this server have the blob routes? (A server without them answers 404 http.not_found.)
bool blobRoutes(sync::ApiClient &client)
{
    const QByteArray probe("motcua");
    auto r = await(sync::uploadBlob(client, sha256Of(probe), probe));
    return r || r.error().code.startsWith(QLatin1String("blob."));
}

// An intake whose scanned component is the blob `sha256`.
domain::Action intakeWithFile(const QString &code, const QString &sha256, qint64 size)
{
    domain::Action a = freshReceive(code);
    a.deviceTime = {};
    a.payload.insert(QStringLiteral("publicToken"), a.id.toString(QUuid::Id128));
    QJsonArray components = a.payload.value(QStringLiteral("components")).toArray();
    QJsonObject scanned = components.at(1).toObject();
    scanned.insert(
        QStringLiteral("files"),
        QJsonArray{QJsonObject{{QStringLiteral("sha256"), sha256},
                               {QStringLiteral("fileName"), QStringLiteral("cccd.pdf")},
                               {QStringLiteral("mediaType"), QStringLiteral("application/pdf")},
                               {QStringLiteral("size"), size}}});
    components.replace(1, scanned);
    a.payload.insert(QStringLiteral("components"), components);
    return a;
}

} // namespace

class TestSyncBlobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void damagedBlobHoldsBackItsActionOnly()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        Desk desk(QStringLiteral("A"), server.baseUrl().port());
        QString error;
        QVERIFY2(desk.open(&error), qPrintable(error));
        QVERIFY2(desk.startEngine(QStringLiteral("counter1"), &error), qPrintable(error));
        QVERIFY(desk.syncOnce());

        // A scan whose encrypted file is damaged on disk: it cannot be uploaded.
        const QByteArray scan = randomBytes(64 * 1024);
        auto blob = desk.cache().putBlob(scan, QStringLiteral("application/pdf"));
        QVERIFY2(blob, why(blob));
        const QString path
            = QDir(desk.profileDir())
                  .filePath(QStringLiteral("blobs/%1/%2").arg(blob->sha256.left(2), blob->sha256));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(40);
        file.write("damaged");
        file.close();

        const auto withFile = [&]() -> domain::Result<domain::Dossier> {
            domain::Result<domain::Dossier> out = domain::makeError(QStringLiteral("none"), {});
            auto st = desk.cache().transaction([&]() -> domain::Check {
                auto code = desk.cache().takeNextCode(domain::demo::kCentreCode, vietnamToday());
                if (!code)
                    return code.error();
                out = desk.record(intakeWithFile(code->code, blob->sha256, scan.size()));
                return out ? domain::Check() : domain::Check(out.error());
            });
            return st ? out : domain::Result<domain::Dossier>(st.error());
        };
        auto held = withFile();
        QVERIFY2(held, why(held));
        auto free = desk.receive();
        QVERIFY2(free, why(free));

        QSignalSpy stuck(&desk.engine(), &sync::SyncEngine::stuck);
        for (int i = 0; i < desk.engine().options().stuckThreshold; ++i)
            QVERIFY(desk.syncOnce());
        // The other intake went through; the one with the damaged scan waits, exposed as stuck.
        QCOMPARE(desk.cache().pendingCount().value(), 1);
        QCOMPARE(desk.cache().pendingActions().value().first().action.dossierId, held->id);
        QCOMPARE(desk.cache().confirmedDossier(free->id).value()->version, 1);
        QVERIFY(!desk.cache().confirmedDossier(held->id).value().has_value());
        QCOMPARE(stuck.count(), 1);
        const auto item = stuck.first().first().value<sync::StuckItem>();
        QCOMPARE(item.key, QStringLiteral("blob:") + blob->sha256);
        QCOMPARE(item.error.code, QStringLiteral("blob.corrupt"));
    }

    void blobGoesUpBeforeItsAction()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        QString error;
        auto probe = loggedInClient(server, QStringLiteral("counter1"), &error);
        QVERIFY2(probe, qPrintable(error));
        if (!blobRoutes(*probe))
            QSKIP("this motcua-server has no blob routes yet (PUT /api/v1/blobs/<sha256>)");
        Desk desk(QStringLiteral("A"), server.baseUrl().port());
        QVERIFY2(desk.open(&error), qPrintable(error));
        QVERIFY2(desk.startEngine(QStringLiteral("counter1"), &error), qPrintable(error));
        QVERIFY(desk.syncOnce());

        const QByteArray scan = randomBytes(3 * 1024 * 1024 + 7);
        auto blob = desk.cache().putBlob(scan, QStringLiteral("application/pdf"));
        QVERIFY2(blob, why(blob));
        auto code = desk.cache().takeNextCode(domain::demo::kCentreCode, vietnamToday());
        QVERIFY2(code, why(code));
        auto d = desk.record(intakeWithFile(code->code, blob->sha256, scan.size()));
        QVERIFY2(d, why(d));
        QSignalSpy phases(&desk.engine(), &sync::SyncEngine::phaseChanged);
        QVERIFY(desk.syncOnce());
        QList<sync::SyncEngine::Phase> seen;
        for (const auto &p : phases)
            seen.append(p.at(0).value<sync::SyncEngine::Phase>());
        QVERIFY(seen.indexOf(sync::SyncEngine::Phase::Blobs) >= 0);
        QVERIFY(seen.indexOf(sync::SyncEngine::Phase::Blobs)
                < seen.indexOf(sync::SyncEngine::Phase::Pushing));
        QCOMPARE(desk.cache().pendingCount().value(), 0);
        QCOMPARE(desk.cache().confirmedDossier(d->id).value()->version, 1);
        QVERIFY(desk.cache().blobsToUpload().value().isEmpty());
        auto state = await(sync::queryBlob(*probe, blob->sha256));
        QVERIFY2(state, why(state));
        QVERIFY(state->complete);
        QCOMPARE(state->size, qint64(scan.size()));
        auto back = await(sync::downloadBlob(*probe, blob->sha256));
        QVERIFY2(back, why(back));
        QVERIFY(back.value() == scan);
    }

    void uploadResumesAndDownloadIsVerified()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        QString error;
        auto client = loggedInClient(server, QStringLiteral("counter1"), &error);
        QVERIFY2(client, qPrintable(error));

        // Refused on the client before any byte is sent: the bytes are not the address's.
        auto wrong = await(sync::uploadBlob(*client, QString(64, QLatin1Char('a')), "x"));
        QCOMPARE(wrong.error().code, QStringLiteral("blob.hash_mismatch"));
        auto bad = await(sync::downloadBlob(*client, QStringLiteral("not-a-hash")));
        QCOMPARE(bad.error().code, QStringLiteral("blob.bad_id"));

        if (!blobRoutes(*client))
            QSKIP("this motcua-server has no blob routes yet (PUT /api/v1/blobs/<sha256>)");
        const qint64 chunk = 1024 * 1024;
        const QByteArray bytes = randomBytes(2 * chunk + 12345);
        const QString sha = sha256Of(bytes);

        // An earlier attempt sent the first chunk only.
        sync::Call<int> first(client.get());
        sync::ApiClient::Request put;
        put.method = "PUT";
        put.path = QStringLiteral("/api/v1/blobs/") + sha;
        put.contentType = "application/octet-stream";
        put.body = bytes.left(chunk);
        put.headers.append(
            {QByteArrayLiteral("Content-Range"),
             QStringLiteral("bytes 0-%1/%2").arg(chunk - 1).arg(bytes.size()).toLatin1()});
        client->send(&first, put, [&first](domain::Result<sync::ApiClient::Response> r) {
            first.finish(r ? r->status : 0);
        });
        QSignalSpy firstDone(&first, &sync::ApiCall::finished);
        QVERIFY(firstDone.wait(30000));
        QCOMPARE(first.result().value(), 202);
        auto partial = await(sync::queryBlob(*client, sha));
        QVERIFY2(partial, why(partial));
        QVERIFY(!partial->complete);
        QCOMPARE(partial->received, chunk);

        // The upload resumes where the server's copy stops.
        auto *upload = sync::uploadBlob(*client, sha, bytes, {chunk});
        QSignalSpy progress(upload, &sync::ApiCall::progress);
        auto done = await(upload);
        QVERIFY2(done, why(done));
        QVERIFY(done->complete);
        QCOMPARE(progress.count(), 2);
        QCOMPARE(progress.first().at(0).toLongLong(), 2 * chunk);
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(bytes.size()));

        auto back = await(sync::downloadBlob(*client, sha));
        QVERIFY2(back, why(back));
        QVERIFY(back.value() == bytes);
        auto missing = await(sync::downloadBlob(*client, sha256Of("nobody uploaded this")));
        QCOMPARE(missing.error().code, QStringLiteral("blob.not_found"));
    }
};

QTEST_GUILESS_MAIN(TestSyncBlobs)
#include "test_sync_blobs.moc"
