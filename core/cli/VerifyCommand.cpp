#include "VerifyCommand.h"

#include "capture/PackageVerifier.h"
#include "vault/LocalFolderVault.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace holdfast::cli {

int VerifyCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Verify recordings in a folder vault: manifest signature (against <vault>/keys), "
                       "file sizes and SHA-256, no unlisted files, transcript.\n"
                       "Prints \"OK <id> <dir>\" or \"FAILED <id>: <file>: <message>\" per problem; exit 1 "
                       "on any failure."));
    const QCommandLineOption vaultOption(QStringLiteral("vault"), QStringLiteral("Folder vault to verify."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Machine-readable output on stdout."));
    parser.addOptions({vaultOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("RECORDING-ID"),
                                 QStringLiteral("Recordings to verify (default: all)."),
                                 QStringLiteral("[RECORDING-ID...]"));
    if (const auto done = parse(parser, arguments))
        return *done;
    if (parser.value(vaultOption).isEmpty())
        return usageError(QStringLiteral("--vault is required"));
    if (parser.values(vaultOption).size() > 1)
        return usageError(QStringLiteral("--vault given more than once"));
    const bool json = parser.isSet(jsonOption);

    const vault::LocalFolderVault vault(parser.value(vaultOption));
    QStringList packageDirs;
    QStringList errors; // operational: unknown ids
    const QStringList ids = parser.positionalArguments();
    if (ids.isEmpty()) {
        auto all = vault.packageDirectories();
        if (!all)
            return failure(all.errorMessage());
        packageDirs = *all;
    } else {
        for (const QString& id : ids) {
            auto dir = vault.packageDirectory(id);
            if (dir)
                packageDirs << *dir;
            else
                errors << dir.errorMessage();
        }
    }

    const capture::PackageVerifier verifier(vault.keysDirectory());
    QJsonArray recordings;
    int failed = 0;
    for (const QString& dir : std::as_const(packageDirs)) {
        const capture::VerificationReport report = verifier.verify(dir);
        const QString id =
            report.manifest ? report.manifest->id.toString(QUuid::WithoutBraces) : QFileInfo(dir).fileName();
        if (!report.valid())
            ++failed;
        if (json) {
            QJsonArray problems;
            for (const capture::VerificationProblem& problem : report.problems)
                problems.append(QJsonObject{{QStringLiteral("file"), problem.file},
                                            {QStringLiteral("message"), problem.message}});
            recordings.append(QJsonObject{{QStringLiteral("id"), id},
                                          {QStringLiteral("directory"), report.packageDirectory},
                                          {QStringLiteral("valid"), report.valid()},
                                          {QStringLiteral("problems"), problems}});
        } else if (report.valid()) {
            printOut(QStringLiteral("OK %1 %2\n").arg(id, report.packageDirectory));
        } else {
            for (const capture::VerificationProblem& problem : report.problems)
                printOut(QStringLiteral("FAILED %1: %2: %3\n").arg(id, problem.file, problem.message));
        }
    }
    for (const QString& error : std::as_const(errors))
        fail(ExitFailure, error);

    const bool ok = failed == 0 && errors.isEmpty();
    if (json) {
        QJsonArray errorArray;
        for (const QString& error : std::as_const(errors))
            errorArray.append(error);
        printJson(QJsonObject{{QStringLiteral("vault"), vault.rootDirectory()},
                              {QStringLiteral("ok"), ok},
                              {QStringLiteral("checked"), static_cast<int>(packageDirs.size())},
                              {QStringLiteral("failed"), failed},
                              {QStringLiteral("errors"), errorArray},
                              {QStringLiteral("recordings"), recordings}});
    } else if (packageDirs.isEmpty() && errors.isEmpty()) {
        printErr(QStringLiteral("holdfast-cli verify: no recordings in %1\n").arg(vault.rootDirectory()));
    } else if (failed > 0) {
        printErr(QStringLiteral("holdfast-cli verify: %1 of %2 recordings failed verification\n")
                     .arg(failed)
                     .arg(packageDirs.size()));
    }
    return ok ? ExitSuccess : ExitFailure;
}

} // namespace holdfast::cli
