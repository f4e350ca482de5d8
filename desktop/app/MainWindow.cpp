#include "app/MainWindow.h"

#include "library/LibraryView.h"
#include "library/RecordingListModel.h"
#include "library/VaultScanJob.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>

namespace holdfast::desktop {

namespace {
const auto kLastVaultKey = QStringLiteral("library/lastVault");
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_model(new RecordingListModel(this))
    , m_library(new LibraryView(m_model, this))
    , m_statusLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Holdfast"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/holdfast.svg")));
    setCentralWidget(m_library);
    resize(1180, 720);

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_progress->setObjectName(QStringLiteral("scanProgress"));
    m_progress->setAccessibleName(tr("Verification progress"));
    m_progress->setMaximumWidth(240);
    m_progress->setFormat(tr("Verifying %v of %m"));
    m_cancelButton->setObjectName(QStringLiteral("cancelScanButton"));
    m_cancelButton->setAccessibleName(tr("Cancel verification"));
    m_progress->hide();
    m_cancelButton->hide();
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelScan);

    createActions();
    showStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Vault…"), this, &MainWindow::chooseVault);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("openVaultAction"));
    QAction* reload = file->addAction(tr("&Reload and Verify"), this, &MainWindow::reload);
    reload->setShortcut(QKeySequence::Refresh);
    reload->setObjectName(QStringLiteral("reloadAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* find = view->addAction(tr("&Filter Recordings"), m_library, &LibraryView::focusFilter);
    find->setShortcut(QKeySequence::Find);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Holdfast"), this, &MainWindow::showAbout);
}

void MainWindow::openVault(const QString& directory)
{
    cancelScan();
    m_vaultDirectory = QDir(directory).absolutePath();
    QSettings().setValue(kLastVaultKey, m_vaultDirectory);
    setWindowTitle(tr("%1 — Holdfast").arg(QDir::toNativeSeparators(m_vaultDirectory)));
    m_model->clear();

    m_scan = std::make_unique<VaultScanJob>(m_vaultDirectory);
    connect(m_scan.get(), &VaultScanJob::progressChanged, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_scan.get(), &VaultScanJob::succeeded, this,
            [this](const QList<capture::VerificationReport>& reports) {
                m_model->setReports(reports);
                finishScan();
                if (m_model->rowCount() > 0)
                    m_library->table()->selectRow(0);
                Q_EMIT vaultLoaded();
            });
    connect(m_scan.get(), &VaultScanJob::failed, this, [this](const QString& message) {
        finishScan();
        m_statusLabel->setText(tr("Could not open the vault: %1").arg(message));
        Q_EMIT vaultLoaded();
    });
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelButton->show();
    m_statusLabel->setText(
        tr("Verifying the recordings of %1…").arg(QDir::toNativeSeparators(m_vaultDirectory)));
    m_scan->start();
}

void MainWindow::chooseVault()
{
    const QString start =
        m_vaultDirectory.isEmpty() ? QSettings().value(kLastVaultKey).toString() : m_vaultDirectory;
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Open Vault"), start);
    if (!directory.isEmpty())
        openVault(directory);
}

void MainWindow::reload()
{
    if (!m_vaultDirectory.isEmpty())
        openVault(m_vaultDirectory);
}

void MainWindow::cancelScan()
{
    if (!m_scan)
        return;
    m_scan->cancel();
    m_scan.reset(); // waits for the worker; its queued signals are dropped with it
    finishScan();
}

void MainWindow::finishScan()
{
    // Deleting the job from inside its own signal would destroy the sender mid-emit.
    if (m_scan)
        m_scan.release()->deleteLater();
    m_progress->hide();
    m_cancelButton->hide();
    showStatus();
}

void MainWindow::showStatus()
{
    if (m_vaultDirectory.isEmpty()) {
        m_statusLabel->setText(tr("No vault open. Use File › Open Vault… (Ctrl+O) to choose one."));
        return;
    }
    const int total = m_model->rowCount();
    const int verified = m_model->verifiedCount();
    if (total == verified)
        m_statusLabel->setText(tr("%n recording(s), all verified", nullptr, total));
    else
        m_statusLabel->setText(tr("%n recording(s): %1 verified, %2 FAILED verification", nullptr, total)
                                   .arg(verified)
                                   .arg(total - verified));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Holdfast"),
                       tr("<h3>Holdfast %1</h3><p>Compliance review workstation for recorded calls.</p>"
                          "<p>Built with Qt %2.</p>")
                           .arg(QStringLiteral(HOLDFAST_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace holdfast::desktop
