#pragma once

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace holdfast {
class Workspace;
}

namespace holdfast::desktop {

class IdleWatcher;
class LibraryView;
class PlayerView;
class SyncPanel;
class UnlockPage;

// What the command line asks for: `holdfast [--cache DIR] [--read-only]
// [--open RECORDING-ID [--at SECONDS]]`.
struct StartupOptions
{
    QString cacheDirectory; // empty: the last one used, else the default location
    bool readOnly = false;
    QString openRecordingId;
    qint64 openAt_ms = 0;
};

// The window around the encrypted cache. While locked it shows only the
// unlock (or create) page and holds no workspace; unlocked, it owns the
// Workspace and composes the library and the sync panel around it. Locking
// (Ctrl+L, or idle time) destroys the panels and then the workspace, which
// wipes the keys.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const StartupOptions& options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    Workspace* workspace() const { return m_workspace.get(); }
    bool isLocked() const { return m_workspace == nullptr; }
    bool isReadOnly() const;
    UnlockPage* unlockPage() const { return m_unlock; }
    LibraryView* library() const { return m_library; }   // null while locked
    SyncPanel* syncPanel() const { return m_syncPanel; } // null while locked
    // The player tab of a recording, null when it is not open.
    PlayerView* playerFor(const QString& recordingId) const;
    IdleWatcher* idleWatcher() const { return m_idle; }

public Q_SLOTS:
    void lock();

Q_SIGNALS:
    void unlocked();
    void locked();
    // Open a recording in the player, at a position (a search hit's segment
    // start, or --at). The player tab is created by whoever connects here.
    void openRecordingRequested(const QString& recordingId, qint64 position_ms);

private:
    void openPlayer(const QString& recordingId, qint64 position_ms);
    void adoptWorkspace();
    void createActions();
    void updateActions();
    void updateTitle();
    void showSettings();
    void showShortcuts();
    void showAbout();
    void showPage(int index);

    StartupOptions m_options;
    std::unique_ptr<Workspace> m_workspace;
    QStackedWidget* m_stack;
    UnlockPage* m_unlock;
    QWidget* m_workspacePage = nullptr;
    QLabel* m_banner = nullptr;
    QTabWidget* m_tabs = nullptr;
    LibraryView* m_library = nullptr;
    SyncPanel* m_syncPanel = nullptr;
    QLabel* m_statusLabel;
    IdleWatcher* m_idle;
    QList<QAction*> m_unlockedActions; // enabled only while unlocked
    QAction* m_syncAction = nullptr;
    QAction* m_addAccountAction = nullptr;
    bool m_startupRequestDone = false;
};

} // namespace holdfast::desktop
