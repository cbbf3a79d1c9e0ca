#pragma once

// The undoable edits of a scan session (QUndoCommand): every one persists the session when done
// and undone, so the folder on disk always matches what the officer sees.
#include "scansession.h"

#include <QUndoCommand>

namespace motcua::scan {

class AddPagesCommand : public QUndoCommand
{
public:
    AddPagesCommand(ScanSession *session, QList<ScanPage> pages, int at);
    void redo() override;
    void undo() override;

private:
    ScanSession *m_session;
    QList<ScanPage> m_pages;
    int m_at;
};

class DeletePagesCommand : public QUndoCommand
{
public:
    DeletePagesCommand(ScanSession *session, QStringList pageIds, const QString &text);
    void redo() override;
    void undo() override;

private:
    ScanSession *m_session;
    QStringList m_ids;
    QList<std::pair<int, ScanPage>> m_taken;
};

class MovePageCommand : public QUndoCommand
{
public:
    MovePageCommand(ScanSession *session, int from, int to);
    void redo() override;
    void undo() override;

private:
    ScanSession *m_session;
    int m_from;
    int m_to;
};

class TransformPageCommand : public QUndoCommand
{
public:
    TransformPageCommand(ScanSession *session, QString pageId, PageTransform transform);
    void redo() override;
    void undo() override;

private:
    ScanSession *m_session;
    QString m_id;
    QList<PageTransform> m_before;
    QList<PageTransform> m_after;
};

} // namespace motcua::scan
