#include "capture/demo/SpeechSynthesizer.h"

#include <QStringList>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <espeak-ng/speak_lib.h>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace holdfast::capture {

namespace {

// ---------------------------------------------------------------------------
// Child side: plain C++ and POSIX only (no Qt, no locks taken by other threads).

struct ChildRequest
{
    std::string text;
    std::string voice;
    int rateWpm;
    int pitch;
    int pitchRange;
};

struct ChildCollector
{
    std::vector<char> out;
    qint32 sampleCount = 0;
    std::vector<qint32> events; // pairs: text position (1-based), audio position (ms)
};
ChildCollector* g_collector = nullptr;

void appendInt(std::vector<char>& out, qint32 value)
{
    const char* bytes = reinterpret_cast<const char*>(&value);
    out.insert(out.end(), bytes, bytes + sizeof value);
}

int collectSpeech(short* wav, int sampleCount, espeak_EVENT* events)
{
    if (wav && sampleCount > 0) {
        const char* bytes = reinterpret_cast<const char*>(wav);
        g_collector->out.insert(g_collector->out.end(), bytes,
                                bytes + sampleCount * qsizetype(sizeof(short)));
        g_collector->sampleCount += sampleCount;
    }
    for (espeak_EVENT* event = events; event && event->type != espeakEVENT_LIST_TERMINATED; ++event) {
        if (event->type == espeakEVENT_WORD && event->length > 0) {
            g_collector->events.push_back(event->text_position);
            g_collector->events.push_back(event->audio_position);
        }
    }
    return 0;
}

bool writeAll(int fd, const char* data, size_t bytes)
{
    while (bytes > 0) {
        const ssize_t written = ::write(fd, data, bytes);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        bytes -= size_t(written);
    }
    return true;
}

// Record per request: status, sample rate, sample count, samples (int16),
// event count, events. Status 0 is success, else the espeak error code.
[[noreturn]] void runChild(int fd, const std::vector<ChildRequest>& requests)
{
    const int sampleRate =
        espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    espeak_SetSynthCallback(collectSpeech);
    for (const ChildRequest& request : requests) {
        ChildCollector collector;
        g_collector = &collector;
        qint32 status = sampleRate > 0 ? 0 : -1;
        if (status == 0)
            status = espeak_SetVoiceByName(request.voice.c_str());
        if (status == 0) {
            espeak_SetParameter(espeakRATE, request.rateWpm, 0);
            espeak_SetParameter(espeakPITCH, request.pitch, 0);
            espeak_SetParameter(espeakRANGE, request.pitchRange, 0);
            status = espeak_Synth(request.text.c_str(), request.text.size() + 1, 0, POS_CHARACTER, 0,
                                  espeakCHARS_UTF8, nullptr, nullptr);
            if (status == 0)
                status = espeak_Synchronize();
        }
        std::vector<char> record;
        appendInt(record, status);
        appendInt(record, sampleRate);
        appendInt(record, status == 0 ? collector.sampleCount : 0);
        if (status == 0)
            record.insert(record.end(), collector.out.begin(), collector.out.end());
        appendInt(record, status == 0 ? qint32(collector.events.size() / 2) : 0);
        if (status == 0) {
            for (qint32 value : collector.events)
                appendInt(record, value);
        }
        if (!writeAll(fd, record.data(), record.size()))
            _exit(3);
    }
    _exit(0);
}

// ---------------------------------------------------------------------------
// Parent side.

std::mutex& espeakMutex()
{
    static std::mutex mutex;
    return mutex;
}

struct Token
{
    QString display;
    qsizetype spokenBegin = 0; // [begin, end) in the spoken text
    qsizetype spokenEnd = 0;
};

// "#4111," is spoken "4 1 1 1," and transcribed "4111,".
QString spokenForm(const QString& text, QList<Token>& tokens)
{
    QString spoken;
    for (const QString& raw : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        Token token;
        QString say = raw;
        if (raw.startsWith(QLatin1Char('#'))) {
            token.display = raw.mid(1);
            say.clear();
            for (const QChar c : token.display) {
                if (c.isDigit() && !say.isEmpty() && say.back().isDigit())
                    say += QLatin1Char(' ');
                say += c;
            }
        } else {
            token.display = raw;
        }
        token.spokenBegin = spoken.size();
        spoken += say;
        token.spokenEnd = spoken.size();
        spoken += QLatin1Char(' ');
        tokens << token;
    }
    return spoken;
}

struct ReadCursor
{
    const std::vector<char>& data;
    size_t offset = 0;

    bool readInt(qint32& value)
    {
        if (offset + sizeof value > data.size())
            return false;
        std::memcpy(&value, data.data() + offset, sizeof value);
        offset += sizeof value;
        return true;
    }
    bool readSamples(std::vector<qint16>& samples, qint32 count)
    {
        const size_t bytes = size_t(count) * sizeof(qint16);
        if (count < 0 || offset + bytes > data.size())
            return false;
        samples.resize(size_t(count));
        std::memcpy(samples.data(), data.data() + offset, bytes);
        offset += bytes;
        return true;
    }
};

// Catmull-Rom interpolation from espeak's rate to 48 kHz.
std::vector<float> resample(const std::vector<qint16>& input, int inputRate)
{
    std::vector<float> output;
    if (input.empty())
        return output;
    const double step = double(inputRate) / SpeechSynthesizer::kSampleRate;
    const qint64 last = qint64(input.size()) - 1;
    const qint64 outputCount = qint64(double(last) / step) + 1;
    output.resize(size_t(outputCount));
    auto at = [&](qint64 i) {
        return float(input[size_t(std::clamp<qint64>(i, 0, last))]) / 32768.0f;
    };
    for (qint64 j = 0; j < outputCount; ++j) {
        const double x = double(j) * step;
        const qint64 i = qint64(x);
        const float f = float(x - double(i));
        const float y0 = at(i - 1), y1 = at(i), y2 = at(i + 1), y3 = at(i + 2);
        const float c1 = 0.5f * (y2 - y0);
        const float c2 = y0 - 2.5f * y1 + 2.0f * y2 - 0.5f * y3;
        const float c3 = 0.5f * (y3 - y0) + 1.5f * (y1 - y2);
        output[size_t(j)] = ((c3 * f + c2) * f + c1) * f + y1;
    }
    return output;
}

// Loudness of every voice to about -23 dBFS RMS over its active samples,
// peaks kept below -1 dBFS so that the mix rarely clips.
void normalise(std::vector<float>& samples)
{
    double energy = 0;
    qint64 active = 0;
    float peak = 0;
    for (float s : samples) {
        peak = std::max(peak, std::abs(s));
        if (std::abs(s) > 0.01f) {
            energy += double(s) * s;
            ++active;
        }
    }
    if (active == 0 || peak <= 0)
        return;
    const double rms = std::sqrt(energy / double(active));
    const float gain = float(std::min(0.0708 / rms, 0.89 / double(peak)));
    for (float& s : samples)
        s *= gain;
}

// About -48 dBFS: where a clip starts and ends.
constexpr float kSilence = 0.004f;
// About -40 dBFS RMS: the decay of a word below this no longer counts as the word.
constexpr float kWordEnded = 0.01f;
constexpr qint64 kWindow = SpeechSynthesizer::kSampleRate / 200; // 5 ms

// RMS of the 5 ms window at begin is below threshold.
bool windowIsQuiet(const std::vector<float>& samples, qint64 begin, float threshold)
{
    const qint64 from = std::max<qint64>(begin, 0);
    const qint64 to = std::min<qint64>(begin + kWindow, qint64(samples.size()));
    double energy = 0;
    for (qint64 i = from; i < to; ++i)
        energy += double(samples[size_t(i)]) * samples[size_t(i)];
    return to <= from || energy < double(threshold) * threshold * double(to - from);
}

Result<SpeechClip> buildClip(const QString& text, std::vector<qint16> raw, int rate,
                             const std::vector<qint32>& events)
{
    QList<Token> tokens;
    spokenForm(text, tokens);
    SpeechClip clip;
    clip.samples = resample(raw, rate);
    normalise(clip.samples);

    // Trim leading and trailing silence so that the segment starts with sound.
    qint64 first = 0, last = qint64(clip.samples.size()) - 1;
    while (first <= last && std::abs(clip.samples[size_t(first)]) <= kSilence)
        ++first;
    while (last >= first && std::abs(clip.samples[size_t(last)]) <= kSilence)
        --last;
    if (first > last)
        return makeError(QStringLiteral("espeak-ng produced no audible speech for \"%1\"").arg(text));
    const qint64 margin = kWindow;
    first = std::max<qint64>(0, first - margin);
    last = std::min<qint64>(qint64(clip.samples.size()) - 1, last + margin);
    clip.samples = std::vector<float>(clip.samples.begin() + first, clip.samples.begin() + last + 1);
    const qint64 length = qint64(clip.samples.size());

    // Word starts from espeak's word events (text position -> token).
    QList<qint64> starts(tokens.size(), -1);
    for (size_t i = 0; i + 1 < events.size(); i += 2) {
        const qsizetype position = events[i] - 1;
        const qint64 sample = qint64(events[i + 1]) * SpeechSynthesizer::kSampleRate / 1000 - first;
        for (qsizetype t = 0; t < tokens.size(); ++t) {
            if (position >= tokens[t].spokenBegin && position < tokens[t].spokenEnd) {
                if (starts[t] < 0 || sample < starts[t])
                    starts[t] = sample;
                break;
            }
        }
    }
    qint64 previous = 0;
    for (qsizetype t = 0; t < tokens.size(); ++t) {
        // A token without an event (rare) shares its predecessor's start.
        starts[t] = std::clamp<qint64>(starts[t] < 0 ? previous : starts[t], previous, length);
        previous = starts[t];
    }
    starts[0] = 0; // the clip is trimmed to the first sound, which is the first word
    for (qsizetype t = 0; t < tokens.size(); ++t) {
        SpokenWord word;
        word.text = tokens[t].display;
        word.startSample = starts[t];
        qint64 end = t + 1 < tokens.size() ? starts[t + 1] : length;
        // End at the last sound before the next word, not after the pause.
        const qint64 minimumEnd = std::min(end, word.startSample + 10 * kWindow);
        while (end - kWindow > minimumEnd && windowIsQuiet(clip.samples, end - kWindow, kWordEnded))
            end -= kWindow;
        word.endSample = end;
        clip.words << word;
    }
    return clip;
}

} // namespace

Result<QList<SpeechClip>> SpeechSynthesizer::synthesize(const QList<SpeechRequest>& requests,
                                                        const std::atomic_bool* cancelled)
{
    std::vector<ChildRequest> childRequests;
    for (const SpeechRequest& request : requests) {
        QList<Token> lineTokens;
        const QString spoken = spokenForm(request.text, lineTokens);
        if (lineTokens.isEmpty())
            return makeError(QStringLiteral("speech synthesis: empty line"));
        childRequests.push_back({spoken.toStdString(), request.voice.espeakName.toStdString(),
                                 request.voice.rateWpm, request.voice.pitch, request.voice.pitchRange});
    }

    const std::lock_guard<std::mutex> lock(espeakMutex());
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return makeError(QStringLiteral("speech synthesis: cannot create a pipe: %1")
                             .arg(QString::fromLocal8Bit(std::strerror(errno))));
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return makeError(QStringLiteral("speech synthesis: cannot fork: %1")
                             .arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (child == 0) {
        ::close(fds[0]);
        runChild(fds[1], childRequests);
    }
    ::close(fds[1]);

    std::vector<char> data;
    bool wasCancelled = false;
    char buffer[65536];
    for (;;) {
        if (cancelled && cancelled->load()) {
            wasCancelled = true;
            ::kill(child, SIGKILL);
            break;
        }
        pollfd readable{fds[0], POLLIN, 0};
        if (::poll(&readable, 1, 100) == 0)
            continue;
        const ssize_t got = ::read(fds[0], buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        data.insert(data.end(), buffer, buffer + got);
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (wasCancelled)
        return makeError(QStringLiteral("speech synthesis: cancelled"));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return makeError(QStringLiteral("speech synthesis: the espeak-ng worker failed (%1)")
                             .arg(WIFSIGNALED(status)
                                      ? QStringLiteral("signal %1").arg(WTERMSIG(status))
                                      : QStringLiteral("exit code %1").arg(WEXITSTATUS(status))));

    QList<SpeechClip> clips;
    ReadCursor cursor{data};
    for (const SpeechRequest& request : requests) {
        qint32 synthStatus = 0, rate = 0, sampleCount = 0, eventCount = 0;
        std::vector<qint16> samples;
        if (!cursor.readInt(synthStatus) || !cursor.readInt(rate) || !cursor.readInt(sampleCount) ||
            !cursor.readSamples(samples, sampleCount) || !cursor.readInt(eventCount))
            return makeError(QStringLiteral("speech synthesis: truncated output from the espeak-ng worker"));
        std::vector<qint32> events(size_t(std::max(eventCount, 0)) * 2);
        for (qint32& value : events) {
            if (!cursor.readInt(value))
                return makeError(
                    QStringLiteral("speech synthesis: truncated output from the espeak-ng worker"));
        }
        if (synthStatus != 0 || rate <= 0)
            return makeError(QStringLiteral("speech synthesis: espeak-ng failed for voice \"%1\" (error %2)")
                                 .arg(QString::fromLatin1(request.voice.espeakName))
                                 .arg(synthStatus));
        auto clip = buildClip(request.text, std::move(samples), rate, events);
        if (!clip)
            return clip.error();
        clips << std::move(clip).value();
    }
    return clips;
}

} // namespace holdfast::capture
