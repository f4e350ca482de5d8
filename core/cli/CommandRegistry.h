#pragma once

#include "Command.h"

#include <memory>
#include <vector>

namespace holdfast::cli {

// The commands holdfast-cli knows, in the order "--help" lists them.
class CommandRegistry
{
public:
    // Every built-in command.
    static CommandRegistry standard();

    void add(std::unique_ptr<Command> command);
    Command* find(const QString& name) const; // nullptr when unknown
    const std::vector<std::unique_ptr<Command>>& commands() const { return m_commands; }

    // Top-level usage text listing the commands.
    QString usage() const;

private:
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace holdfast::cli
