#pragma once

#include <QLayout>
#include <QList>
#include <QStyle>

namespace holdfast::desktop {

// Lays its items out left to right and starts a new row where the next one
// would not fit. A call with many participants gets a second row of audio
// controls instead of a player wider than the screen.
class WrappingRowLayout : public QLayout
{
public:
    explicit WrappingRowLayout(QWidget* parent = nullptr);
    ~WrappingRowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override; // the widest item: narrower than that cannot wrap
    QSize sizeHint() const override;    // everything in one row
    void setGeometry(const QRect& rect) override;

private:
    // Places the items in `rect` (only measures when !apply); returns the height used.
    int arrange(const QRect& rect, bool apply) const;
    int horizontalGap() const;
    int verticalGap() const;
    int gap(QStyle::PixelMetric metric) const; // spacing(), else the style's

    QList<QLayoutItem*> m_items;
};

} // namespace holdfast::desktop
