#pragma once

// Lays out a directed graph (a workflow's steps and transitions) for drawing: where each box goes
// and which curve each arrow follows. The caller measures its boxes and labels (in points, 1/72
// inch) with its own fonts; the layouter only places them. Coordinates come back with y growing
// downwards, as QPainter and QGraphicsScene use them, the drawing's top-left corner at (0, 0).
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <domain/result.h>

#include <memory>

namespace motcua::services {

struct LayoutNode
{
    QString id;
    QSizeF size; // points
};

struct LayoutEdge
{
    QString from;
    QString to;
    QSizeF labelSize; // empty: no label
};

struct LayoutRequest
{
    QList<LayoutNode> nodes;
    QList<LayoutEdge> edges;
    bool leftToRight = false; // top to bottom otherwise
    double nodeGap = 28;      // points between boxes of one rank
    double rankGap = 40;      // points between ranks
};

struct EdgeRoute
{
    // A cubic Bézier path: the start point, then three points (two controls, one end) per segment.
    QList<QPointF> path;
    QPointF arrowTip;      // where the arrowhead points (the end of `path` stops short of it)
    bool hasArrow = false; // false when the layouter drew the curve to the box itself
    QPointF labelCenter;   // meaningful when the edge has a label
};

struct GraphLayout
{
    QSizeF size;            // the whole drawing
    QList<QRectF> nodes;    // in the request's order
    QList<EdgeRoute> edges; // in the request's order
};

class GraphLayouter
{
public:
    virtual ~GraphLayouter() = default;
    // The layout, or an error with a Vietnamese message (no layout engine, bad request).
    virtual domain::Result<GraphLayout> layout(const LayoutRequest &request) = 0;
};

// Graphviz's `dot` (hierarchical layout), run in this process through libgvc/libcgraph.
std::unique_ptr<GraphLayouter> makeGraphvizLayouter();

} // namespace motcua::services
