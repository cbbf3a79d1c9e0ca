// The read side of the blob store: what an agency may see of a hash, the bytes of a complete blob,
// and the clean-up of abandoned uploads.
#include "blob_rows.h"
#include "blob_store.h"
#include "catalogue_rows.h"
#include "logging.h"

namespace motcua::server {

using blobrows::deleteContent;
using blobrows::readableBy;

Result<BlobView> BlobStore::view(const QString &sha256, const QString &agencyCode)
{
    return rows::withConnection<BlobView>(m_db, [&](QSqlDatabase &c) -> Result<BlobView> {
        BlobView v;
        auto readable = readableBy(c, sha256, agencyCode);
        if (!readable)
            return readable.error();
        if (readable.value()) {
            v.state = BlobView::State::Complete;
            v.size = v.received = readable.value()->size;
            v.contentId = readable.value()->contentId;
            return v;
        }
        Sql q(c,
              QStringLiteral(
                  "SELECT size, received FROM blob_uploads WHERE sha256 = ? AND agency_code = ?"));
        q.bind(sha256).bind(agencyCode);
        if (auto st = q.exec(); !st)
            return st.error();
        if (q.next()) {
            v.state = BlobView::State::Partial;
            v.size = q.integer(0);
            v.received = q.integer(1);
        }
        return v;
    });
}

Result<QByteArray> BlobStore::read(const QString &contentId, qint64 offset, qint64 maxBytes)
{
    return rows::withConnection<QByteArray>(m_db, [&](QSqlDatabase &c) -> Result<QByteArray> {
        Sql q(c, QStringLiteral("SELECT data FROM blob_chunks WHERE content_id = ? AND idx = ?"));
        q.bind(contentId).bind(offset / kBlobRowBytes);
        if (auto st = q.exec(); !st)
            return st.error();
        const qint64 within = offset % kBlobRowBytes;
        QByteArray row = q.next() ? q.value(0).toByteArray() : QByteArray();
        if (within >= row.size())
            return rows::corrupt(QStringLiteral("tệp"), contentId);
        return row.mid(within, maxBytes);
    });
}

Result<int> BlobStore::purgeStaleUploads(const QDateTime &before, int limit)
{
    const qint64 cutoff = toDbTime(before);
    QStringList stale;
    auto listed = rows::withConnection<bool>(m_db, [&](QSqlDatabase &c) -> Result<bool> {
        Sql q(c,
              QStringLiteral("SELECT content_id FROM blob_uploads WHERE updated_at < ? ORDER BY "
                             "updated_at LIMIT ?"));
        q.bind(cutoff).bind(limit);
        if (auto st = q.exec(); !st)
            return st.error();
        while (q.next())
            stale.append(q.text(0));
        return true;
    });
    if (!listed)
        return listed.error();
    int purged = 0;
    for (const QString &contentId : std::as_const(stale)) {
        // Looked at again under the row lock: an upload resumed meanwhile stays.
        auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
            Sql drop(
                c,
                QStringLiteral("DELETE FROM blob_uploads WHERE content_id = ? AND updated_at < ?"));
            drop.bind(contentId).bind(cutoff);
            if (auto done = drop.exec(); !done)
                return done;
            if (drop.numRowsAffected() == 0)
                return {};
            ++purged;
            return deleteContent(c, contentId);
        });
        if (!st)
            return st.error();
    }
    if (purged > 0)
        qCInfo(lcStorage) << "discarded" << purged << "abandoned blob uploads";
    return purged;
}

} // namespace motcua::server
