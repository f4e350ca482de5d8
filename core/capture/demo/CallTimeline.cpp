#include "capture/demo/CallTimeline.h"

#include "capture/demo/DemoRandom.h"

#include <QStringList>
#include <algorithm>
#include <cmath>

namespace holdfast::capture {

namespace {
constexpr qint64 kFrameSamples = CallTimeline::kSampleRate / 50; // 20 ms, one Opus frame
} // namespace

CallTimeline CallTimeline::arrange(const DemoCallScript& script, QList<SpeechClip> clips, quint64 seed)
{
    DemoRandom random(seed);
    CallTimeline timeline;
    timeline.m_participantCount = int(script.people.size());
    QList<qint64> speakerFreeAt(script.people.size(), 0);

    qint64 cursor = toSamples(random.range(400, 1100)); // ringing / joining before the first word
    int previousSpeaker = -1;
    qint64 previousLength = 0;
    for (qsizetype i = 0; i < script.lines.size() && i < clips.size(); ++i) {
        const DemoLine& line = script.lines.at(i);
        TimelineTurn turn;
        turn.speaker = line.speaker;
        turn.clip = int(i);
        turn.sampleCount = qint64(clips.at(i).samples.size());
        turn.readsCardNumber = line.readsCardNumber;

        qint64 start;
        if (previousSpeaker >= 0 && line.speaker != previousSpeaker && previousLength > toSamples(1500) &&
            random.chance(0.12)) {
            start = cursor - toSamples(random.range(150, 500)); // talking over the end of the last turn
        } else if (line.speaker == previousSpeaker) {
            start = cursor + toSamples(random.range(250, 600));
        } else {
            start = cursor + toSamples(random.range(300, 1200));
        }
        // Nobody talks over themselves.
        turn.startSample = std::max(start, speakerFreeAt.at(turn.speaker) + toSamples(200));
        speakerFreeAt[turn.speaker] = turn.endSample();
        cursor = std::max(cursor, turn.endSample());
        previousSpeaker = line.speaker;
        previousLength = turn.sampleCount;
        timeline.m_turns << turn;
    }
    std::stable_sort(
        timeline.m_turns.begin(), timeline.m_turns.end(),
        [](const TimelineTurn& a, const TimelineTurn& b) { return a.startSample < b.startSample; });

    // A tail after the goodbye, rounded up to whole Opus frames so that the
    // encoded duration is exactly the call duration.
    const qint64 end = cursor + toSamples(random.range(700, 1500));
    timeline.m_sampleCount = (end + kFrameSamples - 1) / kFrameSamples * kFrameSamples;
    timeline.m_clips = std::move(clips);
    return timeline;
}

void CallTimeline::addSpeech(int participant, qint64 firstSample, float* out, int count) const
{
    const qint64 lastSample = firstSample + count;
    for (const TimelineTurn& turn : m_turns) {
        if (participant >= 0 && turn.speaker != participant)
            continue;
        if (turn.startSample >= lastSample || turn.endSample() <= firstSample)
            continue;
        const std::vector<float>& samples = m_clips.at(turn.clip).samples;
        const qint64 from = std::max(firstSample, turn.startSample);
        const qint64 to = std::min(lastSample, turn.endSample());
        for (qint64 t = from; t < to; ++t)
            out[t - firstSample] += samples[size_t(t - turn.startSample)];
    }
}

float CallTimeline::speechLevel(int participant, qint64 firstSample, int count) const
{
    std::vector<float> window(size_t(count), 0.0f);
    addSpeech(participant, firstSample, window.data(), count);
    double energy = 0;
    for (float s : window)
        energy += double(s) * s;
    return count > 0 ? float(std::sqrt(energy / count)) : 0.0f;
}

bool CallTimeline::isSpeaking(int participant, qint64 sample) const
{
    for (const TimelineTurn& turn : m_turns) {
        if (turn.speaker == participant && sample >= turn.startSample && sample < turn.endSample())
            return true;
    }
    return false;
}

model::Transcript CallTimeline::transcript(const DemoCallScript& script, quint64 seed) const
{
    DemoRandom random(seed);
    model::Transcript transcript;
    transcript.language = script.language;
    for (const TimelineTurn& turn : m_turns) {
        const SpeechClip& clip = m_clips.at(turn.clip);
        model::TranscriptSegment segment;
        segment.speaker = script.people.at(turn.speaker).participant.id;
        QStringList text;
        for (const SpokenWord& spoken : clip.words) {
            model::TranscriptWord word;
            word.text = spoken.text;
            word.start_ms = toMs(turn.startSample + spoken.startSample);
            word.end_ms = std::max(word.start_ms, toMs(turn.startSample + spoken.endSample));
            word.confidence = std::round(random.uniform(0.80, 0.99) * 100.0) / 100.0;
            segment.words << word;
            text << spoken.text;
        }
        segment.text = text.join(QLatin1Char(' '));
        segment.start_ms = segment.words.isEmpty() ? toMs(turn.startSample) : segment.words.first().start_ms;
        segment.end_ms = segment.words.isEmpty() ? toMs(turn.endSample()) : segment.words.last().end_ms;
        transcript.segments << segment;
    }
    return transcript;
}

} // namespace holdfast::capture
