#include "reportsource.h"

#include <QTimer>

#include <domain/json.h>
#include <services/workstation.h>

namespace motcua::ui {

ReportSource::ReportSource(services::Workstation &workstation, QObject *parent)
    : QObject(parent)
    , m_ws(workstation)
{}

ReportSource::~ReportSource() = default;

void ReportSource::reload()
{
    m_loading = true;
    m_incoming.clear();
    m_next = 0;
    m_loadingApplicants = false;
    m_applicantsLoaded = false;
    m_applicants.clear();
    m_incomingApplicants.clear();
    readCatalogues();
    const int generation = ++m_generation;
    QTimer::singleShot(0, this, [this, generation] { readFacts(generation); });
}

void ReportSource::loadApplicants()
{
    if (m_applicantsLoaded || m_loadingApplicants)
        return;
    m_loadingApplicants = true;
    m_incomingApplicants.clear();
    m_nextApplicants = 0;
    const int generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] { readApplicants(generation); });
}

void ReportSource::readCatalogues()
{
    m_procedures = reports::catalogueOf(m_ws.procedures());
    m_labels = {};
    if (auto agencies = m_ws.cache().catalogueEntries(QStringLiteral("agency"))) {
        for (const auto &e : agencies.value()) {
            auto a = domain::agencyFromJson(e.json);
            if (!a)
                continue;
            m_labels.agencies.insert(a.value().code, a.value().name);
            for (const auto &d : a.value().departments)
                m_labels.departments.insert(a.value().code + u'/' + d.id, d.name);
        }
    }
    if (auto officers = m_ws.cache().catalogueEntries(QStringLiteral("officer"))) {
        for (const auto &e : officers.value()) {
            if (auto o = domain::officerFromJson(e.json))
                m_labels.officers.insert(o.value().id, o.value().fullName);
        }
    }
}

void ReportSource::readFacts(int generation)
{
    if (generation != m_generation)
        return;
    auto page = m_ws.cache().dossierFacts(m_next, kPageSize);
    if (!page) {
        m_loading = false;
        Q_EMIT failed(page.error().message);
        return;
    }
    if (m_incoming.isEmpty() && page.value().more) {
        // One allocation for the whole read: growing a list of a million facts page by page
        // moved them again and again (≈0.5 s at a million). The count is kept per stage.
        const auto all = m_ws.cache().count({});
        m_incoming.reserve(all ? all.value() : m_facts.size() + kPageSize);
    }
    m_incoming.append(std::move(page.value().facts));
    m_next = page.value().next;
    Q_EMIT progress(m_incoming.size());
    if (page.value().more) {
        QTimer::singleShot(0, this, [this, generation] { readFacts(generation); });
        return;
    }
    m_facts = std::move(m_incoming);
    m_incoming = {};
    m_loading = false;
    m_loaded = true;
    Q_EMIT loaded();
}

void ReportSource::readApplicants(int generation)
{
    if (generation != m_generation || !m_loadingApplicants)
        return;
    auto page = m_ws.cache().applicantFacts(m_nextApplicants, kPageSize);
    if (!page) {
        m_loadingApplicants = false;
        Q_EMIT failed(page.error().message);
        return;
    }
    m_incomingApplicants.append(std::move(page.value().applicants));
    m_nextApplicants = page.value().next;
    if (page.value().more) {
        QTimer::singleShot(0, this, [this, generation] { readApplicants(generation); });
        return;
    }
    m_applicants = std::move(m_incomingApplicants);
    m_incomingApplicants = {};
    m_loadingApplicants = false;
    m_applicantsLoaded = true;
    Q_EMIT applicantsReady();
}

} // namespace motcua::ui
