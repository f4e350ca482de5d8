#include "library/SnippetDelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace holdfast::desktop {

SnippetDelegate::SnippetDelegate(int htmlRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_htmlRole(htmlRole)
{}

void SnippetDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    QTextDocument document;
    document.setDefaultFont(opt.font);
    document.setDocumentMargin(2);
    document.setHtml(index.data(m_htmlRole).toString());
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    context.palette.setColor(QPalette::Text, opt.state & QStyle::State_Selected
                                                 ? opt.palette.color(QPalette::HighlightedText)
                                                 : opt.palette.color(QPalette::Text));
    context.clip = QRectF(0, 0, textRect.width(), textRect.height());
    painter->save();
    painter->translate(textRect.topLeft());
    painter->setClipRect(context.clip);
    document.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize SnippetDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QTextDocument document;
    document.setDefaultFont(opt.font);
    document.setDocumentMargin(2);
    document.setHtml(index.data(m_htmlRole).toString());
    return QSize(int(document.idealWidth()), int(document.size().height()));
}

} // namespace holdfast::desktop
