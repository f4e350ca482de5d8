#pragma once

// Internal to core/model: a minimal pretty-printing JSON writer that keeps
// keys in the order written (QJsonObject sorts them) and always produces the
// same bytes for the same calls, which is what a signed manifest needs.

#include <QByteArray>
#include <QList>
#include <QStringView>
#include <QtGlobal>

namespace holdfast::model::detail {

class JsonWriter
{
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    void key(const char* name); // followed by exactly one value or container
    void value(QStringView text);
    void value(qint64 number);
    void value(double number); // shortest form that reads back to the same double

    // The document with a trailing newline.
    QByteArray finish();

private:
    void beginValue();
    void open(char bracket);
    void close(char bracket);
    void writeString(QStringView text);

    struct Frame
    {
        qsizetype count = 0;
    };

    QByteArray m_out;
    QList<Frame> m_frames;
    bool m_afterKey = false;
};

} // namespace holdfast::model::detail
