#include "sanescanner.h"

#include "logging.h"

#include <QMutex>
#include <QMutexLocker>

#include <sane/sane.h>
#include <sane/saneopts.h>

#include <cmath>
#include <cstring>

namespace motcua::scan {

namespace {

QMutex &saneLock()
{
    static QMutex lock;
    return lock;
}
int g_users = 0; // SaneScanner objects alive; guarded by saneLock()

domain::Error saneError(const QString &code, const QString &message, SANE_Status status)
{
    domain::Error e = domain::makeError(code, message);
    e.details.insert(QStringLiteral("sane"), QString::fromLatin1(sane_strstatus(status)));
    return e;
}

domain::Error statusError(SANE_Status status)
{
    switch (status) {
    case SANE_STATUS_CANCELLED:
        return domain::makeError(QStringLiteral("scan.cancelled"), QStringLiteral("Đã hủy quét."));
    case SANE_STATUS_NO_DOCS:
        return saneError(QStringLiteral("scan.no_paper"),
                         QStringLiteral("Không có giấy trong khay nạp giấy của máy quét."), status);
    case SANE_STATUS_JAMMED:
        return saneError(QStringLiteral("scan.jammed"),
                         QStringLiteral("Giấy bị kẹt trong máy quét. Gỡ giấy kẹt rồi quét lại."),
                         status);
    case SANE_STATUS_COVER_OPEN:
        return saneError(QStringLiteral("scan.cover_open"), QStringLiteral("Nắp máy quét đang mở."),
                         status);
    case SANE_STATUS_DEVICE_BUSY:
        return saneError(QStringLiteral("scan.busy"),
                         QStringLiteral("Máy quét đang bận. Thử lại sau giây lát."), status);
    case SANE_STATUS_ACCESS_DENIED:
        return saneError(QStringLiteral("scan.access_denied"),
                         QStringLiteral("Không có quyền dùng máy quét này."), status);
    default:
        return saneError(QStringLiteral("scan.device_error"),
                         QStringLiteral("Máy quét báo lỗi: %1.")
                             .arg(QString::fromLatin1(sane_strstatus(status))),
                         status);
    }
}

// An open device; closed when it goes out of scope.
class Handle
{
public:
    explicit Handle(SANE_Handle h)
        : m_h(h)
    {}
    ~Handle()
    {
        if (m_h)
            sane_close(m_h);
    }
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;
    [[nodiscard]] SANE_Handle get() const { return m_h; }

    // Index and descriptor of the option called `name`, or -1.
    [[nodiscard]] std::pair<int, const SANE_Option_Descriptor *> option(const char *name) const
    {
        SANE_Int count = 0;
        if (sane_control_option(m_h, 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD)
            return {-1, nullptr};
        for (int i = 1; i < count; ++i) {
            const SANE_Option_Descriptor *d = sane_get_option_descriptor(m_h, i);
            if (d && d->name && std::strcmp(d->name, name) == 0 && SANE_OPTION_IS_ACTIVE(d->cap)
                && SANE_OPTION_IS_SETTABLE(d->cap))
                return {i, d};
        }
        return {-1, nullptr};
    }

    [[nodiscard]] QStringList stringList(const char *name) const
    {
        QStringList out;
        auto [i, d] = option(name);
        if (i < 0 || d->type != SANE_TYPE_STRING
            || d->constraint_type != SANE_CONSTRAINT_STRING_LIST)
            return out;
        for (const SANE_String_Const *s = d->constraint.string_list; *s; ++s)
            out << QString::fromUtf8(*s);
        return out;
    }

    SANE_Status setString(const char *name, const QString &value) const
    {
        auto [i, d] = option(name);
        if (i < 0)
            return SANE_STATUS_UNSUPPORTED;
        QByteArray buffer = value.toUtf8();
        buffer.resize(qMax<qsizetype>(d->size, buffer.size() + 1), '\0');
        return sane_control_option(m_h, i, SANE_ACTION_SET_VALUE, buffer.data(), nullptr);
    }

    SANE_Status setBool(const char *name, bool value) const
    {
        auto [i, d] = option(name);
        if (i < 0 || d->type != SANE_TYPE_BOOL)
            return SANE_STATUS_UNSUPPORTED;
        SANE_Bool v = value ? SANE_TRUE : SANE_FALSE;
        return sane_control_option(m_h, i, SANE_ACTION_SET_VALUE, &v, nullptr);
    }

    // Sets a numeric option (SANE_Int or SANE_Fixed), clipped to the option's range.
    SANE_Status setNumber(const char *name, double value) const
    {
        auto [i, d] = option(name);
        if (i < 0 || (d->type != SANE_TYPE_INT && d->type != SANE_TYPE_FIXED))
            return SANE_STATUS_UNSUPPORTED;
        const bool fixed = d->type == SANE_TYPE_FIXED;
        auto toDouble = [fixed](SANE_Word w) { return fixed ? SANE_UNFIX(w) : double(w); };
        if (d->constraint_type == SANE_CONSTRAINT_RANGE) {
            value = std::clamp(value, toDouble(d->constraint.range->min),
                               toDouble(d->constraint.range->max));
        } else if (d->constraint_type == SANE_CONSTRAINT_WORD_LIST) {
            const SANE_Word *list = d->constraint.word_list; // list[0] is the length
            double best = value;
            double bestDistance = -1;
            for (int k = 1; k <= list[0]; ++k) {
                const double candidate = toDouble(list[k]);
                const double distance = std::abs(candidate - value);
                if (bestDistance < 0 || distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            value = best;
        }
        SANE_Word w = fixed ? SANE_FIX(value) : SANE_Word(std::lround(value));
        return sane_control_option(m_h, i, SANE_ACTION_SET_VALUE, &w, nullptr);
    }

    [[nodiscard]] std::pair<int, int> range(const char *name) const
    {
        auto [i, d] = option(name);
        if (i < 0)
            return {0, 0};
        const bool fixed = d->type == SANE_TYPE_FIXED;
        auto toInt = [fixed](SANE_Word w) { return fixed ? int(SANE_UNFIX(w)) : int(w); };
        if (d->constraint_type == SANE_CONSTRAINT_RANGE)
            return {toInt(d->constraint.range->min), toInt(d->constraint.range->max)};
        if (d->constraint_type == SANE_CONSTRAINT_WORD_LIST && d->constraint.word_list[0] > 0) {
            const SANE_Word *list = d->constraint.word_list;
            return {toInt(list[1]), toInt(list[list[0]])};
        }
        return {0, 0};
    }

private:
    SANE_Handle m_h = nullptr;
};

bool isFeeder(const QString &source)
{
    return source.contains(QLatin1String("ADF"), Qt::CaseInsensitive)
        || source.contains(QLatin1String("Feeder"), Qt::CaseInsensitive);
}
bool isDuplexSource(const QString &source)
{
    return source.contains(QLatin1String("Duplex"), Qt::CaseInsensitive);
}

domain::Result<std::unique_ptr<Handle>> openDevice(const QString &name)
{
    SANE_Handle h = nullptr;
    const SANE_Status status = sane_open(name.toUtf8().constData(), &h);
    if (status != SANE_STATUS_GOOD) {
        qCWarning(lcScanDevice) << "sane_open failed:" << sane_strstatus(status);
        return saneError(QStringLiteral("scan.open_failed"),
                         QStringLiteral("Không mở được máy quét \"%1\". Kiểm tra máy đã bật và "
                                        "đã cắm cáp.")
                             .arg(name),
                         status);
    }
    return std::make_unique<Handle>(h);
}

domain::Check applyOptions(const Handle &h, const ScanOptions &options)
{
    const QStringList sources = h.stringList(SANE_NAME_SCAN_SOURCE);
    if (options.source == ScanSource::Feeder) {
        QString wanted;
        for (const QString &s : sources) {
            if (isFeeder(s) && isDuplexSource(s) == options.duplex) {
                wanted = s;
                break;
            }
        }
        if (wanted.isEmpty() && options.duplex) {
            for (const QString &s : sources) {
                if (isFeeder(s))
                    wanted = s;
            }
            if (!wanted.isEmpty() && h.setBool("duplex", true) != SANE_STATUS_GOOD)
                wanted.clear();
            if (wanted.isEmpty()) {
                return domain::makeError(QStringLiteral("scan.no_duplex"),
                                         QStringLiteral("Máy quét này không quét được hai mặt."));
            }
        }
        if (wanted.isEmpty() || h.setString(SANE_NAME_SCAN_SOURCE, wanted) != SANE_STATUS_GOOD) {
            return domain::makeError(
                QStringLiteral("scan.no_feeder"),
                QStringLiteral("Máy quét này không có khay nạp giấy tự động."));
        }
    } else if (!sources.isEmpty()) {
        QString flatbed;
        for (const QString &s : sources) {
            if (!isFeeder(s)) {
                flatbed = s;
                break;
            }
        }
        if (flatbed.isEmpty()) {
            return domain::makeError(QStringLiteral("scan.no_flatbed"),
                                     QStringLiteral("Máy quét này không có mặt kính phẳng; hãy "
                                                    "chọn khay nạp giấy."));
        }
        (void)h.setString(SANE_NAME_SCAN_SOURCE, flatbed);
    }

    const QStringList modes = h.stringList(SANE_NAME_SCAN_MODE);
    const char *mode = options.colourMode == ColourMode::Colour ? SANE_VALUE_SCAN_MODE_COLOR
        : options.colourMode == ColourMode::Grey                ? SANE_VALUE_SCAN_MODE_GRAY
                                                                : SANE_VALUE_SCAN_MODE_LINEART;
    if (modes.contains(QLatin1String(mode)))
        (void)h.setString(SANE_NAME_SCAN_MODE, QLatin1String(mode));
    else if (options.colourMode == ColourMode::BlackWhite && modes.contains(QLatin1String("Gray")))
        (void)h.setString(SANE_NAME_SCAN_MODE, QStringLiteral("Gray")); // thresholded later
    else if (!modes.isEmpty() && options.colourMode == ColourMode::Colour) {
        return domain::makeError(QStringLiteral("scan.no_colour"),
                                 QStringLiteral("Máy quét này không quét màu."));
    }

    (void)h.setNumber(SANE_NAME_SCAN_RESOLUTION, options.dpi);
    (void)h.setNumber(SANE_NAME_SCAN_TL_X, 0);
    (void)h.setNumber(SANE_NAME_SCAN_TL_Y, 0);
    (void)h.setNumber(SANE_NAME_SCAN_BR_X, options.widthMm);
    (void)h.setNumber(SANE_NAME_SCAN_BR_Y, options.heightMm);
    return {};
}

// One frame's bytes as an image; nullopt for a layout we do not handle.
QImage toImage(const SANE_Parameters &p, const QByteArray &data)
{
    const int bpl = p.bytes_per_line;
    if (bpl <= 0 || p.pixels_per_line <= 0)
        return {};
    const int lines = p.lines > 0 ? p.lines : int(data.size() / bpl);
    if (lines <= 0 || qsizetype(lines) * bpl > data.size())
        return {};
    const int w = p.pixels_per_line;
    const auto *src = reinterpret_cast<const uchar *>(data.constData());
    if (p.format == SANE_FRAME_GRAY) {
        QImage img(w, lines, QImage::Format_Grayscale8);
        for (int y = 0; y < lines; ++y) {
            const uchar *row = src + qsizetype(y) * bpl;
            uchar *out = img.scanLine(y);
            for (int x = 0; x < w; ++x) {
                if (p.depth == 1)
                    out[x] = (row[x / 8] & (0x80 >> (x % 8))) ? 0 : 255; // 1 is black
                else if (p.depth == 8)
                    out[x] = row[x];
                else if (p.depth == 16)
                    out[x] = uchar(reinterpret_cast<const quint16 *>(row)[x] >> 8);
            }
        }
        return p.depth == 1 || p.depth == 8 || p.depth == 16 ? img : QImage();
    }
    if (p.format == SANE_FRAME_RGB && (p.depth == 8 || p.depth == 16)) {
        QImage img(w, lines, QImage::Format_RGB888);
        for (int y = 0; y < lines; ++y) {
            const uchar *row = src + qsizetype(y) * bpl;
            uchar *out = img.scanLine(y);
            for (int x = 0; x < 3 * w; ++x) {
                out[x]
                    = p.depth == 8 ? row[x] : uchar(reinterpret_cast<const quint16 *>(row)[x] >> 8);
            }
        }
        return img;
    }
    return {};
}

} // namespace

SaneScanner::SaneScanner()
{
    QMutexLocker locker(&saneLock());
    if (g_users == 0) {
        SANE_Int version = 0;
        const SANE_Status status = sane_init(&version, nullptr);
        if (status != SANE_STATUS_GOOD) {
            qCWarning(lcScanDevice) << "sane_init failed:" << sane_strstatus(status);
            return;
        }
    }
    ++g_users;
    m_initialised = true;
}

SaneScanner::~SaneScanner()
{
    QMutexLocker locker(&saneLock());
    if (m_initialised && --g_users == 0)
        sane_exit();
}

domain::Result<QList<ScanDevice>> SaneScanner::devices()
{
    if (!m_initialised) {
        return domain::makeError(QStringLiteral("scan.unavailable"),
                                 QStringLiteral("Không khởi động được thư viện máy quét SANE."));
    }
    QMutexLocker locker(&saneLock());
    const SANE_Device **list = nullptr;
    const SANE_Status status = sane_get_devices(&list, SANE_FALSE);
    if (status != SANE_STATUS_GOOD)
        return statusError(status);
    QList<ScanDevice> out;
    for (int i = 0; list && list[i]; ++i) {
        out.append({QString::fromUtf8(list[i]->name), QString::fromUtf8(list[i]->vendor),
                    QString::fromUtf8(list[i]->model), QString::fromUtf8(list[i]->type)});
    }
    return out;
}

domain::Result<ScanCapabilities> SaneScanner::capabilities(const QString &device)
{
    if (!m_initialised)
        return devices().error();
    QMutexLocker locker(&saneLock());
    auto handle = openDevice(device);
    if (!handle)
        return handle.error();
    const Handle &h = *handle.value();
    ScanCapabilities caps;
    const QStringList sources = h.stringList(SANE_NAME_SCAN_SOURCE);
    if (!sources.isEmpty()) {
        caps.flatbed = false;
        for (const QString &s : sources) {
            caps.flatbed = caps.flatbed || !isFeeder(s);
            caps.feeder = caps.feeder || isFeeder(s);
            caps.duplex = caps.duplex || isDuplexSource(s);
        }
    }
    caps.duplex = caps.duplex || h.option("duplex").first >= 0;
    const QStringList modes = h.stringList(SANE_NAME_SCAN_MODE);
    if (modes.contains(QLatin1String(SANE_VALUE_SCAN_MODE_COLOR)))
        caps.colourModes << ColourMode::Colour;
    caps.colourModes << ColourMode::Grey << ColourMode::BlackWhite; // grey thresholded if need be
    std::tie(caps.minDpi, caps.maxDpi) = h.range(SANE_NAME_SCAN_RESOLUTION);
    return caps;
}

domain::Result<int> SaneScanner::scan(const QString &device, const ScanOptions &options,
                                      const ScanCallbacks &callbacks)
{
    if (!m_initialised)
        return devices().error();
    QMutexLocker locker(&saneLock());
    auto handle = openDevice(device);
    if (!handle)
        return handle.error();
    const Handle &h = *handle.value();
    if (auto applied = applyOptions(h, options); !applied)
        return applied.error();

    auto cancelled = [&] { return callbacks.cancel && callbacks.cancel->load(); };
    const bool feeder = options.source == ScanSource::Feeder;
    int pages = 0;
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    for (;;) {
        if (cancelled()) {
            sane_cancel(h.get());
            return statusError(SANE_STATUS_CANCELLED);
        }
        SANE_Status status = sane_start(h.get());
        if (status == SANE_STATUS_NO_DOCS && feeder && pages > 0)
            break; // the feeder is empty: the batch is complete
        if (status != SANE_STATUS_GOOD) {
            sane_cancel(h.get());
            return statusError(status);
        }
        SANE_Parameters params{};
        if (sane_get_parameters(h.get(), &params) != SANE_STATUS_GOOD || !params.last_frame) {
            sane_cancel(h.get());
            return domain::makeError(QStringLiteral("scan.unsupported_format"),
                                     QStringLiteral("Máy quét gửi ảnh theo định dạng chưa hỗ trợ "
                                                    "(quét ba lượt)."));
        }
        const qint64 expected = params.lines > 0 ? qint64(params.lines) * params.bytes_per_line : 0;
        QByteArray data;
        if (expected > 0)
            data.reserve(expected);
        int lastPercent = -1;
        for (;;) {
            if (cancelled()) {
                sane_cancel(h.get());
                return statusError(SANE_STATUS_CANCELLED);
            }
            SANE_Int got = 0;
            status = sane_read(h.get(), reinterpret_cast<SANE_Byte *>(buffer.data()),
                               SANE_Int(buffer.size()), &got);
            if (status == SANE_STATUS_EOF)
                break;
            if (status != SANE_STATUS_GOOD) {
                sane_cancel(h.get());
                return statusError(status);
            }
            data.append(buffer.constData(), got);
            const int percent = expected > 0 ? int(data.size() * 100 / expected) : 0;
            if (callbacks.progress && percent != lastPercent) {
                callbacks.progress(pages, percent);
                lastPercent = percent;
            }
        }
        // After the last frame of a page, the flatbed needs sane_cancel to end the operation; the
        // feeder continues with the next sane_start.
        QImage page = toImage(params, data);
        if (page.isNull()) {
            sane_cancel(h.get());
            return domain::makeError(
                QStringLiteral("scan.unsupported_format"),
                QStringLiteral("Máy quét gửi ảnh theo định dạng chưa hỗ trợ."));
        }
        const int dotsPerMetre = int(std::lround(options.dpi / 0.0254));
        page.setDotsPerMeterX(dotsPerMetre);
        page.setDotsPerMeterY(dotsPerMetre);
        if (callbacks.page)
            callbacks.page(page, pages);
        ++pages;
        if (!feeder || (options.maxPages > 0 && pages >= options.maxPages))
            break;
    }
    sane_cancel(h.get());
    qCInfo(lcScanDevice) << "scanned" << pages << "pages";
    return pages;
}

} // namespace motcua::scan
