#pragma once

// The dossiers of the local cache reduced to what the reports read (reports::DossierFacts), with
// the names the tables show. The cache is used from the GUI thread only, so its JSON documents are
// read there a page at a time (one short query each, the event loop runs between pages) and parsed
// and reduced on a worker thread (QtConcurrent). Kept until reload().
#include <QFutureWatcher>
#include <QObject>

#include <reports/applicants.h>
#include <reports/statistics.h>

namespace motcua::services {
class Workstation;
}

namespace motcua::ui {

class ReportSource : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 2000;

    explicit ReportSource(services::Workstation &workstation, QObject *parent = nullptr);
    ~ReportSource() override;

    // Reads every dossier of the cache again; loaded() or failed() when done. A reload while
    // loading starts over.
    void reload();
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] bool isLoaded() const { return m_loaded; }

    [[nodiscard]] const QList<reports::DossierFacts> &facts() const { return m_facts; }
    [[nodiscard]] const QList<reports::ApplicantFacts> &applicants() const { return m_applicants; }
    [[nodiscard]] const reports::ProcedureCatalogue &procedures() const { return m_procedures; }
    [[nodiscard]] const reports::StatisticsLabels &labels() const { return m_labels; }

Q_SIGNALS:
    void progress(qint64 dossiers);
    void loaded();
    void failed(const QString &message);

private:
    struct Page
    {
        QList<reports::DossierFacts> facts;
        QList<reports::ApplicantFacts> applicants;
        QString error;
    };
    static Page parse(const QList<QByteArray> &documents);
    void readNextPage();
    void pageParsed();
    void readCatalogues();

    services::Workstation &m_ws;
    QFutureWatcher<Page> m_watcher;
    QList<reports::DossierFacts> m_facts;
    QList<reports::DossierFacts> m_incoming;
    QList<reports::ApplicantFacts> m_applicants;
    QList<reports::ApplicantFacts> m_incomingApplicants;
    reports::ProcedureCatalogue m_procedures;
    reports::StatisticsLabels m_labels;
    qint64 m_next = 0;
    bool m_more = false;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_restart = false;
};

} // namespace motcua::ui
