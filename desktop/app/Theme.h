#pragma once

#include <QString>

namespace holdfast::desktop {

// Light, dark or the system's look, from the "ui/theme" setting.
class Theme
{
public:
    enum class Kind
    {
        System = 0,
        Light,
        Dark,
    };

    static QString settingsKey() { return QStringLiteral("ui/theme"); }
    static Kind fromName(const QString& name); // "system" | "light" | "dark"
    static QString name(Kind kind);
    static Kind configured();
    // Applies the theme to the running application.
    static void apply(Kind kind);
};

} // namespace holdfast::desktop
