#pragma once

// The pages of one scan in progress. Every change is written to disk at once (a folder per
// session under the profile's data folder: the page images as captured and session.json with the
// order and transforms), so a session the application did not finish, because it crashed or was
// killed, is found and reopened at the next start. finish() or discard() removes the folder.
// Edits go through undoable commands (pagecommands.h) on undoStack(); the methods below are the
// steps those commands take.
#include "pagetransform.h"

#include <QCache>
#include <QDateTime>
#include <QImage>
#include <QObject>
#include <QUndoStack>

#include <domain/result.h>

#include <memory>

namespace motcua::scan {

struct ScanPage
{
    QString id;        // stable across reorders and restarts
    QString imageFile; // file name in the session folder; the page as captured, never changed
    QList<PageTransform> transforms;
    bool operator==(const ScanPage &) const = default;
};

class ScanSession : public QObject
{
    Q_OBJECT
public:
    ~ScanSession() override;

    // Where sessions live: <AppLocalDataLocation>/profile/scan-sessions.
    static QString defaultRootDir();
    static domain::Result<std::unique_ptr<ScanSession>> create(const QString &rootDir,
                                                               const QString &title = {});
    static domain::Result<std::unique_ptr<ScanSession>> open(const QString &sessionDir);
    // Folders of sessions that were neither finished nor discarded, oldest first.
    static QStringList unfinished(const QString &rootDir);

    [[nodiscard]] QString id() const { return m_id; }
    [[nodiscard]] QString dir() const { return m_dir; }
    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] QDateTime createdAt() const { return m_createdAt; }
    [[nodiscard]] int pageCount() const { return int(m_pages.size()); }
    [[nodiscard]] const QList<ScanPage> &pages() const { return m_pages; }
    [[nodiscard]] int indexOf(const QString &pageId) const;
    // The page as it looks with its transforms (cached).
    [[nodiscard]] QImage image(int index) const;
    [[nodiscard]] QImage thumbnail(int index, int maxSide = 160) const;
    [[nodiscard]] QList<QImage> images() const;
    QUndoStack *undoStack() { return &m_undo; }

    // Convenience: each pushes one undoable command. Errors (disk full) leave the session as it
    // was.
    domain::Check addImages(const QList<QImage> &images);
    void rotate(const QString &pageId, int quarterTurns);
    void crop(const QString &pageId, const QRectF &fractions);
    void deskew(const QString &pageId);
    void threshold(const QString &pageId);
    void movePage(int from, int to);
    void deletePages(const QStringList &pageIds);
    int removeBlankPages(); // the number removed, in one undo step

    // Steps of the commands.
    domain::Result<QList<ScanPage>> storeImages(const QList<QImage> &images);
    void insertPages(int at, const QList<ScanPage> &pages);
    QList<std::pair<int, ScanPage>> takePages(const QStringList &pageIds);
    void restorePages(const QList<std::pair<int, ScanPage>> &pages);
    void movePageStep(int from, int to);
    void setTransforms(const QString &pageId, const QList<PageTransform> &transforms);

    // Done with the session: its folder and pages are removed (call after attaching the result).
    void finish();

Q_SIGNALS:
    void changed();
    void saveFailed(const QString &message);

private:
    ScanSession(QString dir, QString id);
    domain::Check save();
    void touched();
    [[nodiscard]] QImage original(const ScanPage &page) const;

    QString m_dir;
    QString m_id;
    QString m_title;
    QDateTime m_createdAt;
    QList<ScanPage> m_pages;
    QUndoStack m_undo;
    mutable QCache<QString, QImage> m_rendered; // key: page id + transforms
    bool m_finished = false;
};

} // namespace motcua::scan
