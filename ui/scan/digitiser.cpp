#include "digitiser.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <scan/ocrqueue.h>
#include <scan/separators.h>

namespace motcua::ui {

namespace {

struct Part
{
    QString name;
    QList<QImage> pages;
    QList<scan::OcrResult> results;
};

domain::Result<QList<ScannedDocument>> assembleParts(const QList<Part> &parts)
{
    QList<ScannedDocument> out;
    for (const Part &part : parts) {
        ScannedDocument doc;
        doc.name = part.name;
        doc.pageCount = int(part.pages.size());
        auto pdf = scan::searchablePdf(part.results);
        if (!pdf)
            return pdf.error();
        doc.pdf = pdf.value();
        doc.text = scan::plainText(part.results);
        doc.extraction = services::extractFromPage(part.pages.first(), doc.text);
        out.append(doc);
    }
    return out;
}

} // namespace

Digitiser::Digitiser(QString cacheDir, QObject *parent)
    : QObject(parent)
    , m_cacheDir(std::move(cacheDir))
{
    qRegisterMetaType<motcua::ui::ScannedDocument>();
}

Digitiser::~Digitiser() = default;

void Digitiser::start(const QList<QImage> &pages)
{
    if (m_running)
        return;
    m_pages = pages;
    m_results.clear();
    m_parts.clear();
    for (const auto &part : scan::splitAtSeparators(pages))
        m_parts.append({part.name, part.pages});
    m_expected = 0;
    for (const auto &part : std::as_const(m_parts))
        m_expected += int(part.second.size());
    if (m_expected == 0) {
        Q_EMIT failed(tr("There are no pages to finish (separator sheets are not pages)."));
        return;
    }
    m_running = true;
    // A fresh queue per run: a cancelled run's pages never come back into the next one.
    delete m_queue;
    m_queue = new scan::OcrQueue(m_cacheDir, QStringLiteral("vie"), this);
    connect(m_queue, &scan::OcrQueue::recognised, this,
            [this](const QString &key, const scan::OcrResult &result) {
                if (!m_running)
                    return;
                m_results.insert(key.toInt(), result);
                Q_EMIT progress(int(m_results.size()), m_expected);
                if (m_results.size() == m_expected)
                    assemble();
            });
    connect(m_queue, &scan::OcrQueue::failed, this, [this](const QString &, const QString &msg) {
        if (!m_running)
            return;
        m_running = false;
        m_queue->cancelPending();
        Q_EMIT failed(tr("Text recognition failed: %1").arg(msg));
    });
    Q_EMIT progress(0, m_expected);
    for (const auto &part : std::as_const(m_parts)) {
        for (int index : part.second)
            m_queue->enqueue(QString::number(index), m_pages.at(index));
    }
}

void Digitiser::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_queue)
        m_queue->cancelPending();
}

void Digitiser::assemble()
{
    QList<Part> parts;
    for (const auto &[name, indexes] : std::as_const(m_parts)) {
        Part part;
        part.name = name;
        for (int index : indexes) {
            part.pages.append(m_pages.at(index));
            part.results.append(m_results.value(index));
        }
        parts.append(part);
    }
    auto *watcher = new QFutureWatcher<domain::Result<QList<ScannedDocument>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (!m_running)
            return; // cancelled meanwhile
        m_running = false;
        const auto result = watcher->result();
        if (!result)
            Q_EMIT failed(result.error().message);
        else
            Q_EMIT finished(result.value());
    });
    watcher->setFuture(QtConcurrent::run(&assembleParts, parts));
}

} // namespace motcua::ui
