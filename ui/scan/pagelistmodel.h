#pragma once

// The pages of a scan session as thumbnails for a QListView in icon mode. Dragging a page to
// another place moves it with the session's undoable command; the model follows every change of
// the session (commands, undo, redo).
#include <QAbstractListModel>

namespace motcua::scan {
class ScanSession;
}

namespace motcua::ui {

class PageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        PageIdRole = Qt::UserRole + 1
    };

    static constexpr int kThumbnailSide = 160; // points, the longer side

    explicit PageListModel(QObject *parent = nullptr);

    void setSession(scan::ScanSession *session); // nullptr: empty
    [[nodiscard]] scan::ScanSession *session() const { return m_session; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

private:
    scan::ScanSession *m_session = nullptr;
};

} // namespace motcua::ui
