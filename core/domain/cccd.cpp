#include "cccd.h"

#include <QRegularExpression>

namespace motcua::domain {
namespace {

const QRegularExpression &twelveDigits()
{
    static const QRegularExpression re(QStringLiteral("^[0-9]{12}$"));
    return re;
}

Result<QDate> parseCardDate(const QString &text, const QString &field, const QString &label)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]{8}$"));
    if (!re.match(text).hasMatch()) {
        return makeError(
            QStringLiteral("cccd.invalid_date"),
            QStringLiteral("%1 phải có dạng ngày tháng năm ddMMyyyy (8 chữ số), nhận được \"%2\".")
                .arg(label, text),
            field);
    }
    const QDate date = QDate::fromString(text, QStringLiteral("ddMMyyyy"));
    if (!date.isValid() || date.year() < 1900) {
        return makeError(QStringLiteral("cccd.invalid_date"),
                         QStringLiteral("%1 không phải là ngày có thật: \"%2\".").arg(label, text),
                         field);
    }
    return date;
}

QString trimScannerNoise(const QString &text)
{
    QString s = text.trimmed(); // spaces, CR, LF, tabs around
    while (s.endsWith(QLatin1Char('|')))
        s.chop(1);
    return s.trimmed();
}

} // namespace

Check validatePersonalId(const QString &id, const QString &field)
{
    if (!twelveDigits().match(id).hasMatch()) {
        return makeError(
            QStringLiteral("cccd.invalid_id"),
            QStringLiteral("Số định danh cá nhân phải gồm đúng 12 chữ số, nhận được \"%1\".")
                .arg(id),
            field);
    }
    const int province = id.left(3).toInt();
    if (province < 1 || province > 96) {
        return makeError(
            QStringLiteral("cccd.invalid_id"),
            QStringLiteral(
                "Số định danh cá nhân \"%1\" có mã tỉnh nơi đăng ký khai sinh không hợp lệ (%2).")
                .arg(id, id.left(3)),
            field);
    }
    return {};
}

bool looksLikeCccdQr(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*[0-9]{12}\\|[^|]*\\|"));
    return re.match(text).hasMatch() && text.count(QLatin1Char('|')) >= 5;
}

Result<CccdCard> parseCccdQr(const QString &text)
{
    const QString cleaned = trimScannerNoise(text);
    if (cleaned.isEmpty()) {
        return makeError(QStringLiteral("cccd.empty"),
                         QStringLiteral("Chưa có nội dung mã QR của thẻ căn cước."));
    }
    QStringList fields = cleaned.split(QLatin1Char('|'));
    const auto rawCount = fields.size();
    for (auto &f : fields)
        f = f.trimmed();
    if (fields.size() == 6)
        fields.insert(1, QString()); // no old ID
    if (fields.size() != 7) {
        return makeError(
            QStringLiteral("cccd.field_count"),
            QStringLiteral("Mã QR của thẻ căn cước phải có 6 hoặc 7 trường ngăn cách bởi dấu |, "
                           "nhận được %1 trường.")
                .arg(rawCount));
    }

    CccdCard card;
    card.id = fields.at(0);
    if (auto st = validatePersonalId(card.id); !st)
        return st.error();

    card.oldId = fields.at(1);
    static const QRegularExpression oldIdRe(QStringLiteral("^([0-9]{9}|[0-9]{12})?$"));
    if (!oldIdRe.match(card.oldId).hasMatch()) {
        return makeError(
            QStringLiteral("cccd.invalid_old_id"),
            QStringLiteral("Số CMND cũ phải gồm 9 chữ số (hoặc để trống), nhận được \"%1\".")
                .arg(card.oldId),
            QStringLiteral("oldId"));
    }

    card.fullName = fields.at(2).simplified();
    if (card.fullName.isEmpty() || card.fullName.size() > 100
        || card.fullName.contains(QRegularExpression(QStringLiteral("[0-9<>{}\\[\\]]")))) {
        return makeError(
            QStringLiteral("cccd.invalid_name"),
            QStringLiteral("Họ và tên trong mã QR trống hoặc chứa ký tự không hợp lệ."),
            QStringLiteral("fullName"));
    }

    auto birth
        = parseCardDate(fields.at(3), QStringLiteral("birthDate"), QStringLiteral("Ngày sinh"));
    if (!birth)
        return birth.error();
    card.birthDate = birth.value();

    card.gender = fields.at(4);
    if (card.gender != QStringLiteral("Nam") && card.gender != QStringLiteral("Nữ")) {
        return makeError(QStringLiteral("cccd.invalid_gender"),
                         QStringLiteral("Giới tính phải là \"Nam\" hoặc \"Nữ\", nhận được \"%1\".")
                             .arg(card.gender),
                         QStringLiteral("gender"));
    }

    card.address = fields.at(5).simplified();
    if (card.address.isEmpty()) {
        return makeError(QStringLiteral("cccd.invalid_address"),
                         QStringLiteral("Nơi thường trú trong mã QR bị trống."),
                         QStringLiteral("address"));
    }

    auto issue
        = parseCardDate(fields.at(6), QStringLiteral("issueDate"), QStringLiteral("Ngày cấp"));
    if (!issue)
        return issue.error();
    card.issueDate = issue.value();
    if (card.issueDate < card.birthDate) {
        return makeError(QStringLiteral("cccd.invalid_date"),
                         QStringLiteral("Ngày cấp thẻ (%1) trước ngày sinh (%2).")
                             .arg(card.issueDate.toString(QStringLiteral("dd/MM/yyyy")),
                                  card.birthDate.toString(QStringLiteral("dd/MM/yyyy"))),
                         QStringLiteral("issueDate"));
    }
    return card;
}

} // namespace motcua::domain
