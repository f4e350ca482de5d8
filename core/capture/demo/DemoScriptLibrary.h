#pragma once

#include "model/Manifest.h"
#include "model/Participant.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace holdfast::capture {

// How one participant sounds: an espeak-ng voice ("en-gb-scotland+f2") and
// prosody, so that every speaker of a call is easy to tell apart.
struct DemoVoice
{
    QByteArray espeakName;
    int rateWpm = 170;
    int pitch = 50;      // espeak-ng 0..100
    int pitchRange = 50; // espeak-ng 0..100
};

struct DemoPerson
{
    model::Participant participant;
    DemoVoice voice;
};

// One speaker turn. Tokens written "#4111" are read digit by digit but
// transcribed as written, the way a speech recogniser formats numbers.
struct DemoLine
{
    int speaker = 0; // index into DemoCallScript::people
    QString text;
    bool readsCardNumber = false;
};

struct DemoSlide
{
    QString title;
    QStringList bullets;
};

// What the presenter shows when the call has a screen share.
struct DemoScreenContent
{
    QString windowTitle;
    QList<DemoSlide> slides;
    QString merchant;
    QString amount;
    QString cardholder;
};

// A fully cast call: who takes part, what they say, and what is shown.
struct DemoCallScript
{
    QString scriptName; // "trade-confirmation", "card-payment", ...
    QString source;     // "turret", "sip", "teams"
    model::CallDirection direction = model::CallDirection::Invalid;
    QString title;
    QString language; // BCP 47
    QList<DemoPerson> people;
    QList<DemoLine> lines;
    bool participantVideo = false;
    int presenter = -1; // person sharing their screen, -1: no screen share
    DemoScreenContent screen;
};

// The demo call scripts (written for Holdfast): a trade confirmation, a card
// payment to a contact centre, a complaint, a clinician-patient video visit
// and a project meeting. Calls rotate through them and are padded with extra
// exchanges so that their lengths vary between about one and four minutes.
class DemoScriptLibrary
{
public:
    static int scriptCount();
    // The script of call callIndex (0-based) of a vault generated with seed.
    static DemoCallScript compose(quint64 seed, int callIndex);
};

} // namespace holdfast::capture
