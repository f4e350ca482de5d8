#pragma once

// Internal to core/model: path-aware, typed access to a parsed JSON document,
// shared by the manifest and transcript parsers. Not installed, not API.

#include "util/Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <optional>

namespace holdfast::model::detail {

enum class Presence
{
    Required,
    Optional,
};

// Records the first problem found; later reads become no-ops that return
// false, so a parser can read a whole object and check failed() once.
class JsonReader
{
public:
    explicit JsonReader(QString fileName);

    // Size limit, syntax (with the parse error offset), top-level object and
    // duplicate keys, which QJsonDocument would silently collapse.
    std::optional<QJsonObject> parseDocument(const QByteArray& json, qint64 maxBytes);

    bool failed() const { return m_error.has_value(); }
    Error error() const;

    // Records "<file>: <path>: <problem>" unless a problem is already recorded.
    bool fail(const QString& path, const QString& problem);

    // Absent Optional fields leave out untouched and succeed. Required strings
    // may still be empty here: emptiness is a semantic check (validate*).
    bool readString(const QJsonObject& object, const QString& parentPath, const char* key, QString& out,
                    Presence presence = Presence::Required);
    // Integral JSON numbers that fit in qint64 (1.5 and 1e300 are rejected).
    bool readInteger(const QJsonObject& object, const QString& parentPath, const char* key, qint64& out,
                     Presence presence = Presence::Required);
    bool readNumber(const QJsonObject& object, const QString& parentPath, const char* key, double& out,
                    Presence presence = Presence::Required);
    bool readArray(const QJsonObject& object, const QString& parentPath, const char* key, QJsonArray& out,
                   qsizetype maxCount, Presence presence = Presence::Required);
    bool readObject(const QJsonValue& value, const QString& path, QJsonObject& out);

    static QString join(const QString& parentPath, const char* key);
    static QString index(const QString& arrayPath, qsizetype i);

private:
    bool lookup(const QJsonObject& object, const QString& path, const char* key, Presence presence,
                QJsonValue& out);

    QString m_fileName;
    std::optional<Error> m_error;
};

// A value quoted for an error message: control characters escaped and long
// values shortened, so hostile input cannot produce an unreadable message.
QString quotedForMessage(QStringView value);

} // namespace holdfast::model::detail
