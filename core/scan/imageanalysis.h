#pragma once

// Measurements on page images that the transforms and the blank-page check rely on. Pure
// functions on QImage, any thread.
#include <QImage>

namespace motcua::scan {

// Otsu's threshold of the image's grey levels (0..255): the level that best separates ink from
// paper.
int otsuThreshold(const QImage &image);
// The page as pure black and white at `threshold` (Format_Grayscale8 holding 0 and 255 only).
QImage blackAndWhite(const QImage &image, int threshold);
// The skew of the text lines in degrees (positive: the lines rise to the right), searched within
// ±maxDegrees; 0 for a page with too little ink to tell.
double detectSkew(const QImage &image, double maxDegrees = 6.0);
// The page turned by `degrees` about its centre on white paper, same size.
QImage rotatedBy(const QImage &image, double degrees);
// True when the page holds (almost) no ink: less than `inkShare` of its area, margins ignored.
bool isBlankPage(const QImage &image, double inkShare = 0.002);

} // namespace motcua::scan
