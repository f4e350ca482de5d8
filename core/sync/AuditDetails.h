#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <initializer_list>
#include <utility>

namespace holdfast::sync {

// The compact JSON "details" of an audit event.
inline QString auditDetails(std::initializer_list<std::pair<QString, QJsonValue>> fields)
{
    QJsonObject object;
    for (const auto& [key, value] : fields)
        object.insert(key, value);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace holdfast::sync
