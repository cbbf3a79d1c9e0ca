#pragma once

// The dossiers of the local cache reduced to what the reports read (reports::DossierFacts), the
// applicants served, and the names the tables show. The cache keeps these facts as narrow rows
// (written with each dossier), and is used from the GUI thread only: they are read there a page at
// a time, the event loop running between pages. Kept until reload().
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
    static constexpr int kPageSize = 25000; // rows per step of the event loop

    explicit ReportSource(services::Workstation &workstation, QObject *parent = nullptr);
    ~ReportSource() override;

    // Reads the facts of every dossier of the cache again; loaded() or failed() when done. A
    // reload while loading starts over.
    void reload();
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] bool isLoaded() const { return m_loaded; }

    [[nodiscard]] const QList<reports::DossierFacts> &facts() const { return m_facts; }
    // The applicants served (R23.5) are read only when asked for: loadApplicants(), then
    // applicantsReady() or failed(). reload() forgets them.
    void loadApplicants();
    [[nodiscard]] bool applicantsLoaded() const { return m_applicantsLoaded; }
    [[nodiscard]] const QList<reports::ApplicantFacts> &applicants() const { return m_applicants; }
    [[nodiscard]] const reports::ProcedureCatalogue &procedures() const { return m_procedures; }
    [[nodiscard]] const reports::StatisticsLabels &labels() const { return m_labels; }

Q_SIGNALS:
    void progress(qint64 dossiers);
    void loaded();
    void applicantsReady();
    void failed(const QString &message);

private:
    void readFacts(int generation);
    void readApplicants(int generation);
    void readCatalogues();

    services::Workstation &m_ws;
    QList<reports::DossierFacts> m_facts;
    QList<reports::DossierFacts> m_incoming;
    QList<reports::ApplicantFacts> m_applicants;
    QList<reports::ApplicantFacts> m_incomingApplicants;
    reports::ProcedureCatalogue m_procedures;
    reports::StatisticsLabels m_labels;
    qint64 m_next = 0;           // the facts page to read
    qint64 m_nextApplicants = 0; // the applicants page to read
    int m_generation = 0;        // a page read scheduled before the last reload() does nothing
    bool m_loading = false;
    bool m_loaded = false;
    bool m_loadingApplicants = false;
    bool m_applicantsLoaded = false;
};

} // namespace motcua::ui
