#include "imageanalysis.h"

#include <QPainter>
#include <QTransform>

#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace motcua::scan {

namespace {

QImage grey(const QImage &image)
{
    return image.format() == QImage::Format_Grayscale8
        ? image
        : image.convertToFormat(QImage::Format_Grayscale8);
}

// A copy at most `maxSide` pixels wide or high, for measurements that do not need every pixel.
QImage small(const QImage &image, int maxSide)
{
    if (image.width() <= maxSide && image.height() <= maxSide)
        return grey(image);
    return grey(image.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

} // namespace

int otsuThreshold(const QImage &image)
{
    const QImage g = grey(image);
    std::array<qint64, 256> histogram{};
    for (int y = 0; y < g.height(); ++y) {
        const uchar *row = g.constScanLine(y);
        for (int x = 0; x < g.width(); ++x)
            ++histogram[row[x]];
    }
    const qint64 total = qint64(g.width()) * g.height();
    if (total == 0)
        return 128;
    double sum = 0;
    for (int i = 0; i < 256; ++i)
        sum += double(i) * double(histogram[i]);
    double sumBackground = 0;
    qint64 weightBackground = 0;
    double bestVariance = -1;
    int best = 128;
    for (int t = 0; t < 256; ++t) {
        weightBackground += histogram[t];
        if (weightBackground == 0)
            continue;
        const qint64 weightForeground = total - weightBackground;
        if (weightForeground == 0)
            break;
        sumBackground += double(t) * double(histogram[t]);
        const double meanB = sumBackground / double(weightBackground);
        const double meanF = (sum - sumBackground) / double(weightForeground);
        const double between = double(weightBackground) * double(weightForeground) * (meanB - meanF)
            * (meanB - meanF);
        if (between > bestVariance) {
            bestVariance = between;
            best = t;
        }
    }
    return best;
}

QImage blackAndWhite(const QImage &image, int threshold)
{
    QImage g = grey(image).copy();
    for (int y = 0; y < g.height(); ++y) {
        uchar *row = g.scanLine(y);
        for (int x = 0; x < g.width(); ++x)
            row[x] = row[x] <= threshold ? 0 : 255;
    }
    return g;
}

double detectSkew(const QImage &image, double maxDegrees)
{
    // Projection profiles: at the right angle the ink falls into few, dense rows (the text lines),
    // so the sum of squared row counts is largest. Searched coarse then fine on a small copy.
    const QImage g = small(image, 1000);
    const int threshold = otsuThreshold(g);
    std::vector<std::pair<int, int>> ink;
    for (int y = 0; y < g.height(); ++y) {
        const uchar *row = g.constScanLine(y);
        for (int x = 0; x < g.width(); ++x) {
            if (row[x] <= threshold && row[x] < 160)
                ink.emplace_back(x, y);
        }
    }
    if (ink.size() < 200 || ink.size() > size_t(g.width()) * g.height() / 2)
        return 0.0;
    const int diagonal = int(std::hypot(g.width(), g.height())) + 2;
    std::vector<qint64> rows(size_t(2 * diagonal));
    auto score = [&](double degrees) {
        const double r = degrees * std::numbers::pi / 180.0;
        const double s = std::sin(r);
        const double c = std::cos(r);
        std::fill(rows.begin(), rows.end(), 0);
        for (const auto &[x, y] : ink) {
            const int yr = int(std::lround(double(y) * c + double(x) * s)) + diagonal;
            ++rows[size_t(std::clamp(yr, 0, 2 * diagonal - 1))];
        }
        double total = 0;
        for (qint64 n : rows)
            total += double(n) * double(n);
        return total;
    };
    double best = 0;
    double bestScore = score(0);
    auto search = [&](double from, double to, double step) {
        for (double a = from; a <= to + 1e-9; a += step) {
            const double sc = score(a);
            if (sc > bestScore) {
                bestScore = sc;
                best = a;
            }
        }
    };
    search(-maxDegrees, maxDegrees, 0.5);
    const double centre = best;
    search(centre - 0.5, centre + 0.5, 0.05);
    // The lines rise to the right by `best` when y + x·tan(best) is constant along them.
    return std::round(best * 100.0) / 100.0;
}

QImage rotatedBy(const QImage &image, double degrees)
{
    const QImage::Format format = image.format() == QImage::Format_Grayscale8
        ? QImage::Format_Grayscale8
        : QImage::Format_RGB888;
    QImage out(image.size(),
               format == QImage::Format_Grayscale8 ? QImage::Format_Grayscale8
                                                   : QImage::Format_RGB32);
    out.fill(Qt::white);
    out.setDotsPerMeterX(image.dotsPerMeterX());
    out.setDotsPerMeterY(image.dotsPerMeterY());
    {
        QPainter painter(&out);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.translate(image.width() / 2.0, image.height() / 2.0);
        painter.rotate(degrees);
        painter.translate(-image.width() / 2.0, -image.height() / 2.0);
        painter.drawImage(0, 0, image);
    }
    return out.format() == format ? out : out.convertToFormat(format);
}

bool isBlankPage(const QImage &image, double inkShare)
{
    const QImage g = small(image, 800);
    const int marginX = g.width() / 20;
    const int marginY = g.height() / 20;
    qint64 dark = 0;
    qint64 total = 0;
    for (int y = marginY; y < g.height() - marginY; ++y) {
        const uchar *row = g.constScanLine(y);
        for (int x = marginX; x < g.width() - marginX; ++x) {
            dark += row[x] < 128;
            ++total;
        }
    }
    return total == 0 || double(dark) / double(total) < inkShare;
}

} // namespace motcua::scan
