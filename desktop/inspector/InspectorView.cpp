#include "inspector/InspectorView.h"

#include "inspector/SyntaxHighlighter.h"
#include "workspace/Workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace holdfast::desktop {

namespace {

constexpr int kAuditEventLimit = 500;

QByteArray errorJson(const QString& message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}).toJson(QJsonDocument::Indented);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

InspectorView::InspectorView(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_heading(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_manifest(new QTextBrowser(this))
    , m_transcript(new QTextBrowser(this))
    , m_audit(new QTextBrowser(this))
    , m_manifestHighlighter(new SyntaxHighlighter(this))
    , m_transcriptHighlighter(new SyntaxHighlighter(this))
    , m_auditHighlighter(new SyntaxHighlighter(this))
{
    setObjectName(QStringLiteral("inspectorView"));
    m_heading->setObjectName(QStringLiteral("inspectorHeading"));
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_manifest->setObjectName(QStringLiteral("inspectorManifest"));
    m_manifest->setAccessibleName(tr("Manifest JSON"));
    m_transcript->setObjectName(QStringLiteral("inspectorTranscript"));
    m_transcript->setAccessibleName(tr("Transcript JSON"));
    m_audit->setObjectName(QStringLiteral("inspectorAudit"));
    m_audit->setAccessibleName(tr("Verification and audit events"));
    m_tabs->addTab(m_manifest, tr("Manifest"));
    m_tabs->addTab(m_transcript, tr("Transcript"));
    m_tabs->addTab(m_audit, tr("Verification and audit"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_tabs);

    const std::pair<SyntaxHighlighter*, QTextBrowser*> pairs[] = {{m_manifestHighlighter, m_manifest},
                                                                  {m_transcriptHighlighter, m_transcript},
                                                                  {m_auditHighlighter, m_audit}};
    for (const auto& [highlighter, view] : pairs) {
        connect(highlighter, &SyntaxHighlighter::highlighted, view, [this, view](const QString& html) {
            view->setHtml(html);
            if (m_pending > 0 && --m_pending == 0)
                Q_EMIT loaded();
        });
    }
    if (SyntaxHighlighter::program().isEmpty())
        m_heading->setToolTip(
            tr("Install kate-syntax-highlighter (Debian package libkf5syntaxhighlighting-tools) for "
               "coloured JSON."));
}

bool InspectorView::isDark() const
{
    return palette().color(QPalette::Base).lightness() < 128;
}

void InspectorView::show(SyntaxHighlighter* highlighter, const QByteArray& json)
{
    highlighter->highlight(json, QStringLiteral("JSON"), isDark());
}

void InspectorView::showRecording(const QString& recordingId)
{
    if (recordingId == m_recordingId)
        return;
    m_recordingId = recordingId;
    if (recordingId.isEmpty()) {
        m_heading->clear();
        for (QTextBrowser* view : {m_manifest, m_transcript, m_audit})
            view->clear();
        return;
    }
    m_pending = 3;
    m_heading->setText(tr("Recording %1").arg(recordingId));

    auto detail = m_workspace.recording(recordingId);
    QByteArray manifestJson;
    QJsonObject verification;
    if (detail) {
        // The signed bytes, indented for reading (the cache keeps them exactly as signed).
        const QJsonDocument manifest = QJsonDocument::fromJson(detail->manifestJson);
        manifestJson = manifest.isNull() ? detail->manifestJson : manifest.toJson(QJsonDocument::Indented);
        verification.insert(QStringLiteral("state"), cache::verificationStateName(detail->verificationState));
        if (!detail->quarantineReason.isEmpty())
            verification.insert(QStringLiteral("quarantine_reason"), detail->quarantineReason);
        verification.insert(QStringLiteral("signature_bytes"), detail->signature.size());
        verification.insert(QStringLiteral("imported_at"), isoTime(detail->importedAt_ms));
        verification.insert(QStringLiteral("hold_state"), detail->holdState);
        verification.insert(QStringLiteral("media_files_stored"), int(detail->blobIdsByPath.size()));
    } else {
        manifestJson = errorJson(detail.errorMessage());
        verification.insert(QStringLiteral("error"), detail.errorMessage());
    }
    show(m_manifestHighlighter, manifestJson);

    auto transcript = m_workspace.transcript(recordingId);
    show(m_transcriptHighlighter,
         transcript ? model::serializeTranscriptJson(*transcript) : errorJson(transcript.errorMessage()));

    audit::AuditFilter filter;
    filter.target = recordingId;
    filter.newestFirst = false;
    auto events = m_workspace.auditEvents(filter, kAuditEventLimit);
    QJsonArray eventArray;
    if (events) {
        for (const audit::AuditEvent& event : std::as_const(*events)) {
            QJsonObject object{{QStringLiteral("seq"), event.seq},
                               {QStringLiteral("time"), isoTime(event.time_ms)},
                               {QStringLiteral("actor"), event.actor},
                               {QStringLiteral("role"), event.role},
                               {QStringLiteral("action"), event.action},
                               {QStringLiteral("hash"), QString::fromLatin1(event.hash)}};
            const QJsonDocument details = QJsonDocument::fromJson(event.details.toUtf8());
            if (details.isObject() && !details.object().isEmpty())
                object.insert(QStringLiteral("details"), details.object());
            eventArray.append(object);
        }
    }
    QJsonObject report{{QStringLiteral("verification"), verification},
                       {QStringLiteral("audit_events"), eventArray}};
    if (!events)
        report.insert(QStringLiteral("audit_error"), events.errorMessage());
    show(m_auditHighlighter, QJsonDocument(report).toJson(QJsonDocument::Indented));
}

} // namespace holdfast::desktop
