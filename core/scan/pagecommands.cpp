#include "pagecommands.h"

#include <QCoreApplication>

namespace motcua::scan {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("motcua::scan::PageCommands", text);
}

QString transformText(PageTransform::Kind kind)
{
    switch (kind) {
    case PageTransform::Kind::Rotate:
        return tr("Rotate page");
    case PageTransform::Kind::Crop:
        return tr("Crop page");
    case PageTransform::Kind::Deskew:
        return tr("Straighten page");
    case PageTransform::Kind::Threshold:
        return tr("Black and white");
    }
    return {};
}
} // namespace

AddPagesCommand::AddPagesCommand(ScanSession *session, QList<ScanPage> pages, int at)
    : m_session(session)
    , m_pages(std::move(pages))
    , m_at(at)
{
    setText(tr("Add pages"));
}

void AddPagesCommand::redo()
{
    m_session->insertPages(m_at, m_pages);
}

void AddPagesCommand::undo()
{
    QStringList ids;
    for (const ScanPage &p : m_pages)
        ids << p.id;
    m_session->takePages(ids);
}

DeletePagesCommand::DeletePagesCommand(ScanSession *session, QStringList pageIds,
                                       const QString &text)
    : QUndoCommand(text)
    , m_session(session)
    , m_ids(std::move(pageIds))
{}

void DeletePagesCommand::redo()
{
    m_taken = m_session->takePages(m_ids);
}

void DeletePagesCommand::undo()
{
    m_session->restorePages(m_taken);
}

MovePageCommand::MovePageCommand(ScanSession *session, int from, int to)
    : QUndoCommand(tr("Move page"))
    , m_session(session)
    , m_from(from)
    , m_to(to)
{}

void MovePageCommand::redo()
{
    m_session->movePageStep(m_from, m_to);
}

void MovePageCommand::undo()
{
    m_session->movePageStep(m_to, m_from);
}

TransformPageCommand::TransformPageCommand(ScanSession *session, QString pageId,
                                           PageTransform transform)
    : QUndoCommand(transformText(transform.kind))
    , m_session(session)
    , m_id(std::move(pageId))
{
    const int index = session->indexOf(m_id);
    if (index >= 0)
        m_before = session->pages().at(index).transforms;
    m_after = m_before;
    // Two rotations in a row are one; so are two crops of the same page kept as given.
    if (transform.kind == PageTransform::Kind::Rotate && !m_after.isEmpty()
        && m_after.last().kind == PageTransform::Kind::Rotate) {
        const int turns = m_after.last().quarterTurns + transform.quarterTurns;
        m_after.removeLast();
        if (turns % 4 != 0)
            m_after << PageTransform::rotate(turns);
    } else {
        m_after << transform;
    }
}

void TransformPageCommand::redo()
{
    m_session->setTransforms(m_id, m_after);
}

void TransformPageCommand::undo()
{
    m_session->setTransforms(m_id, m_before);
}

} // namespace motcua::scan
