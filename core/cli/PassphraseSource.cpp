#include "PassphraseSource.h"

#include "Command.h"
#include "crypto/SecureMemory.h"

#include <QFile>
#include <QProcessEnvironment>
#include <cerrno>
#include <csignal>
#include <termios.h>
#include <unistd.h>

namespace holdfast::cli {

namespace {

constexpr qint64 kMaxPassphraseFileBytes = 64 * 1024;
constexpr int kMaxPromptBytes = 4096;

// A signal handler can only reach static storage.
struct termios s_savedTerminal;
struct termios s_noEchoTerminal;
volatile sig_atomic_t s_terminalChanged = 0;
constexpr int kRestoreSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP};
struct sigaction s_previousActions[sizeof(kRestoreSignals) / sizeof(int)];

extern "C" void restoreTerminalAndRaise(int signalNumber)
{
    const int savedErrno = errno;
    if (s_terminalChanged)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &s_savedTerminal);
    struct sigaction defaultAction = {};
    defaultAction.sa_handler = SIG_DFL;
    sigemptyset(&defaultAction.sa_mask);
    struct sigaction ours = {};
    ::sigaction(signalNumber, &defaultAction, &ours);
    // Unblock it so that raise() acts now, inside this handler.
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, signalNumber);
    ::sigprocmask(SIG_UNBLOCK, &mask, nullptr);
    ::raise(signalNumber);
    // Only SIGTSTP comes back here (after SIGCONT): hide the input again.
    ::sigaction(signalNumber, &ours, nullptr);
    if (s_terminalChanged)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &s_noEchoTerminal);
    errno = savedErrno;
}

void installRestoreHandlers()
{
    struct sigaction action = {};
    action.sa_handler = restoreTerminalAndRaise;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < std::size(kRestoreSignals); ++i)
        ::sigaction(kRestoreSignals[i], &action, &s_previousActions[i]);
}

void removeRestoreHandlers()
{
    for (size_t i = 0; i < std::size(kRestoreSignals); ++i)
        ::sigaction(kRestoreSignals[i], &s_previousActions[i], nullptr);
}

} // namespace

PassphraseSource::PassphraseSource(QString filePath, QString fileOption, QString environmentVariable)
    : m_filePath(std::move(filePath))
    , m_fileOption(std::move(fileOption))
    , m_environmentVariable(std::move(environmentVariable))
{}

bool PassphraseSource::stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

bool PassphraseSource::promptNoEcho(const QString& prompt, QString* line)
{
    if (::tcgetattr(STDIN_FILENO, &s_savedTerminal) != 0)
        return false;
    s_noEchoTerminal = s_savedTerminal;
    s_noEchoTerminal.c_lflag &= ~tcflag_t(ECHO);
    s_noEchoTerminal.c_lflag |= ECHONL; // the newline still shows, so the next output starts a line
    installRestoreHandlers();
    s_terminalChanged = 1;
    if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &s_noEchoTerminal) != 0) {
        s_terminalChanged = 0;
        removeRestoreHandlers();
        return false;
    }
    printErr(prompt);

    QByteArray bytes;
    bytes.reserve(kMaxPromptBytes);
    bool complete = false;
    while (bytes.size() < kMaxPromptBytes) {
        char c = 0;
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; // EOF (Ctrl-D) or error: no passphrase
        if (c == '\n') {
            complete = true;
            break;
        }
        bytes.append(c);
    }
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &s_savedTerminal);
    s_terminalChanged = 0;
    removeRestoreHandlers();
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    *line = QString::fromUtf8(bytes);
    crypto::secureWipe(bytes);
    return complete;
}

bool PassphraseSource::read(const QString& prompt, bool confirm, QString* passphrase, Error* error) const
{
    if (!m_filePath.isEmpty()) {
        QFile file(m_filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = {Failure::Operational,
                      QStringLiteral("%1 %2: %3").arg(m_fileOption, m_filePath, file.errorString())};
            return false;
        }
        QByteArray bytes = file.read(kMaxPassphraseFileBytes);
        const qsizetype newline = bytes.indexOf('\n');
        if (newline >= 0)
            bytes.truncate(newline);
        if (bytes.endsWith('\r'))
            bytes.chop(1);
        *passphrase = QString::fromUtf8(bytes);
        crypto::secureWipe(bytes);
        if (passphrase->isEmpty()) {
            *error = {Failure::Operational,
                      QStringLiteral("%1 %2: the first line is empty").arg(m_fileOption, m_filePath)};
            return false;
        }
        return true;
    }
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (environment.contains(m_environmentVariable)) {
        *passphrase = environment.value(m_environmentVariable);
        if (passphrase->isEmpty()) {
            *error = {Failure::Operational, QStringLiteral("%1 is set but empty").arg(m_environmentVariable)};
            return false;
        }
        return true;
    }
    if (!stdinIsTerminal()) {
        *error = {Failure::Usage,
                  QStringLiteral("no passphrase: stdin is not a terminal; use %1 FILE (or %2 for automation)")
                      .arg(m_fileOption, m_environmentVariable)};
        return false;
    }
    QString first;
    if (!promptNoEcho(prompt, &first) || first.isEmpty()) {
        *error = {Failure::Operational, QStringLiteral("no passphrase entered")};
        return false;
    }
    if (confirm) {
        QString second;
        if (!promptNoEcho(QStringLiteral("Repeat: "), &second) || second != first) {
            *error = {Failure::Operational, QStringLiteral("the passphrases do not match")};
            return false;
        }
    }
    *passphrase = first;
    return true;
}

} // namespace holdfast::cli
