#pragma once

// Small helpers shared by the cache tests (tst_workspace, tst_cache_at_rest,
// tst_import_crash, tst_cache_cli). Header-only: each test is one binary.

#include "TestSupport.h"
#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace holdfast::test {

inline constexpr auto kTestPassphrase = "correct horse battery staple";

// Test-only: cheap Argon2id parameters for every cache these tests create
// (Argon2idParams::defaults() reads it; the CLI inherits it). Never for a real cache.
inline void useFastKdf()
{
    qputenv("HOLDFAST_TEST_FAST_KDF", "1");
}

inline WorkspaceIdentity identity(compliance::Role role = compliance::Role::Officer, bool readOnly = false,
                                  const QString& actor = QStringLiteral("tester"))
{
    return WorkspaceIdentity{actor, role, readOnly};
}

// Relative path -> SHA-256 of every file under dir (hidden ones included),
// so that a changed, added or removed file shows as a difference.
inline QMap<QString, QByteArray> hashTree(const QString& dir)
{
    QMap<QString, QByteArray> hashes;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QByteArray hash = "unreadable";
        if (file.open(QIODevice::ReadOnly)) {
            QCryptographicHash sha(QCryptographicHash::Sha256);
            sha.addData(&file);
            hash = sha.result().toHex();
        }
        hashes.insert(QDir(dir).relativeFilePath(path), hash);
    }
    return hashes;
}

inline QStringList filesUnder(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

// Package directories of a folder vault, sorted.
inline QStringList packageDirectories(const QString& vault)
{
    QStringList dirs;
    QDirIterator it(vault + QStringLiteral("/recordings"), {QStringLiteral("manifest.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        dirs << QFileInfo(it.next()).absolutePath();
    dirs.sort();
    return dirs;
}

inline QJsonObject readJsonObject(const QString& path)
{
    return QJsonDocument::fromJson(readFile(path)).object();
}

// Media files (package-relative paths) listed by a package's manifest.
inline QStringList mediaFiles(const QString& packageDir)
{
    QStringList paths;
    const QJsonArray files = readJsonObject(packageDir + QStringLiteral("/manifest.json"))
                                 .value(QStringLiteral("files"))
                                 .toArray();
    for (const QJsonValue& f : files) {
        const QString path = f.toObject().value(QStringLiteral("path")).toString();
        if (path != QLatin1String("transcript.json"))
            paths << path;
    }
    return paths;
}

struct SegmentText
{
    QString recordingId;
    QString speaker;
    qint64 start_ms = 0;
    QString text;
};

inline QList<SegmentText> transcriptSegments(const QString& packageDir)
{
    QList<SegmentText> segments;
    const QString id = readJsonObject(packageDir + QStringLiteral("/manifest.json"))
                           .value(QStringLiteral("id"))
                           .toString()
                           .remove(QLatin1Char('{'))
                           .remove(QLatin1Char('}'));
    const QJsonArray array = readJsonObject(packageDir + QStringLiteral("/transcript.json"))
                                 .value(QStringLiteral("segments"))
                                 .toArray();
    for (const QJsonValue& value : array) {
        const QJsonObject s = value.toObject();
        segments.append({id, s.value(QStringLiteral("speaker")).toString(),
                         qint64(s.value(QStringLiteral("start_ms")).toDouble()),
                         s.value(QStringLiteral("text")).toString()});
    }
    return segments;
}

// Runs of three consecutive words of text made of letters and digits only,
// verbatim (so they are also the plaintext bytes a leak would contain).
inline QStringList threeWordPhrases(const QString& text)
{
    static const QRegularExpression alnum(QStringLiteral("^[A-Za-z0-9]+$"));
    const QStringList tokens = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList phrases;
    for (qsizetype i = 0; i + 2 < tokens.size(); ++i) {
        if (alnum.match(tokens[i]).hasMatch() && alnum.match(tokens[i + 1]).hasMatch() &&
            alnum.match(tokens[i + 2]).hasMatch())
            phrases << tokens.mid(i, 3).join(QLatin1Char(' '));
    }
    return phrases;
}

inline QByteArray sha256Hex(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

inline void flipByte(const QString& path, qint64 offset)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        qFatal("cannot open %s", qPrintable(path));
    file.seek(offset);
    char c = 0;
    file.getChar(&c);
    file.seek(offset);
    file.putChar(char(c ^ 0x5a));
}

} // namespace holdfast::test
