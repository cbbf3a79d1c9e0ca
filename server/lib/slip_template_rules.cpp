// The kinds of slips, the placeholders a template may use, and what makes a template storable.
#include "slip_templates.h"

#include <QRegularExpression>

namespace motcua::server {
namespace {

using domain::makeError;

Error invalid(const QString &field, const QString &message)
{
    return makeError(QStringLiteral("slip_template.invalid"), message, field);
}

Error placeholderError(const QString &code, const QString &message, const QString &placeholder,
                       const QString &content, qsizetype offset)
{
    const int line = int(QStringView(content).left(offset).count(QLatin1Char('\n'))) + 1;
    Error e = makeError(code, message.arg(placeholder, QString::number(line)),
                        QStringLiteral("content"));
    e.details.insert(QStringLiteral("placeholder"), placeholder);
    e.details.insert(QStringLiteral("offset"), double(offset));
    e.details.insert(QStringLiteral("line"), line);
    return e;
}

bool isKnownPlaceholder(const QString &name)
{
    return domain::findSlipPlaceholder(name) != nullptr;
}

// Every "{{" closes with "}}" around a known dotted name; no stray "}}".
Check checkPlaceholders(const QString &content)
{
    static const QRegularExpression name(
        QStringLiteral("^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*$"));
    const QString open = QStringLiteral("{{");
    const QString close = QStringLiteral("}}");
    qsizetype from = 0;
    for (;;) {
        const qsizetype start = content.indexOf(open, from);
        const qsizetype stray = content.indexOf(close, from);
        if (stray >= 0 && (start < 0 || stray < start)) {
            return placeholderError(
                QStringLiteral("slip_template.bad_placeholder"),
                QStringLiteral("Nội dung mẫu có \"%1\" không có \"{{\" mở tương ứng (dòng %2)."),
                close, content, stray);
        }
        if (start < 0)
            return {};
        const qsizetype end = content.indexOf(close, start + 2);
        const qsizetype nested = content.indexOf(open, start + 2);
        if (end < 0 || (nested >= 0 && nested < end)) {
            return placeholderError(
                QStringLiteral("slip_template.bad_placeholder"),
                QStringLiteral(
                    "Chỗ điền bắt đầu bằng \"%1\" chưa được đóng bằng \"}}\" (dòng %2)."),
                open, content, start);
        }
        const QString inner = content.mid(start + 2, end - start - 2).trimmed();
        if (!name.match(inner).hasMatch()) {
            return placeholderError(
                QStringLiteral("slip_template.bad_placeholder"),
                QStringLiteral("Chỗ điền \"{{%1}}\" không đúng dạng (chữ cái Latinh, chữ số và "
                               "dấu chấm, ví dụ {{dossier.code}}) (dòng %2)."),
                inner.left(60), content, start);
        }
        if (!isKnownPlaceholder(inner)) {
            return placeholderError(QStringLiteral("slip_template.unknown_placeholder"),
                                    QStringLiteral("Chỗ điền \"{{%1}}\" không có trong danh sách "
                                                   "chỗ điền được hỗ trợ (dòng %2)."),
                                    inner, content, start);
        }
        from = end + 2;
    }
}

} // namespace

QJsonObject toJson(const SlipTemplate &slip)
{
    return {{QStringLiteral("kind"), slip.kind},
            {QStringLiteral("agencyCode"), slip.agencyCode},
            {QStringLiteral("version"), slip.version},
            {QStringLiteral("title"), slip.title},
            {QStringLiteral("legalBasis"), slip.legalBasis},
            {QStringLiteral("format"), slip.format},
            {QStringLiteral("content"), slip.content},
            {QStringLiteral("updatedAt"), slip.updatedAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("updatedBy"), slip.updatedBy}};
}

Check validateSlipTemplate(const SlipTemplate &slip)
{
    if (!findSlipKind(slip.kind)) {
        QStringList keys;
        for (const auto &kind : slipKinds())
            keys.append(kind.key);
        return makeError(QStringLiteral("slip_template.unknown_kind"),
                         QStringLiteral("Loại mẫu phiếu \"%1\" không được hỗ trợ (các loại: %2).")
                             .arg(slip.kind.left(60), keys.join(QStringLiteral(", "))),
                         QStringLiteral("kind"));
    }
    if (slip.title.trimmed().isEmpty() || slip.title.size() > 300)
        return invalid(QStringLiteral("title"),
                       QStringLiteral("Tên mẫu phiếu không được để trống và không quá 300 ký tự."));
    if (slip.legalBasis.trimmed().isEmpty() || slip.legalBasis.size() > 2000) {
        return invalid(QStringLiteral("legalBasis"),
                       QStringLiteral("Căn cứ pháp lý của mẫu phiếu không được để trống và không "
                                      "quá 2000 ký tự."));
    }
    if (slip.format != QLatin1String("html")) {
        return invalid(QStringLiteral("format"),
                       QStringLiteral("Định dạng mẫu phiếu \"%1\" không được hỗ trợ: chỉ dùng "
                                      "\"html\".")
                           .arg(slip.format.left(40)));
    }
    if (slip.content.trimmed().isEmpty())
        return invalid(QStringLiteral("content"),
                       QStringLiteral("Nội dung mẫu phiếu không được để trống."));
    if (slip.content.toUtf8().size() > kMaxSlipContentBytes) {
        return invalid(
            QStringLiteral("content"),
            QStringLiteral("Nội dung mẫu phiếu vượt quá %1 KiB.").arg(kMaxSlipContentBytes / 1024));
    }
    static const QRegularExpression active(
        QStringLiteral("<\\s*(script|iframe|object|embed)\\b|javascript\\s*:"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = active.match(slip.content); m.hasMatch()) {
        return invalid(QStringLiteral("content"),
                       QStringLiteral("Nội dung mẫu phiếu không được chứa mã chạy được (\"%1\").")
                           .arg(m.captured(0)));
    }
    return checkPlaceholders(slip.content);
}

} // namespace motcua::server
