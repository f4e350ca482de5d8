#pragma once

#include <QCoreApplication>

namespace holdfast::sync {

// The sentences the sync engine shows to people: why a package failed, was
// kept or was evicted. Translated like the Workspace's messages: English in
// the CLI, the user's language in the desktop app.
class SyncText
{
    Q_DECLARE_TR_FUNCTIONS(holdfast::sync::SyncText)
};

} // namespace holdfast::sync
