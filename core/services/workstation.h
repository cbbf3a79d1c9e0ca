#pragma once

// A logged-in officer at this workstation: the open cache, the catalogues as a domain Directory,
// the work calendar, and the REST client. Every service of the client works on one Workstation.
// Lives in the GUI thread (the cache is used from one thread; its calls are short local queries).
#include <QHash>
#include <QObject>

#include <domain/directory.h>
#include <domain/documenttypes.h>
#include <domain/entities.h>
#include <store/cache.h>

#include <functional>
#include <memory>

namespace motcua::sync {
class ApiClient;
}

namespace motcua::services {

class Workstation : public QObject
{
    Q_OBJECT
public:
    Workstation(std::unique_ptr<store::Cache> cache, domain::Officer officer, sync::ApiClient *api,
                QObject *parent = nullptr);
    ~Workstation() override;

    [[nodiscard]] store::Cache &cache() { return *m_cache; }
    [[nodiscard]] const domain::Officer &officer() const { return m_officer; }
    [[nodiscard]] sync::ApiClient *api() const { return m_api; }
    [[nodiscard]] const domain::Directory &directory() const { return *m_directory; }
    [[nodiscard]] const domain::WorkCalendar &calendar() const { return m_calendar; }
    [[nodiscard]] QList<domain::Procedure> procedures() const { return m_procedures; }
    // The province's document types by code (R02): the intake form of each component (R05.1b).
    [[nodiscard]] const QHash<QString, domain::DocumentType> &documentTypes() const
    {
        return m_documentTypes;
    }
    // The officers of the catalogue (pick-lists: whom to assign a dossier to).
    [[nodiscard]] QList<domain::Officer> officers() const { return m_directory->officers(); }
    [[nodiscard]] std::optional<domain::Agency> agency() const;
    // The officer's agency's dossier code pattern.
    [[nodiscard]] domain::DossierCodePattern codePattern() const;
    // Now, in Vietnam time (the clock the engine and the calendar use).
    [[nodiscard]] static QDateTime now();
    // Test seam (KeePassXC's Clock::setInstance): `now()` answers `clock()` until reset with {}.
    static void setClockForTesting(std::function<QDateTime()> clock);

    // Reads the catalogues (officers, procedures, agencies, calendar) from the cache again.
    domain::Check reloadCatalogues();
    // Tells every view that dossiers changed (a local action, a pull).
    void notifyDossiersChanged() { Q_EMIT dossiersChanged(); }

Q_SIGNALS:
    void dossiersChanged();
    void cataloguesChanged();

private:
    std::unique_ptr<store::Cache> m_cache;
    domain::Officer m_officer;
    sync::ApiClient *m_api;
    std::unique_ptr<domain::InMemoryDirectory> m_directory;
    domain::WorkCalendar m_calendar;
    QList<domain::Procedure> m_procedures;
    QHash<QString, domain::DocumentType> m_documentTypes;
};

} // namespace motcua::services
