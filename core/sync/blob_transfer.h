#pragma once

// Content-addressed blobs on the server (PUT/GET/HEAD /api/v1/blobs/<sha256>): a scan or a signed
// PDF is uploaded before the action that references it, resumably — HEAD tells where the server's
// copy stops, the rest goes in chunks (Content-Range: bytes START-END/TOTAL) — and a download is
// accepted only when its bytes hash to the address.
#include "api_client.h"

namespace motcua::sync {

struct BlobUploadOptions
{
    qint64 chunkBytes = 1024 * 1024; // at most 8 MiB on the server; smaller blobs go whole
};

// What the server holds of `sha256`: nothing, part of an upload (resume at `received`), or all.
Call<BlobState> *queryBlob(ApiClient &client, const QString &sha256);

// Uploads `bytes` (which must hash to `sha256`), resuming where the server's copy stops. Finishes
// with the complete state. Errors: blob.hash_mismatch (422: the server refused the bytes), the
// transport's (retry later: the next call resumes), blob.too_large.
Call<BlobState> *uploadBlob(ApiClient &client, const QString &sha256, const QByteArray &bytes,
                            const BlobUploadOptions &options = {});

// Downloads the blob and checks its SHA-256 while it arrives. Errors: blob.not_found,
// blob.incomplete (still being uploaded by its owner), blob.hash_mismatch (the bytes are not the
// blob's: nothing is returned), the transport's.
Call<QByteArray> *downloadBlob(ApiClient &client, const QString &sha256);

// 64 lower-case hex digits.
bool isBlobAddress(const QString &sha256);

} // namespace motcua::sync
