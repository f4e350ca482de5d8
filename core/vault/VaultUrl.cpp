#include "vault/VaultUrl.h"

#include <QDir>
#include <QUrl>

namespace holdfast::vault {

bool isValidContainerName(const QString& name)
{
    if (name.size() < 3 || name.size() > 63)
        return false;
    for (int i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (c == u'-') {
            if (i == 0 || i == name.size() - 1 || name.at(i - 1) == QLatin1Char('-'))
                return false;
        } else if (!alnum) {
            return false;
        }
    }
    return true;
}

VaultResult<VaultUrl> VaultUrl::parse(const QString& text)
{
    const auto bad = [&](const QString& why) {
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("invalid vault URL '%1': %2").arg(text, why));
    };
    VaultUrl result;
    if (text.startsWith(QLatin1String("file://"), Qt::CaseInsensitive)) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || !url.isLocalFile())
            return bad(QStringLiteral("expected file:///absolute/path"));
        if (!url.host().isEmpty() && url.host() != QLatin1String("localhost"))
            return bad(QStringLiteral("remote hosts are not supported, expected file:///absolute/path"));
        const QString path = url.toLocalFile();
        if (path.isEmpty() || !QDir::isAbsolutePath(path))
            return bad(QStringLiteral("expected file:///absolute/path"));
        result.scheme = Scheme::File;
        result.localPath = QDir::cleanPath(path);
        return result;
    }
    if (text.startsWith(QLatin1String("azure://"), Qt::CaseInsensitive)) {
        const QString rest = text.mid(8);
        if (rest.contains(QLatin1Char('?')) || rest.contains(QLatin1Char('#')) ||
            rest.contains(QLatin1Char('@')))
            return bad(QStringLiteral("no query, fragment or credentials allowed; pass credentials "
                                      "in the connection string"));
        const int slash = rest.indexOf(QLatin1Char('/'));
        result.container = slash < 0 ? rest : rest.left(slash);
        if (!isValidContainerName(result.container))
            return bad(QStringLiteral("'%1' is not a valid container name (3-63 of a-z, 0-9 and single '-')")
                           .arg(result.container));
        QString prefix = slash < 0 ? QString() : QUrl::fromPercentEncoding(rest.mid(slash + 1).toUtf8());
        while (prefix.endsWith(QLatin1Char('/')))
            prefix.chop(1);
        if (!prefix.isEmpty()) {
            if (auto valid = validateBlobName(prefix); !valid)
                return bad(QStringLiteral("bad prefix: %1").arg(valid.errorMessage()));
            prefix += QLatin1Char('/');
        }
        result.scheme = Scheme::Azure;
        result.prefix = prefix;
        return result;
    }
    return bad(QStringLiteral("expected file:///path or azure://container[/prefix]"));
}

QString VaultUrl::toString() const
{
    switch (scheme) {
    case Scheme::File:
        return QUrl::fromLocalFile(localPath).toString();
    case Scheme::Azure: {
        QString prefixPart = prefix;
        if (prefixPart.endsWith(QLatin1Char('/')))
            prefixPart.chop(1);
        return QStringLiteral("azure://") + container +
               (prefixPart.isEmpty() ? QString() : u'/' + prefixPart);
    }
    case Scheme::Invalid:
        break;
    }
    return {};
}

} // namespace holdfast::vault
