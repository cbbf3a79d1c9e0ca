// GraphLayouter on Graphviz's C library: one graph per call, `dot` layout, positions and splines
// read back from the laid-out graph. Graphviz keeps global state and is not thread-safe, so calls
// are serialised.
#include "workflowlayout.h"

#include <QByteArray>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QtMath>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

Q_LOGGING_CATEGORY(lcWorkflowLayout, "motcua.services.workflowlayout")

namespace motcua::services {

namespace {

QMutex &graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

constexpr double kPointsPerInch = 72.0;

// Graphviz takes `char *` for names and values it only reads.
char *cstr(QByteArray &bytes)
{
    return bytes.data();
}

void set(void *object, const char *name, const QByteArray &value)
{
    QByteArray n(name);
    QByteArray v(value);
    QByteArray empty;
    agsafeset(object, cstr(n), cstr(v), cstr(empty));
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'f', 4);
}

domain::Error layoutError(const QString &detail)
{
    return domain::makeError(QStringLiteral("layout.failed"),
                             QStringLiteral("Không vẽ được sơ đồ quy trình: %1").arg(detail));
}

class GraphvizLayouter final : public GraphLayouter
{
public:
    domain::Result<GraphLayout> layout(const LayoutRequest &request) override
    {
        QHash<QString, int> index;
        for (int i = 0; i < request.nodes.size(); ++i) {
            const auto &n = request.nodes.at(i);
            if (n.id.isEmpty() || index.contains(n.id))
                return layoutError(QStringLiteral("mã bước trống hoặc trùng (\"%1\").").arg(n.id));
            if (!(n.size.width() > 0) || !(n.size.height() > 0))
                return layoutError(QStringLiteral("bước \"%1\" không có kích thước.").arg(n.id));
            index.insert(n.id, i);
        }
        for (const auto &e : request.edges) {
            if (!index.contains(e.from) || !index.contains(e.to)) {
                return layoutError(
                    QStringLiteral("mũi tên nối tới bước không có (%1 → %2).").arg(e.from, e.to));
            }
        }
        if (request.nodes.isEmpty())
            return GraphLayout{};

        QMutexLocker lock(&graphvizMutex());
        GVC_t *gvc = gvContext();
        if (!gvc)
            return layoutError(QStringLiteral("không khởi tạo được Graphviz."));
        QByteArray graphName("workflow");
        Agraph_t *g = agopen(cstr(graphName), Agdirected, nullptr);
        set(g, "rankdir", request.leftToRight ? "LR" : "TB");
        set(g, "nodesep", number(request.nodeGap / kPointsPerInch));
        set(g, "ranksep", number(request.rankGap / kPointsPerInch));
        set(g, "splines", "true");
        set(g, "pad", "0");

        QList<Agnode_t *> nodes;
        for (int i = 0; i < request.nodes.size(); ++i) {
            const auto &n = request.nodes.at(i);
            QByteArray name = "n" + QByteArray::number(i);
            Agnode_t *node = agnode(g, cstr(name), 1);
            set(node, "shape", "box");
            set(node, "fixedsize", "true");
            set(node, "label", "");
            set(node, "width", number(n.size.width() / kPointsPerInch));
            set(node, "height", number(n.size.height() / kPointsPerInch));
            nodes.append(node);
        }
        QList<Agedge_t *> edges;
        for (int i = 0; i < request.edges.size(); ++i) {
            const auto &e = request.edges.at(i);
            QByteArray name = "e" + QByteArray::number(i);
            Agedge_t *edge = agedge(g, nodes.at(index.value(e.from)), nodes.at(index.value(e.to)),
                                    cstr(name), 1);
            if (!e.labelSize.isEmpty()) {
                // A label of the caller's size: a blank HTML table cell of fixed width and
                // height (an HTML string, or Graphviz would measure the markup as text).
                QByteArray html = "<table border=\"0\" cellspacing=\"0\" cellpadding=\"0\"><tr><td "
                                  "fixedsize=\"true\" width=\""
                    + QByteArray::number(qCeil(e.labelSize.width())) + "\" height=\""
                    + QByteArray::number(qCeil(e.labelSize.height())) + "\"></td></tr></table>";
                char *label = agstrdup_html(g, cstr(html));
                QByteArray attribute("label");
                QByteArray empty;
                agsafeset(edge, cstr(attribute), label, cstr(empty));
                agstrfree(g, label);
            }
            edges.append(edge);
        }

        QByteArray engine("dot");
        if (gvLayout(gvc, g, cstr(engine)) != 0) {
            agclose(g);
            gvFreeContext(gvc);
            return layoutError(QStringLiteral("Graphviz không có bộ bố trí \"dot\"."));
        }

        const boxf bb = GD_bb(g);
        const double height = bb.UR.y - bb.LL.y;
        const auto toQt
            = [&](pointf p) { return QPointF(p.x - bb.LL.x, height - (p.y - bb.LL.y)); };
        GraphLayout out;
        out.size = QSizeF(bb.UR.x - bb.LL.x, height);
        for (Agnode_t *node : std::as_const(nodes)) {
            const QPointF c = toQt(ND_coord(node));
            const double w = ND_width(node) * kPointsPerInch;
            const double h = ND_height(node) * kPointsPerInch;
            out.nodes.append(QRectF(c.x() - w / 2, c.y() - h / 2, w, h));
        }
        for (Agedge_t *edge : std::as_const(edges)) {
            EdgeRoute route;
            const splines *spl = ED_spl(edge);
            if (spl && spl->size > 0) {
                const bezier &bz = spl->list[0];
                for (int k = 0; k < bz.size; ++k)
                    route.path.append(toQt(bz.list[k]));
                if (bz.eflag) {
                    route.hasArrow = true;
                    route.arrowTip = toQt(bz.ep);
                }
            }
            if (ED_label(edge))
                route.labelCenter = toQt(ED_label(edge)->pos);
            out.edges.append(route);
        }
        gvFreeLayout(gvc, g);
        agclose(g);
        gvFreeContext(gvc);
        qCDebug(lcWorkflowLayout) << "laid out" << out.nodes.size() << "steps," << out.edges.size()
                                  << "transitions in" << out.size;
        return out;
    }
};

} // namespace

std::unique_ptr<GraphLayouter> makeGraphvizLayouter()
{
    return std::make_unique<GraphvizLayouter>();
}

} // namespace motcua::services
