#pragma once

#include "Command.h"
#include "workspace/Workspace.h"

#include <QCommandLineOption>
#include <memory>

namespace holdfast::cli {

// What every command on an encrypted cache is told: where the cache is, who
// is working, and where the passphrase comes from.
struct CacheInvocation
{
    QString cacheDirectory;
    WorkspaceIdentity identity;
    QString passphraseFile;
};

// Base of the commands that work on a cache (init, passwd, import, list, show,
// search, audit): shared options, the passphrase sources and the mapping of
// workspace errors to exit codes.
class CacheCommand : public Command
{
protected:
    CacheCommand();

    // --cache, --passphrase-file, --actor, --role, --read-only.
    void addCacheOptions(QCommandLineParser& parser) const;
    // Usage errors (exit 2) for missing or bad values; nullopt when fine.
    std::optional<int> readCacheOptions(const QCommandLineParser& parser, CacheInvocation* invocation) const;
    // Reads the passphrase and unlocks the cache. On failure prints the reason
    // and sets exitCode (2: no passphrase source, 1: wrong passphrase, damaged
    // cache, ...), returning nullptr.
    std::unique_ptr<Workspace> openWorkspace(const CacheInvocation& invocation, int* exitCode) const;

    // The paragraph on passphrase sources shared by every --help.
    static QString passphraseHelp();
    static QString formatPosition(qint64 position_ms); // "mm:ss" or "h:mm:ss"
    static QString formatUtc(const QDateTime& time);   // "2024-03-01 09:30:00Z"

    const QCommandLineOption m_cacheOption;
    const QCommandLineOption m_passphraseFileOption;
    const QCommandLineOption m_actorOption;
    const QCommandLineOption m_roleOption;
    const QCommandLineOption m_readOnlyOption;
};

} // namespace holdfast::cli
