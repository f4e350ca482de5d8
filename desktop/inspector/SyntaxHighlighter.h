#pragma once

#include <QObject>
#include <QProcess>
#include <memory>

namespace holdfast::desktop {

// Highlights JSON (or another syntax KDE knows) as HTML by running
// `kate-syntax-highlighter --stdin -f html` out of process: Debian 12 ships
// KDE Syntax-Highlighting only as a Qt 5 build, which cannot be linked into a
// Qt 6 program. Without the program, or when it fails, the text comes back
// escaped in a <pre>, uncoloured. One request at a time: a new one replaces
// a running one.
class SyntaxHighlighter : public QObject
{
    Q_OBJECT

public:
    explicit SyntaxHighlighter(QObject* parent = nullptr);
    ~SyntaxHighlighter() override;

    // The program's path, or empty when it is not installed.
    static QString program();
    static QString plainHtml(const QByteArray& text);

    void highlight(const QByteArray& text, const QString& syntax, bool darkTheme);

Q_SIGNALS:
    // coloured: false when the plain fallback was used.
    void highlighted(const QString& html, bool coloured);

private:
    void finish(int exitCode, QProcess::ExitStatus status);

    std::unique_ptr<QProcess> m_process;
    QByteArray m_text;
};

} // namespace holdfast::desktop
