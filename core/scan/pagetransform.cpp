#include "pagetransform.h"

#include "imageanalysis.h"

#include <QTransform>

#include <cmath>

namespace motcua::scan {

PageTransform PageTransform::rotate(int quarterTurns)
{
    PageTransform t;
    t.kind = Kind::Rotate;
    t.quarterTurns = ((quarterTurns % 4) + 4) % 4;
    return t;
}

PageTransform PageTransform::crop(const QRectF &fractions)
{
    PageTransform t;
    t.kind = Kind::Crop;
    t.area = fractions.normalized() & QRectF(0, 0, 1, 1);
    return t;
}

PageTransform PageTransform::deskew(const QImage &current)
{
    PageTransform t;
    t.kind = Kind::Deskew;
    t.degrees = detectSkew(current);
    return t;
}

PageTransform PageTransform::threshold(const QImage &current)
{
    PageTransform t;
    t.kind = Kind::Threshold;
    t.level = otsuThreshold(current);
    return t;
}

QImage PageTransform::apply(const QImage &image) const
{
    switch (kind) {
    case Kind::Rotate:
        if (quarterTurns == 0)
            return image;
        return image.transformed(QTransform().rotate(90.0 * quarterTurns));
    case Kind::Crop: {
        const QRect pixels(int(std::lround(area.x() * image.width())),
                           int(std::lround(area.y() * image.height())),
                           int(std::lround(area.width() * image.width())),
                           int(std::lround(area.height() * image.height())));
        const QRect kept = pixels & image.rect();
        return kept.isEmpty() ? image : image.copy(kept);
    }
    case Kind::Deskew:
        return std::abs(degrees) < 0.01 ? image : rotatedBy(image, degrees);
    case Kind::Threshold:
        return blackAndWhite(image, level);
    }
    return image;
}

QJsonObject PageTransform::toJson() const
{
    switch (kind) {
    case Kind::Rotate:
        return {{QStringLiteral("kind"), QStringLiteral("rotate")},
                {QStringLiteral("quarterTurns"), quarterTurns}};
    case Kind::Crop:
        return {{QStringLiteral("kind"), QStringLiteral("crop")},
                {QStringLiteral("x"), area.x()},
                {QStringLiteral("y"), area.y()},
                {QStringLiteral("width"), area.width()},
                {QStringLiteral("height"), area.height()}};
    case Kind::Deskew:
        return {{QStringLiteral("kind"), QStringLiteral("deskew")},
                {QStringLiteral("degrees"), degrees}};
    case Kind::Threshold:
        return {{QStringLiteral("kind"), QStringLiteral("threshold")},
                {QStringLiteral("threshold"), level}};
    }
    return {};
}

std::optional<PageTransform> PageTransform::fromJson(const QJsonObject &json)
{
    const QString kind = json.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("rotate"))
        return rotate(json.value(QStringLiteral("quarterTurns")).toInt());
    if (kind == QLatin1String("crop")) {
        const QRectF r(json.value(QStringLiteral("x")).toDouble(),
                       json.value(QStringLiteral("y")).toDouble(),
                       json.value(QStringLiteral("width")).toDouble(),
                       json.value(QStringLiteral("height")).toDouble());
        if (r.isEmpty())
            return std::nullopt;
        return crop(r);
    }
    if (kind == QLatin1String("deskew")) {
        PageTransform t;
        t.kind = Kind::Deskew;
        t.degrees = std::clamp(json.value(QStringLiteral("degrees")).toDouble(), -45.0, 45.0);
        return t;
    }
    if (kind == QLatin1String("threshold")) {
        PageTransform t;
        t.kind = Kind::Threshold;
        t.level = std::clamp(json.value(QStringLiteral("threshold")).toInt(128), 0, 255);
        return t;
    }
    return std::nullopt;
}

QImage applyTransforms(QImage image, const QList<PageTransform> &transforms)
{
    for (const PageTransform &t : transforms)
        image = t.apply(image);
    return image;
}

} // namespace motcua::scan
