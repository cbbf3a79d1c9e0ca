#pragma once

// Reading PDFs back the way a person would: poppler-utils' pdftotext, pdfinfo, pdffonts and
// pdftoppm, run as programs.
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace motcua::test {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline Run run(const QString &program, const QStringList &args,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(120000)) {
        r.err = QStringLiteral("%1 did not finish: %2").arg(program, p.errorString());
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// The text of a PDF, lines joined by spaces (pdftotext breaks lines where the layout does).
inline QString pdfText(const QString &pdf)
{
    QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out;
    return text.simplified();
}

} // namespace motcua::test
