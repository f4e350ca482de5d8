#include "app/MainWindow.h"

#include "app/IdleWatcher.h"
#include "app/MutatingControl.h"
#include "app/SettingsDialog.h"
#include "app/UnlockPage.h"
#include "library/LibraryView.h"
#include "library/SearchResultsModel.h"
#include "player/PlayerView.h"
#include "sync/SyncPanel.h"
#include "util/LibraryVersions.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace holdfast::desktop {

namespace {
constexpr int kUnlockPageIndex = 0;
constexpr int kLibraryTab = 0;
constexpr int kSyncTab = 1;
} // namespace

MainWindow::MainWindow(const StartupOptions& options, QWidget* parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_stack(new QStackedWidget(this))
    , m_unlock(new UnlockPage(options.readOnly, this))
    , m_statusLabel(new QLabel(this))
    , m_idle(new IdleWatcher(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/holdfast.svg")));
    setCentralWidget(m_stack);
    resize(1280, 780);
    m_stack->addWidget(m_unlock);
    if (!options.cacheDirectory.isEmpty())
        m_unlock->setCacheDirectory(options.cacheDirectory);
    connect(m_unlock, &UnlockPage::workspaceOpened, this, &MainWindow::adoptWorkspace);
    connect(this, &MainWindow::openRecordingRequested, this, &MainWindow::openPlayer);

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);

    m_idle->setTimeout(SettingsDialog::idleLockMinutes() * 60 * 1000);
    connect(m_idle, &IdleWatcher::idle, this, [this] {
        lock();
        m_statusLabel->setText(
            tr("Locked after %n minute(s) without activity.", nullptr, SettingsDialog::idleLockMinutes()));
    });

    createActions();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Panels first: they hold references to the workspace.
    delete m_workspacePage;
    m_workspacePage = nullptr;
}

bool MainWindow::isReadOnly() const
{
    return m_workspace ? m_workspace->isReadOnly() : m_options.readOnly;
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* lockAction = file->addAction(tr("&Lock"), this, &MainWindow::lock);
    lockAction->setObjectName(QStringLiteral("lockAction"));
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lockAction->setShortcutContext(Qt::ApplicationShortcut);
    lockAction->setStatusTip(tr("Lock the cache: wipe the keys and show only the unlock page"));
    m_unlockedActions << lockAction;
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence::Preferences);
    if (settings->shortcut().isEmpty())
        settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* search = view->addAction(tr("&Search Recordings"), this, [this] {
        showPage(kLibraryTab);
        if (m_library)
            m_library->focusSearch();
    });
    search->setObjectName(QStringLiteral("searchAction"));
    search->setShortcut(QKeySequence::Find);
    QAction* libraryAction = view->addAction(tr("&Library"), this, [this] { showPage(kLibraryTab); });
    libraryAction->setObjectName(QStringLiteral("showLibraryAction"));
    libraryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction* inspect = view->addAction(tr("&Inspect Recording"), this, [this] {
        showPage(kLibraryTab);
        if (m_library)
            m_library->showInspector();
    });
    inspect->setObjectName(QStringLiteral("inspectAction"));
    inspect->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction* syncView = view->addAction(tr("&Vaults and Sync"), this, [this] { showPage(kSyncTab); });
    syncView->setObjectName(QStringLiteral("showSyncAction"));
    syncView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_unlockedActions << search << libraryAction << inspect << syncView;

    QMenu* vault = menuBar()->addMenu(tr("V&ault"));
    m_syncAction = vault->addAction(tr("&Sync Now"), this, [this] {
        showPage(kSyncTab);
        if (m_syncPanel)
            m_syncPanel->syncSelected();
    });
    m_syncAction->setObjectName(QStringLiteral("syncNowAction"));
    m_syncAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    markMutating(m_syncAction);
    m_addAccountAction = vault->addAction(tr("&Add Vault Account…"), this, [this] {
        showPage(kSyncTab);
        if (auto* add =
                m_syncPanel ? m_syncPanel->findChild<QWidget*>(QStringLiteral("addAccountButton")) : nullptr)
            QMetaObject::invokeMethod(add, "click", Qt::QueuedConnection);
    });
    m_addAccountAction->setObjectName(QStringLiteral("addAccountAction"));
    markMutating(m_addAccountAction);
    m_unlockedActions << m_syncAction << m_addAccountAction;

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    QAction* about = help->addAction(tr("&About Holdfast"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::updateActions()
{
    const bool open = !isLocked();
    for (QAction* action : std::as_const(m_unlockedActions))
        action->setEnabled(open && (!isMutating(action) || !isReadOnly()));
    // Auditor mode: actions that would change something are absent.
    for (QAction* action : {m_syncAction, m_addAccountAction})
        action->setVisible(!isReadOnly());
}

void MainWindow::updateTitle()
{
    QString title = tr("Holdfast");
    if (m_workspace)
        title = tr("%1 — Holdfast").arg(QDir::toNativeSeparators(m_workspace->cacheDirectory()));
    else
        title = tr("Locked — Holdfast");
    if (isReadOnly())
        title += tr(" — AUDITOR MODE (read-only)");
    setWindowTitle(title);
}

void MainWindow::showPage(int index)
{
    if (m_tabs)
        m_tabs->setCurrentIndex(index);
}

void MainWindow::adoptWorkspace()
{
    m_workspace = m_unlock->takeWorkspace();
    if (!m_workspace)
        return;
    m_workspacePage = new QWidget(this);
    m_workspacePage->setObjectName(QStringLiteral("workspacePage"));
    auto* layout = new QVBoxLayout(m_workspacePage);
    layout->setContentsMargins(4, 4, 4, 4);
    if (m_workspace->isReadOnly()) {
        m_banner = new QLabel(tr("AUDITOR MODE — this cache is open read-only: nothing can be changed, and "
                                 "nothing is written."),
                              m_workspacePage);
        m_banner->setObjectName(QStringLiteral("auditorBanner"));
        m_banner->setAccessibleName(tr("Auditor mode"));
        m_banner->setAlignment(Qt::AlignCenter);
        m_banner->setStyleSheet(QStringLiteral("QLabel { background: #b71c1c; color: white; font-weight: "
                                               "bold; padding: 6px; border-radius: 3px; }"));
        layout->addWidget(m_banner);
    }
    m_tabs = new QTabWidget(m_workspacePage);
    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_library = new LibraryView(*m_workspace, m_tabs);
    m_syncPanel = new SyncPanel(*m_workspace, m_tabs);
    m_tabs->addTab(m_library, tr("&Library"));
    m_tabs->addTab(m_syncPanel, tr("Vaults and &Sync"));
    // Player tabs close; the library and sync tabs stay.
    m_tabs->setTabsClosable(true);
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->tabBar()->setTabButton(i, QTabBar::RightSide, nullptr);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto* player = qobject_cast<PlayerView*>(m_tabs->widget(index))) {
            m_tabs->removeTab(index);
            delete player;
        }
    });
    layout->addWidget(m_tabs);
    connect(m_library, &LibraryView::statusMessage, m_statusLabel, &QLabel::setText);
    connect(m_library, &LibraryView::openRecordingRequested, this, &MainWindow::openRecordingRequested);
    connect(m_syncPanel, &SyncPanel::cacheChanged, m_library, &LibraryView::reload);
    m_stack->addWidget(m_workspacePage);
    m_stack->setCurrentWidget(m_workspacePage);
    m_library->reload();
    m_library->table()->setFocus(Qt::OtherFocusReason);
    if (m_library->table()->model()->rowCount() > 0)
        m_library->table()->selectRow(0);

    m_idle->setTimeout(SettingsDialog::idleLockMinutes() * 60 * 1000);
    m_idle->setActive(true);
    updateActions();
    updateTitle();
    Q_EMIT unlocked();

    // --open ID [--at SECONDS]: once, after the first unlock.
    if (!m_startupRequestDone && !m_options.openRecordingId.isEmpty()) {
        m_startupRequestDone = true;
        m_statusLabel->setText(
            tr("Opening recording %1 at %2")
                .arg(m_options.openRecordingId, SearchResultsModel::formatTime(m_options.openAt_ms)));
        Q_EMIT openRecordingRequested(m_options.openRecordingId, m_options.openAt_ms);
    }
}

PlayerView* MainWindow::playerFor(const QString& recordingId) const
{
    if (!m_tabs)
        return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* player = qobject_cast<PlayerView*>(m_tabs->widget(i));
            player && player->recordingId() == recordingId)
            return player;
    return nullptr;
}

// Opens the recording in a player tab (or brings its tab forward) at position_ms.
void MainWindow::openPlayer(const QString& recordingId, qint64 position_ms)
{
    if (!m_workspace || !m_tabs)
        return;
    PlayerView* player = playerFor(recordingId);
    if (player) {
        player->seek(position_ms);
    } else {
        player = new PlayerView(*m_workspace, recordingId, position_ms, m_tabs);
        QString title = recordingId.left(8);
        if (auto detail = m_workspace->recording(recordingId); detail && !detail->manifest.title.isEmpty())
            title = detail->manifest.title;
        m_tabs->addTab(player, title);
        m_tabs->setTabToolTip(m_tabs->indexOf(player), recordingId);
        if (!player->errorText().isEmpty())
            m_statusLabel->setText(player->errorText());
    }
    m_tabs->setCurrentWidget(player);
    player->setFocus(Qt::OtherFocusReason);
}

void MainWindow::lock()
{
    if (!m_workspace)
        return;
    m_idle->setActive(false);
    // The panels go first (a running sync is cancelled and waited for), then
    // the workspace: its destructor wipes the master key.
    m_library = nullptr;
    m_syncPanel = nullptr;
    m_tabs = nullptr;
    m_banner = nullptr;
    m_stack->removeWidget(m_workspacePage);
    delete m_workspacePage;
    m_workspacePage = nullptr;
    m_workspace.reset();
    m_stack->setCurrentIndex(kUnlockPageIndex);
    m_unlock->setCacheDirectory(m_unlock->cacheDirectory());
    m_unlock->reset();
    m_statusLabel->setText(tr("Locked. Enter the passphrase to continue."));
    updateActions();
    updateTitle();
    Q_EMIT locked();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_idle->setTimeout(SettingsDialog::idleLockMinutes() * 60 * 1000);
    m_idle->setActive(!isLocked());
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("shortcutsDialog"));
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto* table = new QTableWidget(&dialog);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QList<std::pair<QString, QString>> rows;
    const QList<QAction*> actions = findChildren<QAction*>();
    for (const QAction* action : actions) {
        if (action->shortcut().isEmpty() || !action->isVisible())
            continue;
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        text.remove(QStringLiteral("…"));
        rows.append({action->shortcut().toString(QKeySequence::NativeText), text});
    }
    rows.append({tr("Enter / double-click"), tr("Open the selected recording or search hit in the player")});
    rows.append({tr("Alt+letter"), tr("Go to the control whose label has that letter underlined")});
    table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(rows.at(row).first));
        table->setItem(row, 1, new QTableWidgetItem(rows.at(row).second));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(520, 420);
    dialog.exec();
}

void MainWindow::showAbout()
{
    const LibraryVersions versions = libraryVersions();
    QMessageBox::about(
        this, tr("About Holdfast"),
        tr("<h3>Holdfast %1</h3><p>Compliance review workstation for recorded calls.</p>"
           "<table><tr><td>Qt</td><td>%2</td></tr><tr><td>GStreamer</td><td>%3</td></tr>"
           "<tr><td>SQLCipher</td><td>%4 (SQLite %5)</td></tr><tr><td>OpenSSL</td><td>%6</td></tr></table>")
            .arg(QStringLiteral(HOLDFAST_VERSION), versions.qt, versions.gstreamer, versions.sqlcipher,
                 versions.sqlite, versions.openssl.toHtmlEscaped()));
}

} // namespace holdfast::desktop
