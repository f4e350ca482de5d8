#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace holdfast::capture {

// Seeded pseudo-random numbers for the demo generator (SplitMix64). The
// standard <random> distributions are implementation-defined, so every draw is
// computed here: the same seed gives the same calls on every build.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
        : m_state(seed)
    {}

    // A seed for an independent stream, e.g. derive(callSeed, "noise/p2").
    static quint64 derive(quint64 seed, const QString& label)
    {
        quint64 hash = 0xcbf29ce484222325ULL; // FNV-1a over the UTF-16 code units
        for (const QChar c : label) {
            hash ^= c.unicode();
            hash *= 0x100000001b3ULL;
        }
        return mix(seed ^ mix(hash));
    }

    quint64 next()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        return mix(m_state);
    }
    // Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double low, double high) { return low + (high - low) * unit(); }
    // Uniform integer in [low, high].
    int range(int low, int high) { return low + int(next() % quint64(high - low + 1)); }
    bool chance(double probability) { return unit() < probability; }
    template <typename T> const T& pick(const QList<T>& items)
    {
        return items.at(range(0, int(items.size()) - 1));
    }
    template <typename T> void shuffle(QList<T>& items)
    {
        for (qsizetype i = items.size() - 1; i > 0; --i)
            items.swapItemsAt(i, range(0, int(i)));
    }

private:
    static quint64 mix(quint64 z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    quint64 m_state;
};

} // namespace holdfast::capture
