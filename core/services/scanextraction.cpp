#include "scanextraction.h"

#include "cccdimage.h"

#include <QDate>
#include <QRegularExpression>

#include <domain/documenttypes.h>

namespace motcua::services {

namespace {

QString label(const QString &field)
{
    if (field == QLatin1String("holderId"))
        return QStringLiteral("Số định danh / CMND");
    if (field == QLatin1String("holderName"))
        return QStringLiteral("Họ và tên");
    if (field == QLatin1String("holderBirthYear"))
        return QStringLiteral("Năm sinh");
    if (field == QLatin1String("issueDate"))
        return QStringLiteral("Ngày cấp");
    if (field == QLatin1String("validUntil"))
        return QStringLiteral("Có giá trị đến");
    return QStringLiteral("Ngày");
}

// Lower case, no diacritics, đ as d: OCR keeps or drops marks, the keywords are found either way.
QString folded(const QString &text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x0110) || c == QChar(0x0111))
            out += QLatin1Char('d');
        else
            out += c.toLower();
    }
    return out;
}

// The field a date on this line belongs to, by the words just before it.
QString dateField(const QString &before)
{
    const QString f = folded(before).right(40);
    if (f.contains(QLatin1String("sinh")))
        return QStringLiteral("holderBirthYear");
    if (f.contains(QLatin1String("gia tri den")) || f.contains(QLatin1String("hieu luc den"))
        || f.contains(QLatin1String("het han")))
        return QStringLiteral("validUntil");
    if (f.contains(QLatin1String("cap ngay")) || f.contains(QLatin1String("ngay cap")))
        return QStringLiteral("issueDate");
    return QStringLiteral("date");
}

// A name as people write it: words starting with a capital, e.g. "Nguyễn Thị Hương".
QString nameAfter(const QString &rest)
{
    static const QRegularExpression word(QStringLiteral("^\\p{Lu}[\\p{L}]*$"));
    QStringList words;
    for (const QString &w : rest.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString cleaned = w;
        cleaned.remove(QRegularExpression(QStringLiteral("[,.;]+$")));
        if (!word.match(cleaned).hasMatch())
            break;
        words << cleaned;
        if (cleaned != w) // punctuation ends the name
            break;
    }
    return words.size() >= 2 && words.size() <= 7 ? words.join(QLatin1Char(' ')) : QString();
}

void add(QList<ProposedValue> &out, const QString &field, const QString &value,
         const QString &context)
{
    ProposedValue p{field, label(field), value, context.trimmed()};
    if (!out.contains(p))
        out << p;
}

} // namespace

QList<ProposedValue> proposeValues(const QString &ocrText)
{
    QList<ProposedValue> out;
    static const QRegularExpression id(QStringLiteral("(?<![\\d])(\\d{12}|\\d{9})(?![\\d])"));
    static const QRegularExpression date(QStringLiteral(
        "(?<![\\d])(\\d{1,2})\\s?[/.-]\\s?(\\d{1,2})\\s?[/.-]\\s?(\\d{4})(?![\\d])"));
    static const QRegularExpression nameKey(QStringLiteral("h[oọ]\\s*(v[aà]\\s*)?t[eê]n"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QStringList lines = ocrText.normalized(QString::NormalizationForm_C)
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        for (auto it = id.globalMatch(line); it.hasNext();) {
            const QString digits = it.next().captured(1);
            if (digits.size() == 12 && !domain::validatePersonalId(digits).ok())
                continue;
            add(out, QStringLiteral("holderId"), digits, line);
        }
        for (auto it = date.globalMatch(line); it.hasNext();) {
            const auto m = it.next();
            const QDate d(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
            if (!d.isValid())
                continue;
            const QString field = dateField(line.left(m.capturedStart()));
            add(out, field,
                field == QLatin1String("holderBirthYear")
                    ? QString::number(d.year())
                    : d.toString(QStringLiteral("dd/MM/yyyy")),
                line);
        }
        const auto key = nameKey.match(line);
        if (key.hasMatch()) {
            QString rest = line.mid(key.capturedEnd());
            rest.remove(QRegularExpression(QStringLiteral("^[\\s:.\\-]+")));
            const QString name = nameAfter(rest);
            if (!name.isEmpty())
                add(out, QStringLiteral("holderName"), name, line);
        }
    }
    return out;
}

ScanExtraction extractFromPage(const QImage &page, const QString &ocrText)
{
    ScanExtraction extraction;
    if (auto card = readCccdImage(page))
        extraction.card = card.value();
    extraction.proposals = proposeValues(ocrText);
    return extraction;
}

int applyProposals(domain::Component &component, const QList<ProposedValue> &accepted)
{
    int applied = 0;
    const QDate today = QDate::currentDate();
    for (const ProposedValue &p : accepted) {
        if (p.field.isEmpty() || p.field == QLatin1String("date"))
            continue; // a date whose meaning was not told goes nowhere
        const auto &standard = domain::standardDataFields();
        const auto def
            = std::find_if(standard.cbegin(), standard.cend(),
                           [&p](const domain::DataField &f) { return f.key == p.field; });
        // Dates and the birth year must read as such; an identification number is kept as read.
        if (def != standard.cend() && def->kind != domain::DataFieldKind::Text
            && !domain::checkDataValue(*def, p.value, today).isEmpty())
            continue;
        domain::setComponentValue(component, p.field, p.value);
        ++applied;
    }
    return applied;
}

} // namespace motcua::services
