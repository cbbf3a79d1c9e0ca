#pragma once

#include "entities.h"
#include "status.h"
#include "workcalendar.h"
#include "workflow.h"

#include <QHash>
#include <QMap>

#include <optional>

namespace motcua::domain {

// What the engine needs to know about the world to judge an action: officers, procedures,
// agencies and each agency's work calendar. The client answers from its cache, the server from its
// database, tests from memory.
class Directory
{
public:
    virtual ~Directory() = default;
    [[nodiscard]] virtual std::optional<Officer> officer(const QString &id) const = 0;
    [[nodiscard]] virtual std::optional<Procedure> procedure(const QString &code) const = 0;
    [[nodiscard]] virtual std::optional<Agency> agency(const QString &code) const = 0;
    [[nodiscard]] virtual const WorkCalendar &calendar(const QString &agencyCode) const = 0;
    // Version `version` of workflow `id`, the latest when `version` is 0 (R07: a running dossier
    // keeps the version recorded at intake). A directory without workflows answers nullopt; the
    // engine then leaves the dossier's step alone.
    [[nodiscard]] virtual std::optional<Workflow> workflow(const QString &id, int version = 0) const
    {
        Q_UNUSED(id)
        Q_UNUSED(version)
        return std::nullopt;
    }
    // The province's transition chart (R04.2, chart.h): which steps are taken and by whom. The
    // standard chart when the directory has no other.
    [[nodiscard]] virtual const TransitionChart &chart() const
    {
        return TransitionChart::standard();
    }
};

// A Directory that answers every lookup from another one: a base for directories that answer a
// few lookups themselves (the pushing officer of a request, a test's hook).
class ForwardingDirectory : public Directory
{
public:
    explicit ForwardingDirectory(const Directory &base)
        : m_base(base)
    {}
    [[nodiscard]] std::optional<Officer> officer(const QString &id) const override
    {
        return m_base.officer(id);
    }
    [[nodiscard]] std::optional<Procedure> procedure(const QString &code) const override
    {
        return m_base.procedure(code);
    }
    [[nodiscard]] std::optional<Agency> agency(const QString &code) const override
    {
        return m_base.agency(code);
    }
    [[nodiscard]] const WorkCalendar &calendar(const QString &agencyCode) const override
    {
        return m_base.calendar(agencyCode);
    }
    [[nodiscard]] std::optional<Workflow> workflow(const QString &id,
                                                   int version = 0) const override
    {
        return m_base.workflow(id, version);
    }
    [[nodiscard]] const TransitionChart &chart() const override { return m_base.chart(); }

private:
    const Directory &m_base;
};

// A Directory held in memory.
class InMemoryDirectory final : public Directory
{
public:
    void add(const Officer &officer) { m_officers.insert(officer.id, officer); }
    void add(const Procedure &procedure) { m_procedures.insert(procedure.code, procedure); }
    void add(const Agency &agency) { m_agencies.insert(agency.code, agency); }
    void setCalendar(const WorkCalendar &calendar) { m_calendar = calendar; }
    void setChart(TransitionChart chart) { m_chart = std::move(chart); }
    // Every version is kept; adding a version that exists replaces it.
    void add(const Workflow &workflow)
    {
        m_workflows[workflow.id].insert(workflow.version, workflow);
    }

    [[nodiscard]] std::optional<Officer> officer(const QString &id) const override
    {
        return find(m_officers, id);
    }
    [[nodiscard]] std::optional<Procedure> procedure(const QString &code) const override
    {
        return find(m_procedures, code);
    }
    [[nodiscard]] std::optional<Agency> agency(const QString &code) const override
    {
        return find(m_agencies, code);
    }
    [[nodiscard]] const WorkCalendar &calendar(const QString &) const override
    {
        return m_calendar;
    }
    [[nodiscard]] std::optional<Workflow> workflow(const QString &id,
                                                   int version = 0) const override
    {
        const auto versions = m_workflows.constFind(id);
        if (versions == m_workflows.constEnd() || versions->isEmpty())
            return std::nullopt;
        if (version <= 0)
            return versions->last(); // QMap: ordered by version
        const auto it = versions->constFind(version);
        return it == versions->constEnd() ? std::nullopt : std::optional<Workflow>(*it);
    }
    [[nodiscard]] const TransitionChart &chart() const override
    {
        return m_chart ? *m_chart : TransitionChart::standard();
    }
    // Every officer, in no particular order (pick-lists: whom to assign).
    [[nodiscard]] QList<Officer> officers() const { return m_officers.values(); }

private:
    template<typename T>
    static std::optional<T> find(const QHash<QString, T> &hash, const QString &key)
    {
        const auto it = hash.constFind(key);
        return it == hash.constEnd() ? std::nullopt : std::optional<T>(*it);
    }

    QHash<QString, Officer> m_officers;
    QHash<QString, Procedure> m_procedures;
    QHash<QString, Agency> m_agencies;
    QHash<QString, QMap<int, Workflow>> m_workflows;
    WorkCalendar m_calendar;
    std::optional<TransitionChart> m_chart;
};

} // namespace motcua::domain
