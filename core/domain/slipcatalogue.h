#pragma once

// The catalogue of printable slips (R05.2d, R19): which kinds exist, the page each is printed on,
// and the {{placeholders}} a template may use. One list, shared by the server (which validates
// the templates admins store) and core/print (which fills them in), so a template the server
// accepts is one the client can print.
#include <QList>
#include <QString>

namespace motcua::domain {

enum class SlipPage {
    A4Portrait,
    A5Portrait,
    A4Landscape
};

struct SlipKind
{
    QString key;        // stable: "receipt", "supplement-request"…
    QString title;      // the form's legal name, Vietnamese
    QString legalBasis; // where the law names it
    SlipPage page = SlipPage::A4Portrait;
};
// In the order of R19 (the circular's list), then the forms of its other functions.
const QList<SlipKind> &slipKinds();
const SlipKind *findSlipKind(const QString &key);

struct SlipPlaceholder
{
    QString name;        // "dossier.code"
    QString description; // Vietnamese, for the template editor
    bool html = false;   // replaced by an HTML fragment (a table, an image), not by text
};
const QList<SlipPlaceholder> &slipPlaceholders();
const SlipPlaceholder *findSlipPlaceholder(const QString &name);

} // namespace motcua::domain
