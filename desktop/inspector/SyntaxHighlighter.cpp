#include "inspector/SyntaxHighlighter.h"

#include <QStandardPaths>
#include <QTimer>

namespace holdfast::desktop {

namespace {
constexpr int kTimeout_ms = 10000;
}

SyntaxHighlighter::SyntaxHighlighter(QObject* parent)
    : QObject(parent)
{}

SyntaxHighlighter::~SyntaxHighlighter()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QString SyntaxHighlighter::program()
{
    return QStandardPaths::findExecutable(QStringLiteral("kate-syntax-highlighter"));
}

QString SyntaxHighlighter::plainHtml(const QByteArray& text)
{
    return QStringLiteral("<pre>%1</pre>").arg(QString::fromUtf8(text).toHtmlEscaped());
}

void SyntaxHighlighter::highlight(const QByteArray& text, const QString& syntax, bool darkTheme)
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
        m_process.reset();
    }
    m_text = text;
    const QString path = program();
    if (path.isEmpty()) {
        Q_EMIT highlighted(plainHtml(text), false);
        return;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(path);
    m_process->setArguments({QStringLiteral("--stdin"), QStringLiteral("-f"), QStringLiteral("html"),
                             QStringLiteral("-s"), syntax, QStringLiteral("-t"),
                             darkTheme ? QStringLiteral("Breeze Dark") : QStringLiteral("Breeze Light")});
    // The KF5 program is a Qt 5 application: keep our platform settings from it.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_process->setProcessEnvironment(environment);
    connect(m_process.get(), &QProcess::finished, this, &SyntaxHighlighter::finish);
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(-1, QProcess::CrashExit);
    });
    QTimer::singleShot(kTimeout_ms, m_process.get(), [process = m_process.get()] { process->kill(); });
    m_process->start();
    m_process->write(text);
    m_process->closeWriteChannel();
}

void SyntaxHighlighter::finish(int exitCode, QProcess::ExitStatus status)
{
    if (!m_process)
        return;
    const QByteArray output = m_process->readAllStandardOutput();
    m_process.release()->deleteLater(); // we are inside its signal
    if (status != QProcess::NormalExit || exitCode != 0 || output.isEmpty()) {
        Q_EMIT highlighted(plainHtml(m_text), false);
        return;
    }
    Q_EMIT highlighted(QString::fromUtf8(output), true);
}

} // namespace holdfast::desktop
