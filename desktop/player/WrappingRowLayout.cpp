#include "player/WrappingRowLayout.h"

#include <QStyle>
#include <QWidget>

namespace holdfast::desktop {

WrappingRowLayout::WrappingRowLayout(QWidget* parent)
    : QLayout(parent)
{}

WrappingRowLayout::~WrappingRowLayout()
{
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void WrappingRowLayout::addItem(QLayoutItem* item)
{
    m_items.append(item);
}

int WrappingRowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem* WrappingRowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem* WrappingRowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations WrappingRowLayout::expandingDirections() const
{
    return {};
}

bool WrappingRowLayout::hasHeightForWidth() const
{
    return true;
}

int WrappingRowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize WrappingRowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem* item : m_items)
        size = size.expandedTo(item->minimumSize());
    const QMargins margins = contentsMargins();
    return size.grownBy(margins);
}

QSize WrappingRowLayout::sizeHint() const
{
    int width = 0;
    int height = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        width += (width > 0 ? horizontalGap() : 0) + hint.width();
        height = std::max(height, hint.height());
    }
    return QSize(width, height).grownBy(contentsMargins());
}

void WrappingRowLayout::setGeometry(const QRect& rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int WrappingRowLayout::arrange(const QRect& rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    int x = area.x();
    int y = area.y();
    int rowHeight = 0;
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        // A new row when this item would cross the right edge, unless it is the first of its row.
        if (x > area.x() && x + hint.width() > area.right() + 1) {
            x = area.x();
            y += rowHeight + verticalGap();
            rowHeight = 0;
        }
        if (apply)
            item->setGeometry(QRect(QPoint(x, y), hint));
        x += hint.width() + horizontalGap();
        rowHeight = std::max(rowHeight, hint.height());
    }
    return y + rowHeight - rect.y() + contentsMargins().bottom();
}

int WrappingRowLayout::horizontalGap() const
{
    return gap(QStyle::PM_LayoutHorizontalSpacing);
}

int WrappingRowLayout::verticalGap() const
{
    return gap(QStyle::PM_LayoutVerticalSpacing);
}

int WrappingRowLayout::gap(QStyle::PixelMetric metric) const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget* widget = parentWidget();
    const int styled = widget ? widget->style()->pixelMetric(metric, nullptr, widget) : -1;
    return styled >= 0 ? styled : 6; // styles without a layout spacing answer -1
}

} // namespace holdfast::desktop
