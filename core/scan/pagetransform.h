#pragma once

// What the officer did to a page: the page's image is never changed, its transforms are applied
// in order when it is shown, OCR'd or exported, and undo simply drops the last one. A transform
// stores its measured values (the deskew angle, the Otsu threshold) so it gives the same result
// every time and after a restart.
#include <QImage>
#include <QJsonObject>
#include <QRectF>

#include <optional>

namespace motcua::scan {

struct PageTransform
{
    enum class Kind {
        Rotate,
        Crop,
        Deskew,
        Threshold
    };
    Kind kind = Kind::Rotate;
    int quarterTurns = 0; // Rotate: clockwise quarter turns (1..3)
    QRectF area;          // Crop: the part kept, as fractions (0..1) of the image it applies to
    double degrees = 0;   // Deskew: the measured skew the page is turned back by
    int level = 128;      // Threshold: the measured Otsu level

    static PageTransform rotate(int quarterTurns);
    static PageTransform crop(const QRectF &fractions);
    // Measures `current` (the page as it looks now) to make the transform.
    static PageTransform deskew(const QImage &current);
    static PageTransform threshold(const QImage &current);

    [[nodiscard]] QImage apply(const QImage &image) const;
    [[nodiscard]] QJsonObject toJson() const;
    static std::optional<PageTransform> fromJson(const QJsonObject &json);
    bool operator==(const PageTransform &) const = default;
};

QImage applyTransforms(QImage image, const QList<PageTransform> &transforms);

} // namespace motcua::scan
