#pragma once

#include "capture/PackageVerifier.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>

namespace holdfast::desktop {

// Runs review::VaultCatalog::scan on a worker thread. Signals are emitted on
// the thread that owns the job (the GUI thread), never on the worker.
class VaultScanJob : public QObject
{
    Q_OBJECT

public:
    explicit VaultScanJob(QString vaultDirectory, QObject* parent = nullptr);
    ~VaultScanJob() override; // cancels and waits for the worker

    void start();
    void cancel();
    const QString& vaultDirectory() const { return m_vaultDirectory; }

Q_SIGNALS:
    void progressChanged(int packagesDone, int packagesTotal);
    void succeeded(const QList<holdfast::capture::VerificationReport>& reports);
    void failed(const QString& message);

private:
    QString m_vaultDirectory;
    std::atomic_bool m_cancelled{false};
    std::unique_ptr<QThread> m_thread;
};

} // namespace holdfast::desktop
