#pragma once

// One scan run off the GUI thread: pages, progress and the end arrive as queued signals on the
// thread that owns the job. cancel() may be called at any time.
#include "scanner.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace motcua::scan {

class ScanJob : public QObject
{
    Q_OBJECT
public:
    ScanJob(std::shared_ptr<Scanner> scanner, QString device, ScanOptions options,
            QObject *parent = nullptr);
    ~ScanJob() override; // cancels and waits for the worker

    void start();
    void cancel();
    [[nodiscard]] bool isRunning() const;

Q_SIGNALS:
    void pageScanned(const QImage &page, int index);
    void progress(int index, int percent);
    // pages delivered; errorCode empty on success ("scan.cancelled" when cancelled)
    void finished(int pages, const QString &errorCode, const QString &errorMessage);

private:
    std::shared_ptr<Scanner> m_scanner;
    QString m_device;
    ScanOptions m_options;
    std::atomic<bool> m_cancel{false};
    QThread *m_thread = nullptr;
};

} // namespace motcua::scan
