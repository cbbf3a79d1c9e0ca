#include "ocrqueue.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QMetaObject>
#include <QSaveFile>
#include <QWaitCondition>

namespace motcua::scan {

OcrQueue::OcrQueue(QString cacheDir, QString languages, QObject *parent)
    : QObject(parent)
    , m_cacheDir(std::move(cacheDir))
    , m_languages(std::move(languages))
{
    qRegisterMetaType<motcua::scan::OcrResult>();
    if (!m_cacheDir.isEmpty())
        QDir().mkpath(m_cacheDir);
    m_thread = QThread::create([this] { run(); });
    m_thread->start(QThread::LowPriority);
}

OcrQueue::~OcrQueue()
{
    {
        QMutexLocker locker(&m_lock);
        m_stopping = true;
        m_jobs.clear();
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

std::optional<OcrResult> OcrQueue::cached(const QByteArray &hash) const
{
    {
        QMutexLocker locker(&m_lock);
        auto it = m_cache.constFind(hash);
        if (it != m_cache.constEnd())
            return *it;
    }
    if (m_cacheDir.isEmpty())
        return std::nullopt;
    const QDir dir(m_cacheDir);
    QFile text(dir.filePath(QString::fromLatin1(hash) + QStringLiteral(".txt")));
    QFile pdf(dir.filePath(QString::fromLatin1(hash) + QStringLiteral(".pdf")));
    if (!text.open(QIODevice::ReadOnly) || !pdf.open(QIODevice::ReadOnly))
        return std::nullopt;
    OcrResult result;
    result.hash = hash;
    result.text = QString::fromUtf8(text.readAll());
    result.pdf = pdf.readAll();
    if (!result.pdf.startsWith("%PDF-"))
        return std::nullopt;
    QMutexLocker locker(&m_lock);
    m_cache.insert(hash, result);
    return result;
}

void OcrQueue::store(const OcrResult &result)
{
    {
        QMutexLocker locker(&m_lock);
        m_cache.insert(result.hash, result);
    }
    if (m_cacheDir.isEmpty())
        return;
    const QDir dir(m_cacheDir);
    // The PDF is written last: a result counts as cached only when both files are complete.
    QSaveFile text(dir.filePath(QString::fromLatin1(result.hash) + QStringLiteral(".txt")));
    QSaveFile pdf(dir.filePath(QString::fromLatin1(result.hash) + QStringLiteral(".pdf")));
    if (!text.open(QIODevice::WriteOnly) || text.write(result.text.toUtf8()) < 0 || !text.commit()
        || !pdf.open(QIODevice::WriteOnly) || pdf.write(result.pdf) < 0 || !pdf.commit())
        qCWarning(lcScanOcr) << "could not write the OCR cache";
}

void OcrQueue::enqueue(const QString &key, const QImage &page)
{
    const QByteArray hash = imageHash(page);
    if (auto hit = cached(hash)) {
        QMetaObject::invokeMethod(
            this, [this, key, result = *hit] { Q_EMIT recognised(key, result); },
            Qt::QueuedConnection);
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (pending() == 0)
                    Q_EMIT idle();
            },
            Qt::QueuedConnection);
        return;
    }
    QMutexLocker locker(&m_lock);
    m_jobs.append({key, page, hash});
    m_wake.wakeOne();
}

void OcrQueue::cancelPending()
{
    QMutexLocker locker(&m_lock);
    m_jobs.clear();
}

int OcrQueue::pending() const
{
    QMutexLocker locker(&m_lock);
    return int(m_jobs.size());
}

void OcrQueue::run()
{
    OcrEngine engine(m_languages);
    for (;;) {
        Job job;
        {
            QMutexLocker locker(&m_lock);
            while (m_jobs.isEmpty() && !m_stopping)
                m_wake.wait(&m_lock);
            if (m_stopping)
                return;
            job = m_jobs.takeFirst();
        }
        std::optional<OcrResult> hit = cached(job.hash); // the same page queued twice
        domain::Result<OcrResult> result
            = hit ? domain::Result<OcrResult>(*hit) : engine.recognise(job.page);
        if (!hit && result) {
            ++m_recognised;
            store(result.value());
        }
        const bool empty = pending() == 0;
        if (result) {
            QMetaObject::invokeMethod(
                this, [this, key = job.key, r = result.value()] { Q_EMIT recognised(key, r); },
                Qt::QueuedConnection);
        } else {
            QMetaObject::invokeMethod(
                this, [this, key = job.key, m = result.error().message] { Q_EMIT failed(key, m); },
                Qt::QueuedConnection);
        }
        if (empty) {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (pending() == 0)
                        Q_EMIT idle();
                },
                Qt::QueuedConnection);
        }
    }
}

} // namespace motcua::scan
