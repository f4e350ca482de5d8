#include "model/JsonWriter.h"

#include <QLocale>
#include <QString>
#include <cmath>

namespace holdfast::model::detail {

namespace {
constexpr int kIndent = 2;
}

void JsonWriter::beginValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_frames.isEmpty())
        return;
    Frame& frame = m_frames.last();
    if (frame.count > 0)
        m_out += ',';
    m_out += '\n';
    m_out += QByteArray(m_frames.size() * kIndent, ' ');
    ++frame.count;
}

void JsonWriter::open(char bracket)
{
    beginValue();
    m_out += bracket;
    m_frames.append(Frame{});
}

void JsonWriter::close(char bracket)
{
    if (m_frames.isEmpty())
        return;
    const Frame frame = m_frames.takeLast();
    if (frame.count > 0) {
        m_out += '\n';
        m_out += QByteArray(m_frames.size() * kIndent, ' ');
    }
    m_out += bracket;
}

void JsonWriter::beginObject()
{
    open('{');
}

void JsonWriter::endObject()
{
    close('}');
}

void JsonWriter::beginArray()
{
    open('[');
}

void JsonWriter::endArray()
{
    close(']');
}

void JsonWriter::key(const char* name)
{
    beginValue();
    writeString(QString::fromUtf8(name));
    m_out += ": ";
    m_afterKey = true;
}

void JsonWriter::value(QStringView text)
{
    beginValue();
    writeString(text);
}

void JsonWriter::value(qint64 number)
{
    beginValue();
    m_out += QByteArray::number(number);
}

void JsonWriter::value(double number)
{
    beginValue();
    if (!std::isfinite(number)) {
        m_out += "null"; // JSON has no NaN or infinity; validation rejects these first
        return;
    }
    // Shortest representation that reads back to the same double.
    m_out += QString::number(number, 'g', QLocale::FloatingPointShortest).toLatin1();
}

void JsonWriter::writeString(QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    m_out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            if (byte < 0x20) {
                m_out += "\\u00";
                m_out += hex[byte >> 4];
                m_out += hex[byte & 0xf];
            } else {
                m_out += c;
            }
        }
    }
    m_out += '"';
}

QByteArray JsonWriter::finish()
{
    m_out += '\n';
    return std::move(m_out);
}

} // namespace holdfast::model::detail
