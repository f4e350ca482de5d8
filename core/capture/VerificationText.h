#pragma once

#include <QCoreApplication>

namespace holdfast::capture {

// The sentences a verification report shows to people: why a package was
// refused, and how a reason names its recording ("recording <id>: …"), which
// the import and the sync share. Like the Workspace's messages they go through
// Qt's translation, so the CLI (which loads no translation) says them in
// English and the desktop app in the user's language.
class VerificationText
{
    Q_DECLARE_TR_FUNCTIONS(holdfast::capture::VerificationText)
};

} // namespace holdfast::capture
