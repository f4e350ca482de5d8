#pragma once

#include <QMainWindow>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace holdfast::desktop {

class LibraryView;
class RecordingListModel;
class VaultScanJob;

// Composes the panels and the menus; the panels do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a folder vault and verifies its recordings in the background.
    void openVault(const QString& directory);
    QString vaultDirectory() const { return m_vaultDirectory; }
    RecordingListModel* recordingModel() const { return m_model; }
    bool isScanning() const { return m_scan != nullptr; }

Q_SIGNALS:
    void vaultLoaded();

private:
    void createActions();
    void chooseVault();
    void reload();
    void cancelScan();
    void finishScan();
    void showAbout();
    void showStatus();

    RecordingListModel* m_model;
    LibraryView* m_library;
    QLabel* m_statusLabel;
    QProgressBar* m_progress;
    QPushButton* m_cancelButton;
    QString m_vaultDirectory;
    std::unique_ptr<VaultScanJob> m_scan;
};

} // namespace holdfast::desktop
