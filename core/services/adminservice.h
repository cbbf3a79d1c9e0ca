#pragma once

// Administration against the server, the source of truth for accounts and catalogues (issue 10):
// officers (search, create, activate/deactivate, reset password), the procedure import with its
// preview, and the officer list as CSV. Online only; every answer arrives on the event loop
// through the callback, with the server's Vietnamese message on failure.
#include <QDateTime>
#include <QObject>

#include <domain/adminunits.h>
#include <domain/chart.h>
#include <domain/documenttypes.h>
#include <domain/entities.h>
#include <domain/holidays.h>
#include <domain/procedureimport.h>
#include <domain/result.h>
#include <reports/reporttable.h>

#include <functional>

namespace motcua::sync {
class ApiClient;
}

namespace motcua::services {

struct ImportPreview
{
    bool applied = false;
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    struct Row
    {
        QString code;
        QString name;
        QString kind; // "added", "changed", "unchanged"
        QStringList fields;
    };
    QList<Row> rows;
    QList<domain::ImportProblem> problems; // the file's faults (nothing was applied)
};

// A printable form template (R05.2a-b) as the server keeps it: one version of one kind.
struct FormTemplate
{
    QString kind;       // "receipt", "refusal", …
    QString agencyCode; // empty: the national default
    int version = 0;
    QString title;
    QString legalBasis;
    QString content; // HTML with {{placeholders}}
    QDateTime updatedAt;
    QString updatedBy;
};

// The holiday calendar as read from the server, with its version (the ETag: SHA-256 of the JSON
// read) for a save that must not overwrite someone else's change.
struct CalendarVersion
{
    domain::HolidayCalendar calendar;
    QByteArray tag;
};

// The province's changes to the standard transition chart (R04.2), with their version (the ETag)
// for a save that must not overwrite someone else's change.
struct ChartVersion
{
    domain::ChartSettings settings;
    QByteArray tag;
};

// What an import of the statistics office's unit list would do, or did.
struct UnitImportPreview
{
    bool applied = false;
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    struct Row
    {
        QString kind;  // "added", "changed"
        QString level; // "province", "commune"
        QString code;
        QString name;
        QString parentCode;
        QStringList fields;
    };
    QList<Row> rows;
    QList<domain::ImportProblem> problems; // the file's faults (nothing was applied)
};

class AdminService : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Done = std::function<void(const domain::Result<T> &)>;

    explicit AdminService(sync::ApiClient &api, QObject *parent = nullptr);

    void officers(const QString &query, Done<QList<domain::Officer>> done);
    void createOfficer(const domain::Officer &officer, const QString &password,
                       Done<domain::Officer> done);
    void setActive(const QString &officerId, bool active, Done<domain::Officer> done);
    // Name, title, department, roles, workflow steps granted by name (R01.2b-c); the answer
    // carries the groups the server counts.
    void updateOfficer(const domain::Officer &officer, Done<domain::Officer> done);

    // Groups of officers of the admin's agency (R01.2b), by name, with their members.
    void groups(Done<QList<domain::OfficerGroup>> done);
    // Creates or replaces the group (members included); the server's copy comes back.
    void saveGroup(const domain::OfficerGroup &group, Done<domain::OfficerGroup> done);
    void deleteGroup(const QString &groupId, Done<bool> done);

    // The admin's agency (R02): its name, departments, dossier code pattern and the intake
    // channels it accepts. A department some officer still belongs to cannot be removed
    // (agency.department_in_use).
    void agency(const QString &code, Done<domain::Agency> done);
    void saveAgency(const domain::Agency &agency, Done<domain::Agency> done);

    // The province's shared catalogues (R02): document types with their data fields (R05.1b)
    // and fields. Saving creates or replaces one entry; importing writes a whole list, all or
    // nothing (the server names the first row at fault); an entry a procedure names is kept
    // (catalogue.in_use, naming the procedures).
    enum class SharedCatalogue {
        DocumentTypes,
        Fields
    };
    void documentTypes(Done<QList<domain::DocumentType>> done);
    void saveDocumentType(const domain::DocumentType &type, Done<domain::DocumentType> done);
    void importDocumentTypes(const QList<domain::DocumentType> &types, Done<int> done);
    void procedureFields(Done<QList<domain::ProcedureField>> done);
    void saveProcedureField(const domain::ProcedureField &field, Done<domain::ProcedureField> done);
    void importProcedureFields(const QList<domain::ProcedureField> &fields, Done<int> done);
    void deleteCatalogueEntry(SharedCatalogue catalogue, const QString &code, Done<bool> done);
    void resetPassword(const QString &officerId, const QString &password, Done<bool> done);
    // A file with faults is not an error: the preview carries its problems.
    void importProcedures(const QByteArray &data, bool csv, bool dryRun, Done<ImportPreview> done);

    // The templates in force at the admin's agency; one version of one kind.
    void formTemplates(Done<QList<FormTemplate>> done);
    // `national`: the national default's versions, else the agency's own.
    void formTemplate(const QString &kind, int version, bool national, Done<FormTemplate> done);

    // The national holiday calendar; saving sends the version read (If-Match): a calendar
    // changed since by someone else is refused (calendar.stale) instead of overwritten.
    void calendar(Done<CalendarVersion> done);
    void saveCalendar(const domain::HolidayCalendar &calendar, const QByteArray &tag,
                      Done<CalendarVersion> done);

    // The province's transition chart (R04.2); saving sends the version read (If-Match), as the
    // calendar: settings changed since by someone else are refused (chart.stale).
    void transitionChart(Done<ChartVersion> done);
    void saveTransitionChart(const domain::ChartSettings &settings, const QByteArray &tag,
                             Done<ChartVersion> done);

    // Every administrative unit the server holds (provinces, then communes).
    void adminUnits(Done<QList<domain::AdministrativeUnit>> done);
    // The statistics office's list as CSV; a file with faults is not an error (see problems).
    void importUnits(const QByteArray &csv, bool dryRun, Done<UnitImportPreview> done);

    // The officer list as CSV rows (R01.2a "export officer lists for reports").
    static QStringList officerCsvHeader();
    static QList<QStringList> officerCsvRows(const QList<domain::Officer> &officers);
    // The same list as a report table (the .xlsx export): "DANH SÁCH CÁN BỘ", `agencyName` in the
    // administrative header, every column text.
    static reports::ReportTable officerTable(const QList<domain::Officer> &officers,
                                             const QString &agencyName);

private:
    void call(const QByteArray &method, const QString &path, const QByteArray &body,
              const QByteArray &contentType,
              std::function<void(int status, const QByteArray &body, const domain::Error *)> done);

    sync::ApiClient &m_api;
};

} // namespace motcua::services
