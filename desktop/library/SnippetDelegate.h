#pragma once

#include <QStyledItemDelegate>

namespace holdfast::desktop {

// Paints a search snippet with its matched words highlighted, from the HTML
// the model gives under a role.
class SnippetDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    SnippetDelegate(int htmlRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_htmlRole;
};

} // namespace holdfast::desktop
