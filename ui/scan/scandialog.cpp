#include "scandialog.h"

#include "pagelistmodel.h"
#include "scanresultview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <scan/fileimport.h>
#include <scan/scanjob.h>
#include <scan/scansession.h>

namespace motcua::ui {

namespace {

struct DeviceList
{
    QList<scan::ScanDevice> devices;
    scan::ScanCapabilities capabilities; // of the first device
    QString error;                       // Vietnamese, when there is no driver or no device
};

DeviceList listDevicesOf(const std::shared_ptr<scan::Scanner> &scanner)
{
    DeviceList out;
    auto devices = scanner->devices();
    if (!devices) {
        out.error = devices.error().message;
        return out;
    }
    out.devices = devices.value();
    if (!out.devices.isEmpty()) {
        auto caps = scanner->capabilities(out.devices.first().name);
        if (caps)
            out.capabilities = caps.value();
        else
            out.error = caps.error().message;
    }
    return out;
}

QString colourLabel(scan::ColourMode mode)
{
    switch (mode) {
    case scan::ColourMode::Colour:
        return ScanDialog::tr("Colour");
    case scan::ColourMode::Grey:
        return ScanDialog::tr("Grey");
    case scan::ColourMode::BlackWhite:
        return ScanDialog::tr("Black and white");
    }
    return {};
}

} // namespace

ScanDialog::ScanDialog(const QString &componentName, ScanSetup setup, QWidget *parent)
    : QDialog(parent)
    , m_componentName(componentName)
    , m_setup(std::move(setup))
    , m_digitiser(new Digitiser(m_setup.ocrCacheDir, this))
    , m_model(new PageListModel(this))
    , m_stack(new QStackedWidget)
{
    setObjectName(QStringLiteral("scanDialog"));
    setWindowTitle(tr("Scan: %1").arg(componentName));
    setAcceptDrops(true);
    if (m_setup.sessionRoot.isEmpty())
        m_setup.sessionRoot = scan::ScanSession::defaultRootDir();
    if (!m_setup.scanner)
        m_setup.scanner = scan::createScanner(scan::defaultScanBackend());

    m_stack->addWidget(buildPagesPage());
    m_stack->addWidget(buildResultPage());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    connect(m_digitiser, &Digitiser::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setVisible(true);
        setStatus(tr("Recognising text: page %1 of %2…").arg(done).arg(total));
    });
    connect(m_digitiser, &Digitiser::finished, this, &ScanDialog::showResult);
    connect(m_digitiser, &Digitiser::failed, this, [this](const QString &message) {
        m_progress->setVisible(false);
        showProblem(message);
        updateActions();
    });

    m_offered = scan::ScanSession::unfinished(m_setup.sessionRoot);
    offerResume();
    listDevices();
    updateActions();
    resize(980, 700);
}

ScanDialog::~ScanDialog()
{
    if (m_job)
        m_job->cancel(); // its destructor waits for the worker
}

QAction *ScanDialog::addAction(const QString &text, const QKeySequence &keys, const char *name,
                               std::function<void()> slot)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                     keys.toString(QKeySequence::NativeText)));
    connect(action, &QAction::triggered, this, std::move(slot));
    QWidget::addAction(action);
    return action;
}

QWidget *ScanDialog::buildPagesPage()
{
    auto *page = new QWidget;

    // An unfinished session from before (the application closed or crashed).
    m_resumeBar = new QWidget;
    m_resumeBar->setObjectName(QStringLiteral("resumeBar"));
    m_resumeLabel = new QLabel;
    m_resumeLabel->setWordWrap(true);
    auto *resume = new QPushButton(tr("&Resume it (Ctrl+Shift+R)"));
    auto *drop = new QPushButton(tr("&Discard it (Ctrl+Shift+D)"));
    auto *resumeRow = new QHBoxLayout(m_resumeBar);
    resumeRow->setContentsMargins(0, 0, 0, 0);
    resumeRow->addWidget(m_resumeLabel, 1);
    resumeRow->addWidget(resume);
    resumeRow->addWidget(drop);
    auto *resumeAction = addAction(tr("Resume the unfinished session"),
                                   QKeySequence(QStringLiteral("Ctrl+Shift+R")), "resumeSession",
                                   [this] { resumeSession(); });
    auto *dropAction = addAction(tr("Discard the unfinished session"),
                                 QKeySequence(QStringLiteral("Ctrl+Shift+D")), "discardOffered",
                                 [this] { discardOffered(); });
    connect(resume, &QPushButton::clicked, resumeAction, &QAction::trigger);
    connect(drop, &QPushButton::clicked, dropAction, &QAction::trigger);

    // Scanner and its options.
    m_device = new QComboBox;
    m_device->setObjectName(QStringLiteral("scanDevice"));
    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("scanSource"));
    m_duplex = new QCheckBox(tr("Both &sides"));
    m_duplex->setObjectName(QStringLiteral("scanDuplex"));
    m_colour = new QComboBox;
    m_colour->setObjectName(QStringLiteral("scanColour"));
    m_dpi = new QSpinBox;
    m_dpi->setObjectName(QStringLiteral("scanDpi"));
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setRange(50, 600);
    m_dpi->setValue(200);
    for (auto *combo : {m_device, m_source, m_colour}) {
        combo->setMinimumContentsLength(22);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    }
    auto *form = new QFormLayout;
    auto label = [](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text);
        l->setBuddy(buddy);
        return l;
    };
    form->addRow(label(tr("Sc&anner:"), m_device), m_device);
    form->addRow(label(tr("S&ource:"), m_source), m_source);
    form->addRow(QString(), m_duplex);
    form->addRow(label(tr("&Colour mode:"), m_colour), m_colour);
    form->addRow(label(tr("&Resolution:"), m_dpi), m_dpi);
    connect(m_device, &QComboBox::currentIndexChanged, this, &ScanDialog::deviceChanged);
    connect(m_source, &QComboBox::currentIndexChanged, this, &ScanDialog::updateActions);

    m_scanButton = new QPushButton(tr("S&can (F7)"));
    m_scanButton->setObjectName(QStringLiteral("startScan"));
    m_stopButton = new QPushButton(tr("S&top scanning (Esc)"));
    m_stopButton->setObjectName(QStringLiteral("stopScan"));
    auto *importButton = new QPushButton(tr("&Import files… (Ctrl+O)"));
    auto *scanAction
        = addAction(tr("Scan"), QKeySequence(Qt::Key_F7), "scanAction", [this] { startScan(); });
    auto *importAction = addAction(tr("Import files"), QKeySequence::Open, "importAction", [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Import files"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
            tr("Images and PDF (%1)").arg(scan::importNameFilters().join(QLatin1Char(' '))));
        if (!paths.isEmpty())
            importFiles(paths);
    });
    connect(m_scanButton, &QPushButton::clicked, scanAction, &QAction::trigger);
    connect(m_stopButton, &QPushButton::clicked, this, &ScanDialog::cancelScan);
    connect(importButton, &QPushButton::clicked, importAction, &QAction::trigger);

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("scanProgress"));
    m_progress->setVisible(false);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("scanStatus"));
    m_status->setWordWrap(true);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("scanError"));
    m_error->setProperty("fieldError", true);
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_scanButton);
    left->addWidget(m_stopButton);
    left->addWidget(importButton);
    left->addWidget(new QLabel(tr("Or drop image and PDF files here.")));
    left->addStretch();

    // The pages.
    m_pages = new QListView;
    m_pages->setObjectName(QStringLiteral("scanPages"));
    m_pages->setModel(m_model);
    m_pages->setViewMode(QListView::IconMode);
    m_pages->setIconSize(QSize(120, 160));
    m_pages->setGridSize(QSize(150, 200));
    m_pages->setResizeMode(QListView::Adjust);
    m_pages->setMovement(QListView::Snap);
    m_pages->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_pages->setDragDropMode(QAbstractItemView::InternalMove);
    m_pages->setDefaultDropAction(Qt::MoveAction);
    m_pages->setDragEnabled(true);
    m_pages->setAcceptDrops(true);
    m_pages->setDropIndicatorShown(true);
    m_pages->setWordWrap(true);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ScanDialog::updateActions);

    auto *toolbar = new QHBoxLayout;
    auto tool = [&](QAction *action) {
        auto *b = new QToolButton;
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        toolbar->addWidget(b);
        m_editActions << action;
    };
    tool(addAction(tr("Rotate left"), QKeySequence(QStringLiteral("Ctrl+L")), "rotateLeft", [this] {
        transformSelected([this](const QString &id) { m_session->rotate(id, 3); });
    }));
    tool(addAction(
        tr("Rotate right"), QKeySequence(QStringLiteral("Ctrl+R")), "rotateRight",
        [this] { transformSelected([this](const QString &id) { m_session->rotate(id, 1); }); }));
    tool(addAction(tr("Crop…"), QKeySequence(QStringLiteral("Ctrl+K")), "crop",
                   [this] { cropSelected(); }));
    tool(addAction(tr("Straighten"), QKeySequence(QStringLiteral("Ctrl+D")), "deskew", [this] {
        transformSelected([this](const QString &id) { m_session->deskew(id); });
    }));
    tool(addAction(
        tr("Black and white"), QKeySequence(QStringLiteral("Ctrl+B")), "threshold",
        [this] { transformSelected([this](const QString &id) { m_session->threshold(id); }); }));
    tool(addAction(tr("Remove blank pages"), QKeySequence(QStringLiteral("Ctrl+Shift+B")),
                   "removeBlank", [this] {
                       if (!m_session)
                           return;
                       const int n = m_session->removeBlankPages();
                       setStatus(tr("%n blank page(s) removed.", nullptr, n));
                   }));
    tool(addAction(tr("Earlier"), QKeySequence(QStringLiteral("Alt+Up")), "moveEarlier",
                   [this] { moveCurrent(-1); }));
    tool(addAction(tr("Later"), QKeySequence(QStringLiteral("Alt+Down")), "moveLater",
                   [this] { moveCurrent(1); }));
    tool(addAction(tr("Delete"), QKeySequence::Delete, "deletePages", [this] {
        if (m_session && !selectedIds().isEmpty())
            m_session->deletePages(selectedIds());
    }));
    m_undo = addAction(tr("Undo"), QKeySequence(QStringLiteral("Ctrl+Z")), "undo", [this] {
        if (m_session && !isBusy())
            m_session->undoStack()->undo();
    });
    m_redo = addAction(tr("Redo"), QKeySequence(QStringLiteral("Ctrl+Y")), "redo", [this] {
        if (m_session && !isBusy())
            m_session->undoStack()->redo();
    });
    tool(m_undo);
    tool(m_redo);
    m_editActions.removeAll(m_undo);
    m_editActions.removeAll(m_redo);
    toolbar->addStretch();

    auto *finishButton = new QPushButton(tr("&Done: recognise text (Ctrl+Enter)"));
    finishButton->setObjectName(QStringLiteral("finishPages"));
    // Ctrl+Enter moves on: on the pages it recognises the text, on the result it attaches.
    m_finish = addAction(tr("Done: recognise text"), QKeySequence(QStringLiteral("Ctrl+Return")),
                         "finishAction", [this] {
                             if (m_stack->currentIndex() == 0)
                                 finishPages();
                             else
                                 attachResult();
                         });
    connect(finishButton, &QPushButton::clicked, this, &ScanDialog::finishPages);
    auto *discard = new QPushButton(tr("Discard the pages (Ctrl+Shift+Del)"));
    auto *discardAction
        = addAction(tr("Discard the pages"), QKeySequence(QStringLiteral("Ctrl+Shift+Del")),
                    "discardSession", [this] {
                        if (!m_session || isBusy())
                            return;
                        m_model->setSession(nullptr);
                        m_session->finish();
                        m_session.reset();
                        setStatus(tr("The pages were discarded."));
                        updateActions();
                    });
    connect(discard, &QPushButton::clicked, discardAction, &QAction::trigger);
    auto *close = new QPushButton(tr("Close (Esc)"));
    connect(close, &QPushButton::clicked, this, &ScanDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(discard);
    bottom->addStretch();
    bottom->addWidget(close);
    bottom->addWidget(finishButton);

    auto *right = new QVBoxLayout;
    right->addLayout(toolbar);
    right->addWidget(m_pages, 1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_resumeBar);
    layout->addLayout(columns, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addLayout(bottom);
    return page;
}

QWidget *ScanDialog::buildResultPage()
{
    m_result = new ScanResultView;
    auto *backAction = addAction(tr("Back to the pages"), QKeySequence(QStringLiteral("Alt+Left")),
                                 "backToPages", [this] {
                                     if (m_stack->currentIndex() == 1) {
                                         m_stack->setCurrentIndex(0);
                                         updateActions();
                                     }
                                 });
    connect(m_result, &ScanResultView::backRequested, backAction, &QAction::trigger);
    connect(m_result, &ScanResultView::attachRequested, this, &ScanDialog::attachResult);
    return m_result;
}

bool ScanDialog::isBusy() const
{
    return m_scanning || m_digitiser->isRunning() || m_importing > 0;
}

void ScanDialog::setStatus(const QString &message)
{
    m_status->setText(message);
    m_error->setVisible(false);
}

void ScanDialog::showProblem(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
    Q_EMIT problem(message);
}

void ScanDialog::updateActions()
{
    const bool busy = isBusy();
    const bool onPages = m_stack->currentIndex() == 0;
    const bool hasPages = m_session && m_session->pageCount() > 0;
    const bool scanning = m_scanning;
    const bool hasDevice = m_device->count() > 0 && !m_device->currentData().toString().isEmpty();
    m_scanButton->setEnabled(onPages && hasDevice && !busy);
    m_stopButton->setEnabled(scanning);
    m_duplex->setEnabled(m_source->currentData().toInt() == int(scan::ScanSource::Feeder));
    for (auto *a : std::as_const(m_editActions))
        a->setEnabled(onPages && hasPages && !busy);
    m_undo->setEnabled(onPages && !busy && m_session && m_session->undoStack()->canUndo());
    m_redo->setEnabled(onPages && !busy && m_session && m_session->undoStack()->canRedo());
    m_finish->setEnabled(!busy && (!onPages || hasPages));
    m_resumeBar->setVisible(!m_offered.isEmpty() && !m_session);
}

// --- sessions ----------------------------------------------------------------------------------

void ScanDialog::offerResume()
{
    if (m_offered.isEmpty()) {
        m_resumeBar->setVisible(false);
        return;
    }
    auto opened = scan::ScanSession::open(m_offered.first());
    if (!opened) {
        m_resumeLabel->setText(
            tr("An unfinished scan could not be read: %1").arg(opened.error().message));
        return;
    }
    const auto &s = opened.value();
    m_resumeLabel->setText(
        tr("An unfinished scan from %1 (%2, %n page(s)) was found.", nullptr, s->pageCount())
            .arg(s->createdAt().toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")),
                 s->title().isEmpty() ? tr("no title") : s->title()));
    m_resumeBar->setVisible(true);
}

void ScanDialog::resumeSession()
{
    if (m_offered.isEmpty() || m_session || isBusy())
        return;
    auto opened = scan::ScanSession::open(m_offered.takeFirst());
    if (!opened) {
        showProblem(opened.error().message);
        offerResume();
        updateActions();
        return;
    }
    attachSession(std::move(opened.value()));
    setStatus(tr("The unfinished scan was resumed: %n page(s).", nullptr, m_session->pageCount()));
}

void ScanDialog::discardOffered()
{
    if (m_offered.isEmpty() || m_session)
        return;
    if (auto opened = scan::ScanSession::open(m_offered.takeFirst()))
        opened.value()->finish();
    offerResume();
    updateActions();
}

bool ScanDialog::ensureSession()
{
    if (m_session)
        return true;
    auto created = scan::ScanSession::create(m_setup.sessionRoot, m_componentName);
    if (!created) {
        showProblem(created.error().message);
        return false;
    }
    attachSession(std::move(created.value()));
    return true;
}

void ScanDialog::attachSession(std::unique_ptr<scan::ScanSession> session)
{
    m_session = std::move(session);
    m_model->setSession(m_session.get());
    connect(m_session.get(), &scan::ScanSession::saveFailed, this, &ScanDialog::showProblem);
    connect(m_session->undoStack(), &QUndoStack::indexChanged, this, &ScanDialog::updateActions);
    updateActions();
}

// --- capture -----------------------------------------------------------------------------------

void ScanDialog::listDevices()
{
    m_device->clear();
    setStatus(tr("Looking for scanners…"));
    auto *watcher = new QFutureWatcher<DeviceList>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const DeviceList list = watcher->result();
        for (const auto &d : list.devices)
            m_device->addItem(d.displayName(), d.name);
        if (!list.error.isEmpty()) {
            m_status->clear();
            showProblem(list.error);
        } else if (list.devices.isEmpty()) {
            setStatus(tr("No scanner found. You can import files (Ctrl+O) or drop them here."));
        } else {
            setStatus(tr("%n scanner(s) found.", nullptr, int(list.devices.size())));
        }
        deviceChanged();
        updateActions();
        Q_EMIT devicesListed();
    });
    watcher->setFuture(QtConcurrent::run(&listDevicesOf, m_setup.scanner));
}

void ScanDialog::deviceChanged()
{
    const QString device = m_device->currentData().toString();
    m_source->clear();
    m_colour->clear();
    if (device.isEmpty()) {
        updateActions();
        return;
    }
    // Capabilities are asked on the GUI thread only for a device the list just found: the
    // drivers answer from what they learnt while listing.
    auto caps = m_setup.scanner->capabilities(device);
    if (!caps) {
        showProblem(caps.error().message);
        updateActions();
        return;
    }
    if (caps->flatbed)
        m_source->addItem(tr("Flatbed"), int(scan::ScanSource::Flatbed));
    if (caps->feeder)
        m_source->addItem(tr("Document feeder (ADF)"), int(scan::ScanSource::Feeder));
    for (auto mode : caps->colourModes)
        m_colour->addItem(colourLabel(mode), int(mode));
    m_colour->setCurrentIndex(std::max(0, m_colour->findData(int(scan::ColourMode::Grey))));
    m_duplex->setVisible(caps->duplex);
    if (caps->minDpi > 0 && caps->maxDpi >= caps->minDpi)
        m_dpi->setRange(caps->minDpi, std::min(caps->maxDpi, 1200));
    updateActions();
}

void ScanDialog::startScan()
{
    if (isBusy() || m_stack->currentIndex() != 0 || m_device->currentData().toString().isEmpty())
        return;
    if (!ensureSession())
        return;
    scan::ScanOptions options;
    options.source = scan::ScanSource(m_source->currentData().toInt());
    options.duplex = options.source == scan::ScanSource::Feeder && m_duplex->isVisible()
        && m_duplex->isChecked();
    options.colourMode = scan::ColourMode(m_colour->currentData().toInt());
    options.dpi = m_dpi->value();
    auto *job
        = new scan::ScanJob(m_setup.scanner, m_device->currentData().toString(), options, this);
    m_job = job;
    // One undo step for the whole batch.
    m_session->undoStack()->beginMacro(tr("Scan"));
    connect(job, &scan::ScanJob::pageScanned, this, [this](const QImage &page, int index) {
        if (auto st = m_session->addImages({page}); !st)
            showProblem(st.error().message);
        setStatus(tr("Page %1 scanned.").arg(index + 1));
        Q_EMIT pagesAdded();
    });
    connect(job, &scan::ScanJob::progress, this, [this](int index, int percent) {
        m_progress->setRange(0, 100);
        m_progress->setValue(percent);
        m_progress->setFormat(tr("Page %1: %p%").arg(index + 1));
    });
    connect(job, &scan::ScanJob::finished, this,
            [this, job](int pages, const QString &code, const QString &message) {
                m_session->undoStack()->endMacro();
                m_scanning = false;
                m_progress->setVisible(false);
                job->deleteLater();
                if (code == QLatin1String("scan.cancelled"))
                    setStatus(tr("Scanning stopped: %n page(s) kept.", nullptr, pages));
                else if (!code.isEmpty())
                    showProblem(message);
                else
                    setStatus(tr("%n page(s) scanned.", nullptr, pages));
                m_pages->setFocus();
                updateActions();
            });
    m_progress->setValue(0);
    m_progress->setVisible(true);
    setStatus(tr("Scanning…"));
    m_scanning = true;
    job->start();
    updateActions();
}

void ScanDialog::cancelScan()
{
    if (m_scanning && m_job) {
        m_job->cancel();
        setStatus(tr("Stopping…"));
    } else if (m_digitiser->isRunning()) {
        m_digitiser->cancel();
        m_progress->setVisible(false);
        setStatus(tr("Text recognition stopped."));
        updateActions();
    }
}

void ScanDialog::importFiles(const QStringList &paths)
{
    if (paths.isEmpty() || m_stack->currentIndex() != 0 || m_scanning)
        return;
    ++m_importing;
    updateActions();
    setStatus(tr("Reading %n file(s)…", nullptr, int(paths.size())));
    auto *watcher = new QFutureWatcher<domain::Result<QList<QImage>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        --m_importing;
        const auto result = watcher->result();
        if (!result) {
            showProblem(result.error().message); // all or nothing: no page was added
        } else if (ensureSession()) {
            if (auto st = m_session->addImages(result.value()); !st)
                showProblem(st.error().message);
            else
                setStatus(tr("%n page(s) imported.", nullptr, int(result->size())));
            Q_EMIT pagesAdded();
        }
        updateActions();
    });
    watcher->setFuture(QtConcurrent::run([paths] { return scan::importFiles(paths); }));
}

void ScanDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ScanDialog::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        importFiles(paths);
    }
}

void ScanDialog::keyPressEvent(QKeyEvent *event)
{
    // Esc stops a scan or the recognition first; only when idle does it close the dialog.
    if (event->key() == Qt::Key_Escape && isBusy() && m_importing == 0) {
        cancelScan();
        return;
    }
    QDialog::keyPressEvent(event);
}

void ScanDialog::reject()
{
    if (isBusy())
        return;        // stop first (Esc), then close
    QDialog::reject(); // the session stays on disk and is offered again next time
}

// --- pages -------------------------------------------------------------------------------------

QStringList ScanDialog::selectedIds() const
{
    QStringList ids;
    auto rows = m_pages->selectionModel()->selectedIndexes();
    if (rows.isEmpty() && m_pages->currentIndex().isValid())
        rows << m_pages->currentIndex();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const auto &index : rows)
        ids << index.data(PageListModel::PageIdRole).toString();
    return ids;
}

void ScanDialog::transformSelected(const std::function<void(const QString &)> &apply)
{
    if (!m_session || isBusy())
        return;
    const QStringList ids = selectedIds();
    if (ids.isEmpty()) {
        setStatus(tr("Select a page first (arrow keys, Shift to select more)."));
        return;
    }
    if (ids.size() > 1)
        m_session->undoStack()->beginMacro(tr("Change %n page(s)", nullptr, int(ids.size())));
    for (const QString &id : ids)
        apply(id);
    if (ids.size() > 1)
        m_session->undoStack()->endMacro();
    // Keep the pages selected across the model's reset.
    for (const QString &id : ids) {
        const int row = m_session->indexOf(id);
        if (row >= 0)
            m_pages->selectionModel()->select(m_model->index(row), QItemSelectionModel::Select);
    }
}

void ScanDialog::cropSelected()
{
    if (!m_session || selectedIds().isEmpty())
        return;
    QDialog ask(this);
    ask.setWindowTitle(tr("Crop"));
    auto *form = new QFormLayout(&ask);
    QList<QDoubleSpinBox *> margins;
    for (const QString &name :
         {tr("&Left margin:"), tr("&Top margin:"), tr("&Right margin:"), tr("&Bottom margin:")}) {
        auto *spin = new QDoubleSpinBox;
        spin->setRange(0, 45);
        spin->setSuffix(QStringLiteral(" %"));
        spin->setDecimals(1);
        auto *l = new QLabel(name);
        l->setBuddy(spin);
        form->addRow(l, spin);
        margins << spin;
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    if (ask.exec() != QDialog::Accepted)
        return;
    const double l = margins[0]->value() / 100, t = margins[1]->value() / 100;
    const double r = margins[2]->value() / 100, b = margins[3]->value() / 100;
    if (l + r <= 0 && t + b <= 0)
        return;
    const QRectF area(l, t, 1 - l - r, 1 - t - b);
    transformSelected([this, area](const QString &id) { m_session->crop(id, area); });
}

void ScanDialog::moveCurrent(int delta)
{
    if (!m_session || isBusy() || !m_pages->currentIndex().isValid())
        return;
    const int from = m_pages->currentIndex().row();
    const int to = from + delta;
    if (to < 0 || to >= m_session->pageCount())
        return;
    m_session->movePage(from, to);
    m_pages->setCurrentIndex(m_model->index(to));
}

// --- result ------------------------------------------------------------------------------------

void ScanDialog::finishPages()
{
    if (!m_session || m_session->pageCount() == 0 || isBusy())
        return;
    m_digitiser->start(m_session->images());
    updateActions();
}

void ScanDialog::showResult(const QList<ScannedDocument> &documents)
{
    m_progress->setVisible(false);
    m_result->setDocuments(documents, m_componentName);
    m_stack->setCurrentIndex(1);
    m_result->setFocus();
    setStatus(QString());
    updateActions();
    Q_EMIT resultReady();
}

void ScanDialog::attachResult()
{
    if (m_stack->currentIndex() != 1 || m_result->isEmpty())
        return;
    m_outcome = m_result->outcome();
    // The documents now live in the caller's draft: the session's pages are no longer needed.
    m_model->setSession(nullptr);
    m_session->finish();
    m_session.reset();
    accept();
}

} // namespace motcua::ui
