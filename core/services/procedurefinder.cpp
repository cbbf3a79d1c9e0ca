#include "procedurefinder.h"

#include <QCollator>

#include <domain/folding.h>

#include <algorithm>

namespace motcua::services {

QString procedureSearchText(const domain::Procedure &p)
{
    return domain::foldForSearch(p.code + QLatin1Char(' ') + p.name + QLatin1Char(' ') + p.fieldCode
                                 + QLatin1Char(' ') + p.fieldName);
}

QList<domain::Procedure> findProcedures(const QList<domain::Procedure> &procedures,
                                        const QString &query)
{
    const QString folded = domain::foldForSearch(query);
    const QStringList words = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<domain::Procedure> out;
    for (const auto &p : procedures) {
        const QString text = procedureSearchText(p);
        if (std::all_of(words.cbegin(), words.cend(),
                        [&](const QString &w) { return text.contains(w); })) {
            out.append(p);
        }
    }
    QCollator collator{QLocale(QLocale::Vietnamese, QLocale::Vietnam)};
    std::stable_sort(out.begin(), out.end(), [&](const auto &a, const auto &b) {
        const bool ac = !folded.isEmpty() && a.code.startsWith(folded);
        const bool bc = !folded.isEmpty() && b.code.startsWith(folded);
        if (ac != bc)
            return ac;
        return collator.compare(a.name, b.name) < 0;
    });
    return out;
}

} // namespace motcua::services
