#include "workflowdiagram.h"

#include "labels.h"

#include <QFileInfo>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextDocument>
#include <QtMath>

#include <domain/roles.h>
#include <services/workflowlayout.h>

namespace motcua::ui {

using domain::WorkflowStep;

namespace {

constexpr qreal kBoxWidth = 210;
constexpr qreal kPad = 10;
constexpr qreal kMargin = 28;
constexpr qreal kStartSize = 18;

const QColor kInk(0x20, 0x21, 0x24);
const QColor kMuted(0x5f, 0x63, 0x68);
const QColor kBlue(0x0b, 0x57, 0xd0);
const QColor kOrange(0xc2, 0x5e, 0x00);
const QColor kOrangeTint(0xfe, 0xf3, 0xe6);
const QColor kCurrent(0xf2, 0x99, 0x00);
const QColor kCurrentTint(0xff, 0xf4, 0xd1);

QFont labelFont(int pixelSize, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    return f;
}

QGraphicsTextItem *textItem(const QString &html, const QFont &f, qreal width, QGraphicsItem *parent)
{
    auto *t = new QGraphicsTextItem(parent);
    t->setFont(f);
    t->document()->setDocumentMargin(0);
    t->setHtml(html);
    t->setTextWidth(width);
    return t;
}

bool isBackward(domain::ActionType type)
{
    using domain::ActionType;
    return type == ActionType::SendBack || type == ActionType::RequestSupplement
        || type == ActionType::Reject || type == ActionType::Refuse;
}

// The box of one step, with its texts laid out inside; positioned after the layout.
struct StepBox
{
    QGraphicsPathItem *frame = nullptr;
    QSizeF size;
};

StepBox makeStepBox(QGraphicsScene &scene, const WorkflowStep &step, const QString &who, bool timed,
                    bool current)
{
    StepBox box;
    box.frame = scene.addPath(QPainterPath());
    const qreal inner = kBoxWidth - 2 * kPad;
    qreal y = kPad;
    if (current || step.supplement) {
        const QString tag = current ? WorkflowDiagram::tr("CURRENT STEP")
                                    : WorkflowDiagram::tr("SUPPLEMENT STEP");
        auto *t = new QGraphicsSimpleTextItem(tag, box.frame);
        t->setFont(labelFont(10, true));
        t->setBrush(current ? QColor(0xa3, 0x4e, 0x00) : kOrange);
        t->setPos(kPad, y);
        y += t->boundingRect().height() + 2;
    }
    auto *name = textItem(step.name.toHtmlEscaped(), labelFont(13, true), inner, box.frame);
    name->setDefaultTextColor(kInk);
    name->setPos(kPad, y);
    y += name->boundingRect().height() + 4;
    auto *whoItem = textItem(who.toHtmlEscaped(), labelFont(11), inner, box.frame);
    whoItem->setDefaultTextColor(kMuted);
    whoItem->setPos(kPad, y);
    y += whoItem->boundingRect().height() + 2;
    const QString duration = !timed ? WorkflowDiagram::tr("Untimed")
                                    : WorkflowDiagram::tr("Time limit: %1")
                                          .arg(domain::formatWorkingMinutes(step.durationMinutes));
    auto *dur = textItem(duration.toHtmlEscaped(), labelFont(11, true), inner, box.frame);
    dur->setDefaultTextColor(timed ? kBlue : kMuted);
    dur->setPos(kPad, y);
    y += dur->boundingRect().height() + kPad;
    box.size = QSizeF(kBoxWidth, qCeil(y));

    QPainterPath path;
    path.addRoundedRect(QRectF(QPointF(0, 0), box.size), 8, 8);
    box.frame->setPath(path);
    QPen pen(current ? kCurrent : (step.supplement ? kOrange : kBlue), current ? 3.5 : 1.6);
    if (step.supplement && !current)
        pen.setStyle(Qt::DashLine);
    box.frame->setPen(pen);
    box.frame->setBrush(current ? kCurrentTint
                                : (step.supplement ? kOrangeTint : QColor(Qt::white)));
    box.frame->setToolTip(step.id);
    return box;
}

void addArrowHead(QGraphicsScene &scene, QPointF from, QPointF tip, const QColor &color)
{
    const QLineF line(tip, from);
    if (line.length() < 0.1)
        return;
    const qreal angle = qDegreesToRadians(line.angle());
    const qreal size = 9;
    const auto corner = [&](qreal delta) {
        return tip + QPointF(qCos(angle + delta) * size, -qSin(angle + delta) * size);
    };
    QPolygonF head{tip, corner(M_PI / 7), corner(-M_PI / 7)};
    scene.addPolygon(head, QPen(color, 1), QBrush(color));
}

} // namespace

WorkflowDiagram::WorkflowDiagram(QWidget *parent)
    : QGraphicsView(parent)
    , m_layouter(services::makeGraphvizLayouter())
    , m_namer(&WorkflowDiagram::defaultAssigneeName)
{
    setObjectName(QStringLiteral("workflowDiagram"));
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setBackgroundBrush(Qt::white);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setFocusPolicy(Qt::StrongFocus);
}

WorkflowDiagram::~WorkflowDiagram() = default;

QString WorkflowDiagram::defaultAssigneeName(const WorkflowStep &step)
{
    switch (step.assigneeKind) {
    case domain::AssigneeKind::Role:
        if (const auto role = domain::roleFromKey(step.assignee))
            return Labels::role(*role);
        return tr("Role %1").arg(step.assignee);
    case domain::AssigneeKind::Department:
        return tr("Department %1").arg(step.assignee);
    case domain::AssigneeKind::Person:
        return tr("Officer %1").arg(step.assignee);
    case domain::AssigneeKind::Group:
        return tr("Group %1").arg(step.assignee);
    case domain::AssigneeKind::Position:
        return tr("Position: %1").arg(step.assignee);
    }
    return step.assignee;
}

domain::Check WorkflowDiagram::setWorkflow(const domain::Workflow &workflow,
                                           const QString &currentStepId)
{
    m_workflow = workflow;
    m_current = currentStepId;
    m_rects.clear();
    QGraphicsScene &s = *scene();
    s.clear();

    // Title and summary above the graph.
    auto *title = textItem(workflow.name.toHtmlEscaped(), labelFont(17, true), 720, nullptr);
    title->setDefaultTextColor(kInk);
    s.addItem(title);
    QStringList variants;
    for (const auto v : workflow.variants)
        variants << domain::workflowVariantName(v);
    QString summary
        = tr("Procedure %1 · version %2").arg(workflow.procedureCode).arg(workflow.version);
    summary += QStringLiteral(" · ")
        + (workflow.timed
               ? tr("total time %1").arg(domain::formatWorkingMinutes(workflow.totalMinutes()))
               : tr("untimed workflow"));
    if (!variants.isEmpty())
        summary += QStringLiteral("<br>")
            + tr("Applies to: %1").arg(variants.join(QStringLiteral(", ")));
    auto *sub = textItem(summary, labelFont(12), 720, nullptr);
    sub->setDefaultTextColor(kMuted);
    s.addItem(sub);
    title->setPos(kMargin, kMargin);
    sub->setPos(kMargin, kMargin + title->boundingRect().height() + 2);
    const qreal top = sub->y() + sub->boundingRect().height() + 20;

    services::LayoutRequest request;
    QList<StepBox> boxes;
    for (const auto &step : workflow.steps) {
        boxes.append(makeStepBox(s, step, m_namer(step), workflow.timed, step.id == currentStepId));
        request.nodes.append({step.id, boxes.constLast().size});
    }
    const bool hasStart = workflow.step(workflow.startStepId) != nullptr;
    const QString startId = QStringLiteral("\x01start");
    if (hasStart) {
        request.nodes.append({startId, QSizeF(kStartSize, kStartSize)});
        request.edges.append({startId, workflow.startStepId, {}});
    }
    QList<QGraphicsSimpleTextItem *> labels;
    for (const auto &t : workflow.transitions) {
        auto *label = new QGraphicsSimpleTextItem(Labels::action(t.on));
        label->setFont(labelFont(11));
        label->setBrush(isBackward(t.on) ? kOrange : kMuted);
        s.addItem(label);
        labels.append(label);
        request.edges.append({t.from, t.to, label->boundingRect().size() + QSizeF(8, 4)});
    }
    auto laid = m_layouter->layout(request);
    if (!laid) {
        s.clear();
        auto *msg = s.addText(laid.error().message, labelFont(13));
        msg->setDefaultTextColor(QColor(0xb0, 0x00, 0x20));
        fit();
        return laid.error();
    }
    const QPointF origin(kMargin, top);
    const auto &layout = laid.value();
    for (qsizetype i = 0; i < boxes.size(); ++i) {
        const QRectF r = layout.nodes.at(i).translated(origin);
        boxes[i].frame->setPos(r.topLeft());
        boxes[i].frame->setZValue(2);
        m_rects.insert(workflow.steps.at(i).id, r);
    }
    qsizetype edge = 0;
    if (hasStart) {
        const QRectF r = layout.nodes.constLast().translated(origin);
        auto *dot = s.addEllipse(r, QPen(kInk), QBrush(kInk));
        dot->setToolTip(tr("Start"));
        auto *startLabel = s.addSimpleText(tr("Start"), labelFont(11, true));
        startLabel->setBrush(kInk);
        startLabel->setPos(r.right() + 6, r.center().y() - startLabel->boundingRect().height() / 2);
    }
    for (qsizetype i = 0; i < request.edges.size(); ++i) {
        const auto &route = layout.edges.at(i);
        const bool isStartEdge = hasStart && i == 0;
        const auto *t = isStartEdge ? nullptr : &workflow.transitions.at(edge);
        const bool back = t && isBackward(t->on);
        const QColor color = back ? kOrange : (isStartEdge ? kInk : kMuted);
        QPainterPath path;
        if (!route.path.isEmpty()) {
            path.moveTo(route.path.first() + origin);
            for (qsizetype k = 1; k + 2 < route.path.size(); k += 3) {
                path.cubicTo(route.path.at(k) + origin, route.path.at(k + 1) + origin,
                             route.path.at(k + 2) + origin);
            }
        }
        QPen pen(color, 1.6);
        if (back)
            pen.setStyle(Qt::DashLine);
        s.addPath(path, pen)->setZValue(1);
        if (route.hasArrow && !route.path.isEmpty())
            addArrowHead(s, route.path.last() + origin, route.arrowTip + origin, color);
        if (t) {
            auto *label = labels.at(edge);
            const QRectF lr = label->boundingRect();
            const QPointF c = route.labelCenter + origin;
            auto *bg = s.addRect(QRectF(c.x() - lr.width() / 2 - 3, c.y() - lr.height() / 2 - 1,
                                        lr.width() + 6, lr.height() + 2),
                                 Qt::NoPen, QBrush(Qt::white));
            bg->setZValue(3);
            label->setPos(c.x() - lr.width() / 2, c.y() - lr.height() / 2);
            label->setZValue(4);
            ++edge;
        }
    }
    const QRectF all = s.itemsBoundingRect();
    s.setSceneRect(QRectF(0, 0, all.right() + kMargin, all.bottom() + kMargin));
    fit();
    return {};
}

QRectF WorkflowDiagram::stepRect(const QString &stepId) const
{
    return m_rects.value(stepId);
}

QImage WorkflowDiagram::toImage(qreal scale) const
{
    const QRectF rect = scene()->sceneRect();
    QImage image((rect.size() * scale).toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene()->render(&p, QRectF(QPointF(0, 0), rect.size() * scale), rect);
    return image;
}

domain::Check WorkflowDiagram::exportPng(const QString &path) const
{
    if (!toImage().save(path, "PNG")) {
        return domain::makeError(QStringLiteral("diagram.write_failed"),
                                 tr("Could not write the diagram to %1.").arg(path));
    }
    return {};
}

domain::Check WorkflowDiagram::exportPdf(const QString &path) const
{
    const QRectF rect = scene()->sceneRect();
    if (QFileInfo(path).exists() && !QFileInfo(path).isWritable()) {
        return domain::makeError(QStringLiteral("diagram.write_failed"),
                                 tr("Could not write the diagram to %1.").arg(path));
    }
    QPdfWriter pdf(path);
    pdf.setTitle(m_workflow.name);
    pdf.setCreator(QStringLiteral("MotCua"));
    pdf.setResolution(72);
    // One page the size of the diagram (points), so it prints at its natural scale.
    pdf.setPageSize(QPageSize(rect.size(), QPageSize::Point, QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter p;
    if (!p.begin(&pdf)) {
        return domain::makeError(QStringLiteral("diagram.write_failed"),
                                 tr("Could not write the diagram to %1.").arg(path));
    }
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene()->render(&p, QRectF(QPointF(0, 0), rect.size()), rect);
    p.end();
    return {};
}

domain::Check WorkflowDiagram::exportSvg(const QString &path) const
{
    const QRectF rect = scene()->sceneRect();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return domain::makeError(QStringLiteral("diagram.write_failed"),
                                 tr("Could not write the diagram to %1.").arg(path));
    }
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(rect.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), rect.size()));
    svg.setTitle(m_workflow.name);
    svg.setDescription(tr("Workflow %1, version %2").arg(m_workflow.id).arg(m_workflow.version));
    QPainter p;
    if (!p.begin(&svg)) {
        return domain::makeError(QStringLiteral("diagram.write_failed"),
                                 tr("Could not write the diagram to %1.").arg(path));
    }
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene()->render(&p, QRectF(QPointF(0, 0), rect.size()), rect);
    p.end();
    if (!file.commit()) {
        return domain::makeError(QStringLiteral("diagram.write_failed"),
                                 tr("Could not write the diagram to %1.").arg(path));
    }
    return {};
}

void WorkflowDiagram::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fit();
}

void WorkflowDiagram::fit()
{
    const QRectF r = scene()->sceneRect();
    if (r.isEmpty())
        return;
    // Shrink to fit, never enlarge past 100 %.
    const qreal sx = viewport()->width() / r.width();
    const qreal sy = viewport()->height() / r.height();
    const qreal k = qMin<qreal>(1.0, qMin(sx, sy));
    setTransform(QTransform::fromScale(k, k));
}

} // namespace motcua::ui
