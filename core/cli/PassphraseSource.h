#pragma once

#include "util/Result.h"

#include <QString>

namespace holdfast::cli {

// Where a cache command gets a passphrase from, in this order:
//   1. a file given on the command line (its first line, newline stripped);
//   2. an environment variable (for automation only: the environment of a
//      process is visible to the same user and often logged);
//   3. a no-echo prompt when stdin is a terminal.
// Without any of them (no file, no variable, stdin not a terminal) the
// command cannot ask: that is a usage error.
class PassphraseSource
{
public:
    enum class Failure
    {
        Invalid = 0,
        Usage,       // nothing to read from: exit 2
        Operational, // unreadable or empty file, prompt aborted: exit 1
    };
    struct Error
    {
        Failure failure = Failure::Invalid;
        QString message;
    };

    // filePath: value of --passphrase-file (or --new-passphrase-file), may be empty.
    // environmentVariable: HOLDFAST_PASSPHRASE or HOLDFAST_NEW_PASSPHRASE.
    // fileOption names the option in messages ("--passphrase-file").
    PassphraseSource(QString filePath, QString fileOption, QString environmentVariable);

    // prompt: "Passphrase for /cache: ". confirm: ask twice on a terminal and
    // require both answers to match (new passphrases).
    bool read(const QString& prompt, bool confirm, QString* passphrase, Error* error) const;

    static bool stdinIsTerminal();
    // Reads one line from the terminal on stdin with echo off. The terminal
    // settings are restored on every exit path, including SIGINT, SIGTERM,
    // SIGHUP, SIGQUIT and SIGTSTP arriving during the prompt.
    static bool promptNoEcho(const QString& prompt, QString* line);

private:
    QString m_filePath;
    QString m_fileOption;
    QString m_environmentVariable;
};

} // namespace holdfast::cli
