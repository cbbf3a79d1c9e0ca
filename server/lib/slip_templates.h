#pragma once

// Slip templates (R05.2, R19): the printable forms the desktop client fills in and renders —
// receipt and appointment slip, supplement request, refusal, extension request, process control,
// evaluation, stop notice, handover of results. Each kind has a national default shipped with
// MotCua (resources/slips/) that an agency's admin may override; every version is kept.
//
// Content is HTML (the subset QTextDocument renders) with {{placeholders}} from a fixed list
// (domain::slipPlaceholders()); the client replaces each with HTML-escaped text, except the few
// marked as HTML fragments (tables, the QR image).
#include "database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <domain/slipcatalogue.h>

#include <optional>

namespace motcua::server {

// The catalogue of kinds and placeholders lives in the domain core, shared with core/print.
using domain::findSlipKind;
using domain::SlipKind;
using domain::slipKinds;
using domain::SlipPlaceholder;
using domain::slipPlaceholders;

struct SlipTemplate
{
    QString kind;
    QString agencyCode; // empty: the national default
    int version = 0;    // per kind and agency, from 1
    QString title;
    QString legalBasis;
    QString format = QStringLiteral("html");
    QString content;
    QDateTime updatedAt;
    QString updatedBy; // officer id; empty for the templates shipped with MotCua
};

inline constexpr int kMaxSlipContentBytes = 256 * 1024;

QJsonObject toJson(const SlipTemplate &slip);

// What an admin may store: a known kind, a title, a legal basis, format "html", content that is
// not empty, not over kMaxSlipContentBytes, without active content (script, iframe, object,
// embed), whose {{placeholders}} are well formed and known. Errors (400) name the field:
// slip_template.unknown_kind (kind), slip_template.invalid (title, legalBasis, format, content),
// slip_template.bad_placeholder and slip_template.unknown_placeholder (content, with
// details.placeholder and details.offset).
Check validateSlipTemplate(const SlipTemplate &slip);

class SlipTemplateStore
{
public:
    explicit SlipTemplateStore(Database &db)
        : m_db(db)
    {}

    // The template in force for every kind at the agency: its own latest version, else the
    // national default's latest; in slipKinds() order.
    Result<QList<SlipTemplate>> effective(const QString &agencyCode);

    enum class Source {
        Effective, // the agency's own when it has one, else the national default
        Agency,    // the agency's own only
        National,  // the national default only
    };
    // `version` 0: the latest of that source.
    Result<std::optional<SlipTemplate>> find(const QString &kind, const QString &agencyCode,
                                             Source source, int version = 0);

    // Stores `slip` as the next version of its agency's template for its kind and answers it as
    // stored. `baseVersion` (the version the admin edited; 0: the agency had none yet) must be
    // the latest, or slip_template.version_conflict (409, details.expected); -1 skips the check.
    Result<SlipTemplate> addVersion(SlipTemplate slip, int baseVersion);

private:
    Database &m_db;
};

// Adds the national defaults shipped in resources/slips/ that the database lacks (by kind and
// version); never changes a stored version. migrate() calls it. Answers how many were added.
Result<int> installDefaultSlipTemplates(Database &db);

} // namespace motcua::server
