#pragma once

#include "result.h"

#include <QDate>
#include <QRegularExpression>
#include <QString>

namespace motcua::domain {

// An official dossier code (R12.3a, Decree 118/2025 Art. 28.2): the agency's code, the intake
// date and the daily sequence number, laid out by a per-agency pattern.
struct DossierCode
{
    QString agencyCode; // national agency code, e.g. "000.17.22.H56"
    QDate date;
    int sequence = 0; // 1.. per agency and day

    bool operator==(const DossierCode &) const = default;
};

// A code pattern with tokens {agency}, {yyyy}, {yy}, {MM}, {dd}, {yyMMdd}, {seq:N} (N = 1..9
// digits). Everything else is literal. The default is the national structure:
// "{agency}-{yyMMdd}-{seq:4}".
class DossierCodePattern
{
public:
    static constexpr auto kDefault = "{agency}-{yyMMdd}-{seq:4}";

    static Result<DossierCodePattern> compile(const QString &pattern);
    static DossierCodePattern standard();

    [[nodiscard]] QString pattern() const { return m_pattern; }
    [[nodiscard]] int sequenceWidth() const { return m_seqWidth; }
    [[nodiscard]] int maxSequence() const;

    [[nodiscard]] Result<QString> make(const DossierCode &code) const;
    [[nodiscard]] Result<DossierCode> parse(const QString &text) const;

private:
    QString m_pattern;
    int m_seqWidth = 4;
    QRegularExpression m_parser; // built once by compile(): parsing is on every intake's path
};

// A national agency code: "000.17.22.H56" — three groups of digits/capitals and a final group of a
// capital letter and two digits.
Check validateAgencyCode(const QString &code, const QString &field = QStringLiteral("agencyCode"));

} // namespace motcua::domain
