#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <memory>

class QSettings;
class QTranslator;

namespace holdfast::desktop {

// Chooses the user-interface language and installs the translators for it:
// Holdfast's own (embedded as :/i18n/holdfast_<lang>.qm) and Qt's qtbase
// (from the system's Qt translations, optional). The choice follows the
// system's UI languages unless the "ui/language" setting names one.
// Number and date formats keep following the system locale on purpose.
class Translations
{
public:
    Translations();
    ~Translations();
    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;

    // Setting holding "" (follow the system), "en", "de" or "ru".
    static QString settingsKey() { return QStringLiteral("ui/language"); }
    // Languages the UI is written in or translated to; English is the source.
    static QStringList supportedLanguages();
    // The language to use: `configured` when supported, else the first of
    // the system's UI languages that is supported, else English.
    static QString languageFor(const QLocale& systemLocale, const QString& configured = {});

    // Reads the setting, removes translators installed before and installs
    // those for the chosen language. Returns the language code.
    QString install(const QSettings& settings, const QLocale& systemLocale = QLocale::system());
    // Same with the application's default QSettings.
    QString install();

    QString language() const { return m_language; }
    // False when Qt's own translation for the language is not installed
    // (Debian: qt6-translations-l10n); standard dialogs then stay English.
    bool hasQtTranslation() const { return m_qtTranslator != nullptr; }

private:
    void uninstall();

    QString m_language;
    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};

} // namespace holdfast::desktop
