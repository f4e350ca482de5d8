#pragma once

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace holdfast::cli {

// Exit status convention shared by every command.
enum ExitCode : int
{
    ExitSuccess = 0,
    ExitFailure = 1, // operational failure: bad input file, I/O, verification failed
    ExitUsage = 2,   // unknown command or option, missing or bad value
};

// One holdfast-cli sub-command. Commands parse and print; the work is done by core.
class Command
{
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0; // one line for "holdfast-cli --help"
    // True when the command renders with QtGui and needs a QGuiApplication.
    virtual bool needsGuiApplication() const { return false; }
    // arguments: what follows the command name on the command line.
    virtual int run(const QStringList& arguments) = 0;

protected:
    // Adds --help, parses arguments, prints help or a usage error. Returns an
    // exit code when the command is already finished (help shown: 0, usage error: 2).
    std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments) const;

    // "holdfast-cli <command>: <message>" on stderr. Returns code for `return usageError(...)`.
    int fail(int code, const QString& message) const;
    int usageError(const QString& message) const { return fail(ExitUsage, message); }
    int failure(const QString& message) const { return fail(ExitFailure, message); }
};

// Output helpers (UTF-8, unbuffered enough for progress lines).
void printOut(const QString& text);
void printErr(const QString& text);
void printJson(const QJsonObject& object);

} // namespace holdfast::cli
