#pragma once

#include <QStringView>
#include <QtGlobal>

// Internal to core/model: the semantic transcript checks, shared by the JSON
// and WebVTT readers so that both produce transcripts with the same guarantees.

namespace holdfast::model {
struct Transcript;
}

namespace holdfast::model::detail {

class JsonReader;

// Records the first problem (in document order) in errors.
void validateTranscriptInto(const Transcript& transcript, JsonReader& errors);

// BCP 47 in its common shape (subtags of 1..8 letters or digits, the first
// letters only, at most 35 characters).
bool isLanguageTag(QStringView tag);

// UTF-8 length of text without converting it.
qsizetype utf8Bytes(QStringView text);

} // namespace holdfast::model::detail
