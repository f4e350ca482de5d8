#pragma once

#include "workspace/Workspace.h"

#include <QThread>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace holdfast::desktop {

// What the window shows while no workspace is open: "create a cache" when the
// chosen directory holds none yet, otherwise "unlock". The Argon2id key
// derivation (most of a second) runs on a worker thread behind a busy bar.
class UnlockPage : public QWidget
{
    Q_OBJECT

public:
    enum class Mode
    {
        Invalid = 0,
        Create,
        Unlock,
    };

    explicit UnlockPage(bool forceReadOnly, QWidget* parent = nullptr);
    ~UnlockPage() override; // waits for a running key derivation

    static QString defaultCacheDirectory();

    void setCacheDirectory(const QString& directory);
    QString cacheDirectory() const;
    Mode mode() const { return m_mode; }
    bool isBusy() const { return m_thread != nullptr; }
    QString errorText() const;
    // Clears the passphrase fields and focuses the first one.
    void reset();
    // The workspace opened by the last successful unlock or create.
    std::unique_ptr<Workspace> takeWorkspace() { return std::move(m_workspace); }

Q_SIGNALS:
    void workspaceOpened();

private:
    void updateMode();
    void updateStrength();
    void chooseDirectory();
    void submit();
    void finish(Result<std::unique_ptr<Workspace>> result);

    bool m_forceReadOnly;
    Mode m_mode = Mode::Invalid;
    QLabel* m_heading;
    QLabel* m_explanation;
    QLineEdit* m_directory;
    QPushButton* m_browse;
    QLineEdit* m_passphrase;
    QLabel* m_confirmLabel;
    QLineEdit* m_confirm;
    QLabel* m_strengthLabel;
    QProgressBar* m_strength;
    QComboBox* m_role;
    QLabel* m_error;
    QProgressBar* m_busy;
    QPushButton* m_submit;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<Workspace> m_workspace;
};

} // namespace holdfast::desktop
