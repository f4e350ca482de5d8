#include "app/UnlockPage.h"

#include "app/PassphraseStrength.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <algorithm>

namespace holdfast::desktop {

namespace {
const auto kLastCacheKey = QStringLiteral("cache/lastDirectory");
const auto kRoleKey = QStringLiteral("cache/role");

QString currentUser()
{
    const QString user = QProcessEnvironment::systemEnvironment().value(QStringLiteral("USER"));
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}
} // namespace

UnlockPage::UnlockPage(bool forceReadOnly, QWidget* parent)
    : QWidget(parent)
    , m_forceReadOnly(forceReadOnly)
    , m_heading(new QLabel(this))
    , m_explanation(new QLabel(this))
    , m_directory(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_passphrase(new QLineEdit(this))
    , m_confirmLabel(new QLabel(tr("&Repeat passphrase:"), this))
    , m_confirm(new QLineEdit(this))
    , m_strengthLabel(new QLabel(this))
    , m_strength(new QProgressBar(this))
    , m_role(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_submit(new QPushButton(this))
{
    setObjectName(QStringLiteral("unlockPage"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_explanation->setWordWrap(true);

    m_directory->setObjectName(QStringLiteral("cacheDirectoryEdit"));
    m_directory->setAccessibleName(tr("Cache directory"));
    m_browse->setObjectName(QStringLiteral("browseCacheButton"));
    m_browse->setAccessibleName(tr("Choose the cache directory"));
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setAccessibleName(tr("Passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirm->setObjectName(QStringLiteral("confirmPassphraseEdit"));
    m_confirm->setAccessibleName(tr("Repeat passphrase"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirmLabel->setBuddy(m_confirm);
    m_strength->setObjectName(QStringLiteral("passphraseStrength"));
    m_strength->setAccessibleName(tr("Passphrase strength"));
    m_strength->setRange(0, 120);
    m_strength->setTextVisible(false);
    m_strength->setMaximumHeight(8);
    m_strengthLabel->setObjectName(QStringLiteral("passphraseStrengthLabel"));
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_role->setAccessibleName(tr("Role"));
    m_role->addItem(tr("Compliance officer"), QVariant::fromValue(int(compliance::Role::Officer)));
    m_role->addItem(tr("Legal team"), QVariant::fromValue(int(compliance::Role::Legal)));
    m_role->addItem(tr("Auditor (read-only)"), QVariant::fromValue(int(compliance::Role::Auditor)));
    const compliance::Role savedRole =
        compliance::roleFromName(QSettings().value(kRoleKey, QStringLiteral("officer")).toString());
    if (const int index = m_role->findData(int(savedRole)); index >= 0)
        m_role->setCurrentIndex(index);
    m_error->setObjectName(QStringLiteral("unlockError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    m_error->setAccessibleName(tr("Error"));
    m_error->hide();
    m_busy->setObjectName(QStringLiteral("unlockBusy"));
    m_busy->setAccessibleName(tr("Deriving the key"));
    m_busy->setRange(0, 0);
    m_busy->hide();
    m_submit->setObjectName(QStringLiteral("unlockButton"));
    m_submit->setDefault(true);
    m_submit->setAutoDefault(true);

    auto* directoryRow = new QHBoxLayout;
    directoryRow->addWidget(m_directory, 1);
    directoryRow->addWidget(m_browse);
    auto* form = new QFormLayout;
    auto* directoryLabel = new QLabel(tr("&Cache:"), this);
    directoryLabel->setBuddy(m_directory);
    form->addRow(directoryLabel, directoryRow);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    form->addRow(m_confirmLabel, m_confirm);
    form->addRow(m_strengthLabel, m_strength);
    form->addRow(tr("R&ole:"), m_role);

    auto* box = new QWidget(this);
    box->setMinimumWidth(480);
    box->setMaximumWidth(600);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(m_heading);
    boxLayout->addWidget(m_explanation);
    boxLayout->addLayout(form);
    boxLayout->addWidget(m_error);
    boxLayout->addWidget(m_busy);
    boxLayout->addWidget(m_submit, 0, Qt::AlignRight);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(box, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    connect(m_directory, &QLineEdit::textChanged, this, &UnlockPage::updateMode);
    connect(m_browse, &QPushButton::clicked, this, &UnlockPage::chooseDirectory);
    connect(m_passphrase, &QLineEdit::textChanged, this, &UnlockPage::updateStrength);
    connect(m_confirm, &QLineEdit::textChanged, this, &UnlockPage::updateStrength);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &UnlockPage::submit);
    connect(m_confirm, &QLineEdit::returnPressed, this, &UnlockPage::submit);
    connect(m_submit, &QPushButton::clicked, this, &UnlockPage::submit);

    if (m_forceReadOnly) {
        m_role->setCurrentIndex(m_role->findData(int(compliance::Role::Auditor)));
        m_role->setEnabled(false);
    }
    setCacheDirectory(QSettings().value(kLastCacheKey, defaultCacheDirectory()).toString());
}

UnlockPage::~UnlockPage()
{
    if (m_thread)
        m_thread->wait();
}

QString UnlockPage::defaultCacheDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/cache");
}

void UnlockPage::setCacheDirectory(const QString& directory)
{
    m_directory->setText(QDir::toNativeSeparators(directory));
    updateMode();
}

QString UnlockPage::cacheDirectory() const
{
    return QDir::cleanPath(QDir::fromNativeSeparators(m_directory->text().trimmed()));
}

QString UnlockPage::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void UnlockPage::reset()
{
    m_passphrase->clear();
    m_confirm->clear();
    m_error->hide();
    m_passphrase->setFocus(Qt::OtherFocusReason);
}

void UnlockPage::updateMode()
{
    const QString directory = cacheDirectory();
    const bool exists = !directory.isEmpty() && QFileInfo::exists(Workspace::keyFilePath(directory));
    m_mode = exists ? Mode::Unlock : Mode::Create;
    const bool create = m_mode == Mode::Create;
    m_heading->setText(create ? tr("Create an encrypted cache") : tr("Unlock the cache"));
    m_explanation->setText(
        create ? tr("Recordings are kept in an encrypted cache on this computer. Choose where it lives and "
                    "a passphrase. The passphrase cannot be recovered: without it the cache cannot be read.")
               : tr("Enter the passphrase of this cache. Nothing is readable until it is unlocked."));
    m_submit->setText(create ? tr("&Create Cache") : tr("&Unlock"));
    m_submit->setAccessibleName(create ? tr("Create the cache") : tr("Unlock the cache"));
    m_confirmLabel->setVisible(create);
    m_confirm->setVisible(create);
    m_strengthLabel->setVisible(create);
    m_strength->setVisible(create);
    if (m_forceReadOnly && create) {
        m_error->setText(tr("There is no cache at %1, and a read-only session cannot create one.")
                             .arg(QDir::toNativeSeparators(directory)));
        m_error->show();
    } else {
        m_error->hide();
    }
    updateStrength();
}

void UnlockPage::updateStrength()
{
    if (m_mode != Mode::Create) {
        m_submit->setEnabled(!m_passphrase->text().isEmpty() && !isBusy());
        return;
    }
    const PassphraseStrength strength = PassphraseStrength::of(m_passphrase->text());
    m_strength->setValue(std::min(120, int(strength.bits)));
    m_strengthLabel->setText(tr("Strength: %1").arg(PassphraseStrength::levelName(strength.level)));
    QString colour = QStringLiteral("#c62828");
    if (strength.level == PassphraseStrength::Level::Fair)
        colour = QStringLiteral("#f9a825");
    else if (strength.level >= PassphraseStrength::Level::Strong)
        colour = QStringLiteral("#2e7d32");
    m_strength->setStyleSheet(QStringLiteral("QProgressBar::chunk { background: %1; }").arg(colour));
    const bool matches = m_passphrase->text() == m_confirm->text();
    m_strength->setToolTip(strength.acceptable()
                               ? QString()
                               : tr("Use a longer passphrase, e.g. four or more unrelated words."));
    m_submit->setEnabled(strength.acceptable() && matches && !m_forceReadOnly && !isBusy());
}

void UnlockPage::chooseDirectory()
{
    const QString directory =
        QFileDialog::getExistingDirectory(this, tr("Choose the cache directory"), cacheDirectory());
    if (!directory.isEmpty())
        setCacheDirectory(directory);
}

void UnlockPage::submit()
{
    if (isBusy() || !m_submit->isEnabled())
        return;
    const QString directory = cacheDirectory();
    WorkspaceIdentity identity;
    identity.actor = currentUser();
    identity.role = compliance::Role(m_role->currentData().toInt());
    identity.readOnly = m_forceReadOnly || identity.role == compliance::Role::Auditor;
    const bool create = m_mode == Mode::Create;
    QString passphrase = m_passphrase->text();
    m_passphrase->clear();
    m_confirm->clear();
    m_error->hide();
    m_busy->show();
    m_submit->setEnabled(false);
    m_heading->setText(create ? tr("Creating the cache…") : tr("Unlocking…"));
    m_thread.reset(QThread::create([this, directory, passphrase, identity, create]() mutable {
        auto result = create ? Workspace::create(directory, passphrase, identity)
                             : Workspace::open(directory, passphrase, identity);
        passphrase.fill(QLatin1Char('\0'));
        // The destructor waits for this thread, so `this` outlives the call;
        // the queued call is dropped if the page is deleted first.
        auto shared = std::make_shared<Result<std::unique_ptr<Workspace>>>(std::move(result));
        QMetaObject::invokeMethod(
            this, [this, shared] { finish(std::move(*shared)); }, Qt::QueuedConnection);
    }));
    m_thread->start();
    QSettings settings;
    settings.setValue(kLastCacheKey, directory);
    settings.setValue(kRoleKey, compliance::roleName(identity.role));
}

void UnlockPage::finish(Result<std::unique_ptr<Workspace>> result)
{
    m_thread->wait();
    m_thread.reset();
    m_busy->hide();
    updateMode();
    if (!result) {
        const QString message = result.errorMessage();
        m_error->setText(message == QLatin1String("wrong passphrase")
                             ? tr("Wrong passphrase. Try again.")
                             : tr("Could not open the cache: %1").arg(message));
        m_error->show();
        m_passphrase->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_workspace = std::move(result).value();
    Q_EMIT workspaceOpened();
}

} // namespace holdfast::desktop
