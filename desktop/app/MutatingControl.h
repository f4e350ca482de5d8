#pragma once

#include <QObject>
#include <QVariant>

namespace holdfast::desktop {

// Controls whose action would change the cache carry this property, so that
// the window (and its tests) can check that none is enabled in auditor mode.
inline constexpr char kMutatingProperty[] = "holdfastMutating";

inline void markMutating(QObject* control)
{
    control->setProperty(kMutatingProperty, true);
}

inline bool isMutating(const QObject* control)
{
    return control->property(kMutatingProperty).toBool();
}

} // namespace holdfast::desktop
