#pragma once

#include <QImage>
#include <QWidget>

namespace holdfast::desktop {

// Paints the current frame of a video or screen track, scaled to fit with
// its aspect ratio kept, on black.
class VideoTile : public QWidget
{
    Q_OBJECT

public:
    explicit VideoTile(QWidget* parent = nullptr);

    void setFrame(const QImage& frame);
    const QImage& frame() const { return m_frame; }
    QSize sizeHint() const override { return {320, 180}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_frame;
};

} // namespace holdfast::desktop
