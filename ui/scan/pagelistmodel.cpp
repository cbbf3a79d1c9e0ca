#include "pagelistmodel.h"

#include <QGuiApplication>
#include <QIcon>
#include <QMimeData>
#include <QPixmap>

#include <scan/scansession.h>

namespace motcua::ui {

namespace {
const auto kMime = QStringLiteral("application/x-motcua-scan-page");
}

PageListModel::PageListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void PageListModel::setSession(scan::ScanSession *session)
{
    beginResetModel();
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &scan::ScanSession::changed, this, [this] {
            beginResetModel();
            endResetModel();
        });
        connect(m_session, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_session = nullptr;
            endResetModel();
        });
    }
    endResetModel();
}

int PageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_session ? 0 : m_session->pageCount();
}

QVariant PageListModel::data(const QModelIndex &index, int role) const
{
    if (!m_session || !index.isValid() || index.row() >= m_session->pageCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return tr("Page %1").arg(index.row() + 1);
    case Qt::DecorationRole: {
        // Drawn for the screen with the most pixels per point, so thumbnails stay sharp there.
        const qreal ratio = qApp->devicePixelRatio();
        QImage thumbnail = m_session->thumbnail(index.row(), qRound(kThumbnailSide * ratio));
        thumbnail.setDevicePixelRatio(ratio);
        return QIcon(QPixmap::fromImage(thumbnail));
    }
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return tr("Page %1 of %2").arg(index.row() + 1).arg(m_session->pageCount());
    case PageIdRole:
        return m_session->pages().at(index.row()).id;
    default:
        return {};
    }
}

Qt::ItemFlags PageListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

Qt::DropActions PageListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList PageListModel::mimeTypes() const
{
    return {kMime};
}

QMimeData *PageListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(kMime, QByteArray::number(indexes.first().row()));
    return mime;
}

bool PageListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                                 const QModelIndex &parent)
{
    if (!m_session || action != Qt::MoveAction || !data->hasFormat(kMime))
        return false;
    bool ok = false;
    const int from = data->data(kMime).toInt(&ok);
    if (!ok || from < 0 || from >= m_session->pageCount())
        return false;
    int to = row >= 0 ? row : (parent.isValid() ? parent.row() : m_session->pageCount());
    if (to > from)
        --to; // the page leaves its place before it is put down
    to = std::clamp(to, 0, m_session->pageCount() - 1);
    if (to != from)
        m_session->movePage(from, to);
    // The session's change resets the model: the view must not remove the dragged row itself.
    return false;
}

} // namespace motcua::ui
