#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace holdfast::test {

QString cliPath()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("HOLDFAST_CLI"));
}

QString demoVaultPath()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("HOLDFAST_TEST_DEMO_VAULT"));
}

QString syncTestVaultPath()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("HOLDFAST_TEST_SYNC_TEST_VAULT"));
}

CliRun runCli(const QStringList& args, int timeoutMs, const QByteArray& stdinData)
{
    QProcess process;
    process.start(cliPath(), args);
    CliRun run;
    if (!process.waitForStarted(10000)) {
        run.err = "could not start " + cliPath().toUtf8();
        return run;
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

bool copyTree(const QString& from, const QString& to)
{
    const QDir source(from);
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + QLatin1Char('/') + source.relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

} // namespace holdfast::test
