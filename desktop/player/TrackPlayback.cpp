#include "player/TrackPlayback.h"

#include "app/DisplayNames.h"
#include "media/TrackPipeline.h"
#include "player/VideoTile.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace holdfast::desktop {

TrackPlayback::TrackPlayback(const model::Track& track, bool canDownload, QObject* parent)
    : QObject(parent)
    , m_track(track)
    , m_canDownload(canDownload)
{
    m_downloadButton = new QPushButton(tr("Download"));
    m_downloadButton->setObjectName(QStringLiteral("download-%1").arg(track.id));
    m_downloadButton->setAccessibleName(tr("Download track %1").arg(track.id));
    m_downloadButton->hide();
    connect(m_downloadButton, &QPushButton::clicked, this, &TrackPlayback::downloadRequested);
    m_downloadProgress = new QProgressBar;
    m_downloadProgress->setObjectName(QStringLiteral("downloadProgress-%1").arg(track.id));
    m_downloadProgress->setAccessibleName(tr("Download progress of track %1").arg(track.id));
    m_downloadProgress->hide();
    if (!isVisual()) {
        // An audio track has no tile: its button and bar sit beside its mute and solo.
        m_audioDownload = new QWidget;
        auto* row = new QHBoxLayout(m_audioDownload);
        row->setContentsMargins(0, 0, 0, 0);
        m_downloadProgress->setMaximumWidth(m_downloadProgress->fontMetrics().averageCharWidth() * 16);
        row->addWidget(m_downloadButton);
        row->addWidget(m_downloadProgress);
        return;
    }
    m_tile = new QStackedWidget;
    m_tile->setAccessibleName(tr("Track %1").arg(track.id));
    m_tile->setMinimumSize(160, 90);
    m_textPage = new QWidget;
    m_textPage->setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(m_textPage);
    m_tileText = new QLabel;
    m_tileText->setAlignment(Qt::AlignCenter);
    m_tileText->setWordWrap(true);
    layout->addStretch(1);
    layout->addWidget(m_tileText);
    layout->addWidget(m_downloadButton, 0, Qt::AlignHCenter);
    layout->addWidget(m_downloadProgress);
    layout->addStretch(1);
    m_tile->addWidget(m_textPage);
    m_video = new VideoTile;
    m_tile->addWidget(m_video);
}

TrackPlayback::~TrackPlayback()
{
    // Owned here, wherever the player view placed them.
    delete m_tile;
    delete m_audioDownload;
}

QWidget* TrackPlayback::tile() const
{
    return m_tile;
}

QWidget* TrackPlayback::audioDownloadControls() const
{
    return m_audioDownload;
}

void TrackPlayback::setPipeline(media::TrackPipeline* pipeline)
{
    m_pipeline = pipeline;
    m_availability = Availability::Available;
    m_errorText.clear();
    if (m_downloadButton) {
        m_downloadButton->hide();
        m_downloadProgress->hide();
    }
    if (isVisual())
        connect(pipeline, &media::TrackPipeline::frameShown, this,
                [this] { m_video->setFrame(m_pipeline->currentFrame()); });
    applyVolume();
    m_placement = Placement::Invalid; // shown again at the next showPlacement()
    Q_EMIT statusChanged();
}

void TrackPlayback::setNotDownloaded()
{
    m_availability = Availability::NotDownloaded;
    setTileText(m_canDownload ? tr("media not downloaded")
                              : tr("media not downloaded (read-only workspace)"));
    if (m_downloadButton) {
        m_downloadButton->setVisible(m_canDownload);
        m_downloadProgress->hide();
    }
    Q_EMIT statusChanged();
}

void TrackPlayback::setDownloadProgress(qint64 done, qint64 total)
{
    m_availability = Availability::Downloading;
    setTileText(tr("downloading…"));
    if (!m_downloadButton)
        return;
    m_downloadButton->hide();
    m_downloadProgress->show();
    // Percent, so sizes above 2 GiB fit the progress bar's int range.
    m_downloadProgress->setRange(0, total > 0 ? 100 : 0);
    m_downloadProgress->setValue(total > 0 ? int(done * 100 / total) : 0);
}

void TrackPlayback::setFailed(const QString& message)
{
    m_availability = Availability::Failed;
    m_errorText = message;
    m_pipeline = nullptr;
    setTileText(tr("cannot play: %1").arg(message));
    if (m_downloadButton) {
        m_downloadButton->setVisible(false);
        m_downloadProgress->hide();
    }
    Q_EMIT statusChanged();
}

TrackPlayback::Placement TrackPlayback::placementAt(qint64 call_ms) const
{
    if (call_ms < m_track.offset_ms)
        return Placement::NotStarted;
    if (call_ms >= m_track.offset_ms + m_track.duration_ms)
        return Placement::Ended;
    return Placement::Inside;
}

void TrackPlayback::showPlacement(qint64 call_ms)
{
    if (m_availability != Availability::Available)
        return;
    const Placement placement = placementAt(call_ms);
    if (placement == m_placement)
        return;
    m_placement = placement;
    if (m_tile) {
        if (placement == Placement::NotStarted)
            setTileText(tr("not started yet"));
        else if (placement == Placement::Ended)
            setTileText(tr("ended"));
        else
            m_tile->setCurrentWidget(m_video);
    }
    Q_EMIT statusChanged();
}

QImage TrackPlayback::currentFrame() const
{
    return m_pipeline ? m_pipeline->currentFrame() : QImage();
}

void TrackPlayback::setTileText(const QString& text)
{
    if (!m_tile)
        return;
    m_tileText->setText(QStringLiteral("%1\n%2").arg(DisplayNames::trackKind(m_track.kind), text));
    m_tile->setCurrentWidget(m_textPage);
}

void TrackPlayback::setVolume(float volume)
{
    m_volume = volume;
    applyVolume();
}

// Muting keeps the track playing in step, ready to be heard.
void TrackPlayback::setMuted(bool muted)
{
    m_muted = muted;
    applyVolume();
}

void TrackPlayback::applyVolume()
{
    if (!m_pipeline)
        return;
    m_pipeline->setVolume(m_volume);
    m_pipeline->setMuted(m_muted);
}

} // namespace holdfast::desktop
