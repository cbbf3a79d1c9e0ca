#pragma once

// A gzip stream (RFC 1952) spliced from pieces compressed ahead of time, so that a page of the
// sync feed is served compressed without compressing anything while it is served.
//
// A piece is the raw DEFLATE of one text, flushed to a byte boundary and never final, after a
// 12-byte header (little-endian): the text's CRC-32, its length and zlib's operator that shifts a
// CRC-32 by that length (crc32_combine_gen). Pieces are independent (each was
// compressed on its own), so any sequence of them, with plain text between them in stored blocks
// and a final empty block, is one valid DEFLATE stream; the CRC-32 of the whole text is combined
// from the pieces' without reading their text again.
#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace motcua::server::gzip {

// The piece of `text` (DEFLATE level 6).
QByteArray piece(QByteArrayView text);

// `text` as one gzip stream, compressed now (level 1: for answers made once, like a first sync's
// pages, where the bytes on a slow link cost more than the milliseconds here). Empty on failure.
QByteArray compress(QByteArrayView text);

// Does a piece have its header and a body? (Its DEFLATE data is checked by the reader: the
// gzip trailer's CRC-32 and length.)
bool isPiece(QByteArrayView piece);

// Does an Accept-Encoding header value accept gzip (listed with a q above zero, or "*" when gzip
// is not listed)?
bool accepted(QByteArrayView acceptEncoding);

class Splice
{
public:
    explicit Splice(qsizetype reserve = 0);

    // Plain text, sent in stored blocks.
    void text(QByteArrayView text);
    // A piece (isPiece()), sent as it is.
    void append(QByteArrayView piece);
    // The gzip stream: the text still pending in a final stored block, then CRC-32 and length.
    QByteArray finish();

private:
    void flushText(bool final);

    QByteArray m_out;
    QByteArray m_pending;
    std::uint32_t m_crc = 0;
    std::uint64_t m_length = 0;
};

} // namespace motcua::server::gzip
