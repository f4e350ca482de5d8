#include "compliance/AccessPolicy.h"

#include <QCoreApplication>

namespace holdfast::compliance {

QString roleName(Role role)
{
    switch (role) {
    case Role::Officer:
        return QStringLiteral("officer");
    case Role::Legal:
        return QStringLiteral("legal");
    case Role::Auditor:
        return QStringLiteral("auditor");
    case Role::Invalid:
        break;
    }
    return QString();
}

Role roleFromName(const QString& name)
{
    for (Role role : {Role::Officer, Role::Legal, Role::Auditor})
        if (roleName(role) == name)
            return role;
    return Role::Invalid;
}

QString actionName(Action action)
{
    switch (action) {
    case Action::CreateCache:
        return QStringLiteral("cache.create");
    case Action::ImportRecordings:
        return QStringLiteral("recording.import");
    case Action::SyncVault:
        return QStringLiteral("vault.sync");
    case Action::ManageVaultAccounts:
        return QStringLiteral("vault.account");
    case Action::AddBookmark:
        return QStringLiteral("bookmark.add");
    case Action::RemoveBookmark:
        return QStringLiteral("bookmark.remove");
    case Action::AddTag:
        return QStringLiteral("tag.add");
    case Action::RemoveTag:
        return QStringLiteral("tag.remove");
    case Action::ChangePassphrase:
        return QStringLiteral("cache.passphrase");
    case Action::ListRecordings:
        return QStringLiteral("recording.list");
    case Action::ViewRecording:
        return QStringLiteral("recording.view");
    case Action::PlayMedia:
        return QStringLiteral("media.play");
    case Action::Search:
        return QStringLiteral("search");
    case Action::ReadAuditLog:
        return QStringLiteral("audit.list");
    case Action::VerifyAuditLog:
        return QStringLiteral("audit.verify");
    case Action::Invalid:
        break;
    }
    return QString();
}

bool isMutation(Action action)
{
    switch (action) {
    case Action::CreateCache:
    case Action::ImportRecordings:
    case Action::SyncVault:
    case Action::ManageVaultAccounts:
    case Action::AddBookmark:
    case Action::RemoveBookmark:
    case Action::AddTag:
    case Action::RemoveTag:
    case Action::ChangePassphrase:
        return true;
    default:
        return false;
    }
}

QList<Action> allActions()
{
    QList<Action> actions;
    for (int value = int(Action::CreateCache); value <= int(Action::VerifyAuditLog); ++value)
        actions << Action(value);
    return actions;
}

AccessPolicy::AccessPolicy(Role role, bool readOnly)
    : m_role(role)
    , m_readOnly(readOnly || role == Role::Auditor)
{}

Status AccessPolicy::check(Action action) const
{
    if (m_role == Role::Invalid || action == Action::Invalid)
        return makeError(QCoreApplication::translate("AccessPolicy", "no role: %1 is not allowed")
                             .arg(actionName(action)));
    if (isMutation(action) && m_readOnly) {
        const QString who =
            m_role == Role::Auditor ? QStringLiteral("auditor") : QStringLiteral("--read-only");
        return makeError(QCoreApplication::translate("AccessPolicy", "read-only (%1): %2 is not allowed")
                             .arg(who, actionName(action)));
    }
    return {};
}

} // namespace holdfast::compliance
