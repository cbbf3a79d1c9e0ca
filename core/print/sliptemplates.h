#pragma once

// Where a slip's template text comes from: the national defaults compiled in from
// resources/slips/ (index.json names each kind's file), a directory laid out the same way (an
// agency's own templates, or the client's copy of what the server serves), or text the caller
// already has (the agency's effective template from GET /api/v1/slip-templates).
#include <QHash>
#include <QString>
#include <QStringList>

#include <domain/result.h>

namespace motcua::print {

class SlipTemplates
{
public:
    // The national defaults shipped with MotCua.
    static SlipTemplates builtIn();
    // index.json and the files it names from `dir`; kinds the directory lacks fall back to the
    // built-in defaults. print.templates_unreadable when index.json is missing or malformed, or a
    // file it names cannot be read.
    static domain::Result<SlipTemplates> fromDirectory(const QString &dir);

    // Replaces one kind's template (an agency's effective version).
    void set(const QString &kind, const QString &html) { m_html.insert(kind, html); }
    [[nodiscard]] bool contains(const QString &kind) const { return m_html.contains(kind); }
    [[nodiscard]] QString html(const QString &kind) const { return m_html.value(kind); }

private:
    QHash<QString, QString> m_html;
};

// The CLI's form words and the slip kinds they print: receipt -> receipt, supplement ->
// supplement-request, refusal, extension -> extension-request, stop -> stop-notice, control ->
// process-control, logbook, evaluation. Empty for an unknown word.
QString kindForForm(const QString &form);
QStringList formWords();

} // namespace motcua::print
