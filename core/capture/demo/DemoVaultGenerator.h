#pragma once

#include "model/Manifest.h"
#include "util/Result.h"

#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace holdfast::capture {

struct DemoVaultOptions
{
    QString outDirectory; // the folder vault to create or add to
    int calls = 12;       // regular calls; may be 0 when syncTestCall is set
    quint64 seed = 1;
    bool syncTestCall = false; // adds SyncTestCall (a beep and a flash every second) after the regular calls
};

struct DemoProgress
{
    int callsDone = 0;
    int callsTotal = 0;
    QString stage; // e.g. "call 3/12: rendering video"
};

// Generates realistic demo calls through the real capture path
// (PackageBuilder). Same options, same bytes: all randomness comes from the
// seed, the capture node key is derived from the seed (demo only), and
// container muxers are given fixed creation times and seeds.
class DemoVaultGenerator
{
public:
    using ProgressFn = std::function<void(const DemoProgress&)>;

    explicit DemoVaultGenerator(DemoVaultOptions options);

    // Returns the manifests of the generated recordings, in generation order.
    Result<QList<model::Manifest>> generate(const ProgressFn& progress = {},
                                            const std::atomic_bool* cancelled = nullptr) const;

private:
    DemoVaultOptions m_options;
};

} // namespace holdfast::capture
