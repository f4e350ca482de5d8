#pragma once

#include <QString>

namespace holdfast::desktop {

// A rough guessing-resistance estimate for the strength meter: length times
// the bits per character of the character classes used, with runs of one
// repeated character counted once. Not a password policy; it tells the user
// how a choice compares.
struct PassphraseStrength
{
    enum class Level
    {
        Invalid = 0,
        Weak,
        Fair,
        Strong,
        VeryStrong,
    };

    double bits = 0;
    Level level = Level::Invalid;

    static PassphraseStrength of(const QString& passphrase);
    static QString levelName(Level level); // translated
    // Creating a cache needs at least Fair.
    bool acceptable() const { return level >= Level::Fair; }
};

} // namespace holdfast::desktop
