#pragma once

#include <QByteArray>

namespace holdfast::crypto {

// Overwrites secret bytes (in a way the compiler cannot optimise away) and
// clears the array. A buffer shared with another QByteArray is only cleared:
// writing to it would detach and wipe a fresh copy instead of the secret.
void secureWipe(QByteArray& secret);

} // namespace holdfast::crypto
