#include "CacheCommand.h"

#include "PassphraseSource.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>

namespace holdfast::cli {

CacheCommand::CacheCommand()
    : m_cacheOption(QStringLiteral("cache"), QStringLiteral("Cache directory."), QStringLiteral("DIR"))
    , m_passphraseFileOption(QStringLiteral("passphrase-file"),
                             QStringLiteral("Read the passphrase from the first line of FILE."),
                             QStringLiteral("FILE"))
    , m_actorOption(QStringLiteral("actor"),
                    QStringLiteral("Name recorded in the audit log (default: $USER, else \"unknown\")."),
                    QStringLiteral("NAME"))
    , m_roleOption(QStringLiteral("role"),
                   QStringLiteral("officer, legal or auditor (default officer). An auditor changes nothing."),
                   QStringLiteral("ROLE"), QStringLiteral("officer"))
    , m_readOnlyOption(QStringLiteral("read-only"),
                       QStringLiteral("Open the cache read-only: refuse every change and write nothing."))
{}

void CacheCommand::addCacheOptions(QCommandLineParser& parser) const
{
    parser.addOptions({m_cacheOption, m_passphraseFileOption, m_actorOption, m_roleOption, m_readOnlyOption});
}

std::optional<int> CacheCommand::readCacheOptions(const QCommandLineParser& parser,
                                                  CacheInvocation* invocation) const
{
    for (const QCommandLineOption* option :
         {&m_cacheOption, &m_passphraseFileOption, &m_actorOption, &m_roleOption})
        if (parser.values(*option).size() > 1)
            return usageError(QStringLiteral("--%1 given more than once").arg(option->names().constFirst()));
    invocation->cacheDirectory = parser.value(m_cacheOption);
    if (invocation->cacheDirectory.isEmpty())
        return usageError(QStringLiteral("--cache is required"));
    invocation->passphraseFile = parser.value(m_passphraseFileOption);
    if (parser.isSet(m_passphraseFileOption) && invocation->passphraseFile.isEmpty())
        return usageError(QStringLiteral("--passphrase-file: empty file name"));

    QString actor = parser.value(m_actorOption);
    if (actor.isEmpty())
        actor = QProcessEnvironment::systemEnvironment().value(QStringLiteral("USER"));
    if (actor.isEmpty())
        actor = QStringLiteral("unknown");
    invocation->identity.actor = actor;
    invocation->identity.role = compliance::roleFromName(parser.value(m_roleOption));
    if (invocation->identity.role == compliance::Role::Invalid)
        return usageError(QStringLiteral("--role \"%1\": expected officer, legal or auditor")
                              .arg(parser.value(m_roleOption)));
    invocation->identity.readOnly = parser.isSet(m_readOnlyOption);
    return std::nullopt;
}

std::unique_ptr<Workspace> CacheCommand::openWorkspace(const CacheInvocation& invocation, int* exitCode) const
{
    const PassphraseSource source(invocation.passphraseFile, QStringLiteral("--passphrase-file"),
                                  QStringLiteral("HOLDFAST_PASSPHRASE"));
    QString passphrase;
    PassphraseSource::Error error;
    if (!source.read(QStringLiteral("Passphrase for %1: ").arg(invocation.cacheDirectory), false, &passphrase,
                     &error)) {
        *exitCode =
            fail(error.failure == PassphraseSource::Failure::Usage ? ExitUsage : ExitFailure, error.message);
        return nullptr;
    }
    auto workspace = Workspace::open(invocation.cacheDirectory, passphrase, invocation.identity);
    passphrase.fill(QLatin1Char('\0'));
    if (!workspace) {
        *exitCode = failure(workspace.errorMessage());
        return nullptr;
    }
    *exitCode = ExitSuccess;
    return std::move(workspace).value();
}

QString CacheCommand::passphraseHelp()
{
    return QStringLiteral(
        "The passphrase is read from --passphrase-file FILE (first line), else from the environment "
        "variable HOLDFAST_PASSPHRASE (for automation only: the environment is visible to other "
        "processes of the same user), else prompted for without echo when stdin is a terminal. "
        "Without any of these the command exits with status 2.");
}

QString CacheCommand::formatPosition(qint64 position_ms)
{
    const qint64 totalSeconds = qMax<qint64>(0, position_ms) / 1000;
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds / 60) % 60;
    const qint64 seconds = totalSeconds % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(seconds, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2")
        .arg(minutes, 2, 10, QLatin1Char('0'))
        .arg(seconds, 2, 10, QLatin1Char('0'));
}

QString CacheCommand::formatUtc(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char('Z');
}

} // namespace holdfast::cli
