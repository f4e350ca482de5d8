#pragma once

#include "capture/demo/DemoScriptLibrary.h"
#include "util/Result.h"

#include <QList>
#include <QString>
#include <atomic>
#include <vector>

namespace holdfast::capture {

struct SpeechRequest
{
    QString text; // DemoLine text: "#4111" is read digit by digit, transcribed "4111"
    DemoVoice voice;
};

// One transcribed word of a clip, in samples from the start of the clip.
struct SpokenWord
{
    QString text;
    qint64 startSample = 0;
    qint64 endSample = 0;
};

// Synthesised speech, 48 kHz mono, trimmed to the first and last sound.
struct SpeechClip
{
    std::vector<float> samples;
    QList<SpokenWord> words; // every token of the text, in order, with times from espeak-ng word events
};

// Text to speech through the espeak-ng C library, with word timings.
//
// espeak-ng is process-global and not thread-safe, and it keeps hidden
// synthesis state between utterances (pitch "flutter" phase, wave phase,
// rand()), so the same text sounds slightly different depending on what was
// spoken before in the same process. The demo must be byte-for-byte
// reproducible, so each batch is synthesised in a forked child that starts
// from the library's pristine state; batches are serialised behind one mutex.
class SpeechSynthesizer
{
public:
    static constexpr int kSampleRate = 48000;

    // One clip per request, in order. Errors name the voice or the failure.
    static Result<QList<SpeechClip>> synthesize(const QList<SpeechRequest>& requests,
                                                const std::atomic_bool* cancelled = nullptr);
};

} // namespace holdfast::capture
