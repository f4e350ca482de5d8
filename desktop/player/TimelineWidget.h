#pragma once

#include "media/WaveformPeaks.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

namespace holdfast::desktop {

// The call timeline of the player: a time ruler, the call's waveform, one
// lane per speaker (who spoke when), one lane per video / screen track
// (where it has media) and the bookmarks, with the playhead across them all.
// Click or drag seeks; Ctrl+wheel or zoomIn()/zoomOut() zoom around the
// playhead; the view scrolls so that the playhead stays visible.
class TimelineWidget : public QWidget
{
    Q_OBJECT

public:
    struct Span
    {
        qint64 start_ms = 0;
        qint64 end_ms = 0;
    };
    struct Lane
    {
        QString label;
        QColor color;
        QList<Span> spans;
    };
    struct Marker
    {
        qint64 position_ms = 0;
        QString label;
    };

    explicit TimelineWidget(QWidget* parent = nullptr);

    void setDuration(qint64 duration_ms);
    qint64 duration_ms() const { return m_duration_ms; }
    void setWaveform(const media::WaveformPeaks& peaks);
    void setWaveformMessage(const QString& message); // shown while there is no waveform
    bool hasWaveform() const { return !m_waveform.isEmpty(); }
    void setSpeakerLanes(const QList<Lane>& lanes);
    void setTrackLanes(const QList<Lane>& lanes);
    void setBookmarks(const QList<Marker>& bookmarks);
    const QList<Marker>& bookmarks() const { return m_bookmarks; }

    qint64 playhead_ms() const { return m_playhead_ms; }
    void setPlayhead(qint64 position_ms);

    // The visible part of the call.
    qint64 visibleStart_ms() const { return m_visibleStart_ms; }
    qint64 visibleDuration_ms() const { return m_visibleDuration_ms; }
    void zoomIn();
    void zoomOut();

    // Widget x of a call time and back (for tests and painting).
    int xForTime(qint64 ms) const;
    qint64 timeForX(int x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void seekRequested(qint64 position_ms);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void setVisibleRange(qint64 start_ms, qint64 duration_ms);
    void keepPlayheadVisible();
    QRect lanesRect() const;
    int laneCount() const;

    static constexpr int kRulerHeight = 18;
    static constexpr int kWaveformHeight = 48;
    static constexpr int kLaneHeight = 16;
    static constexpr int kLabelWidth = 110;
    static constexpr qint64 kMinVisible_ms = 2000;

    qint64 m_duration_ms = 0;
    qint64 m_visibleStart_ms = 0;
    qint64 m_visibleDuration_ms = 0;
    qint64 m_playhead_ms = 0;
    media::WaveformPeaks m_waveform;
    QString m_waveformMessage;
    QList<Lane> m_speakerLanes;
    QList<Lane> m_trackLanes;
    QList<Marker> m_bookmarks;
};

} // namespace holdfast::desktop
