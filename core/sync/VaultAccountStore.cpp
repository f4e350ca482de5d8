#include "sync/VaultAccountStore.h"

#include "cache/Database.h"
#include "cache/Statement.h"
#include "cache/StatementMacros.h"

#include <QDateTime>
#include <algorithm>
#include <iterator>

namespace holdfast::sync {

namespace {

QString dateText(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

bool isAutoSyncInterval(int minutes)
{
    return std::find(std::begin(kAutoSyncIntervals_min), std::end(kAutoSyncIntervals_min), minutes) !=
           std::end(kAutoSyncIntervals_min);
}

Status VaultAccountStore::save(const VaultAccount& account)
{
    const QString purpose = QStringLiteral("save vault account \"%1\"").arg(account.name);
    if (!m_database.inTransaction())
        return makeError(QStringLiteral("%1: must run inside a transaction").arg(purpose));
    if (account.name.trimmed().isEmpty())
        return makeError(QStringLiteral("%1: the name is empty").arg(purpose));
    if (!isAutoSyncInterval(account.autoSyncInterval_min))
        return makeError(
            QStringLiteral("%1: automatic sync every %2 minutes is not offered (0, 15, 60, 240 or "
                           "1440)")
                .arg(purpose)
                .arg(account.autoSyncInterval_min));
    auto stmt = m_database.cached(
        "INSERT OR REPLACE INTO vault_accounts (name, url, connection_string, extra_ca_file, media_policy, "
        "scope_from, scope_to, updated_at, auto_sync_min) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        purpose);
    if (!stmt)
        return stmt.error();
    cache::Statement& s = **stmt;
    HOLDFAST_TRY(s.bindText(1, account.name.trimmed()));
    HOLDFAST_TRY(s.bindText(2, account.url));
    HOLDFAST_TRY(s.bindText(3, account.connectionString));
    HOLDFAST_TRY(s.bindText(4, account.extraCaFile));
    HOLDFAST_TRY(s.bindText(5, mediaPolicyName(account.media)));
    HOLDFAST_TRY(s.bindText(6, dateText(account.scope.from)));
    HOLDFAST_TRY(s.bindText(7, dateText(account.scope.to)));
    HOLDFAST_TRY(s.bindInt64(8, QDateTime::currentMSecsSinceEpoch()));
    HOLDFAST_TRY(s.bindInt64(9, account.autoSyncInterval_min));
    return s.exec();
}

Status VaultAccountStore::remove(const QString& name)
{
    const QString purpose = QStringLiteral("remove vault account \"%1\"").arg(name);
    if (!m_database.inTransaction())
        return makeError(QStringLiteral("%1: must run inside a transaction").arg(purpose));
    auto stmt = m_database.cached("DELETE FROM vault_accounts WHERE name = ?1", purpose);
    if (!stmt)
        return stmt.error();
    HOLDFAST_TRY((*stmt)->bindText(1, name));
    HOLDFAST_TRY((*stmt)->exec());
    if (m_database.changes() == 0)
        return makeError(QStringLiteral("no vault account named \"%1\"").arg(name));
    return {};
}

Result<QList<VaultAccount>> VaultAccountStore::all()
{
    auto stmt =
        m_database.cached("SELECT name, url, connection_string, extra_ca_file, media_policy, scope_from, "
                          "scope_to, auto_sync_min FROM vault_accounts ORDER BY name",
                          QStringLiteral("list vault accounts"));
    if (!stmt)
        return stmt.error();
    cache::Statement& s = **stmt;
    QList<VaultAccount> accounts;
    for (;;) {
        Result<bool> row = s.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        VaultAccount account;
        account.name = s.columnText(0);
        account.url = s.columnText(1);
        account.connectionString = s.columnText(2);
        account.extraCaFile = s.columnText(3);
        account.media = mediaPolicyFromName(s.columnText(4)).value_or(MediaPolicy::All);
        account.scope.from = QDate::fromString(s.columnText(5), Qt::ISODate);
        account.scope.to = QDate::fromString(s.columnText(6), Qt::ISODate);
        account.autoSyncInterval_min = int(s.columnInt64(7));
        accounts.append(account);
    }
    return accounts;
}

} // namespace holdfast::sync
