#pragma once

// JSON of every entity and action, as the API, the cache and the CLI exchange them.
// Top-level documents carry "schemaVersion"; readers refuse newer versions and unknown fields.
#include "action.h"
#include "entities.h"
#include "jsonreader.h"
#include "workflow.h"

#include <QJsonObject>

namespace motcua::domain {

inline constexpr int kSchemaVersion = 1;

QJsonObject toJson(const Deadline &deadline);
QJsonObject toJson(const Agency &agency);
QJsonObject toJson(const Officer &officer);
QJsonObject toJson(const OfficerGroup &group);
QJsonObject toJson(const Procedure &procedure);
QJsonObject toJson(const Workflow &workflow);
QJsonObject toJson(const Applicant &applicant);
QJsonObject toJson(const Component &component);
QJsonObject toJson(const FileRef &file);
QJsonObject toJson(const Dossier &dossier);
QJsonObject toJson(const Action &action);

// Readers for nested objects (used inside other readers and by the engine for payloads).
Deadline readDeadline(JsonReader &r);
Applicant readApplicant(JsonReader &r);
Component readComponent(JsonReader &r);
FileRef readFileRef(JsonReader &r);

// Top-level readers: check the schema version, every field's type, and unknown fields.
Result<Agency> agencyFromJson(const QJsonObject &json);
Result<Officer> officerFromJson(const QJsonObject &json);
Result<OfficerGroup> officerGroupFromJson(const QJsonObject &json);
Result<Procedure> procedureFromJson(const QJsonObject &json);
Result<Workflow> workflowFromJson(const QJsonObject &json);
Result<Applicant> applicantFromJson(const QJsonObject &json);
Result<Component> componentFromJson(const QJsonObject &json);
Result<Dossier> dossierFromJson(const QJsonObject &json);
Result<Action> actionFromJson(const QJsonObject &json);

// Reads "schemaVersion" (absent = 1); newer than kSchemaVersion is an error.
void readSchemaVersion(JsonReader &r);

// Runs `read` over `json` with a top-level reader and finishes it.
template<typename T>
Result<T> readTopLevel(const QJsonObject &json, const std::function<T(JsonReader &)> &read)
{
    JsonReader r(json);
    readSchemaVersion(r);
    T value = read(r);
    if (auto st = r.finish(); !st)
        return st.error();
    return value;
}

} // namespace motcua::domain
