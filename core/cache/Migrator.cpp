#include "cache/Migrator.h"

#include "cache/Database.h"
#include "cache/DatabasePrivate.h"
#include "cache/DatabaseTransaction.h"
#include "cache/Statement.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <algorithm>

namespace holdfast::cache {

namespace {

constexpr auto kMigrationsResourceDir = ":/holdfast/cache/migrations";

struct MigrationSet
{
    QList<Migrator::Migration> migrations;
    QString error; // non-empty when the embedded files are inconsistent
};

MigrationSet loadMigrations()
{
    MigrationSet set;
    const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[A-Za-z0-9_]+\\.sql$"));
    const QDir dir(QString::fromLatin1(kMigrationsResourceDir));
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch()) {
            set.error = QStringLiteral("unexpected migration file name %1").arg(name);
            return set;
        }
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            set.error = QStringLiteral("cannot read migration %1").arg(name);
            return set;
        }
        set.migrations.append({match.captured(1).toInt(), name, file.readAll()});
    }
    std::sort(set.migrations.begin(), set.migrations.end(),
              [](const auto& a, const auto& b) { return a.version < b.version; });
    for (qsizetype i = 0; i < set.migrations.size(); ++i) {
        if (set.migrations[i].version != int(i + 1)) {
            set.error = QStringLiteral("migrations are not numbered 1..N: %1 at position %2")
                            .arg(set.migrations[i].name)
                            .arg(i + 1);
            return set;
        }
    }
    if (set.migrations.isEmpty())
        set.error = QStringLiteral("no schema migrations embedded (resource %1 missing)")
                        .arg(QLatin1String(kMigrationsResourceDir));
    return set;
}

const MigrationSet& migrationSet()
{
    static const MigrationSet set = loadMigrations();
    return set;
}

Result<int> readUserVersion(Database& database)
{
    Result<Statement> stmt =
        database.prepare(QStringLiteral("PRAGMA user_version"), QStringLiteral("read schema version"));
    if (!stmt)
        return stmt.error();
    Result<bool> row = stmt->step();
    if (!row)
        return row.error();
    return *row ? int(stmt->columnInt64(0)) : 0;
}

} // namespace

const QList<Migrator::Migration>& Migrator::migrations()
{
    return migrationSet().migrations;
}

int Migrator::latestVersion()
{
    const MigrationSet& set = migrationSet();
    return set.error.isEmpty() ? int(set.migrations.size()) : 0;
}

Status Migrator::migrate(Database& database)
{
    const MigrationSet& set = migrationSet();
    if (!set.error.isEmpty())
        return makeError(QStringLiteral("migrate cache %1: %2").arg(database.path(), set.error));
    if (database.isReadOnly())
        return makeError(
            QStringLiteral("migrate cache %1: the cache is open read-only").arg(database.path()));

    for (const Migration& migration : set.migrations) {
        Result<int> before = readUserVersion(database);
        if (!before)
            return before.error();
        if (*before > int(set.migrations.size()))
            return makeError(QStringLiteral("migrate cache %1: schema version %2 is newer than this Holdfast "
                                            "supports (%3)")
                                 .arg(database.path())
                                 .arg(*before)
                                 .arg(set.migrations.size()));
        if (*before >= migration.version)
            continue;

        Result<DatabaseTransaction> transaction = DatabaseTransaction::begin(database);
        if (!transaction)
            return transaction.error();
        // Re-read under the write lock: another process may have migrated meanwhile.
        Result<int> current = readUserVersion(database);
        if (!current)
            return current.error();
        if (*current >= migration.version)
            continue;
        const QString purpose = QStringLiteral("apply migration %1").arg(migration.name);
        if (Status s = database.exec(QString::fromUtf8(migration.sql), purpose); !s)
            return s;
        if (Status s =
                database.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version), purpose);
            !s)
            return s;
        if (Status s = transaction->commit(); !s)
            return s;
    }
    Result<int> after = readUserVersion(database);
    if (!after)
        return after.error();
    database.handle()->schemaVersion = *after;
    return {};
}

} // namespace holdfast::cache
