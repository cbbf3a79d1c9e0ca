#include "dossiercode.h"

#include <QRegularExpression>

namespace motcua::domain {
namespace {

const QString kAgencyRe = QStringLiteral("[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}");

struct Token
{
    QString text; // literal text, or the token's name for a token
    bool isToken = false;
    int width = 0; // for seq
};

Result<QList<Token>> tokenize(const QString &pattern)
{
    QList<Token> tokens;
    QString literal;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c != QLatin1Char('{')) {
            if (c == QLatin1Char('}')) {
                return makeError(
                    QStringLiteral("code.bad_pattern"),
                    QStringLiteral("Mẫu mã hồ sơ có dấu } thừa ở vị trí %1.").arg(i + 1),
                    QStringLiteral("pattern"));
            }
            literal += c;
            continue;
        }
        const auto close = pattern.indexOf(QLatin1Char('}'), i);
        if (close < 0) {
            return makeError(QStringLiteral("code.bad_pattern"),
                             QStringLiteral("Mẫu mã hồ sơ thiếu dấu } đóng."),
                             QStringLiteral("pattern"));
        }
        if (!literal.isEmpty()) {
            tokens.append({literal, false, 0});
            literal.clear();
        }
        const QString name = pattern.mid(i + 1, close - i - 1);
        static const QRegularExpression seqRe(QStringLiteral("^seq:([1-9])$"));
        if (const auto m = seqRe.match(name); m.hasMatch()) {
            tokens.append({QStringLiteral("seq"), true, m.captured(1).toInt()});
        } else if (name == QLatin1String("agency") || name == QLatin1String("yyyy")
                   || name == QLatin1String("yy") || name == QLatin1String("MM")
                   || name == QLatin1String("dd") || name == QLatin1String("yyMMdd")) {
            tokens.append({name, true, 0});
        } else {
            return makeError(
                QStringLiteral("code.bad_pattern"),
                QStringLiteral("Mẫu mã hồ sơ có thành phần không hợp lệ: {%1}.").arg(name),
                QStringLiteral("pattern"));
        }
        i = close;
    }
    if (!literal.isEmpty())
        tokens.append({literal, false, 0});
    return tokens;
}

} // namespace

Check validateAgencyCode(const QString &code, const QString &field)
{
    static const QRegularExpression re(QStringLiteral("^") + kAgencyRe + QStringLiteral("$"));
    if (!re.match(code).hasMatch()) {
        return makeError(
            QStringLiteral("code.invalid_agency"),
            QStringLiteral(
                "Mã cơ quan \"%1\" không đúng định dạng mã định danh (ví dụ 000.17.22.H56).")
                .arg(code),
            field);
    }
    return {};
}

Result<DossierCodePattern> DossierCodePattern::compile(const QString &pattern)
{
    auto tokens = tokenize(pattern);
    if (!tokens)
        return tokens.error();
    int seqCount = 0;
    int agencyCount = 0;
    bool hasYear = false, hasMonth = false, hasDay = false;
    DossierCodePattern result;
    for (const auto &t : tokens.value()) {
        if (!t.isToken)
            continue;
        if (t.text == QLatin1String("seq")) {
            ++seqCount;
            result.m_seqWidth = t.width;
        }
        agencyCount += t.text == QLatin1String("agency");
        hasYear |= t.text.startsWith(QLatin1String("yy"));
        hasMonth |= t.text == QLatin1String("MM") || t.text == QLatin1String("yyMMdd");
        hasDay |= t.text == QLatin1String("dd") || t.text == QLatin1String("yyMMdd");
    }
    if (seqCount != 1 || agencyCount != 1 || !hasYear || !hasMonth || !hasDay) {
        return makeError(
            QStringLiteral("code.bad_pattern"),
            QStringLiteral(
                "Mẫu mã hồ sơ phải có đúng một {agency}, một {seq:N} và đủ năm, tháng, ngày "
                "tiếp nhận."),
            QStringLiteral("pattern"));
    }
    result.m_pattern = pattern;
    QString re = QStringLiteral("^");
    for (const auto &t : tokens.value()) {
        if (!t.isToken)
            re += QRegularExpression::escape(t.text);
        else if (t.text == QLatin1String("agency"))
            re += QStringLiteral("(?<agency>") + kAgencyRe + QLatin1Char(')');
        else if (t.text == QLatin1String("seq"))
            re += QStringLiteral("(?<seq>[0-9]{%1})").arg(t.width);
        else
            re += QStringLiteral("(?<%1>[0-9]{%2})").arg(t.text).arg(t.text.size());
    }
    re += QLatin1Char('$');
    result.m_parser = QRegularExpression(re);
    result.m_parser.optimize();
    return result;
}

DossierCodePattern DossierCodePattern::standard()
{
    static const DossierCodePattern pattern = compile(QString::fromLatin1(kDefault)).value();
    return pattern;
}

int DossierCodePattern::maxSequence() const
{
    int max = 1;
    for (int i = 0; i < m_seqWidth; ++i)
        max *= 10;
    return max - 1;
}

Result<QString> DossierCodePattern::make(const DossierCode &code) const
{
    if (auto st = validateAgencyCode(code.agencyCode); !st)
        return st.error();
    if (!code.date.isValid() || code.date.year() < 2000 || code.date.year() > 2099) {
        return makeError(
            QStringLiteral("code.invalid_date"),
            QStringLiteral("Ngày tiếp nhận không hợp lệ (phải trong các năm 2000–2099)."),
            QStringLiteral("date"));
    }
    if (code.sequence < 1 || code.sequence > maxSequence()) {
        return makeError(QStringLiteral("code.invalid_sequence"),
                         QStringLiteral("Số thứ tự trong ngày phải từ 1 đến %1, nhận được %2.")
                             .arg(maxSequence())
                             .arg(code.sequence),
                         QStringLiteral("seq"));
    }
    QString out;
    const auto tokens = tokenize(m_pattern).value();
    for (const auto &t : tokens) {
        if (!t.isToken)
            out += t.text;
        else if (t.text == QLatin1String("agency"))
            out += code.agencyCode;
        else if (t.text == QLatin1String("seq"))
            out += QStringLiteral("%1").arg(code.sequence, t.width, 10, QLatin1Char('0'));
        else
            out += code.date.toString(t.text);
    }
    return out;
}

Result<DossierCode> DossierCodePattern::parse(const QString &text) const
{
    const auto m = m_parser.match(text.trimmed());
    if (!m.hasMatch()) {
        return makeError(
            QStringLiteral("code.invalid"),
            QStringLiteral("Mã hồ sơ \"%1\" không đúng cấu trúc %2.").arg(text, m_pattern),
            QStringLiteral("code"));
    }
    int year = 0, month = 0, day = 0;
    if (m.hasCaptured(QStringLiteral("yyMMdd"))) {
        const QString d = m.captured(QStringLiteral("yyMMdd"));
        year = 2000 + d.left(2).toInt();
        month = d.mid(2, 2).toInt();
        day = d.right(2).toInt();
    }
    if (m.hasCaptured(QStringLiteral("yyyy")))
        year = m.captured(QStringLiteral("yyyy")).toInt();
    else if (m.hasCaptured(QStringLiteral("yy")))
        year = 2000 + m.captured(QStringLiteral("yy")).toInt();
    if (m.hasCaptured(QStringLiteral("MM")))
        month = m.captured(QStringLiteral("MM")).toInt();
    if (m.hasCaptured(QStringLiteral("dd")))
        day = m.captured(QStringLiteral("dd")).toInt();

    DossierCode code;
    code.agencyCode = m.captured(QStringLiteral("agency"));
    code.date = QDate(year, month, day);
    code.sequence = m.captured(QStringLiteral("seq")).toInt();
    if (!code.date.isValid() || year < 2000 || year > 2099) { // as make() accepts
        return makeError(QStringLiteral("code.invalid_date"),
                         QStringLiteral("Mã hồ sơ \"%1\" chứa ngày không có thật.").arg(text),
                         QStringLiteral("code"));
    }
    if (code.sequence < 1) {
        return makeError(QStringLiteral("code.invalid_sequence"),
                         QStringLiteral("Mã hồ sơ \"%1\" có số thứ tự 0.").arg(text),
                         QStringLiteral("code"));
    }
    return code;
}

} // namespace motcua::domain
