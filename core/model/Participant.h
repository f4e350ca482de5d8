#pragma once

#include <QList>
#include <QString>

namespace holdfast::model {

// One person (or system) taking part in a recorded call.
struct Participant
{
    QString id;          // unique within the recording, e.g. "p1"
    QString displayName; // as shown by the source system
    QString role;        // free text from the source: "agent", "customer", "organizer", "attendee", ...
    QString phone;       // E.164 where known, else empty
    QString email;       // where known, else empty

    bool operator==(const Participant&) const = default;
};

} // namespace holdfast::model
