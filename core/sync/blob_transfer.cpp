#include "blob_transfer.h"

#include "api_errors.h"
#include "logging.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <memory>

namespace motcua::sync {

Q_LOGGING_CATEGORY(lcBlobs, "motcua.sync.blobs")

using domain::Error;
using domain::makeError;
using domain::Result;

namespace {

QString blobPath(const QString &sha256)
{
    return QStringLiteral("/api/v1/blobs/") + sha256;
}

Error badAddress(const QString &sha256)
{
    return makeError(
        QStringLiteral("blob.bad_id"),
        QStringLiteral("Mã tệp \"%1\" không phải giá trị băm SHA-256.").arg(sha256.left(80)),
        QStringLiteral("sha256"));
}

Error hashMismatch(const QString &sha256)
{
    return makeError(QStringLiteral("blob.hash_mismatch"),
                     QStringLiteral("Tệp %1… tải về không khớp mã băm SHA-256: tệp bị hỏng trên "
                                    "đường truyền hoặc trên máy chủ, không được lưu.")
                         .arg(sha256.left(12)));
}

qint64 headerNumber(const ApiClient::Response &r, const QByteArray &name, qint64 fallback = -1)
{
    bool ok = false;
    const qint64 v = r.headers.value(name).trimmed().toLongLong(&ok);
    return ok ? v : fallback;
}

template<typename T>
void finishLater(Call<T> *call, Error error)
{
    QMetaObject::invokeMethod(
        call, [call, error] { call->finish(error); }, Qt::QueuedConnection);
}

// The upload's state machine: one chunk in flight at a time.
struct Upload
{
    ApiClient *client;
    Call<BlobState> *call;
    QString sha256;
    QByteArray bytes;
    BlobUploadOptions options;
    int offsetResets = 0;

    void sendFrom(qint64 offset, const std::shared_ptr<Upload> &self)
    {
        const qint64 total = bytes.size();
        ApiClient::Request r;
        r.method = "PUT";
        r.path = blobPath(sha256);
        r.contentType = "application/octet-stream";
        const qint64 length = qMin(options.chunkBytes, total - offset);
        if (offset == 0 && length == total) {
            r.body = bytes;
        } else {
            r.body = bytes.mid(offset, length);
            r.headers.append({QByteArrayLiteral("Content-Range"),
                              QStringLiteral("bytes %1-%2/%3")
                                  .arg(offset)
                                  .arg(offset + length - 1)
                                  .arg(total)
                                  .toLatin1()});
        }
        client->send(call, r, [self, offset, length](Result<ApiClient::Response> response) {
            self->answered(offset, length, std::move(response), self);
        });
    }

    void answered(qint64 offset, qint64 length, Result<ApiClient::Response> response,
                  const std::shared_ptr<Upload> &self)
    {
        if (!response) {
            call->finish(response.error());
            return;
        }
        const auto &r = response.value();
        const qint64 total = bytes.size();
        if (r.status == 409 && offsetResets < 3) {
            // The server's copy stops elsewhere (an earlier attempt got further, or less far).
            const qint64 next = headerNumber(r, "upload-offset");
            if (next >= 0 && next <= total) {
                ++offsetResets;
                qCInfo(lcBlobs).noquote() << "resuming" << sha256.left(12) << "at" << next;
                sendFrom(next, self);
                return;
            }
        }
        if (r.status / 100 != 2) {
            call->finish(httpError(r.status, r.body, r.headers.value("retry-after")));
            return;
        }
        const qint64 received = headerNumber(r, "upload-offset", offset + length);
        Q_EMIT call->progress(received, total);
        if (r.status == 202 && received < total) {
            sendFrom(received, self);
            return;
        }
        qCInfo(lcBlobs).noquote() << "uploaded" << sha256.left(12) << total << "bytes";
        call->finish(BlobState{true, total, total});
    }
};

} // namespace

bool isBlobAddress(const QString &sha256)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(sha256).hasMatch();
}

Call<BlobState> *queryBlob(ApiClient &client, const QString &sha256)
{
    auto *call = new Call<BlobState>(&client);
    if (!isBlobAddress(sha256)) {
        finishLater(call, badAddress(sha256));
        return call;
    }
    ApiClient::Request head;
    head.method = "HEAD";
    head.path = blobPath(sha256);
    client.send(call, head, [call](Result<ApiClient::Response> response) {
        if (!response) {
            call->finish(response.error());
            return;
        }
        const auto &r = response.value();
        BlobState state;
        if (r.status == 200 || r.status == 304) {
            state.complete = true;
            state.size = headerNumber(r, "upload-length", headerNumber(r, "content-length", 0));
            state.received = state.size;
        } else if (r.status == 409) {
            state.received = qMax<qint64>(0, headerNumber(r, "upload-offset", 0));
            state.size = headerNumber(r, "upload-length", 0);
        } else if (r.status != 404) {
            call->finish(httpError(r.status, r.body, r.headers.value("retry-after")));
            return;
        }
        call->finish(state);
    });
    return call;
}

Call<BlobState> *uploadBlob(ApiClient &client, const QString &sha256, const QByteArray &bytes,
                            const BlobUploadOptions &options)
{
    auto *call = new Call<BlobState>(&client);
    if (!isBlobAddress(sha256)) {
        finishLater(call, badAddress(sha256));
        return call;
    }
    if (QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() != sha256.toLatin1()) {
        finishLater(call, hashMismatch(sha256));
        return call;
    }
    auto upload = std::make_shared<Upload>(Upload{&client, call, sha256, bytes, options});
    if (bytes.size() <= options.chunkBytes) {
        upload->sendFrom(0, upload);
        return call;
    }
    // Large: ask where the server's copy stops, then send the rest.
    auto *state = queryBlob(client, sha256);
    whenDone(state, call, [upload](const Result<BlobState> &s) {
        if (!s) {
            upload->call->finish(s.error());
        } else if (s->complete) {
            upload->call->finish(s.value());
        } else {
            const qint64 from = s->size == upload->bytes.size() ? s->received : 0;
            upload->sendFrom(from, upload);
        }
    });
    return call;
}

Call<QByteArray> *downloadBlob(ApiClient &client, const QString &sha256)
{
    auto *call = new Call<QByteArray>(&client);
    if (!isBlobAddress(sha256)) {
        finishLater(call, badAddress(sha256));
        return call;
    }
    struct Download
    {
        QCryptographicHash hash{QCryptographicHash::Sha256};
        QByteArray bytes;
    };
    auto d = std::make_shared<Download>();
    ApiClient::Request get;
    get.path = blobPath(sha256);
    get.headers.append(
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/octet-stream")});
    client.send(
        call, get,
        [call, d, sha256](Result<ApiClient::Response> response) {
            if (!response) {
                call->finish(response.error());
                return;
            }
            const auto &r = response.value();
            if (r.status / 100 != 2) {
                call->finish(httpError(r.status, r.body, r.headers.value("retry-after")));
                return;
            }
            if (d->hash.result().toHex() != sha256.toLatin1()) {
                qCWarning(lcBlobs).noquote()
                    << "download of" << sha256.left(12) << "does not match its hash; discarded";
                call->finish(hashMismatch(sha256));
                return;
            }
            call->finish(std::move(d->bytes));
        },
        [d](const QByteArray &chunk) {
            d->hash.addData(chunk);
            d->bytes.append(chunk);
            return true;
        });
    return call;
}

} // namespace motcua::sync
