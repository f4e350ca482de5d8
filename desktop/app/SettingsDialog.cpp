#include "app/SettingsDialog.h"

#include "app/Theme.h"
#include "app/Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace holdfast::desktop {

int SettingsDialog::idleLockMinutes()
{
    bool ok = false;
    const int minutes = QSettings().value(idleLockKey(), kDefaultIdleLockMinutes).toInt(&ok);
    return ok ? std::clamp(minutes, 0, 24 * 60) : kDefaultIdleLockMinutes;
}

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
    , m_idleLock(new QSpinBox(this))
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    const QSettings settings;

    m_idleLock->setObjectName(QStringLiteral("idleLockMinutes"));
    m_idleLock->setAccessibleName(tr("Lock after idle minutes"));
    m_idleLock->setRange(0, 24 * 60);
    m_idleLock->setSuffix(tr(" min"));
    m_idleLock->setSpecialValueText(tr("Never"));
    m_idleLock->setValue(idleLockMinutes());

    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Русский"), QStringLiteral("ru"));
    m_language->setCurrentIndex(
        std::max(0, m_language->findData(settings.value(Translations::settingsKey()).toString())));

    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("System"), Theme::name(Theme::Kind::System));
    m_theme->addItem(tr("Light"), Theme::name(Theme::Kind::Light));
    m_theme->addItem(tr("Dark"), Theme::name(Theme::Kind::Dark));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(Theme::name(Theme::configured()))));

    auto* form = new QFormLayout;
    form->addRow(tr("&Lock when idle for:"), m_idleLock);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Theme:"), m_theme);
    auto* note = new QLabel(tr("A new language takes effect when Holdfast starts again."), this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    QSettings settings;
    settings.setValue(idleLockKey(), m_idleLock->value());
    settings.setValue(Translations::settingsKey(), m_language->currentData().toString());
    settings.setValue(Theme::settingsKey(), m_theme->currentData().toString());
    Theme::apply(Theme::fromName(m_theme->currentData().toString()));
    QDialog::accept();
}

} // namespace holdfast::desktop
