#pragma once

#include "util/Result.h"

#include <QList>
#include <QString>

namespace holdfast::compliance {

enum class Role
{
    Invalid = 0,
    Officer, // compliance officer: review, bookmark, tag, import and sync
    Legal,   // legal team: everything an officer does, plus holds and exports (later issues)
    Auditor, // read-only: can look at everything, change nothing
};

QString roleName(Role role);            // "officer" | "legal" | "auditor"
Role roleFromName(const QString& name); // Invalid when unknown

// Everything the Workspace can do. Mutations are listed first; isMutation()
// tells them apart so that a read-only (auditor) workspace refuses them all.
enum class Action
{
    Invalid = 0,
    // mutations
    CreateCache,
    ImportRecordings,
    SyncVault,
    ManageVaultAccounts,
    AddBookmark,
    RemoveBookmark,
    AddTag,
    RemoveTag,
    ChangePassphrase,
    // reads
    ListRecordings,
    ViewRecording,
    PlayMedia,
    Search,
    ReadAuditLog,
    VerifyAuditLog,
};

QString actionName(Action action); // stable audit-log name, e.g. "recording.import"
bool isMutation(Action action);
QList<Action> allActions(); // every valid action, for tests and the UI

// The one place that decides who may do what. Enforced in core by the
// Workspace, not only by greying out buttons.
class AccessPolicy
{
public:
    AccessPolicy(Role role, bool readOnly);

    Role role() const { return m_role; }
    bool readOnly() const { return m_readOnly; }

    // An error naming the action and the reason when it is not allowed:
    // "read-only (auditor): <action> is not allowed".
    Status check(Action action) const;

private:
    Role m_role;
    bool m_readOnly;
};

} // namespace holdfast::compliance
