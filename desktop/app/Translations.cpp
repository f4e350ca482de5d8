#include "app/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace holdfast::desktop {

namespace {

const QString sourceLanguage = QStringLiteral("en");

bool isSupported(const QString& language)
{
    return Translations::supportedLanguages().contains(language);
}

} // namespace

Translations::Translations() = default;

Translations::~Translations()
{
    uninstall();
}

QStringList Translations::supportedLanguages()
{
    return {sourceLanguage, QStringLiteral("de"), QStringLiteral("ru")};
}

QString Translations::languageFor(const QLocale& systemLocale, const QString& configured)
{
    if (isSupported(configured))
        return configured;
    // uiLanguages() is ordered by preference and, for the system locale,
    // honours $LANGUAGE (e.g. "de:en"), so the first supported one wins.
    const QStringList uiLanguages = systemLocale.uiLanguages();
    for (const QString& tag : uiLanguages) {
        const QString language = QLocale::languageToCode(QLocale(tag).language());
        if (isSupported(language))
            return language;
    }
    return sourceLanguage;
}

QString Translations::install(const QSettings& settings, const QLocale& systemLocale)
{
    const QString configured = settings.value(settingsKey()).toString().trimmed();
    if (!configured.isEmpty() && !isSupported(configured))
        qWarning("Translations: ignoring unsupported %s=\"%s\"", qPrintable(settingsKey()),
                 qPrintable(configured));

    uninstall();
    m_language = languageFor(systemLocale, configured);
    if (m_language == sourceLanguage)
        return m_language;

    auto app = std::make_unique<QTranslator>();
    if (app->load(QStringLiteral("holdfast_") + m_language, QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(app.get());
        m_appTranslator = std::move(app);
    } else {
        // The .qm files are embedded at build time, so this is a build defect.
        qWarning("Translations: :/i18n/holdfast_%s.qm is missing", qPrintable(m_language));
    }

    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(m_language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qtTranslator = std::move(qt);
    }
    return m_language;
}

QString Translations::install()
{
    const QSettings settings;
    return install(settings);
}

void Translations::uninstall()
{
    // Removing is safe without an application object: it then does nothing.
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_appTranslator.reset();
    m_qtTranslator.reset();
}

} // namespace holdfast::desktop
