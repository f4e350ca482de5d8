#include "library/CachedGrooveScrollBar.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDataStream>
#include <QIODevice>
#include <QPainter>
#include <QPixmap>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOptionSlider>

namespace holdfast::desktop {

namespace {

// The application's style, except that a scroll bar's groove comes from a
// picture painted once for each look it can have.
class GrooveCachingStyle : public QProxyStyle
{
public:
    explicit GrooveCachingStyle(QStyle* base)
        : QProxyStyle(base)
    {}

    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option, QPainter* painter,
                            const QWidget* widget) const override
    {
        const auto* bar = qstyleoption_cast<const QStyleOptionSlider*>(option);
        // A pressed page area may be drawn between the arrows and the slider: not cached.
        const SubControls pages = SC_ScrollBarAddPage | SC_ScrollBarSubPage;
        if (control != CC_ScrollBar || !bar || (bar->activeSubControls & pages)) {
            QProxyStyle::drawComplexControl(control, option, painter, widget);
            return;
        }
        // The groove is painted first, under everything else: from the picture.
        QStyleOptionSlider rest = *bar;
        rest.subControls &= SC_ScrollBarGroove;
        const qreal ratio = painter->device()->devicePixelRatioF();
        QByteArray key;
        {
            QDataStream out(&key, QIODevice::WriteOnly);
            out << rest.rect << ratio << rest.palette.cacheKey() << int(rest.state) << int(rest.subControls)
                << int(rest.activeSubControls) << int(rest.orientation) << int(rest.direction);
        }
        if (key != m_key) {
            m_picture = QPixmap(rest.rect.size() * ratio);
            m_picture.setDevicePixelRatio(ratio);
            // Opaque, as the groove is: drawn by copying, not by blending.
            m_picture.fill(rest.palette.color(QPalette::Window));
            QPainter picture(&m_picture);
            picture.translate(-rest.rect.topLeft());
            QProxyStyle::drawComplexControl(control, &rest, &picture, widget);
            m_key = key;
        }
        if (rest.subControls)
            painter->drawPixmap(rest.rect.topLeft(), m_picture);
        // The slider and the arrows, small enough to be filled on this thread.
        QStyleOptionSlider others = *bar;
        others.subControls &= ~SC_ScrollBarGroove;
        QProxyStyle::drawComplexControl(control, &others, painter, widget);
    }

private:
    // One scroll bar per style: the last look painted is the one kept.
    mutable QPixmap m_picture;
    mutable QByteArray m_key;
};

} // namespace

CachedGrooveScrollBar::CachedGrooveScrollBar(Qt::Orientation orientation, QWidget* parent)
    : QScrollBar(orientation, parent)
{
    if (QStyle* base = QStyleFactory::create(QApplication::style()->name())) {
        auto* style = new GrooveCachingStyle(base); // the proxy owns its base
        style->setParent(this);
        setStyle(style);
    }
}

void CachedGrooveScrollBar::installOn(QAbstractItemView* view)
{
    view->setVerticalScrollBar(new CachedGrooveScrollBar(Qt::Vertical));
    view->setHorizontalScrollBar(new CachedGrooveScrollBar(Qt::Horizontal));
    // The view connected the bars it was made with, not these; its slots are
    // protected, hence connected by name.
    connect(view->verticalScrollBar(), SIGNAL(valueChanged(int)), view,
            SLOT(verticalScrollbarValueChanged(int)));
    connect(view->verticalScrollBar(), SIGNAL(actionTriggered(int)), view,
            SLOT(verticalScrollbarAction(int)));
    connect(view->horizontalScrollBar(), SIGNAL(valueChanged(int)), view,
            SLOT(horizontalScrollbarValueChanged(int)));
    connect(view->horizontalScrollBar(), SIGNAL(actionTriggered(int)), view,
            SLOT(horizontalScrollbarAction(int)));
}

} // namespace holdfast::desktop
