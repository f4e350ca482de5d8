#pragma once

#include "model/Track.h"

#include <QCoreApplication>
#include <QString>

namespace holdfast::desktop {

// Words the user reads for values core keeps as machine names ("screen",
// "held"): translated here, so core's names stay stable in files and the CLI.
class DisplayNames
{
    Q_DECLARE_TR_FUNCTIONS(holdfast::desktop::DisplayNames)

public:
    static QString trackKind(model::TrackKind kind);
    // "held" reads "active" (after "Hold:"); a state this version does not
    // know is shown as stored rather than hidden.
    static QString holdState(const QString& state);
    // 1.5 -> "1.5×" in English, "1,5×" in German (QLocale's decimal point).
    static QString playbackRate(double rate);
};

} // namespace holdfast::desktop
