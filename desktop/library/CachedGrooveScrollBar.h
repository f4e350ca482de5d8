#pragma once

#include <QScrollBar>

class QAbstractItemView;

namespace holdfast::desktop {

// A scroll bar that paints its groove once per size, palette and state, and
// only its slider and arrows on each scroll. Qt 6.4's raster engine hands
// every fill taller than about 100 scanlines (the Fusion groove's gradient and
// lines) to Qt's thread pool and waits for it, so on a busy machine a frame of
// a scrolling list could wait a time slice for a pool thread; the slider is
// small enough to be filled on the GUI thread. It looks exactly like a plain
// QScrollBar: QScrollBar still paints, through a style that keeps the groove.
class CachedGrooveScrollBar : public QScrollBar
{
    Q_OBJECT

public:
    explicit CachedGrooveScrollBar(Qt::Orientation orientation, QWidget* parent = nullptr);

    // Gives the view a pair of these, connected as its own bars were (so that
    // it still scrolls by them and fetches more rows at the end).
    static void installOn(QAbstractItemView* view);
};

} // namespace holdfast::desktop
