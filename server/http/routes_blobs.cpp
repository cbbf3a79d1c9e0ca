// Blobs: content-addressed files (scans, signed PDFs) uploaded before the action that references
// them. PUT stores one whole, or in resumable chunks (Content-Range: bytes START-END/TOTAL, in
// order, at most 8 MiB each); HEAD tells a client whether a blob is complete or where to resume;
// GET streams the bytes (one Range at most). Any officer may upload; an agency reads what its
// officers uploaded, and another agency's blob is answered 404 like an absent one (a hash must
// not reveal whether someone holds a document). The protocol is described in docs/openapi.yaml.
#include "routes.h"

#include <QRegularExpression>

namespace motcua::server::http {

namespace {

const QByteArray kOctets = QByteArrayLiteral("application/octet-stream");

QByteArray etagOf(const QString &sha256)
{
    return '"' + sha256.toLatin1() + '"';
}

ApiResponse badId()
{
    return badRequest(QStringLiteral("blob.bad_id"),
                      QStringLiteral("Mã tệp phải là giá trị băm SHA-256 gồm đúng 64 chữ số thập "
                                     "lục phân viết thường (0-9, a-f)."),
                      QStringLiteral("sha256"));
}

ApiResponse tooLarge(const QString &code, const QString &message, qint64 limit)
{
    return ApiResponse::error(413, code, message, {}, {{QStringLiteral("limit"), double(limit)}});
}

QString mebibytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', bytes % (1024 * 1024) ? 1 : 0);
}

struct ContentRange
{
    qint64 start = 0;
    qint64 end = 0; // inclusive
    qint64 total = 0;
};

// "bytes START-END/TOTAL" with START ≤ END < TOTAL.
std::optional<ContentRange> parseContentRange(const QByteArray &value)
{
    static const QRegularExpression re(
        QStringLiteral("^bytes ([0-9]{1,15})-([0-9]{1,15})/([0-9]{1,15})$"));
    const auto m = re.match(QString::fromLatin1(value.trimmed()));
    if (!m.hasMatch())
        return std::nullopt;
    const ContentRange r{m.captured(1).toLongLong(), m.captured(2).toLongLong(),
                         m.captured(3).toLongLong()};
    if (r.end < r.start || r.end >= r.total)
        return std::nullopt;
    return r;
}

// One range of "Range: bytes=A-B", "bytes=A-" or "bytes=-N" over `size` bytes: {start, length};
// nullopt when absent, malformed or multiple (the whole blob is sent); length 0 when it cannot
// be satisfied.
std::optional<std::pair<qint64, qint64>> parseRange(const QByteArray &value, qint64 size)
{
    static const QRegularExpression re(QStringLiteral("^bytes=([0-9]{0,15})-([0-9]{0,15})$"));
    const auto m = re.match(QString::fromLatin1(value.trimmed()));
    if (!m.hasMatch() || (m.captured(1).isEmpty() && m.captured(2).isEmpty()))
        return std::nullopt;
    if (m.captured(1).isEmpty()) { // the last N bytes
        const qint64 n = qMin(m.captured(2).toLongLong(), size);
        return std::pair{size - n, n};
    }
    const qint64 start = m.captured(1).toLongLong();
    qint64 end = m.captured(2).isEmpty() ? size - 1 : m.captured(2).toLongLong();
    if (!m.captured(2).isEmpty() && end < start)
        return std::nullopt;
    if (start >= size)
        return std::pair{start, qint64(0)};
    end = qMin(end, size - 1);
    return std::pair{start, end - start + 1};
}

ApiResponse uploadAnswer(const QString &sha256, const UploadOutcome &o)
{
    if (o.state == UploadOutcome::State::HashMismatch) {
        return ApiResponse::error(
            422, QStringLiteral("blob.hash_mismatch"),
            QStringLiteral("Nội dung tải lên không khớp với mã băm SHA-256 trên địa chỉ: tệp "
                           "không được lưu. Hãy kiểm tra tệp và tải lên lại từ đầu."),
            QStringLiteral("sha256"),
            {{QStringLiteral("expected"), sha256}, {QStringLiteral("actual"), o.actualSha256}});
    }
    const bool complete = o.state == UploadOutcome::State::Complete;
    ApiResponse r = ApiResponse::json({{QStringLiteral("sha256"), sha256},
                                       {QStringLiteral("size"), double(o.size)},
                                       {QStringLiteral("received"), double(o.received)},
                                       {QStringLiteral("complete"), complete}},
                                      complete ? (o.created ? 201 : 200) : 202);
    r.headers.append({QByteArrayLiteral("Upload-Offset"), QByteArray::number(o.received)});
    if (complete)
        r.headers.append({QByteArrayLiteral("ETag"), etagOf(sha256)});
    return r;
}

ApiResponse putBlob(ServerContext &ctx, ApiRequest &request)
{
    const QString sha256 = request.param(QStringLiteral("sha256"));
    if (!isBlobId(sha256))
        return badId();
    const qint64 limit = ctx.config.blobLimit;
    const auto overLimit = [&] {
        return tooLarge(
            QStringLiteral("blob.too_large"),
            QStringLiteral("Tệp vượt quá kích thước tối đa %1 MiB.").arg(mebibytes(limit)), limit);
    };
    const QByteArray rangeHeader = request.header(QByteArrayLiteral("Content-Range"));
    Result<UploadOutcome> outcome = UploadOutcome{};
    if (rangeHeader.isEmpty()) {
        if (request.body.size() > limit)
            return overLimit();
        outcome = ctx.blobs->putWhole(sha256, request.body, request.officer());
    } else {
        const auto range = parseContentRange(rangeHeader);
        if (!range) {
            return badRequest(QStringLiteral("blob.bad_range"),
                              QStringLiteral("Tiêu đề Content-Range phải có dạng \"bytes "
                                             "ĐẦU-CUỐI/TỔNG\" (byte đánh số từ 0, ĐẦU ≤ CUỐI < "
                                             "TỔNG)."),
                              QStringLiteral("Content-Range"));
        }
        if (range->total > limit)
            return overLimit();
        const qint64 length = range->end - range->start + 1;
        if (length != request.body.size()) {
            return badRequest(QStringLiteral("blob.bad_range"),
                              QStringLiteral("Content-Range ghi %1 byte nhưng nội dung gửi lên có "
                                             "%2 byte.")
                                  .arg(length)
                                  .arg(request.body.size()),
                              QStringLiteral("Content-Range"));
        }
        if (length > kMaxBlobChunk) {
            return tooLarge(
                QStringLiteral("blob.chunk_too_large"),
                QStringLiteral("Mỗi phần tải lên tối đa %1 MiB.").arg(mebibytes(kMaxBlobChunk)),
                kMaxBlobChunk);
        }
        outcome = range->start == 0 && length == range->total
            ? ctx.blobs->putWhole(sha256, request.body, request.officer())
            : ctx.blobs->putChunk(sha256, range->start, range->total, request.body,
                                  request.officer());
    }
    if (!outcome) {
        const domain::Error &e = outcome.error();
        if (e.code != QLatin1String("blob.offset_mismatch")
            && e.code != QLatin1String("blob.size_mismatch"))
            return ApiResponse::fromError(e);
        ApiResponse r = ApiResponse::error(409, e.code, e.message, e.field, e.details);
        const qint64 next = qint64(e.details.value(QStringLiteral("expectedOffset")).toDouble());
        r.headers.append({QByteArrayLiteral("Upload-Offset"), QByteArray::number(next)});
        return r;
    }
    return uploadAnswer(sha256, outcome.value());
}

// GET and HEAD: the same answer (HEAD gets its headers only).
ApiResponse getBlob(ServerContext &ctx, ApiRequest &request)
{
    const QString sha256 = request.param(QStringLiteral("sha256"));
    if (!isBlobId(sha256))
        return badId();
    auto view = ctx.blobs->view(sha256, request.officer().agencyCode);
    if (!view)
        return ApiResponse::fromError(view.error());
    const BlobView &blob = view.value();
    if (blob.state == BlobView::State::None) {
        return ApiResponse::error(404, QStringLiteral("blob.not_found"),
                                  QStringLiteral("Không tìm thấy tệp này."));
    }
    if (blob.state == BlobView::State::Partial) {
        ApiResponse r = ApiResponse::error(
            409, QStringLiteral("blob.incomplete"),
            QStringLiteral("Tệp mới được tải lên %1/%2 byte: hãy tải lên tiếp từ byte %1.")
                .arg(blob.received)
                .arg(blob.size),
            {},
            {{QStringLiteral("received"), double(blob.received)},
             {QStringLiteral("size"), double(blob.size)}});
        r.headers.append({QByteArrayLiteral("Upload-Offset"), QByteArray::number(blob.received)});
        r.headers.append({QByteArrayLiteral("Upload-Length"), QByteArray::number(blob.size)});
        return r;
    }

    const QByteArray etag = etagOf(sha256);
    const Headers common{{QByteArrayLiteral("ETag"), etag},
                         {QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes")},
                         {QByteArrayLiteral("Upload-Offset"), QByteArray::number(blob.size)},
                         {QByteArrayLiteral("Upload-Length"), QByteArray::number(blob.size)}};
    const QByteArray ifNoneMatch = request.header(QByteArrayLiteral("If-None-Match")).trimmed();
    if (ifNoneMatch == etag || ifNoneMatch == "*") {
        ApiResponse r = ApiResponse::noContent();
        r.status = 304;
        r.headers = common;
        return r;
    }
    qint64 start = 0;
    qint64 length = blob.size;
    int status = 200;
    Headers headers = common;
    const QByteArray ifRange = request.header(QByteArrayLiteral("If-Range")).trimmed();
    const QByteArray rangeHeader = request.header(QByteArrayLiteral("Range"));
    if (!rangeHeader.isEmpty() && (ifRange.isEmpty() || ifRange == etag)) {
        if (const auto range = parseRange(rangeHeader, blob.size)) {
            if (range->second == 0) {
                ApiResponse r = ApiResponse::error(
                    416, QStringLiteral("blob.range_not_satisfiable"),
                    QStringLiteral("Khoảng byte yêu cầu nằm ngoài tệp (tệp có %1 byte).")
                        .arg(blob.size),
                    QStringLiteral("Range"));
                r.headers = common;
                r.headers.append({QByteArrayLiteral("Content-Range"),
                                  "bytes */" + QByteArray::number(blob.size)});
                return r;
            }
            start = range->first;
            length = range->second;
            status = 206;
            headers.append({QByteArrayLiteral("Content-Range"),
                            QStringLiteral("bytes %1-%2/%3")
                                .arg(start)
                                .arg(start + length - 1)
                                .arg(blob.size)
                                .toLatin1()});
        }
    }
    auto source = std::make_shared<BodySource>();
    source->length = length;
    source->read
        = [store = ctx.blobs.get(), contentId = blob.contentId, start, length](qint64 offset) {
              const qint64 at = start + offset;
              const qint64 max = qMin(kBlobRowBytes - at % kBlobRowBytes, length - offset);
              return store->read(contentId, at, max);
          };
    ApiResponse r;
    r.status = status;
    r.contentType = kOctets;
    r.headers = headers;
    r.stream = std::move(source);
    return r;
}

} // namespace

void addBlobRoutes(RouteTable &table, ServerContext &ctx)
{
    table.add({"PUT",
               QStringLiteral("/api/v1/blobs/{sha256}"),
               Access::Officer,
               {},
               QStringLiteral("Upload a blob, whole or one resumable chunk (Content-Range)"),
               [&ctx](ApiRequest &request) { return putBlob(ctx, request); }});
    table.add({"GET",
               QStringLiteral("/api/v1/blobs/{sha256}"),
               Access::Officer,
               {},
               QStringLiteral("Download a blob of the caller's agency (Range: one range)"),
               [&ctx](ApiRequest &request) { return getBlob(ctx, request); }});
    table.add({"HEAD",
               QStringLiteral("/api/v1/blobs/{sha256}"),
               Access::Officer,
               {},
               QStringLiteral("Is a blob complete, or where does its upload resume"),
               [&ctx](ApiRequest &request) { return getBlob(ctx, request); }});
}

} // namespace motcua::server::http
