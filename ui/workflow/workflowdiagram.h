#pragma once

// A workflow drawn as a diagram (R09): a box per step (name, who handles it, how long), an arrow
// per transition labelled with the action that takes it, laid out by Graphviz's `dot`. Shown for a
// dossier, the step it is at is highlighted. Exports to PNG, PDF and SVG for reports.
#include <QGraphicsView>

#include <domain/result.h>
#include <domain/workflow.h>

#include <functional>

namespace motcua::services {
class GraphLayouter;
}

namespace motcua::ui {

class WorkflowDiagram : public QGraphicsView
{
    Q_OBJECT
public:
    // Says who handles a step in words ("Lãnh đạo phòng", "Phòng Tư pháp", "Nguyễn Văn A").
    using AssigneeNamer = std::function<QString(const domain::WorkflowStep &)>;

    explicit WorkflowDiagram(QWidget *parent = nullptr);
    ~WorkflowDiagram() override;

    void setAssigneeNamer(AssigneeNamer namer) { m_namer = std::move(namer); }
    // Draws `workflow`; `currentStepId` (may be empty) is highlighted. On a layout error the
    // diagram shows the message instead and the error is returned.
    domain::Check setWorkflow(const domain::Workflow &workflow, const QString &currentStepId = {});
    [[nodiscard]] const domain::Workflow &workflow() const { return m_workflow; }
    [[nodiscard]] QString currentStepId() const { return m_current; }
    // Where each step's box is (scene coordinates), for tests and tooltips.
    [[nodiscard]] QRectF stepRect(const QString &stepId) const;

    // The whole diagram as an image, `scale` pixels per point, on white.
    [[nodiscard]] QImage toImage(qreal scale = 2.0) const;
    domain::Check exportPng(const QString &path) const;
    domain::Check exportPdf(const QString &path) const;
    // Vector, with the labels as text: for reports and web pages.
    domain::Check exportSvg(const QString &path) const;

    // Who handles a step, by default: the role's name, "Phòng/ban …", "Cán bộ …".
    static QString defaultAssigneeName(const domain::WorkflowStep &step);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fit();

    std::unique_ptr<services::GraphLayouter> m_layouter;
    AssigneeNamer m_namer;
    domain::Workflow m_workflow;
    QString m_current;
    QHash<QString, QRectF> m_rects;
};

} // namespace motcua::ui
