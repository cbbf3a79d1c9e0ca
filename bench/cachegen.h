#pragma once

// A realistic synthetic province for the cache benchmarks: Vietnamese names with their real
// frequency (Nguyễn ≈ 38 %), addresses, procedures, codes by agency and day, stages.
#include <QList>
#include <QRandomGenerator>

#include <domain/action.h>
#include <domain/entities.h>

namespace motcua::bench {

struct GeneratedDossier
{
    domain::Dossier dossier;
    domain::Action action; // the intake, as the feed carries it
};

class CacheGenerator
{
public:
    explicit CacheGenerator(quint32 seed = 20261128);

    // Dossier number `n` of `total`, received in order over two years; the same for the same n.
    GeneratedDossier make(qint64 n, qint64 total);

    // A person's name as generated (for queries that must hit).
    QString randomName();
    QString familyName();
    QString givenName();
    QString procedureKeyword();
    QStringList procedureCodes() const;
    QRandomGenerator &random() { return m_random; }

private:
    QRandomGenerator m_random;
    quint32 m_seed;
};

} // namespace motcua::bench
