#include "player/TranscriptPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace holdfast::desktop {

namespace {

QString clockText(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TranscriptPanel::TranscriptPanel(QWidget* parent)
    : QWidget(parent)
    , m_view(new QTextBrowser(this))
    , m_find(new QLineEdit(this))
    , m_findStatus(new QLabel(this))
    , m_follow(new QPushButton(tr("Follow playback"), this))
{
    m_view->setOpenLinks(false);
    m_view->setOpenExternalLinks(false);
    m_view->setAccessibleName(tr("Transcript"));
    m_find->setPlaceholderText(tr("Find in transcript (Ctrl+F, Enter for next)"));
    m_find->setAccessibleName(tr("Find in transcript"));
    m_find->setClearButtonEnabled(true);
    m_follow->setToolTip(tr("Scroll the transcript with playback again"));
    m_follow->setVisible(false);

    auto* findRow = new QHBoxLayout;
    findRow->setContentsMargins(0, 0, 0, 0);
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_findStatus);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(findRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_follow);

    connect(m_view, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        bool ok = false;
        const int index = url.toString().toInt(&ok);
        if (ok)
            activateWord(index);
    });
    // actionTriggered: the user moved the bar (wheel, drag, keys); setValue() does not emit it.
    connect(m_view->verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] {
        if (m_scrollingProgrammatically || !m_following)
            return;
        m_following = false;
        // The button appears once the scroll is done: showing it lays the panel
        // out at once, and a new height inside the bar's action made the bar
        // drop the user's move, so the first wheel turn did not scroll.
        QMetaObject::invokeMethod(
            m_follow, [this] { m_follow->setVisible(!m_following); }, Qt::QueuedConnection);
    });
    connect(m_follow, &QPushButton::clicked, this, [this] { setFollowing(true); });
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(m_find->text()); });
    connect(m_find, &QLineEdit::textChanged, this, [this] { m_findStatus->clear(); });
}

void TranscriptPanel::setTranscript(const model::Transcript& transcript,
                                    const QHash<QString, QString>& speakerNames)
{
    const QScopedValueRollback programmatic(m_scrollingProgrammatically, true);
    m_words.clear();
    m_current = -1;
    auto* document = m_view->document();
    document->clear();
    document->setDefaultStyleSheet(QString());
    QTextCursor cursor(document);
    QTextCharFormat plain;
    QTextCharFormat speaker;
    speaker.setFontWeight(QFont::Bold);
    QTextCharFormat time;
    time.setForeground(palette().color(QPalette::PlaceholderText));
    QTextCharFormat word;
    word.setAnchor(true);
    word.setForeground(palette().color(QPalette::Text));
    for (int s = 0; s < transcript.segments.size(); ++s) {
        const model::TranscriptSegment& segment = transcript.segments[s];
        if (s > 0)
            cursor.insertBlock();
        cursor.insertText(speakerNames.value(segment.speaker, segment.speaker), speaker);
        cursor.insertText(QStringLiteral("  "), plain);
        cursor.insertText(clockText(segment.start_ms), time);
        cursor.insertText(QStringLiteral("\n"), plain);
        const auto addWord = [&](const QString& text, int wordIndex, qint64 start_ms, qint64 end_ms) {
            WordRef ref{s, wordIndex, start_ms, end_ms, cursor.position(), int(text.size())};
            word.setAnchorHref(QString::number(m_words.size()));
            cursor.insertText(text, word);
            m_words << ref;
        };
        if (segment.words.isEmpty()) {
            addWord(segment.text, -1, segment.start_ms, segment.end_ms);
        } else {
            for (int w = 0; w < segment.words.size(); ++w) {
                if (w > 0)
                    cursor.insertText(QStringLiteral(" "), plain);
                const model::TranscriptWord& tw = segment.words[w];
                addWord(tw.text, w, tw.start_ms, tw.end_ms);
            }
        }
    }
    std::stable_sort(m_words.begin(), m_words.end(),
                     [](const WordRef& a, const WordRef& b) { return a.start_ms < b.start_ms; });
    // Anchors were numbered in document order; renumber them in time order.
    for (int i = 0; i < m_words.size(); ++i) {
        QTextCursor c(document);
        c.setPosition(m_words[i].textStart);
        c.setPosition(m_words[i].textStart + m_words[i].textLength, QTextCursor::KeepAnchor);
        word.setAnchorHref(QString::number(i));
        c.mergeCharFormat(word);
    }
    m_view->moveCursor(QTextCursor::Start);
}

void TranscriptPanel::setPosition(qint64 call_ms)
{
    // The last word that started at or before call_ms, if it has not ended.
    const auto after = std::upper_bound(m_words.cbegin(), m_words.cend(), call_ms,
                                        [](qint64 ms, const WordRef& w) { return ms < w.start_ms; });
    int index = -1;
    if (after != m_words.cbegin()) {
        const auto candidate = std::prev(after);
        if (call_ms < candidate->end_ms)
            index = int(candidate - m_words.cbegin());
    }
    if (index == m_current)
        return;
    highlight(index);
    if (index >= 0 && m_following)
        scrollToWord(index);
}

void TranscriptPanel::highlight(int index)
{
    m_current = index;
    QList<QTextEdit::ExtraSelection> selections;
    if (index >= 0) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_view->document());
        selection.cursor.setPosition(m_words[index].textStart);
        selection.cursor.setPosition(m_words[index].textStart + m_words[index].textLength,
                                     QTextCursor::KeepAnchor);
        selection.format.setBackground(QColor(0xff, 0xe0, 0x66));
        selection.format.setForeground(Qt::black);
        selections << selection;
    }
    m_view->setExtraSelections(selections);
}

void TranscriptPanel::scrollToWord(int index)
{
    const QScopedValueRollback programmatic(m_scrollingProgrammatically, true);
    const QRect r = wordRect(index);
    const QRect viewport = m_view->viewport()->rect();
    if (r.top() < viewport.height() / 5 || r.bottom() > viewport.height() * 4 / 5) {
        QScrollBar* bar = m_view->verticalScrollBar();
        bar->setValue(bar->value() + r.top() - viewport.height() / 3);
    }
}

QRect TranscriptPanel::wordRect(int index) const
{
    if (index < 0 || index >= m_words.size())
        return {};
    QTextCursor c(m_view->document());
    c.setPosition(m_words[index].textStart + 1);
    const QRect start = m_view->cursorRect(c);
    c.setPosition(m_words[index].textStart + m_words[index].textLength);
    const QRect end = m_view->cursorRect(c);
    return QRect(start.topLeft(), QPoint(std::max(end.left(), start.left() + 1), start.bottom()));
}

void TranscriptPanel::setFollowing(bool following)
{
    m_following = following;
    m_follow->setVisible(!following);
    if (following && m_current >= 0)
        scrollToWord(m_current);
}

void TranscriptPanel::activateWord(int index)
{
    if (index < 0 || index >= m_words.size())
        return;
    Q_EMIT wordClicked(m_words[index].start_ms);
}

void TranscriptPanel::focusFind()
{
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
}

bool TranscriptPanel::findNext(const QString& text)
{
    if (text.isEmpty())
        return false;
    QTextDocument* document = m_view->document();
    QTextCursor found = document->find(text, m_view->textCursor());
    if (found.isNull())
        found = document->find(text, 0); // wrap around
    if (found.isNull()) {
        m_findStatus->setText(tr("not found"));
        return false;
    }
    m_findStatus->clear();
    setFollowing(false); // the reader is looking elsewhere now
    const QScopedValueRollback programmatic(m_scrollingProgrammatically, true);
    m_view->setTextCursor(found);
    m_view->ensureCursorVisible();
    return true;
}

} // namespace holdfast::desktop
