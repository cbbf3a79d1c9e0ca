#include "blob_store.h"

#include "blob_rows.h"
#include "catalogue_rows.h"
#include "logging.h"
#include "pg_rows.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace motcua::server {

namespace blobrows {

Check deleteContent(QSqlDatabase &c, const QString &contentId)
{
    Sql q(c, QStringLiteral("DELETE FROM blob_chunks WHERE content_id = ?"));
    q.bind(contentId);
    return q.exec();
}

Result<std::optional<Readable>> readableBy(QSqlDatabase &c, const QString &sha256,
                                           const QString &agencyCode)
{
    Sql q(c,
          QStringLiteral("SELECT b.size, b.content_id FROM blobs b JOIN blob_grants g ON "
                         "g.sha256 = b.sha256 WHERE b.sha256 = ? AND g.agency_code = ? AND "
                         "b.complete = 1 AND b.content_id <> ''"));
    q.bind(sha256).bind(agencyCode);
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return std::optional<Readable>();
    return std::optional<Readable>(Readable{q.integer(0), q.text(1)});
}

} // namespace blobrows

namespace {

using namespace blobrows;

using domain::makeError;
using rows::now;

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

qint64 rowCount(qint64 size)
{
    return (size + kBlobRowBytes - 1) / kBlobRowBytes;
}

// Appends `data` to the content at `offset` (its current length): the last row is filled up to
// kBlobRowBytes first, then new rows follow.
Check appendRows(QSqlDatabase &c, const QString &contentId, qint64 offset, const QByteArray &data)
{
    qint64 pos = offset;
    qsizetype used = 0;
    if (pos % kBlobRowBytes != 0 && !data.isEmpty()) {
        const qint64 idx = pos / kBlobRowBytes;
        Sql last(c,
                 QStringLiteral("SELECT data FROM blob_chunks WHERE content_id = ? AND idx = ?"));
        last.bind(contentId).bind(idx);
        if (auto st = last.exec(); !st)
            return st;
        if (!last.next())
            return rows::corrupt(QStringLiteral("tệp đang tải lên"), contentId);
        QByteArray row = last.value(0).toByteArray();
        const qsizetype take = qsizetype(qMin<qint64>(kBlobRowBytes - row.size(), data.size()));
        row.append(data.constData(), take);
        Sql update(
            c, QStringLiteral("UPDATE blob_chunks SET data = ? WHERE content_id = ? AND idx = ?"));
        update.bind(row).bind(contentId).bind(idx);
        if (auto st = update.exec(); !st)
            return st;
        pos += take;
        used += take;
    }
    Sql insert(c,
               QStringLiteral("INSERT INTO blob_chunks (content_id, idx, data) VALUES (?, ?, ?)"));
    while (used < data.size()) {
        const qsizetype take = qsizetype(qMin<qint64>(kBlobRowBytes, data.size() - used));
        insert.bind(contentId).bind(pos / kBlobRowBytes).bind(data.mid(used, take));
        if (auto st = insert.exec(); !st)
            return st;
        pos += take;
        used += take;
    }
    return {};
}

// SHA-256 of the content's rows in order, as hex; empty when a row is missing or of the wrong
// length (the content is not the `size` bytes it should be).
Result<QString> hashContent(QSqlDatabase &c, const QString &contentId, qint64 size)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    Sql q(c, QStringLiteral("SELECT data FROM blob_chunks WHERE content_id = ? AND idx = ?"));
    for (qint64 idx = 0; idx < rowCount(size); ++idx) {
        q.bind(contentId).bind(idx);
        if (auto st = q.exec(); !st)
            return st.error();
        if (!q.next())
            return QString();
        const QByteArray row = q.value(0).toByteArray();
        if (row.size() != qMin(kBlobRowBytes, size - idx * kBlobRowBytes))
            return QString();
        hash.addData(row);
    }
    return QString::fromLatin1(hash.result().toHex());
}

// The stored copy of a hash, whoever uploaded it.
Result<QString> storedContent(QSqlDatabase &c, const QString &sha256)
{
    Sql q(c,
          QStringLiteral("SELECT content_id FROM blobs WHERE sha256 = ? AND complete = 1 AND "
                         "content_id <> ''"));
    q.bind(sha256);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next() ? q.text(0) : QString();
}

// Drops the agency's upload in progress for this hash, if any (locked first on PostgreSQL: a
// chunk being appended to it finishes before its rows go).
Check dropUpload(QSqlDatabase &c, const QString &sha256, const QString &agencyCode, bool pg)
{
    Sql q(c,
          pg ? QStringLiteral("SELECT content_id FROM blob_uploads WHERE sha256 = ? AND "
                              "agency_code = ? FOR UPDATE")
             : QStringLiteral(
                 "SELECT content_id FROM blob_uploads WHERE sha256 = ? AND agency_code = ?"));
    q.bind(sha256).bind(agencyCode);
    if (auto st = q.exec(); !st)
        return st;
    if (!q.next())
        return {};
    const QString contentId = q.text(0);
    if (auto st = deleteContent(c, contentId); !st)
        return st;
    Sql drop(c, QStringLiteral("DELETE FROM blob_uploads WHERE content_id = ?"));
    drop.bind(contentId);
    return drop.exec();
}

// Makes verified bytes readable for the officer's agency. `contentId` holds them; empty when they
// were not written because the hash is stored already. Answers whether the grant is new.
Result<bool> publish(QSqlDatabase &c, const QString &sha256, qint64 size, const QString &contentId,
                     const domain::Officer &by, qint64 at)
{
    if (!contentId.isEmpty()) {
        // A row left incomplete by schema version 1 is taken over; a complete one is kept (two
        // agencies finishing the same bytes at once: the second copy goes).
        Sql blob(c,
                 QStringLiteral(
                     "INSERT INTO blobs (sha256, size, media_type, received, complete, "
                     "uploaded_by, created_at, completed_at, content_id) VALUES (?, ?, "
                     "'application/octet-stream', ?, 1, ?, ?, ?, ?) ON CONFLICT (sha256) DO UPDATE "
                     "SET size = excluded.size, media_type = excluded.media_type, received = "
                     "excluded.received, complete = 1, uploaded_by = excluded.uploaded_by, "
                     "created_at = excluded.created_at, completed_at = excluded.completed_at, "
                     "content_id = excluded.content_id WHERE blobs.complete = 0"));
        blob.bind(sha256).bind(size).bind(size).bind(by.id).bind(at).bind(at).bind(contentId);
        if (auto st = blob.exec(); !st)
            return st.error();
        if (blob.numRowsAffected() == 0) {
            if (auto st = deleteContent(c, contentId); !st)
                return st.error();
        }
    }
    Sql grant(c,
              QStringLiteral("INSERT INTO blob_grants (sha256, agency_code, uploaded_by, "
                             "granted_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256, agency_code) "
                             "DO NOTHING"));
    grant.bind(sha256).bind(by.agencyCode).bind(by.id).bind(at);
    if (auto st = grant.exec(); !st)
        return st.error();
    return grant.numRowsAffected() > 0;
}

} // namespace

bool isBlobId(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return text.size() == 64 && hex.match(text).hasMatch();
}

Result<UploadOutcome> BlobStore::putWhole(const QString &sha256, const QByteArray &data,
                                          const domain::Officer &by)
{
    UploadOutcome out;
    out.size = data.size();
    const QString actual = sha256Hex(data);
    if (actual != sha256) {
        out.state = UploadOutcome::State::HashMismatch;
        out.actualSha256 = actual;
        return out;
    }
    const qint64 at = now();
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        if (auto dropped = dropUpload(c, sha256, by.agencyCode, m_db.isPostgres()); !dropped)
            return dropped;
        auto stored = storedContent(c, sha256);
        if (!stored)
            return stored.error();
        QString contentId;
        if (stored->isEmpty()) {
            contentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            if (auto written = appendRows(c, contentId, 0, data); !written)
                return written;
        }
        auto granted = publish(c, sha256, data.size(), contentId, by, at);
        if (!granted)
            return granted.error();
        out.created = granted.value();
        return {};
    });
    if (!st)
        return st.error();
    out.state = UploadOutcome::State::Complete;
    out.received = data.size();
    return out;
}

Result<UploadOutcome> BlobStore::putChunk(const QString &sha256, qint64 start, qint64 total,
                                          const QByteArray &data, const domain::Officer &by)
{
    if (start == 0) {
        // A new upload is a good moment to clear abandoned ones (a failure here is not the
        // uploader's problem).
        const auto before = QDateTime::currentDateTimeUtc().addDays(-kStaleUploadDays);
        if (auto purged = purgeStaleUploads(before); !purged)
            qCWarning(lcStorage) << "cannot purge stale blob uploads:" << purged.error().code;
    }
    const bool pg = m_db.isPostgres();
    const QString agency = by.agencyCode;
    const qint64 at = now();
    UploadOutcome out;
    out.size = total;
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        auto readable = readableBy(c, sha256, agency);
        if (!readable)
            return readable.error();
        if (readable.value()) {
            out.state = UploadOutcome::State::Complete;
            out.size = out.received = readable.value()->size;
            return {};
        }
        Sql create(c,
                   QStringLiteral("INSERT INTO blob_uploads (sha256, agency_code, content_id, "
                                  "size, received, uploaded_by, created_at, updated_at) VALUES "
                                  "(?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (sha256, agency_code) DO "
                                  "NOTHING"));
        create.bind(sha256)
            .bind(agency)
            .bind(QUuid::createUuid().toString(QUuid::WithoutBraces))
            .bind(total)
            .bind(by.id)
            .bind(at)
            .bind(at);
        if (auto done = create.exec(); !done)
            return done;
        // The upload, locked until this chunk commits (SQLite: the single writer).
        Sql upload(c,
                   pg ? QStringLiteral("SELECT content_id, size, received FROM blob_uploads WHERE "
                                       "sha256 = ? AND agency_code = ? FOR UPDATE")
                      : QStringLiteral("SELECT content_id, size, received FROM blob_uploads WHERE "
                                       "sha256 = ? AND agency_code = ?"));
        upload.bind(sha256).bind(agency);
        if (auto done = upload.exec(); !done)
            return done;
        if (!upload.next())
            return rows::corrupt(QStringLiteral("tệp đang tải lên"), sha256);
        const QString contentId = upload.text(0);
        const qint64 size = upload.integer(1);
        qint64 received = upload.integer(2);

        if (size != total) {
            if (start != 0) {
                Error e = makeError(QStringLiteral("blob.size_mismatch"),
                                    QStringLiteral("Tệp đang tải lên có kích thước %1 byte, phần "
                                                   "này lại ghi tổng %2 byte. Hãy tải lên lại từ "
                                                   "đầu (byte 0).")
                                        .arg(size)
                                        .arg(total),
                                    QStringLiteral("Content-Range"));
                e.details.insert(QStringLiteral("size"), double(size));
                e.details.insert(QStringLiteral("expectedOffset"), double(received));
                return e;
            }
            // Offset 0 with another total: the client starts over.
            if (auto done = deleteContent(c, contentId); !done)
                return done;
            received = 0;
        }
        if (start != received) {
            Error e = makeError(QStringLiteral("blob.offset_mismatch"),
                                QStringLiteral("Máy chủ đã nhận %1 byte của tệp: phần tiếp theo "
                                               "phải bắt đầu tại byte %1, không phải byte %2.")
                                    .arg(received)
                                    .arg(start),
                                QStringLiteral("Content-Range"));
            e.details.insert(QStringLiteral("expectedOffset"), double(received));
            e.details.insert(QStringLiteral("size"), double(size));
            return e;
        }
        if (auto done = appendRows(c, contentId, received, data); !done)
            return done;
        received += data.size();
        Sql progress(c,
                     QStringLiteral("UPDATE blob_uploads SET size = ?, received = ?, "
                                    "uploaded_by = ?, updated_at = ? WHERE content_id = ?"));
        progress.bind(total).bind(received).bind(by.id).bind(at).bind(contentId);
        if (auto done = progress.exec(); !done)
            return done;
        out.received = received;
        if (received < total)
            return {};

        // The last chunk: verify the whole content, then publish it or throw it away.
        auto hash = hashContent(c, contentId, total);
        if (!hash)
            return hash.error();
        Sql finished(c, QStringLiteral("DELETE FROM blob_uploads WHERE content_id = ?"));
        finished.bind(contentId);
        if (auto done = finished.exec(); !done)
            return done;
        if (hash.value() != sha256) {
            qCWarning(lcStorage).noquote()
                << "blob upload discarded: its content does not match its hash; agency" << agency;
            out.state = UploadOutcome::State::HashMismatch;
            out.actualSha256 = hash.value();
            out.received = 0;
            return deleteContent(c, contentId);
        }
        auto granted = publish(c, sha256, total, contentId, by, at);
        if (!granted)
            return granted.error();
        out.state = UploadOutcome::State::Complete;
        out.created = granted.value();
        return {};
    });
    if (!st)
        return st.error();
    return out;
}

QList<BlobGrant> dossierFileGrants(const domain::Dossier &dossier, const domain::Officer &actor)
{
    QStringList partners;
    for (const QString &agency : {dossier.agencyCode, dossier.handlingAgencyCode}) {
        if (!agency.isEmpty() && agency != actor.agencyCode && !partners.contains(agency))
            partners << agency;
    }
    QList<BlobGrant> grants;
    if (partners.isEmpty())
        return grants;
    QStringList hashes;
    const auto add = [&hashes](const QString &sha256) {
        if (isBlobId(sha256) && !hashes.contains(sha256))
            hashes.append(sha256);
    };
    for (const domain::Component &component : dossier.components) {
        for (const domain::FileRef &file : component.files)
            add(file.sha256);
        for (const domain::SignatureRecord &signature : component.signatures)
            add(signature.fileSha256);
    }
    for (const domain::FileRef &file : dossier.results)
        add(file.sha256);
    for (const domain::SignatureRecord &signature : dossier.resultSignatures)
        add(signature.fileSha256);
    for (const QString &sha256 : std::as_const(hashes)) {
        for (const QString &partner : std::as_const(partners))
            grants.append(BlobGrant{sha256, partner});
    }
    return grants;
}

Check shareDossierFiles(QSqlDatabase &c, const domain::Dossier &dossier,
                        const domain::Officer &actor, qint64 now, bool pg)
{
    return grantBlobs(c, dossierFileGrants(dossier, actor), actor, now, pg);
}

Check grantBlobs(QSqlDatabase &c, const QList<BlobGrant> &grants, const domain::Officer &actor,
                 qint64 now, bool pg)
{
    QList<BlobGrant> unique;
    QSet<std::pair<QString, QString>> seen;
    for (const BlobGrant &g : grants) {
        if (!seen.contains({g.sha256, g.agencyCode})) {
            seen.insert({g.sha256, g.agencyCode});
            unique.append(g);
        }
    }
    if (unique.isEmpty())
        return {};
    if (!pg) {
        for (const BlobGrant &g : std::as_const(unique)) {
            Sql grant(c,
                      QStringLiteral(
                          "INSERT INTO blob_grants (sha256, agency_code, uploaded_by, granted_at) "
                          "SELECT sha256, ?, ?, ? FROM blob_grants WHERE sha256 = ? AND "
                          "agency_code = ? ON CONFLICT (sha256, agency_code) DO NOTHING"));
            grant.bind(g.agencyCode).bind(actor.id).bind(now).bind(g.sha256);
            grant.bind(actor.agencyCode);
            if (auto st = grant.exec(); !st)
                return st;
        }
        return {};
    }
    QStringList hashes;
    QStringList agencies;
    for (const BlobGrant &g : std::as_const(unique)) {
        hashes.append(g.sha256);
        agencies.append(g.agencyCode);
    }
    Sql grant(
        c,
        QStringLiteral("INSERT INTO blob_grants (sha256, agency_code, uploaded_by, "
                       "granted_at) SELECT x.sha256, x.agency, ?, ? FROM "
                       "unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS x(sha256, agency) "
                       "WHERE EXISTS (SELECT 1 FROM blob_grants g WHERE g.sha256 = x.sha256 "
                       "AND g.agency_code = ?) ON CONFLICT (sha256, agency_code) DO NOTHING"));
    grant.bind(actor.id).bind(now).bind(pg::arrayLiteral(hashes)).bind(pg::arrayLiteral(agencies));
    grant.bind(actor.agencyCode);
    return grant.exec();
}

} // namespace motcua::server
