#include "app/PassphraseStrength.h"

#include <QCoreApplication>
#include <cmath>

namespace holdfast::desktop {

PassphraseStrength PassphraseStrength::of(const QString& passphrase)
{
    bool lower = false, upper = false, digit = false, space = false, other = false;
    int effectiveLength = 0;
    QChar previous;
    for (const QChar c : passphrase) {
        if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else if (c.isSpace())
            space = true;
        else
            other = true;
        if (c != previous)
            ++effectiveLength;
        previous = c;
    }
    int pool = 0;
    pool += lower ? 26 : 0;
    pool += upper ? 26 : 0;
    pool += digit ? 10 : 0;
    pool += space ? 1 : 0;
    pool += other ? 33 : 0;
    PassphraseStrength strength;
    strength.bits = pool > 1 ? effectiveLength * std::log2(double(pool)) : 0.0;
    if (passphrase.isEmpty())
        strength.level = Level::Invalid;
    else if (strength.bits < 50)
        strength.level = Level::Weak;
    else if (strength.bits < 70)
        strength.level = Level::Fair;
    else if (strength.bits < 100)
        strength.level = Level::Strong;
    else
        strength.level = Level::VeryStrong;
    return strength;
}

QString PassphraseStrength::levelName(Level level)
{
    switch (level) {
    case Level::Invalid:
        return QCoreApplication::translate("holdfast::desktop::PassphraseStrength", "empty");
    case Level::Weak:
        return QCoreApplication::translate("holdfast::desktop::PassphraseStrength", "weak");
    case Level::Fair:
        return QCoreApplication::translate("holdfast::desktop::PassphraseStrength", "fair");
    case Level::Strong:
        return QCoreApplication::translate("holdfast::desktop::PassphraseStrength", "strong");
    case Level::VeryStrong:
        return QCoreApplication::translate("holdfast::desktop::PassphraseStrength", "very strong");
    }
    return {};
}

} // namespace holdfast::desktop
