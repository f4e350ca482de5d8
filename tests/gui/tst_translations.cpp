// Every shipped translation is complete and current, the embedded .qm files
// match their .ts sources, Translations picks the language it should, and
// the reasons the core gives for refusing a package follow it.
#include "TestSupport.h"
#include "app/DisplayNames.h"
#include "app/Translations.h"
#include "capture/PackageVerifier.h"
#include "sync/SyncTypes.h"
#include "vault/VaultFactory.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUrl>
#include <QXmlStreamReader>
#include <memory>

using holdfast::desktop::Translations;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString translationType; // "", "unfinished", "obsolete" or "vanished"
    QStringList forms;       // one entry, or one per plural form when numerus
    qint64 line = 0;
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

QString translationsDirectory()
{
    return qEnvironmentVariable("HOLDFAST_SOURCE_DIR") + QStringLiteral("/translations");
}

QStringList tsFiles()
{
    const QDir dir(translationsDirectory());
    QStringList paths;
    const QStringList names = dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
    for (const QString& name : names)
        paths << dir.filePath(name);
    return paths;
}

TsFile parseTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage{};
            message.context = context;
            message.line = xml.lineNumber();
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.translationType = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        message.forms << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.forms << xml.readElementText();
            }
            // <translation> is the last child of <message> that matters here.
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

// Plural forms Qt Linguist uses per language (see QTranslator's numerus rules).
int pluralFormCount(const QString& language)
{
    if (language.startsWith(QLatin1String("ru")))
        return 3;
    return 2;
}

// A count that selects each plural form in turn: German one/other, Russian one/few/many.
QList<int> countsPerForm(const QString& language)
{
    if (language.startsWith(QLatin1String("ru")))
        return {1, 2, 5};
    return {1, 2};
}

QString describe(const QString& path, const TsMessage& message)
{
    return QStringLiteral("%1:%2: [%3] \"%4\"")
        .arg(QFileInfo(path).fileName())
        .arg(message.line)
        .arg(message.context, message.source);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Keep the Translations::install() default QSettings away from the user's.
        QCoreApplication::setOrganizationName(QStringLiteral("holdfast-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    }

    void everyLanguageHasATsFile()
    {
        const QStringList paths = tsFiles();
        QStringList expected;
        for (const QString& language : Translations::supportedLanguages()) {
            if (language != QLatin1String("en"))
                expected << QStringLiteral("holdfast_%1.ts").arg(language);
        }
        QStringList found;
        for (const QString& path : paths)
            found << QFileInfo(path).fileName();
        expected.sort();
        QCOMPARE(found, expected);
    }

    void tsFileIsComplete_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString& path : tsFiles())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }

    void tsFileIsComplete()
    {
        QFETCH(QString, path);
        const TsFile ts = parseTs(path);
        QVERIFY2(ts.error.isEmpty(), qPrintable(path + QStringLiteral(": ") + ts.error));
        const QString expectedLanguage = QFileInfo(path).completeBaseName().section(QLatin1Char('_'), 1);
        QVERIFY2(ts.language.startsWith(expectedLanguage),
                 qPrintable(QStringLiteral("%1: language=\"%2\"").arg(path, ts.language)));
        QVERIFY2(!ts.messages.isEmpty(), qPrintable(path + QStringLiteral(": no messages")));

        QStringList problems;
        for (const TsMessage& message : ts.messages) {
            const QString where = describe(path, message);
            if (!message.translationType.isEmpty()) {
                problems << QStringLiteral("%1 is %2").arg(where, message.translationType);
                continue;
            }
            if (message.numerus && message.forms.size() != pluralFormCount(ts.language)) {
                problems << QStringLiteral("%1 has %2 plural forms, expected %3")
                                .arg(where)
                                .arg(message.forms.size())
                                .arg(pluralFormCount(ts.language));
            }
            for (const QString& form : message.forms) {
                if (form.trimmed().isEmpty())
                    problems << QStringLiteral("%1 has an empty translation").arg(where);
            }
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("\n") + problems.join(QLatin1Char('\n')) +
                            QStringLiteral("\nRun `cmake --build <build> --target update_translations`, then "
                                           "translate; see translations/README.md.")));
    }

    // The .qm files in :/i18n are built from the .ts files and say the same.
    void embeddedQmMatchesTs_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString& path : tsFiles())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }

    void embeddedQmMatchesTs()
    {
        QFETCH(QString, path);
        const TsFile ts = parseTs(path);
        const QString qm = QStringLiteral(":/i18n/%1.qm").arg(QFileInfo(path).completeBaseName());
        QTranslator translator;
        QVERIFY2(translator.load(qm), qPrintable(qm + QStringLiteral(" is not embedded")));

        QStringList problems;
        for (const TsMessage& message : ts.messages) {
            const QByteArray context = message.context.toUtf8();
            const QByteArray source = message.source.toUtf8();
            const QByteArray comment = message.comment.toUtf8();
            const char* disambiguation = message.comment.isEmpty() ? nullptr : comment.constData();
            if (message.numerus) {
                const QList<int> counts = countsPerForm(ts.language);
                for (qsizetype form = 0; form < counts.size() && form < message.forms.size(); ++form) {
                    const QString got = translator.translate(context.constData(), source.constData(),
                                                             disambiguation, counts.at(form));
                    if (got != message.forms.at(form))
                        problems << QStringLiteral("%1 n=%2: \"%3\"")
                                        .arg(describe(path, message))
                                        .arg(counts.at(form))
                                        .arg(got);
                }
            } else {
                const QString got =
                    translator.translate(context.constData(), source.constData(), disambiguation);
                if (got != message.forms.value(0))
                    problems << QStringLiteral("%1: \"%2\"").arg(describe(path, message), got);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("\n") + problems.join(QLatin1Char('\n'))));
    }

    void germanMenuIsTranslated()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/holdfast_de.qm")));
        QCOMPARE(translator.translate("holdfast::desktop::MainWindow", "&File"), QStringLiteral("&Datei"));
    }

    void picksLanguageFromLocale_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QString>("expected");
        QTest::newRow("de_DE") << "de_DE"
                               << ""
                               << "de";
        QTest::newRow("de_AT") << "de_AT"
                               << ""
                               << "de";
        QTest::newRow("ru_RU") << "ru_RU"
                               << ""
                               << "ru";
        QTest::newRow("en_GB") << "en_GB"
                               << ""
                               << "en";
        QTest::newRow("fr_FR falls back") << "fr_FR"
                                          << ""
                                          << "en";
        QTest::newRow("C falls back") << "C"
                                      << ""
                                      << "en";
        QTest::newRow("override ru") << "de_DE"
                                     << "ru"
                                     << "ru";
        QTest::newRow("override en") << "de_DE"
                                     << "en"
                                     << "en";
        QTest::newRow("unsupported override ignored") << "de_DE"
                                                      << "xx"
                                                      << "de";
    }

    void picksLanguageFromLocale()
    {
        QFETCH(QString, locale);
        QFETCH(QString, configured);
        QFETCH(QString, expected);
        QCOMPARE(Translations::languageFor(QLocale(locale), configured), expected);
    }

    void installHonoursSetting()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("holdfast.ini")), QSettings::IniFormat);
        const QString file = QStringLiteral("&File");
        {
            Translations translations;
            settings.setValue(Translations::settingsKey(), QString());
            QCOMPARE(translations.install(settings, QLocale(QStringLiteral("de_DE"))), QStringLiteral("de"));
            QCOMPARE(QCoreApplication::translate("holdfast::desktop::MainWindow", "&File"),
                     QStringLiteral("&Datei"));

            settings.setValue(Translations::settingsKey(), QStringLiteral("ru"));
            QCOMPARE(translations.install(settings, QLocale(QStringLiteral("de_DE"))), QStringLiteral("ru"));
            QCOMPARE(translations.language(), QStringLiteral("ru"));
            QCOMPARE(QCoreApplication::translate("holdfast::desktop::MainWindow", "&File"),
                     QStringLiteral("&Файл"));

            settings.setValue(Translations::settingsKey(), QStringLiteral("en"));
            QCOMPARE(translations.install(settings, QLocale(QStringLiteral("ru_RU"))), QStringLiteral("en"));
            QCOMPARE(QCoreApplication::translate("holdfast::desktop::MainWindow", "&File"), file);
            QVERIFY(!translations.hasQtTranslation());
        }
        // Destroying Translations removes its translators again.
        QCOMPARE(QCoreApplication::translate("holdfast::desktop::MainWindow", "&File"), file);
    }

    // Core's machine names ("screen", "held") reach the UI only through
    // DisplayNames, in the UI language; numbers follow the locale.
    void displayNamesFollowLanguageAndLocale()
    {
        using holdfast::desktop::DisplayNames;
        using holdfast::model::TrackKind;
        QCOMPARE(DisplayNames::trackKind(TrackKind::Screen), QStringLiteral("screen share"));
        QCOMPARE(DisplayNames::holdState(QStringLiteral("held")), QStringLiteral("active"));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("holdfast.ini")), QSettings::IniFormat);
        settings.setValue(Translations::settingsKey(), QStringLiteral("de"));
        Translations translations;
        QCOMPARE(translations.install(settings, QLocale(QStringLiteral("de_DE"))), QStringLiteral("de"));
        QCOMPARE(DisplayNames::trackKind(TrackKind::Audio), QStringLiteral("Audio"));
        QCOMPARE(DisplayNames::trackKind(TrackKind::Screen), QStringLiteral("Bildschirmfreigabe"));
        QCOMPARE(DisplayNames::holdState(QStringLiteral("held")), QStringLiteral("aktiv"));
        // A state this version does not know is shown, not hidden.
        QCOMPARE(DisplayNames::holdState(QStringLiteral("pending-review")), QStringLiteral("pending-review"));

        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(DisplayNames::playbackRate(1.5), QStringLiteral("1,5×"));
        QCOMPARE(DisplayNames::playbackRate(2), QStringLiteral("2×"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(DisplayNames::playbackRate(0.75), QStringLiteral("0.75×"));
        QLocale::setDefault(previous);
    }
    // Why a package was refused reaches the user in the UI language: a real
    // sync of a copy of the demo vault, one track changed after signing and one
    // package without its signature, with German installed. The verifier of a
    // folder package says it in German too, and in English again once the
    // translation is gone (the CLI loads none).
    void refusalReasonsFollowTheLanguage()
    {
        using namespace holdfast;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString vaultDir = dir.filePath(QStringLiteral("vault"));
        QVERIFY(test::copyTree(test::demoVaultPath(), vaultDir));
        QStringList packages;
        QDirIterator it(vaultDir + QStringLiteral("/recordings"), {QStringLiteral("manifest.json")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            packages << QFileInfo(it.next()).absolutePath();
        packages.sort();
        QVERIFY(packages.size() >= 2);
        const QString tamperedId = QFileInfo(packages.at(0)).fileName();
        const QString unsignedId = QFileInfo(packages.at(1)).fileName();
        QFile track(packages.at(0) + QStringLiteral("/media/t1.webm"));
        QVERIFY(track.open(QIODevice::ReadWrite));
        QVERIFY(track.seek(track.size() / 2));
        const char byte = track.peek(1).at(0);
        QVERIFY(track.putChar(char(byte ^ 0x5a)));
        track.close();
        QVERIFY(QFile::remove(packages.at(1) + QStringLiteral("/manifest.json.sig")));

        QSettings settings(dir.filePath(QStringLiteral("holdfast.ini")), QSettings::IniFormat);
        settings.setValue(Translations::settingsKey(), QStringLiteral("de"));
        auto translations = std::make_unique<Translations>();
        QCOMPARE(translations->install(settings, QLocale(QStringLiteral("en_US"))), QStringLiteral("de"));

        auto workspace = Workspace::create(
            dir.filePath(QStringLiteral("cache")), QStringLiteral("a passphrase for the reasons"),
            WorkspaceIdentity{QStringLiteral("tester"), compliance::Role::Officer, false});
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        const QString url = QUrl::fromLocalFile(vaultDir).toString();
        auto vault = vault::openVault(url, {}, {});
        QVERIFY2(vault, qPrintable(vault.errorMessage()));
        auto report = (*workspace)->syncVault(**vault, url, sync::SyncOptions{});
        QVERIFY2(report, qPrintable(report.errorMessage()));
        QMap<QString, QString> reasons;
        for (const sync::SyncedItem& item : report->items)
            if (item.outcome == sync::SyncedItem::Outcome::Quarantined)
                reasons.insert(item.recordingId, item.reason);
        QCOMPARE(reasons.keys(), (QStringList{tamperedId, unsignedId}));
        const QString tampered = reasons.value(tamperedId);
        QVERIFY2(tampered.startsWith(
                     QStringLiteral("Aufzeichnung %1: media/t1.webm: SHA-256 stimmt nicht (erwartet ")
                         .arg(tamperedId)),
                 qPrintable(tampered));
        QCOMPARE(reasons.value(unsignedId),
                 QStringLiteral("Aufzeichnung %1: manifest.json.sig: fehlt").arg(unsignedId));
        // The reason kept with the recording, which the library and the quarantine list show.
        auto detail = (*workspace)->recording(tamperedId);
        QVERIFY2(detail, qPrintable(detail.errorMessage()));
        QVERIFY2(detail->quarantineReason.contains(QStringLiteral("SHA-256 stimmt nicht")),
                 qPrintable(detail->quarantineReason));

        const capture::PackageVerifier verifier(vaultDir + QStringLiteral("/keys"));
        QCOMPARE(verifier.verify(packages.at(1)).summary(), QStringLiteral("manifest.json.sig: fehlt"));
        translations.reset();
        QCOMPARE(verifier.verify(packages.at(1)).summary(), QStringLiteral("manifest.json.sig: missing"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
