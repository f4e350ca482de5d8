#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace holdfast::desktop {

// Preferences kept in QSettings: idle-lock time, language, theme.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    static QString idleLockKey() { return QStringLiteral("security/idleLockMinutes"); }
    static constexpr int kDefaultIdleLockMinutes = 10;
    static int idleLockMinutes(); // 0: never

    QSpinBox* idleLockSpin() const { return m_idleLock; }
    QComboBox* languageCombo() const { return m_language; }
    QComboBox* themeCombo() const { return m_theme; }

    void accept() override; // saves and applies the theme

private:
    QSpinBox* m_idleLock;
    QComboBox* m_language;
    QComboBox* m_theme;
};

} // namespace holdfast::desktop
