#include "scanjob.h"

namespace motcua::scan {

ScanJob::ScanJob(std::shared_ptr<Scanner> scanner, QString device, ScanOptions options,
                 QObject *parent)
    : QObject(parent)
    , m_scanner(std::move(scanner))
    , m_device(std::move(device))
    , m_options(options)
{}

ScanJob::~ScanJob()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ScanJob::start()
{
    if (isRunning())
        return;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_cancel = false;
    // Signals are emitted from the worker; Qt queues them to this object's thread.
    m_thread = QThread::create([this] {
        ScanCallbacks callbacks;
        callbacks.page = [this](const QImage &page, int index) { Q_EMIT pageScanned(page, index); };
        callbacks.progress = [this](int index, int percent) { Q_EMIT progress(index, percent); };
        callbacks.cancel = &m_cancel;
        const auto result = m_scanner->scan(m_device, m_options, callbacks);
        if (result)
            Q_EMIT finished(result.value(), QString(), QString());
        else
            Q_EMIT finished(0, result.error().code, result.error().message);
    });
    m_thread->start();
}

void ScanJob::cancel()
{
    m_cancel = true;
}

bool ScanJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

} // namespace motcua::scan
