#include "report_facts.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <domain/json.h>

namespace motcua::server {

namespace {

Error corruptDossier()
{
    qCWarning(lcSync) << "unreadable dossier row";
    return domain::makeError(QStringLiteral("db.corrupt_row"),
                             QStringLiteral("Dữ liệu hồ sơ trong cơ sở dữ liệu bị hỏng."));
}

Result<domain::Dossier> dossierOf(const QVariant &column)
{
    const QJsonDocument doc = QJsonDocument::fromJson(column.typeId() == QMetaType::QByteArray
                                                          ? column.toByteArray()
                                                          : column.toString().toUtf8());
    if (!doc.isObject())
        return corruptDossier();
    auto dossier = domain::dossierFromJson(doc.object());
    if (!dossier)
        return corruptDossier();
    return dossier;
}

} // namespace

QString ReportFactsIndex::intern(const QString &text)
{
    if (text.isEmpty())
        return {};
    auto it = m_strings.constFind(text);
    if (it == m_strings.constEnd())
        it = m_strings.insert(text);
    return *it;
}

qsizetype ReportFactsIndex::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_facts.size();
}

Result<qsizetype> ReportFactsIndex::catchUp(Database &db)
{
    QMutexLocker lock(&m_mutex);
    return catchUpLocked(db);
}

Result<qsizetype> ReportFactsIndex::catchUpLocked(Database &db)
{
    QElapsedTimer timer;
    timer.start();
    qint64 seq = m_seq;
    // Parsed into a side list first: a corrupt row leaves the index as it was.
    QList<reports::DossierFacts> changed;
    const auto st = db.read([&](QSqlDatabase &c) -> Check {
        Sql q(c,
              QStringLiteral("SELECT json, updated_seq FROM dossiers WHERE updated_seq > ? ORDER "
                             "BY updated_seq"));
        q.bind(m_seq);
        if (auto e = q.exec(); !e)
            return e;
        while (q.next()) {
            auto dossier = dossierOf(q.value(0));
            if (!dossier)
                return dossier.error();
            changed.append(reports::DossierFacts::of(dossier.value()));
            seq = std::max(seq, q.integer(1));
        }
        return {};
    });
    if (!st)
        return st.error();
    for (reports::DossierFacts &f : changed) {
        f.procedureCode = intern(f.procedureCode);
        f.agencyCode = intern(f.agencyCode);
        f.receivingAgencyCode = intern(f.receivingAgencyCode);
        f.departmentId = intern(f.departmentId);
        f.officerId = intern(f.officerId);
        const auto it = m_positions.constFind(f.id);
        if (it == m_positions.constEnd()) {
            m_positions.insert(f.id, m_facts.size());
            m_facts.append(std::move(f));
        } else {
            m_facts[*it] = std::move(f);
        }
    }
    m_seq = seq;
    if (changed.size() > 1000) {
        qCInfo(lcStorage).noquote() << "statistics index: read" << changed.size() << "dossiers in"
                                    << timer.elapsed() << "ms";
    }
    return changed.size();
}

Result<reports::Statistics>
ReportFactsIndex::statistics(Database &db, const reports::StatisticsQuery &query,
                             const reports::ProcedureCatalogue &procedures,
                             const reports::StatisticsLabels &labels)
{
    QMutexLocker lock(&m_mutex);
    if (auto read = catchUpLocked(db); !read)
        return read.error();
    return reports::computeStatistics(m_facts, query, procedures, labels);
}

} // namespace motcua::server
