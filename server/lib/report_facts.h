#pragma once

// The stored dossiers reduced to what the statistics read (core/reports), for the reports routes.
#include "database.h"

#include <QHash>
#include <QMutex>
#include <QSet>

#include <reports/statistics.h>

namespace motcua::server {

// The facts of every stored dossier, kept in memory and brought up to date on each use with the
// dossiers written since (dossiers.updated_seq comes from the gap-free feed: a reader that sees a
// change sees every earlier one). Parsing each dossier's JSON is what a statistics request cost;
// now only the first read after a start pays it (ApiServer does it at listen), and later requests
// read the few changed rows, then compute on the facts in place (no copy of a million).
// Thread-safe: the reports routes run on the worker pool; one computation at a time.
class ReportFactsIndex
{
public:
    // computeStatistics over the facts, current as of this call. The query's filter narrows them
    // (filter.agencies: an officer's agency, received or handled there).
    Result<reports::Statistics> statistics(Database &db, const reports::StatisticsQuery &query,
                                           const reports::ProcedureCatalogue &procedures,
                                           const reports::StatisticsLabels &labels = {});

    // Reads what changed since the last call (everything, the first time); the number read.
    Result<qsizetype> catchUp(Database &db);

    [[nodiscard]] qsizetype size() const;

private:
    Result<qsizetype> catchUpLocked(Database &db);
    QString intern(const QString &text); // one copy of each code among a million dossiers

    mutable QMutex m_mutex;
    qint64 m_seq = 0;
    QList<reports::DossierFacts> m_facts;
    QHash<QUuid, qsizetype> m_positions;
    QSet<QString> m_strings;
};

} // namespace motcua::server
