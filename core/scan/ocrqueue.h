#pragma once

// The background OCR queue: pages are recognised one at a time on a worker thread that owns its
// Tesseract engine, so the GUI never waits. Results are cached by image hash (in memory, and on
// disk when given a folder), so a page that did not change is never recognised twice, also after
// a restart. Results arrive as queued signals on the thread that owns the queue.
#include "ocrengine.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

namespace motcua::scan {

class OcrQueue : public QObject
{
    Q_OBJECT
public:
    // cacheDir: where results are kept between runs (empty: memory only).
    explicit OcrQueue(QString cacheDir = {}, QString languages = QStringLiteral("vie"),
                      QObject *parent = nullptr);
    ~OcrQueue() override; // drops what is pending, waits for the page in progress

    // Queues `page` under the caller's `key` (e.g. the page id). A cached result is reported at
    // once (still through the event loop).
    void enqueue(const QString &key, const QImage &page);
    // Drops every page not yet started.
    void cancelPending();
    [[nodiscard]] int pending() const;
    // The cached result for an image, if any (any thread).
    [[nodiscard]] std::optional<OcrResult> cached(const QByteArray &hash) const;
    [[nodiscard]] int recognisedCount() const { return m_recognised; } // pages sent to Tesseract

Q_SIGNALS:
    void recognised(const QString &key, const motcua::scan::OcrResult &result);
    void failed(const QString &key, const QString &message);
    void idle(); // the queue has run empty

private:
    struct Job
    {
        QString key;
        QImage page;
        QByteArray hash;
    };
    void run();
    void store(const OcrResult &result);

    QString m_cacheDir;
    QString m_languages;
    mutable QMutex m_lock;
    QList<Job> m_jobs;
    mutable QHash<QByteArray, OcrResult> m_cache; // filled from the disk cache by cached()
    bool m_stopping = false;
    std::atomic<int> m_recognised{0};
    QThread *m_thread = nullptr;
    QWaitCondition m_wake;
};

} // namespace motcua::scan

Q_DECLARE_METATYPE(motcua::scan::OcrResult)
