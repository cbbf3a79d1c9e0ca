#pragma once

// The scan dialog (R05.1e, R15.7): capture from a scanner (device, source, duplex, colour mode,
// resolution; on a worker thread with progress and cancel) or import files (dialog or drag and
// drop); the pages as thumbnails with undoable rotate, crop, deskew, black and white, blank-page
// removal, reorder and delete; an unfinished session is offered for resuming. "Xong" recognises
// the text (background OCR queue) and shows, per document (separator sheets split a batch), the
// searchable PDF's page count and the values proposed from it for the officer to confirm.
// Every action has a keyboard shortcut.
#include "scanresultview.h"

#include <QDialog>
#include <QPointer>

#include <scan/scanner.h>

#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace motcua::scan {
class ScanJob;
class ScanSession;
} // namespace motcua::scan

namespace motcua::ui {

class PageListModel;

struct ScanSetup
{
    QString sessionRoot; // empty: ScanSession::defaultRootDir()
    // Empty: memory only, the default. A folder keeps recognised text and page PDFs unencrypted
    // on disk, unlike the cache; only for a profile folder that is itself protected.
    QString ocrCacheDir;
    std::shared_ptr<scan::Scanner> scanner; // null: the system's driver (createScanner)
};

class ScanDialog : public QDialog
{
    Q_OBJECT
public:
    ScanDialog(const QString &componentName, ScanSetup setup, QWidget *parent = nullptr);
    ~ScanDialog() override;

    // After accept(): the documents, with the proposals the officer ticked and whether to fill
    // the applicant from a CCCD read off the pages.
    using Outcome = ScanOutcome;
    [[nodiscard]] const Outcome &outcome() const { return m_outcome; }

    [[nodiscard]] scan::ScanSession *session() const { return m_session.get(); }
    [[nodiscard]] bool isBusy() const;
    // Imports files as pages (read off the GUI thread), as the Import action and a drop do.
    void importFiles(const QStringList &paths);
    void startScan();
    void cancelScan();
    void resumeSession(); // the session offered at open
    void finishPages();   // "Xong": OCR and the result page
    void attachResult();  // the result page's Attach: accept()

Q_SIGNALS:
    void devicesListed();
    void pagesAdded();
    void resultReady();
    void problem(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void reject() override;

private:
    QWidget *buildPagesPage();
    QWidget *buildResultPage();
    QAction *addAction(const QString &text, const QKeySequence &keys, const char *name,
                       std::function<void()> slot);
    void listDevices();
    void deviceChanged();
    bool ensureSession();
    void attachSession(std::unique_ptr<scan::ScanSession> session);
    void offerResume();
    void discardOffered();
    void showProblem(const QString &message);
    void setStatus(const QString &message);
    void updateActions();
    QStringList selectedIds() const;
    void transformSelected(const std::function<void(const QString &)> &apply);
    void cropSelected();
    void moveCurrent(int delta);
    void showResult(const QList<ScannedDocument> &documents);

    QString m_componentName;
    ScanSetup m_setup;
    std::unique_ptr<scan::ScanSession> m_session;
    QStringList m_offered; // unfinished sessions found at open
    QPointer<scan::ScanJob> m_job;
    Digitiser *m_digitiser;
    PageListModel *m_model;
    Outcome m_outcome;
    int m_importing = 0;
    bool m_scanning = false; // until the job's finished signal is handled (pages all added)

    QStackedWidget *m_stack;
    QWidget *m_resumeBar;
    QLabel *m_resumeLabel;
    QComboBox *m_device;
    QComboBox *m_source;
    QCheckBox *m_duplex;
    QComboBox *m_colour;
    QSpinBox *m_dpi;
    QPushButton *m_scanButton;
    QPushButton *m_stopButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_error;
    QListView *m_pages;
    ScanResultView *m_result = nullptr;
    QList<QAction *> m_editActions;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_finish;
};

} // namespace motcua::ui
