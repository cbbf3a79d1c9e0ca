#pragma once

// Catalogues in the database: agencies (with departments), officers (with password hashes),
// procedures, workflows (versioned), the work calendar's yearly data. Documents are stored as the
// domain's JSON next to the columns queries filter on.
#include "database.h"

#include <QList>

#include <domain/chart.h>
#include <domain/directory.h>
#include <domain/documenttypes.h>
#include <domain/entities.h>
#include <domain/workflow.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace motcua::server {

class CatalogueStore
{
public:
    explicit CatalogueStore(Database &db)
        : m_db(db)
    {}

    Result<QList<domain::Agency>> agencies();
    Result<std::optional<domain::Agency>> agency(const QString &code);
    Check putAgency(const domain::Agency &agency); // insert or replace

    Result<QList<domain::Officer>> officers(const QString &agencyCode = {}); // empty: all agencies
    Result<std::optional<domain::Officer>> officer(const QString &id);
    Result<std::optional<domain::Officer>> officerByUsername(const QString &username);
    // Insert or replace; an empty passwordHash keeps the stored one (a new officer must have one).
    Check putOfficer(const domain::Officer &officer, const QString &passwordHash = {});
    Result<QString> passwordHash(const QString &officerId);

    // Groups of officers (R01.2b), with their members; every read of an officer above fills its
    // groupIds and groupRoles from them.
    Result<QList<domain::OfficerGroup>> groups(const QString &agencyCode = {}); // empty: all
    Result<std::optional<domain::OfficerGroup>> group(const QString &id);
    // Insert or replace, members included (each an officer of the group's agency).
    Check putGroup(const domain::OfficerGroup &group);
    Result<bool> deleteGroup(const QString &id); // false: there was no such group

    Result<QList<domain::Procedure>> procedures(const QString &agencyCode = {});
    Result<std::optional<domain::Procedure>> procedure(const QString &code);
    Check putProcedure(const domain::Procedure &procedure);
    // All or nothing: every procedure is written, or none (one transaction).
    Check putProcedures(const QList<domain::Procedure> &procedures);

    Result<QList<domain::Workflow>> workflows(); // latest version of each
    Result<std::optional<domain::Workflow>> workflow(const QString &id,
                                                     int version = 0); // 0 = latest
    Result<int> latestWorkflowVersion(const QString &id);              // 0: no such workflow
    Check addWorkflowVersion(const domain::Workflow &workflow); // a version is never overwritten

    // The yearly government data and the office hours.
    Result<domain::HolidayCalendar> holidayCalendar();
    // Replaces the calendar. With `stillCurrent`, the calendar stored is read in the write's own
    // transaction and handed to it first: false → nothing is written, Error calendar.stale.
    using StillCurrent = std::function<bool(const domain::HolidayCalendar &)>;
    Check putHolidayCalendar(const domain::HolidayCalendar &calendar,
                             const StillCurrent &stillCurrent = {});

    // The province's shared catalogues (R02): document types with their data fields (R05.1b) and
    // the fields procedures are classified in. Each entry is one JSON row; a list is by code.
    Result<QList<domain::DocumentType>> documentTypes();
    Result<QList<domain::ProcedureField>> procedureFields();
    // Insert or replace every entry, all or nothing (one transaction).
    Check putDocumentTypes(const QList<domain::DocumentType> &types);
    Check putProcedureFields(const QList<domain::ProcedureField> &fields);
    Result<bool> deleteDocumentType(const QString &code); // false: there was none
    Result<bool> deleteProcedureField(const QString &code);

    // The province's transition chart (R04.2): what its admin changed from the standard chart.
    // With `stillCurrent`, the settings stored are handed to it in the write's own transaction:
    // false → nothing is written, Error chart.stale.
    Result<domain::ChartSettings> chartSettings();
    using ChartStillCurrent = std::function<bool(const domain::ChartSettings &)>;
    Check putChartSettings(const domain::ChartSettings &settings,
                           const ChartStillCurrent &stillCurrent = {});

    // Bumped by every write: DbDirectory drops its cache when it changes.
    [[nodiscard]] quint64 generation() const { return m_generation.load(); }

    // Addition: the database, e.g. to group several writes in one transaction (they join it).
    [[nodiscard]] Database &database() { return m_db; }

private:
    Database &m_db;
    std::atomic<quint64> m_generation{1};
};

// domain::Directory over the catalogue store, cached, safe to use from several threads at once.
// Officers are read fresh on every call (a deactivation must take effect at once); agencies,
// procedures and the calendar are cached until the store's generation changes.
class DbDirectory final : public domain::Directory
{
public:
    explicit DbDirectory(CatalogueStore &store);
    ~DbDirectory() override;

    [[nodiscard]] std::optional<domain::Officer> officer(const QString &id) const override;
    [[nodiscard]] std::optional<domain::Procedure> procedure(const QString &code) const override;
    [[nodiscard]] std::optional<domain::Agency> agency(const QString &code) const override;
    [[nodiscard]] const domain::WorkCalendar &calendar(const QString &agencyCode) const override;
    // Which version is the latest is asked each time (a new version takes effect at the next
    // intake, whoever stored it); a given version never changes, so it is kept once read.
    [[nodiscard]] std::optional<domain::Workflow> workflow(const QString &id,
                                                           int version = 0) const override;
    // Cached with the calendar: a change through this store counts at the next action.
    [[nodiscard]] const domain::TransitionChart &chart() const override;
    // Addition: a document type of the province's catalogue (R05.1b), cached the same way.
    [[nodiscard]] std::optional<domain::DocumentType> documentType(const QString &code) const;

private:
    struct Cache;
    CatalogueStore &m_store;
    std::unique_ptr<Cache> m_cache;
};

} // namespace motcua::server
