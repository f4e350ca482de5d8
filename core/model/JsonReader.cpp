#include "model/JsonReader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>
#include <QSet>
#include <vector>

namespace holdfast::model::detail {

namespace {

QString describeType(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// One open container while scanning for duplicate keys.
struct ScanLevel
{
    bool isObject = false;
    QSet<QString> keys;
    QString currentKey;
    qsizetype index = 0;
};

QString scanPath(const std::vector<ScanLevel>& stack, const QString& lastKey)
{
    QString path;
    for (size_t i = 0; i + 1 < stack.size(); ++i) {
        if (stack[i].isObject)
            path = JsonReader::join(path, stack[i].currentKey.toUtf8().constData());
        else
            path = JsonReader::index(path, stack[i].index);
    }
    return JsonReader::join(path, lastKey.toUtf8().constData());
}

// Runs on text QJsonDocument has already accepted, so the structure is valid
// JSON and only strings need care. Returns the path of the first duplicate key.
std::optional<QString> findDuplicateKey(const QByteArray& json)
{
    std::vector<ScanLevel> stack;
    const qsizetype size = json.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = json.at(i);
        if (c == '"') {
            qsizetype end = i + 1;
            bool escaped = false;
            while (end < size && json.at(end) != '"') {
                if (json.at(end) == '\\') {
                    escaped = true;
                    ++end; // skip the escaped character
                }
                ++end;
            }
            if (end >= size)
                return std::nullopt; // cannot happen on valid JSON
            qsizetype next = end + 1;
            while (next < size && isJsonSpace(json.at(next)))
                ++next;
            const bool isKey = !stack.empty() && stack.back().isObject && next < size && json.at(next) == ':';
            if (isKey) {
                const QByteArray raw = json.mid(i, end - i + 1);
                QString key;
                if (escaped) {
                    const QJsonDocument decoded = QJsonDocument::fromJson("[" + raw + "]");
                    key = decoded.array().at(0).toString();
                } else {
                    key = QString::fromUtf8(raw.mid(1, raw.size() - 2));
                }
                ScanLevel& level = stack.back();
                if (level.keys.contains(key))
                    return scanPath(stack, key);
                level.keys.insert(key);
                level.currentKey = key;
            }
            i = end;
        } else if (c == '{' || c == '[') {
            ScanLevel level;
            level.isObject = c == '{';
            stack.push_back(std::move(level));
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',') {
            if (!stack.empty() && !stack.back().isObject)
                ++stack.back().index;
        }
    }
    return std::nullopt;
}

} // namespace

JsonReader::JsonReader(QString fileName)
    : m_fileName(std::move(fileName))
{}

std::optional<QJsonObject> JsonReader::parseDocument(const QByteArray& json, qint64 maxBytes)
{
    if (json.size() > maxBytes) {
        m_error = makeError(QStringLiteral("%1: document is %2 bytes, more than the limit of %3 bytes")
                                .arg(m_fileName)
                                .arg(json.size())
                                .arg(maxBytes));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        m_error = makeError(QStringLiteral("%1: not valid JSON at offset %2: %3")
                                .arg(m_fileName)
                                .arg(parseError.offset)
                                .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        m_error = makeError(QStringLiteral("%1: expected a JSON object at the top level").arg(m_fileName));
        return std::nullopt;
    }
    // A signed document must mean the same to every reader; parsers disagree on
    // which of two equal keys wins, so refuse the ambiguity.
    if (const auto duplicate = findDuplicateKey(json)) {
        fail(*duplicate, QStringLiteral("duplicate key"));
        return std::nullopt;
    }
    return document.object();
}

Error JsonReader::error() const
{
    return m_error ? *m_error : makeError(QStringLiteral("%1: unknown error").arg(m_fileName));
}

bool JsonReader::fail(const QString& path, const QString& problem)
{
    if (!m_error) {
        m_error = makeError(path.isEmpty() ? QStringLiteral("%1: %2").arg(m_fileName, problem)
                                           : QStringLiteral("%1: %2: %3").arg(m_fileName, path, problem));
    }
    return false;
}

bool JsonReader::lookup(const QJsonObject& object, const QString& path, const char* key, Presence presence,
                        QJsonValue& out)
{
    if (failed())
        return false;
    const auto it = object.constFind(QLatin1StringView(key));
    if (it == object.constEnd()) {
        if (presence == Presence::Required)
            return fail(path, QStringLiteral("missing"));
        return false;
    }
    out = it.value();
    return true;
}

bool JsonReader::readString(const QJsonObject& object, const QString& parentPath, const char* key,
                            QString& out, Presence presence)
{
    const QString path = join(parentPath, key);
    QJsonValue value;
    if (!lookup(object, path, key, presence, value))
        return !failed();
    if (!value.isString())
        return fail(path, QStringLiteral("expected a string, found %1").arg(describeType(value)));
    out = value.toString();
    return true;
}

bool JsonReader::readInteger(const QJsonObject& object, const QString& parentPath, const char* key,
                             qint64& out, Presence presence)
{
    const QString path = join(parentPath, key);
    QJsonValue value;
    if (!lookup(object, path, key, presence, value))
        return !failed();
    if (!value.isDouble())
        return fail(path, QStringLiteral("expected an integer, found %1").arg(describeType(value)));
    // toInteger() returns the default for fractions and values outside qint64;
    // two different defaults tell that apart from a genuine 0 or 1.
    const qint64 asZero = value.toInteger(0);
    const qint64 asOne = value.toInteger(1);
    if (asZero != asOne)
        return fail(path, QStringLiteral("expected an integer, found %1")
                              .arg(QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest)));
    out = asZero;
    return true;
}

bool JsonReader::readNumber(const QJsonObject& object, const QString& parentPath, const char* key,
                            double& out, Presence presence)
{
    const QString path = join(parentPath, key);
    QJsonValue value;
    if (!lookup(object, path, key, presence, value))
        return !failed();
    if (!value.isDouble())
        return fail(path, QStringLiteral("expected a number, found %1").arg(describeType(value)));
    out = value.toDouble();
    return true;
}

bool JsonReader::readArray(const QJsonObject& object, const QString& parentPath, const char* key,
                           QJsonArray& out, qsizetype maxCount, Presence presence)
{
    const QString path = join(parentPath, key);
    QJsonValue value;
    if (!lookup(object, path, key, presence, value))
        return !failed();
    if (!value.isArray())
        return fail(path, QStringLiteral("expected an array, found %1").arg(describeType(value)));
    out = value.toArray();
    if (out.size() > maxCount) {
        return fail(path,
                    QStringLiteral("%1 entries, more than the limit of %2").arg(out.size()).arg(maxCount));
    }
    return true;
}

bool JsonReader::readObject(const QJsonValue& value, const QString& path, QJsonObject& out)
{
    if (failed())
        return false;
    if (!value.isObject())
        return fail(path, QStringLiteral("expected an object, found %1").arg(describeType(value)));
    out = value.toObject();
    return true;
}

QString quotedForMessage(QStringView value)
{
    constexpr qsizetype kMaxShown = 64;
    QString out = QStringLiteral("\"");
    for (qsizetype i = 0; i < value.size() && i < kMaxShown; ++i) {
        const QChar c = value.at(i);
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (value.size() > kMaxShown)
        out += QStringLiteral("…");
    out += QLatin1Char('"');
    return out;
}

QString JsonReader::join(const QString& parentPath, const char* key)
{
    const QString name = QString::fromUtf8(key);
    return parentPath.isEmpty() ? name : parentPath + QLatin1Char('.') + name;
}

QString JsonReader::index(const QString& arrayPath, qsizetype i)
{
    return arrayPath + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

} // namespace holdfast::model::detail
