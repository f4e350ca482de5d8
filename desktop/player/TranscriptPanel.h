#pragma once

#include "model/Transcript.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace holdfast::desktop {

// The transcript beside the player: one block per segment (speaker, time,
// text), the word being spoken highlighted, a click on a word seeks to its
// start. It follows playback until the user scrolls; "Follow playback"
// brings it back. Find (Ctrl+F in the player) searches the text.
class TranscriptPanel : public QWidget
{
    Q_OBJECT

public:
    struct WordRef
    {
        int segment = -1;
        int word = -1; // -1: a segment without word timing
        qint64 start_ms = 0;
        qint64 end_ms = 0;
        int textStart = 0; // position in the document
        int textLength = 0;
    };

    explicit TranscriptPanel(QWidget* parent = nullptr);

    // speakerNames: participant id -> display name.
    void setTranscript(const model::Transcript& transcript, const QHash<QString, QString>& speakerNames);
    void setPosition(qint64 call_ms);

    // The highlighted word (index into words()), -1 when none.
    int currentWord() const { return m_current; }
    const QList<WordRef>& words() const { return m_words; }
    bool isFollowing() const { return m_following; }
    void setFollowing(bool following);
    // Emits wordClicked for word i, as a click on it does (keyboard and tests).
    void activateWord(int index);
    // The document rectangle of word i in viewport coordinates (for clicks).
    QRect wordRect(int index) const;
    QTextBrowser* view() const { return m_view; }

public Q_SLOTS:
    void focusFind();
    // Selects the next match of text after the current one; false when none.
    bool findNext(const QString& text);

Q_SIGNALS:
    void wordClicked(qint64 start_ms);

private:
    void highlight(int index);
    void scrollToWord(int index);

    QTextBrowser* m_view;
    QLineEdit* m_find;
    QLabel* m_findStatus;
    QPushButton* m_follow;
    QList<WordRef> m_words; // ordered by start
    int m_current = -1;
    bool m_following = true;
    bool m_scrollingProgrammatically = false;
};

} // namespace holdfast::desktop
