#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QTabWidget;
class QTextBrowser;

namespace holdfast {
class Workspace;
}

namespace holdfast::desktop {

class SyntaxHighlighter;

// What the cache holds about one recording, as its raw documents: the signed
// manifest, the transcript JSON, the verification state and the recording's
// audit events, syntax-highlighted. Opening a recording here is audited as a
// view (except in a read-only workspace).
class InspectorView : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorView(Workspace& workspace, QWidget* parent = nullptr);

    void showRecording(const QString& recordingId);
    QString recordingId() const { return m_recordingId; }
    QTextBrowser* manifestView() const { return m_manifest; }
    QTextBrowser* transcriptView() const { return m_transcript; }
    QTextBrowser* auditView() const { return m_audit; }

Q_SIGNALS:
    // Once all three documents are shown (coloured or plain).
    void loaded();

private:
    void show(SyntaxHighlighter* highlighter, const QByteArray& json);
    bool isDark() const;

    Workspace& m_workspace;
    QString m_recordingId;
    QLabel* m_heading;
    QTabWidget* m_tabs;
    QTextBrowser* m_manifest;
    QTextBrowser* m_transcript;
    QTextBrowser* m_audit;
    SyntaxHighlighter* m_manifestHighlighter;
    SyntaxHighlighter* m_transcriptHighlighter;
    SyntaxHighlighter* m_auditHighlighter;
    int m_pending = 0;
};

} // namespace holdfast::desktop
