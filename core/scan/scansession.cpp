#include "scansession.h"

#include "imageanalysis.h"
#include "logging.h"
#include "pagecommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

namespace motcua::scan {

namespace {

constexpr auto kSessionFile = "session.json";
constexpr int kFormatVersion = 1;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

domain::Error diskError(const QString &what)
{
    return domain::makeError(QStringLiteral("scan.session_write_failed"),
                             QStringLiteral("Không ghi được phiên quét vào đĩa (%1). Kiểm tra "
                                            "dung lượng trống của ổ đĩa.")
                                 .arg(what));
}

QString cacheKey(const ScanPage &page)
{
    QString key = page.id;
    for (const PageTransform &t : page.transforms)
        key += QString::fromUtf8(QJsonDocument(t.toJson()).toJson(QJsonDocument::Compact));
    return key;
}

} // namespace

ScanSession::ScanSession(QString dir, QString id)
    : m_dir(std::move(dir))
    , m_id(std::move(id))
    , m_rendered(400 * 1024) // kB: a few dozen A4 pages at 200 dpi
{}

ScanSession::~ScanSession()
{
    // Nothing is removed here: a session that was not finished stays on disk to be reopened.
    m_undo.clear();
}

QString ScanSession::defaultRootDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("profile/scan-sessions"));
}

domain::Result<std::unique_ptr<ScanSession>> ScanSession::create(const QString &rootDir,
                                                                 const QString &title)
{
    const QString id = newId();
    const QString dir = QDir(rootDir).filePath(id);
    if (!QDir().mkpath(dir))
        return diskError(dir);
    std::unique_ptr<ScanSession> session(new ScanSession(dir, id));
    session->m_title = title;
    session->m_createdAt = QDateTime::currentDateTimeUtc();
    if (auto saved = session->save(); !saved) {
        QDir(dir).removeRecursively();
        return saved.error();
    }
    qCInfo(lcScanSession) << "new scan session" << id;
    return session;
}

domain::Result<std::unique_ptr<ScanSession>> ScanSession::open(const QString &sessionDir)
{
    QFile file(QDir(sessionDir).filePath(QLatin1String(kSessionFile)));
    const auto damaged = domain::makeError(
        QStringLiteral("scan.session_damaged"),
        QStringLiteral("Không mở lại được phiên quét đã lưu: tệp phiên bị hỏng."));
    if (!file.open(QIODevice::ReadOnly))
        return damaged;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return damaged;
    const QJsonObject json = doc.object();
    if (json.value(QStringLiteral("version")).toInt() != kFormatVersion)
        return damaged;
    std::unique_ptr<ScanSession> session(new ScanSession(
        QDir(sessionDir).absolutePath(), json.value(QStringLiteral("id")).toString()));
    session->m_title = json.value(QStringLiteral("title")).toString();
    session->m_createdAt
        = QDateTime::fromString(json.value(QStringLiteral("createdAt")).toString(), Qt::ISODate);
    const QDir dir(sessionDir);
    for (const QJsonValue &value : json.value(QStringLiteral("pages")).toArray()) {
        const QJsonObject p = value.toObject();
        ScanPage page;
        page.id = p.value(QStringLiteral("id")).toString();
        page.imageFile = p.value(QStringLiteral("image")).toString();
        if (page.id.isEmpty() || page.imageFile.contains(QLatin1Char('/'))
            || !dir.exists(page.imageFile))
            return damaged;
        for (const QJsonValue &t : p.value(QStringLiteral("transforms")).toArray()) {
            auto transform = PageTransform::fromJson(t.toObject());
            if (!transform)
                return damaged;
            page.transforms << *transform;
        }
        session->m_pages << page;
    }
    // Images of pages deleted before the crash are no longer reachable (the undo history is gone).
    QStringList kept;
    for (const ScanPage &p : std::as_const(session->m_pages))
        kept << p.imageFile;
    for (const QString &f : dir.entryList({QStringLiteral("page-*")}, QDir::Files)) {
        if (!kept.contains(f))
            QFile::remove(dir.filePath(f));
    }
    qCInfo(lcScanSession) << "reopened scan session" << session->m_id << "with"
                          << session->m_pages.size() << "pages";
    return session;
}

QStringList ScanSession::unfinished(const QString &rootDir)
{
    QList<std::pair<QDateTime, QString>> found;
    const QDir root(rootDir);
    for (const QFileInfo &info : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString file = QDir(info.absoluteFilePath()).filePath(QLatin1String(kSessionFile));
        if (QFile::exists(file))
            found.append({QFileInfo(file).lastModified(), info.absoluteFilePath()});
    }
    std::sort(found.begin(), found.end());
    QStringList dirs;
    for (const auto &f : found)
        dirs << f.second;
    return dirs;
}

int ScanSession::indexOf(const QString &pageId) const
{
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i].id == pageId)
            return i;
    }
    return -1;
}

QImage ScanSession::original(const ScanPage &page) const
{
    QImageReader reader(QDir(m_dir).filePath(page.imageFile));
    return reader.read();
}

QImage ScanSession::image(int index) const
{
    if (index < 0 || index >= m_pages.size())
        return {};
    const ScanPage &page = m_pages[index];
    const QString key = cacheKey(page);
    if (const QImage *cached = m_rendered.object(key))
        return *cached;
    QImage rendered = applyTransforms(original(page), page.transforms);
    const int cost = int(qMax<qsizetype>(1, rendered.sizeInBytes() / 1024));
    m_rendered.insert(key, new QImage(rendered), cost);
    return rendered;
}

QImage ScanSession::thumbnail(int index, int maxSide) const
{
    const QImage full = image(index);
    if (full.isNull())
        return {};
    return full.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

QList<QImage> ScanSession::images() const
{
    QList<QImage> out;
    for (int i = 0; i < m_pages.size(); ++i)
        out << image(i);
    return out;
}

domain::Result<QList<ScanPage>> ScanSession::storeImages(const QList<QImage> &images)
{
    QList<ScanPage> pages;
    const QDir dir(m_dir);
    for (const QImage &image : images) {
        ScanPage page;
        page.id = newId();
        page.imageFile = QStringLiteral("page-%1.png").arg(page.id);
        QImageWriter writer(dir.filePath(page.imageFile), "png");
        writer.setQuality(90); // PNG: low compression effort, fast; still lossless
        if (image.isNull() || !writer.write(image)) {
            for (const ScanPage &written : std::as_const(pages))
                QFile::remove(dir.filePath(written.imageFile));
            QFile::remove(dir.filePath(page.imageFile));
            return diskError(writer.errorString());
        }
        pages << page;
    }
    return pages;
}

domain::Check ScanSession::addImages(const QList<QImage> &images)
{
    auto pages = storeImages(images);
    if (!pages)
        return pages.error();
    m_undo.push(new AddPagesCommand(this, pages.value(), pageCount()));
    return {};
}

void ScanSession::rotate(const QString &pageId, int quarterTurns)
{
    m_undo.push(new TransformPageCommand(this, pageId, PageTransform::rotate(quarterTurns)));
}

void ScanSession::crop(const QString &pageId, const QRectF &fractions)
{
    m_undo.push(new TransformPageCommand(this, pageId, PageTransform::crop(fractions)));
}

void ScanSession::deskew(const QString &pageId)
{
    const int index = indexOf(pageId);
    if (index < 0)
        return;
    m_undo.push(new TransformPageCommand(this, pageId, PageTransform::deskew(image(index))));
}

void ScanSession::threshold(const QString &pageId)
{
    const int index = indexOf(pageId);
    if (index < 0)
        return;
    m_undo.push(new TransformPageCommand(this, pageId, PageTransform::threshold(image(index))));
}

void ScanSession::movePage(int from, int to)
{
    if (from == to || from < 0 || to < 0 || from >= pageCount() || to >= pageCount())
        return;
    m_undo.push(new MovePageCommand(this, from, to));
}

void ScanSession::deletePages(const QStringList &pageIds)
{
    if (pageIds.isEmpty())
        return;
    m_undo.push(new DeletePagesCommand(this, pageIds, tr("Delete pages")));
}

int ScanSession::removeBlankPages()
{
    QStringList blank;
    for (int i = 0; i < m_pages.size(); ++i) {
        if (isBlankPage(image(i)))
            blank << m_pages[i].id;
    }
    if (!blank.isEmpty())
        m_undo.push(new DeletePagesCommand(this, blank, tr("Remove blank pages")));
    return int(blank.size());
}

void ScanSession::insertPages(int at, const QList<ScanPage> &pages)
{
    at = std::clamp(at, 0, pageCount());
    for (int i = 0; i < pages.size(); ++i)
        m_pages.insert(at + i, pages[i]);
    touched();
}

QList<std::pair<int, ScanPage>> ScanSession::takePages(const QStringList &pageIds)
{
    QList<std::pair<int, ScanPage>> taken;
    for (int i = 0; i < m_pages.size(); ++i) {
        if (pageIds.contains(m_pages[i].id))
            taken.append({i, m_pages[i]});
    }
    for (auto it = taken.crbegin(); it != taken.crend(); ++it)
        m_pages.removeAt(it->first);
    touched();
    return taken;
}

void ScanSession::restorePages(const QList<std::pair<int, ScanPage>> &pages)
{
    for (const auto &[index, page] : pages) // ascending indexes: each lands where it was
        m_pages.insert(std::clamp(index, 0, pageCount()), page);
    touched();
}

void ScanSession::movePageStep(int from, int to)
{
    if (from < 0 || to < 0 || from >= pageCount() || to >= pageCount())
        return;
    m_pages.move(from, to);
    touched();
}

void ScanSession::setTransforms(const QString &pageId, const QList<PageTransform> &transforms)
{
    const int index = indexOf(pageId);
    if (index < 0)
        return;
    m_pages[index].transforms = transforms;
    touched();
}

void ScanSession::touched()
{
    if (auto saved = save(); !saved)
        Q_EMIT saveFailed(saved.error().message);
    Q_EMIT changed();
}

domain::Check ScanSession::save()
{
    if (m_finished)
        return {};
    QJsonArray pages;
    for (const ScanPage &page : std::as_const(m_pages)) {
        QJsonArray transforms;
        for (const PageTransform &t : page.transforms)
            transforms.append(t.toJson());
        pages.append(QJsonObject{{QStringLiteral("id"), page.id},
                                 {QStringLiteral("image"), page.imageFile},
                                 {QStringLiteral("transforms"), transforms}});
    }
    const QJsonObject json{{QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("id"), m_id},
                           {QStringLiteral("title"), m_title},
                           {QStringLiteral("createdAt"), m_createdAt.toString(Qt::ISODate)},
                           {QStringLiteral("pages"), pages}};
    QSaveFile file(QDir(m_dir).filePath(QLatin1String(kSessionFile)));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0
        || !file.commit())
        return diskError(file.errorString());
    return {};
}

void ScanSession::finish()
{
    m_finished = true;
    m_undo.clear();
    m_pages.clear();
    m_rendered.clear();
    QDir(m_dir).removeRecursively();
    qCInfo(lcScanSession) << "scan session finished" << m_id;
    Q_EMIT changed();
}

} // namespace motcua::scan
