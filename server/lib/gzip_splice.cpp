#include "gzip_splice.h"

#include <QtEndian>

#include <zlib.h>

#include <algorithm>
#include <optional>

namespace motcua::server::gzip {
namespace {

constexpr qsizetype kHeader = 12; // CRC-32, length, CRC-32 shift by the length
constexpr qsizetype kStoredMax = 65535;

std::uint32_t crcOf(QByteArrayView data, std::uint32_t crc = 0)
{
    // zlib takes lengths as uInt: feed large texts in parts.
    while (!data.isEmpty()) {
        const auto part = std::min<qsizetype>(data.size(), 1 << 30);
        crc = std::uint32_t(crc32(crc, reinterpret_cast<const Bytef *>(data.data()), uInt(part)));
        data = data.sliced(part);
    }
    return crc;
}

// One stream per thread, reset for each piece: initialising one clears its tables (~256 KiB).
struct Deflater
{
    z_stream z{};
    bool ready = false;

    Deflater()
    {
        // Raw DEFLATE (negative window bits): the gzip header and trailer are the splice's.
        ready = deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~Deflater()
    {
        if (ready)
            deflateEnd(&z);
    }
    Deflater(const Deflater &) = delete;
    Deflater &operator=(const Deflater &) = delete;
};

} // namespace

QByteArray piece(QByteArrayView text)
{
    thread_local Deflater d;
    if (!d.ready || text.size() > 0x7fffffff)
        return {};
    deflateReset(&d.z);
    QByteArray out(kHeader + qsizetype(deflateBound(&d.z, uLong(text.size()))) + 16,
                   Qt::Uninitialized);
    qToLittleEndian<quint32>(crcOf(text), out.data());
    qToLittleEndian<quint32>(quint32(text.size()), out.data() + 4);
    // zlib's operator that appends this length to a CRC: one multiplication when spliced instead
    // of a logarithmic walk (crc32_combine) for each piece of each page.
    qToLittleEndian<quint32>(quint32(crc32_combine_gen(z_off_t(text.size()))), out.data() + 8);
    d.z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.data()));
    d.z.avail_in = uInt(text.size());
    qsizetype used = kHeader;
    // Z_SYNC_FLUSH: everything out, ending on a byte boundary (an empty stored block), not final.
    for (;;) {
        d.z.next_out = reinterpret_cast<Bytef *>(out.data() + used);
        d.z.avail_out = uInt(out.size() - used);
        const int rc = deflate(&d.z, Z_SYNC_FLUSH);
        used = out.size() - qsizetype(d.z.avail_out);
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return {};
        if (d.z.avail_out != 0)
            break;
        out.resize(out.size() * 2);
    }
    out.truncate(used);
    return out;
}

QByteArray compress(QByteArrayView text)
{
    z_stream z{};
    // 15 + 16: a gzip header and trailer around the DEFLATE data.
    if (text.size() > 0x7fffffff
        || deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(text.size()))) + 32, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.data()));
    z.avail_in = uInt(text.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    const qsizetype used = out.size() - qsizetype(z.avail_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return {};
    out.truncate(used);
    return out;
}

bool isPiece(QByteArrayView piece)
{
    return piece.size() > kHeader;
}

// The items of a comma- or semicolon-separated list, trimmed.
template<typename F>
void forEachItem(QByteArrayView list, char separator, F &&f)
{
    while (true) {
        const qsizetype at = list.indexOf(separator);
        f(list.first(at < 0 ? list.size() : at).trimmed());
        if (at < 0)
            return;
        list = list.sliced(at + 1);
    }
}

bool accepted(QByteArrayView acceptEncoding)
{
    // Each item: coding *( ";" parameter ); q=0 means "not acceptable".
    std::optional<bool> gzip;
    bool star = false;
    forEachItem(acceptEncoding, ',', [&](QByteArrayView item) {
        QByteArrayView coding;
        bool zero = false;
        forEachItem(item, ';', [&](QByteArrayView part) {
            if (coding.isNull()) {
                coding = part.isEmpty() ? QByteArrayView("", 0) : part;
                return;
            }
            if (part.size() >= 2 && (part[0] == 'q' || part[0] == 'Q') && part[1] == '=') {
                bool ok = false;
                const double q = part.sliced(2).trimmed().toByteArray().toDouble(&ok);
                zero = !ok || q <= 0.0;
            }
        });
        if (coding.compare("gzip", Qt::CaseInsensitive) == 0
            || coding.compare("x-gzip", Qt::CaseInsensitive) == 0) {
            if (!gzip)
                gzip = !zero;
        } else if (coding == "*") {
            star = !zero;
        }
    });
    return gzip.value_or(star);
}

Splice::Splice(qsizetype reserve)
{
    m_out.reserve(reserve + 64);
    // ID1 ID2, CM = deflate, no flags, no time, no extra flags, OS unknown.
    static const char header[] = {'\x1f', '\x8b', '\x08', 0, 0, 0, 0, 0, 0, '\xff'};
    m_out.append(header, sizeof header);
}

void Splice::text(QByteArrayView text)
{
    m_pending.append(text);
}

void Splice::append(QByteArrayView piece)
{
    flushText(false);
    const auto crc = qFromLittleEndian<quint32>(piece.data());
    const auto length = qFromLittleEndian<quint32>(piece.data() + 4);
    const auto shift = qFromLittleEndian<quint32>(piece.data() + 8);
    m_crc = std::uint32_t(crc32_combine_op(m_crc, crc, shift));
    m_length += length;
    m_out.append(piece.sliced(kHeader));
}

QByteArray Splice::finish()
{
    flushText(true);
    char trailer[8];
    qToLittleEndian<quint32>(m_crc, trailer);
    qToLittleEndian<quint32>(quint32(m_length & 0xffffffffu), trailer + 4);
    m_out.append(trailer, sizeof trailer);
    return std::move(m_out);
}

// Stored blocks (RFC 1951 3.2.4): a header byte (BFINAL, BTYPE 00) at a byte boundary, LEN and its
// complement, the bytes. A final flush with no text left is an empty final block.
void Splice::flushText(bool final)
{
    QByteArrayView rest(m_pending);
    if (rest.isEmpty() && !final)
        return;
    m_crc = crcOf(rest, m_crc);
    m_length += std::uint64_t(rest.size());
    do {
        const auto n = std::min(rest.size(), kStoredMax);
        const bool last = final && n == rest.size();
        char block[5];
        block[0] = last ? 1 : 0;
        qToLittleEndian<quint16>(quint16(n), block + 1);
        qToLittleEndian<quint16>(quint16(~quint16(n)), block + 3);
        m_out.append(block, sizeof block);
        m_out.append(rest.first(n));
        rest = rest.sliced(n);
    } while (!rest.isEmpty());
    m_pending.clear();
}

} // namespace motcua::server::gzip
