#pragma once

// A tiny benchmark harness: each benchmark runs a body for a number of iterations and the
// results print as one aligned table (name, iterations, total time, per-second rate, per-op time).
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QTextStream>

#include <functional>

namespace motcua::bench {

struct Figure
{
    QString name;
    qint64 iterations = 0;
    qint64 nanoseconds = 0;
    QString note;
};

class Harness
{
public:
    // Runs `body(iterations)` once, timed; `body` does the `iterations` operations itself.
    void run(const QString &name, qint64 iterations, const std::function<void(qint64)> &body,
             const QString &note = {})
    {
        QElapsedTimer timer;
        timer.start();
        body(iterations);
        m_figures.append({name, iterations, timer.nsecsElapsed(), note});
    }

    // Records a figure measured elsewhere.
    void record(const Figure &figure) { m_figures.append(figure); }

    void print(QTextStream &out) const
    {
        out << QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                   .arg(QStringLiteral("benchmark"), -44)
                   .arg(QStringLiteral("iterations"), 12)
                   .arg(QStringLiteral("total ms"), 10)
                   .arg(QStringLiteral("ops/s"), 14)
                   .arg(QStringLiteral("µs/op"), 10)
                   .arg(QStringLiteral("note"));
        for (const auto &f : m_figures) {
            const double ms = double(f.nanoseconds) / 1e6;
            const double perSecond
                = f.nanoseconds > 0 ? double(f.iterations) * 1e9 / double(f.nanoseconds) : 0;
            const double usPerOp
                = f.iterations > 0 ? double(f.nanoseconds) / 1e3 / double(f.iterations) : 0;
            out << QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                       .arg(f.name, -44)
                       .arg(f.iterations, 12)
                       .arg(ms, 10, 'f', 1)
                       .arg(perSecond, 14, 'f', 0)
                       .arg(usPerOp, 10, 'f', 3)
                       .arg(f.note);
        }
        out.flush();
    }

private:
    QList<Figure> m_figures;
};

} // namespace motcua::bench
