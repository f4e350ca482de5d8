#pragma once

#include <QColor>
#include <QImage>
#include <QSize>
#include <QString>

namespace holdfast::capture {

// Draws the frames of one video or screen track of the sync test call: a
// dark test card with the call time (mm:ss.mmm) large in the bottom right
// corner, the track's name, offset and own time small at the top, and a bar
// sweeping across the bottom once per second. The frame nearest to each whole
// call second is a full-frame white flash (the texts stay, in black), so that
// a player's alignment can be checked by eye and by mean luma.
class SyncTestRenderer
{
public:
    // offset_ms: where the track starts on the call timeline.
    SyncTestRenderer(QSize size, int fps, qint64 offset_ms, QString label, QColor accent);

    // trackTime_ms: time from the start of the track. QImage::Format_RGB32.
    QImage render(qint64 trackTime_ms) const;

    // True for the frame nearest to a whole call second: less than half a
    // frame away. With an offset that is a whole number of frames, this is
    // exactly the frame that starts at the second.
    static bool isFlash(qint64 callTime_ms, int fps);

    // "01:02.345"
    static QString clockText(qint64 ms);

private:
    QSize m_size;
    int m_fps;
    qint64 m_offset_ms;
    QString m_label;
    QColor m_accent;
};

} // namespace holdfast::capture
