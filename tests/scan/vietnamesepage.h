#pragma once

// Pages of Vietnamese text rendered as a scanner would deliver them, for the OCR tests and the
// bench: A4 at the given resolution, a serif font with Vietnamese glyphs, black on white.
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QStringList>

#include <cmath>

namespace motcua::testing {

inline QStringList vietnameseLines()
{
    return {
        QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        QStringLiteral("Độc lập - Tự do - Hạnh phúc"),
        QStringLiteral("ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG"),
        QStringLiteral("Kính gửi: Ủy ban nhân dân phường Bến Nghé, Quận 1"),
        QStringLiteral("Họ và tên: Nguyễn Thị Hương"),
        QStringLiteral("Số định danh cá nhân: 079190012345"),
        QStringLiteral("Ngày sinh: 15/08/1990, cấp ngày 03/02/2021"),
        QStringLiteral("Địa chỉ thường trú: số 12 đường Lê Lợi, phường Bến Thành"),
        QStringLiteral("Nội dung đề nghị: xây dựng nhà ở riêng lẻ hai tầng"),
        QStringLiteral("trên thửa đất số 45, tờ bản đồ số 7, diện tích 82,5 mét vuông."),
        QStringLiteral("Tôi xin cam đoan những lời khai trên là đúng sự thật"),
        QStringLiteral("và chịu trách nhiệm trước pháp luật về nội dung đã khai."),
        QStringLiteral("Hồ sơ gồm: bản sao giấy chứng nhận quyền sử dụng đất,"),
        QStringLiteral("bản vẽ thiết kế, tờ khai lệ phí trước bạ và ảnh hiện trạng."),
    };
}

// `lines` drawn on an A4 page at `dpi`, 12 pt serif, one line every 1.6 line heights.
inline QImage vietnamesePage(const QStringList &lines, int dpi = 200)
{
    const int width = int(std::lround(210 / 25.4 * dpi));
    const int height = int(std::lround(297 / 25.4 * dpi));
    QImage page(width, height, QImage::Format_Grayscale8);
    const int dotsPerMetre = int(std::lround(dpi / 0.0254));
    page.setDotsPerMeterX(dotsPerMetre);
    page.setDotsPerMeterY(dotsPerMetre);
    page.fill(Qt::white);
    QPainter painter(&page);
    painter.setRenderHint(QPainter::TextAntialiasing);
    QFont font(QStringLiteral("DejaVu Serif"));
    font.setPointSizeF(12);
    painter.setFont(font);
    painter.setPen(Qt::black);
    const double lineHeight = painter.fontMetrics().height() * 1.6;
    double y = dpi * 1.0; // one inch margin
    for (const QString &line : lines) {
        painter.drawText(QPointF(dpi * 1.0, y), line);
        y += lineHeight;
    }
    return page;
}

} // namespace motcua::testing
