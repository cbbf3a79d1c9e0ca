#pragma once

// Capture from a document scanner, behind one interface per platform driver (SANE on Linux,
// WIA/TWAIN on Windows). A Scanner is used from one worker thread at a time: ScanJob runs it off
// the GUI thread and reports pages, progress and the end of the batch as signals.
#include <QImage>
#include <QList>
#include <QString>

#include <domain/result.h>

#include <atomic>
#include <functional>
#include <memory>

namespace motcua::scan {

struct ScanDevice
{
    QString name;   // driver's identifier, e.g. "test:0" or "epson2:libusb:001:004"
    QString vendor; // for the device picker
    QString model;
    QString type;

    [[nodiscard]] QString displayName() const;
};

enum class ScanSource {
    Flatbed,
    Feeder
};
enum class ColourMode {
    Colour,
    Grey,
    BlackWhite
};

struct ScanOptions
{
    ScanSource source = ScanSource::Flatbed;
    bool duplex = false; // both sides; only with the feeder and a device that can
    ColourMode colourMode = ColourMode::Grey;
    int dpi = 200;
    double widthMm = 210.0; // A4 by default; clipped to what the device can do
    double heightMm = 297.0;
    int maxPages = 0; // feeder: stop after this many pages (0: until the feeder is empty)
};

// What the device offers, for the dialog's choices.
struct ScanCapabilities
{
    bool flatbed = true;
    bool feeder = false;
    bool duplex = false;
    QList<ColourMode> colourModes;
    int minDpi = 0;
    int maxDpi = 0;
};

// Callbacks of one scan. Called on the scanning thread.
struct ScanCallbacks
{
    std::function<void(const QImage &page, int index)> page;
    std::function<void(int index, int percent)> progress; // percent of the current page
    const std::atomic<bool> *cancel = nullptr;            // set from any thread to stop
};

class Scanner
{
public:
    virtual ~Scanner() = default;
    [[nodiscard]] virtual QString backendName() const = 0;
    [[nodiscard]] virtual domain::Result<QList<ScanDevice>> devices() = 0;
    [[nodiscard]] virtual domain::Result<ScanCapabilities> capabilities(const QString &device) = 0;
    // Scans one page (flatbed) or the feeder's batch. Returns the number of pages delivered;
    // a cancelled scan returns the error scan.cancelled after the pages already delivered.
    [[nodiscard]] virtual domain::Result<int>
    scan(const QString &device, const ScanOptions &options, const ScanCallbacks &callbacks) = 0;
};

enum class ScanBackend {
    Sane,
    Wia
};

// The driver for `backend` on this system; one that is not available here answers every call
// with scan.unavailable and a message that says so.
std::unique_ptr<Scanner> createScanner(ScanBackend backend);
// The system's own driver: SANE on Linux and other Unix systems, WIA on Windows.
ScanBackend defaultScanBackend();

} // namespace motcua::scan
