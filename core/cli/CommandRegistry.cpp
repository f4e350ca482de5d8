#include "CommandRegistry.h"

#include "AuditCommand.h"
#include "CaptureCommand.h"
#include "DemoVaultCommand.h"
#include "ImportCommand.h"
#include "InitCommand.h"
#include "ListCommand.h"
#include "PasswdCommand.h"
#include "SearchCommand.h"
#include "ShowCommand.h"
#include "SyncCommand.h"
#include "UploadCommand.h"
#include "VerifyCommand.h"

namespace holdfast::cli {

CommandRegistry CommandRegistry::standard()
{
    CommandRegistry registry;
    registry.add(std::make_unique<CaptureCommand>());
    registry.add(std::make_unique<VerifyCommand>());
    registry.add(std::make_unique<DemoVaultCommand>());
    registry.add(std::make_unique<InitCommand>());
    registry.add(std::make_unique<PasswdCommand>());
    registry.add(std::make_unique<ImportCommand>());
    registry.add(std::make_unique<SyncCommand>());
    registry.add(std::make_unique<UploadCommand>());
    registry.add(std::make_unique<ListCommand>());
    registry.add(std::make_unique<ShowCommand>());
    registry.add(std::make_unique<SearchCommand>());
    registry.add(std::make_unique<AuditCommand>());
    return registry;
}

void CommandRegistry::add(std::unique_ptr<Command> command)
{
    m_commands.push_back(std::move(command));
}

Command* CommandRegistry::find(const QString& name) const
{
    for (const auto& command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

QString CommandRegistry::usage() const
{
    QString text = QStringLiteral("Usage: holdfast-cli <command> [options]\n"
                                  "       holdfast-cli <command> --help\n"
                                  "       holdfast-cli --version\n\nCommands:\n");
    for (const auto& command : m_commands)
        text += QStringLiteral("  %1%2\n").arg(command->name(), -14).arg(command->summary());
    text += QStringLiteral("\nExit status: 0 success, 1 operational failure, 2 usage error.\n");
    return text;
}

} // namespace holdfast::cli
