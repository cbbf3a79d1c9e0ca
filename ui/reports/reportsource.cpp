#include "reportsource.h"

#include <QJsonDocument>
#include <QtConcurrent>

#include <domain/json.h>
#include <services/workstation.h>

namespace motcua::ui {

ReportSource::ReportSource(services::Workstation &workstation, QObject *parent)
    : QObject(parent)
    , m_ws(workstation)
{
    connect(&m_watcher, &QFutureWatcher<Page>::finished, this, &ReportSource::pageParsed);
}

ReportSource::~ReportSource()
{
    m_watcher.waitForFinished();
}

void ReportSource::reload()
{
    if (m_loading) {
        m_restart = true; // the page being parsed is dropped when it comes back
        return;
    }
    m_loading = true;
    m_restart = false;
    m_incoming.clear();
    m_incomingApplicants.clear();
    m_next = 0;
    readCatalogues();
    readNextPage();
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

void ReportSource::readNextPage()
{
    auto page = m_ws.cache().dossierDocuments(m_next, kPageSize);
    if (!page) {
        m_loading = false;
        Q_EMIT failed(page.error().message);
        return;
    }
    m_next = page.value().next;
    m_more = page.value().more;
    m_watcher.setFuture(QtConcurrent::run(&ReportSource::parse, page.value().json));
}

ReportSource::Page ReportSource::parse(const QList<QByteArray> &documents)
{
    Page out;
    out.facts.reserve(documents.size());
    for (const QByteArray &json : documents) {
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        auto dossier = domain::dossierFromJson(doc.object());
        if (!doc.isObject() || !dossier) {
            out.error = tr("A dossier in the local cache cannot be read; run the cache check "
                           "(motcuactl cache check).");
            return out;
        }
        out.facts.append(reports::DossierFacts::of(dossier.value()));
        if (auto applicant = reports::ApplicantFacts::of(dossier.value()))
            out.applicants.append(*applicant);
    }
    return out;
}

void ReportSource::pageParsed()
{
    Page page = m_watcher.result();
    if (m_restart) {
        m_loading = false;
        reload();
        return;
    }
    if (!page.error.isEmpty()) {
        m_loading = false;
        Q_EMIT failed(page.error);
        return;
    }
    m_incoming.append(page.facts);
    m_incomingApplicants.append(page.applicants);
    Q_EMIT progress(m_incoming.size());
    if (m_more) {
        readNextPage();
        return;
    }
    m_facts = std::move(m_incoming);
    m_incoming.clear();
    m_applicants = std::move(m_incomingApplicants);
    m_incomingApplicants.clear();
    m_loading = false;
    m_loaded = true;
    Q_EMIT loaded();
}

} // namespace motcua::ui
