#pragma once

// Content-addressed files (scans, signed PDFs) stored in the database, so that several stateless
// server processes can share one PostgreSQL. A blob is named by the SHA-256 of its bytes (64
// lower-case hex digits) and verified against it before it becomes readable. Bytes are kept in
// rows of kBlobRowBytes under a content id; one copy per hash, whoever uploads it.
//
// Access: an agency may read a hash once one of its officers has uploaded those bytes (a grant
// per hash and agency; uploading bytes another agency already stored proves possession and adds a
// grant, nothing is stored twice), or once a dossier it shares with the holder names the file
// (shareDossierFiles). Uploads in progress are per hash and agency: nobody learns
// from them what another agency holds.
//
// Resumable uploads append chunks in order: a chunk must start exactly where the bytes received so
// far end; the last one completes the upload, the whole content is hashed, and on a mismatch the
// upload is discarded (nothing becomes readable, the client starts again).
#include "database.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <domain/entities.h>

namespace motcua::server {

inline constexpr qint64 kBlobRowBytes = 1024 * 1024;     // bytes per stored row
inline constexpr qint64 kMaxBlobChunk = 8 * 1024 * 1024; // bytes per resumable chunk
inline constexpr int kStaleUploadDays = 7; // partial uploads untouched this long are discarded

// 64 lower-case hexadecimal digits: the only form of a blob id (no path, no case variants).
bool isBlobId(const QString &text);

// What an agency may know about a hash.
struct BlobView
{
    enum class State {
        None,     // nothing it may see (absent, or another agency's)
        Partial,  // its own upload in progress
        Complete, // readable
    };
    State state = State::None;
    qint64 size = 0;     // Partial: the declared total
    qint64 received = 0; // Partial: bytes received so far (the next offset); Complete: size
    QString contentId;   // Complete: where the rows are
};

struct UploadOutcome
{
    enum class State {
        Partial,      // more chunks expected
        Complete,     // readable by the uploader's agency
        HashMismatch, // the bytes do not hash to the id: nothing kept
    };
    State state = State::Partial;
    qint64 size = 0;
    qint64 received = 0;
    bool created = false; // Complete: this request made it readable for the agency
    QString actualSha256; // HashMismatch
};

class BlobStore
{
public:
    explicit BlobStore(Database &db)
        : m_db(db)
    {}

    // A whole blob in one request (or one chunk covering it all): hashed first; a mismatch stores
    // nothing. Replaces the agency's upload in progress for this hash, if any.
    Result<UploadOutcome> putWhole(const QString &sha256, const QByteArray &data,
                                   const domain::Officer &by);

    // Bytes [start, start + data.size()) of a blob of `total` bytes. Errors:
    // blob.offset_mismatch (details.expectedOffset: where the next chunk must start) and
    // blob.size_mismatch (another total than the upload's; a chunk at offset 0 with another total
    // restarts the upload instead). A chunk for a blob the agency can already read changes
    // nothing and answers Complete.
    Result<UploadOutcome> putChunk(const QString &sha256, qint64 start, qint64 total,
                                   const QByteArray &data, const domain::Officer &by);

    Result<BlobView> view(const QString &sha256, const QString &agencyCode);

    // Up to `maxBytes` (≤ kBlobRowBytes) of the content from `offset` (within one row); an error
    // when the rows are missing (db.corrupt_row).
    Result<QByteArray> read(const QString &contentId, qint64 offset, qint64 maxBytes);

    // Discards partial uploads not touched since `before`, at most `limit` of them; answers how
    // many went.
    Result<int> purgeStaleUploads(const QDateTime &before, int limit = 20);

private:
    Database &m_db;
};

// The files of a dossier handled by two agencies (the receiving one and the competent one after a
// transfer, R06) are shared between them: for every file the dossier mentions (components, their
// signatures, results) that the acting officer's agency may read, the dossier's other agency gets
// a grant too. Called in the transaction that records an accepted action. A file the actor's
// agency cannot read is not shared: naming a hash in an action proves nothing.
Check shareDossierFiles(QSqlDatabase &c, const domain::Dossier &dossier,
                        const domain::Officer &actor, qint64 now, bool pg);

// The same in two steps, for a batch of actions written together: the grants a dossier asks for
// (a file's hash and the agency to share it with; nothing is read), then those of the whole batch
// (on PostgreSQL in one statement). Repeated grants are written once.
struct BlobGrant
{
    QString sha256;
    QString agencyCode;
};
QList<BlobGrant> dossierFileGrants(const domain::Dossier &dossier, const domain::Officer &actor);
Check grantBlobs(QSqlDatabase &c, const QList<BlobGrant> &grants, const domain::Officer &actor,
                 qint64 now, bool pg);

} // namespace motcua::server
