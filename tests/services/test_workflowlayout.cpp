// The Graphviz layout of workflow diagrams (R09), run in-process on the shape of the demo
// procedures' workflow: five steps in a chain, two transitions going back (supplement, send back).
#include <QLineF>
#include <QTest>

#include <services/workflowlayout.h>

using namespace motcua::services;

namespace {

LayoutRequest demoShape()
{
    LayoutRequest r;
    const QStringList ids{QStringLiteral("tiep-nhan"), QStringLiteral("phan-cong"),
                          QStringLiteral("tham-dinh"), QStringLiteral("phe-duyet"),
                          QStringLiteral("tra-ket-qua")};
    for (int i = 0; i < ids.size(); ++i)
        r.nodes.append({ids.at(i), QSizeF(210, 80 + 10 * i)});
    r.edges = {{ids[0], ids[1], QSizeF(70, 16)},  {ids[1], ids[2], QSizeF(60, 16)},
               {ids[2], ids[0], QSizeF(110, 16)}, {ids[2], ids[3], QSizeF(120, 16)},
               {ids[3], ids[2], QSizeF(60, 16)},  {ids[3], ids[4], QSizeF(60, 16)}};
    return r;
}

// Distance from `p` to the rectangle `r` (0 inside).
double distance(const QRectF &r, QPointF p)
{
    const double dx = qMax(qMax(r.left() - p.x(), 0.0), p.x() - r.right());
    const double dy = qMax(qMax(r.top() - p.y(), 0.0), p.y() - r.bottom());
    return std::hypot(dx, dy);
}

} // namespace

class TestWorkflowLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void laysOutTheDemoWorkflow_R09()
    {
        const auto request = demoShape();
        auto laid = makeGraphvizLayouter()->layout(request);
        QVERIFY2(laid, qPrintable(laid ? QString() : laid.error().message));
        const auto &l = laid.value();
        QCOMPARE(l.nodes.size(), request.nodes.size());
        QCOMPARE(l.edges.size(), request.edges.size());
        const QRectF drawing(QPointF(0, 0), l.size);
        for (int i = 0; i < l.nodes.size(); ++i) {
            // The boxes keep the caller's size, lie inside the drawing and do not overlap.
            QCOMPARE(qRound(l.nodes[i].width()), qRound(request.nodes[i].size.width()));
            QCOMPARE(qRound(l.nodes[i].height()), qRound(request.nodes[i].size.height()));
            QVERIFY(drawing.adjusted(-1, -1, 1, 1).contains(l.nodes[i]));
            for (int j = 0; j < i; ++j)
                QVERIFY2(!l.nodes[i].intersects(l.nodes[j]), qPrintable(QString::number(j)));
        }
        // Labels are laid out at their size: the drawing stays about two boxes wide.
        QVERIFY2(l.size.width() < 3 * 210 + 2 * 120, qPrintable(QString::number(l.size.width())));
        // Top to bottom: the forward chain goes down the page.
        for (int i = 1; i < l.nodes.size(); ++i)
            QVERIFY(l.nodes[i].top() > l.nodes[i - 1].bottom());
        // Each arrow is a cubic Bézier path from its step to the next, ending at the box.
        for (int e = 0; e < l.edges.size(); ++e) {
            const auto &route = l.edges[e];
            const auto &edge = request.edges[e];
            QVERIFY(route.path.size() >= 4);
            QCOMPARE((route.path.size() - 1) % 3, 0);
            int from = -1, to = -1;
            for (int i = 0; i < request.nodes.size(); ++i) {
                if (request.nodes[i].id == edge.from)
                    from = i;
                if (request.nodes[i].id == edge.to)
                    to = i;
            }
            QVERIFY(distance(l.nodes[from], route.path.first()) < 2.0);
            const QPointF end = route.hasArrow ? route.arrowTip : route.path.last();
            QVERIFY2(distance(l.nodes[to], end) < 2.0, qPrintable(QString::number(e)));
            QVERIFY(drawing.adjusted(-1, -1, 1, 1).contains(route.labelCenter));
            // The label sits beside its own arrow, not somewhere else in the drawing.
            double nearest = 1e9;
            for (const QPointF &p : route.path)
                nearest = qMin(nearest, QLineF(p, route.labelCenter).length());
            QVERIFY2(nearest < edge.labelSize.width() / 2 + 40,
                     qPrintable(QStringLiteral("edge %1: label %2 pt away").arg(e).arg(nearest)));
        }
    }

    void leftToRight()
    {
        auto request = demoShape();
        request.leftToRight = true;
        auto laid = makeGraphvizLayouter()->layout(request);
        QVERIFY(laid);
        for (int i = 1; i < laid->nodes.size(); ++i)
            QVERIFY(laid->nodes[i].left() > laid->nodes[i - 1].right());
    }

    void badRequestsAreRefused()
    {
        auto layouter = makeGraphvizLayouter();
        auto request = demoShape();
        request.nodes[1].id = request.nodes[0].id;
        auto r = layouter->layout(request);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("layout.failed"));
        QVERIFY(r.error().message.startsWith(QStringLiteral("Không vẽ được sơ đồ quy trình")));
        request = demoShape();
        request.edges.append({QStringLiteral("tiep-nhan"), QStringLiteral("ma"), {}});
        QVERIFY(!layouter->layout(request));
        request = demoShape();
        request.nodes[2].size = QSizeF(0, 10);
        QVERIFY(!layouter->layout(request));
        auto empty = layouter->layout({});
        QVERIFY(empty);
        QVERIFY(empty->nodes.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestWorkflowLayout)
#include "test_workflowlayout.moc"
