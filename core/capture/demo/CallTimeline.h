#pragma once

#include "capture/demo/DemoScriptLibrary.h"
#include "capture/demo/SpeechSynthesizer.h"
#include "model/Transcript.h"

#include <QList>

namespace holdfast::capture {

struct TimelineTurn
{
    int speaker = 0;        // index into the script's people
    qint64 startSample = 0; // call time of the clip's first sample (48 kHz)
    qint64 sampleCount = 0;
    int clip = 0; // index into the clips
    bool readsCardNumber = false;

    qint64 endSample() const { return startSample + sampleCount; }
};

// Places the speech of a call on one timeline: turns one after another with
// seeded pauses and the odd short overlap, a short lead-in and tail. Answers
// what each participant's microphone heard at any time.
class CallTimeline
{
public:
    static constexpr int kSampleRate = SpeechSynthesizer::kSampleRate;

    static CallTimeline arrange(const DemoCallScript& script, QList<SpeechClip> clips, quint64 seed);

    qint64 sampleCount() const { return m_sampleCount; }
    qint64 duration_ms() const { return m_sampleCount * 1000 / kSampleRate; }
    int participantCount() const { return m_participantCount; }
    const QList<TimelineTurn>& turns() const { return m_turns; }

    // Adds the speech of participant (everyone when participant is -1) in
    // [firstSample, firstSample + count) to out.
    void addSpeech(int participant, qint64 firstSample, float* out, int count) const;
    // RMS of the participant's speech in the window (0 when silent).
    float speechLevel(int participant, qint64 firstSample, int count) const;
    // True while the participant is inside one of their turns.
    bool isSpeaking(int participant, qint64 sample) const;

    // Segments and word times exactly where the speech is, seeded confidences.
    model::Transcript transcript(const DemoCallScript& script, quint64 seed) const;

    static qint64 toMs(qint64 sample) { return sample * 1000 / kSampleRate; }
    static qint64 toSamples(qint64 ms) { return ms * kSampleRate / 1000; }

private:
    QList<SpeechClip> m_clips;
    QList<TimelineTurn> m_turns;
    qint64 m_sampleCount = 0;
    int m_participantCount = 0;
};

} // namespace holdfast::capture
