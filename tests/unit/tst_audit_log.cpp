#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "cache/Database.h"
#include "cache/DatabaseTransaction.h"
#include "crypto/Sha256.h"

#include <QTemporaryDir>
#include <QTest>

using namespace holdfast;
using namespace holdfast::audit;
using namespace holdfast::cache;

namespace {

constexpr int kEvents = 12;

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Result<std::unique_ptr<Database>> db = Database::open(m_dir->filePath(QStringLiteral("cache.db")),
                                                              QByteArray(32, '\x42'), OpenMode::Create);
        QVERIFY2(db, qPrintable(db.errorMessage()));
        m_db = std::move(db).value();
        AuditLog log(*m_db);
        Result<DatabaseTransaction> tx = DatabaseTransaction::begin(*m_db);
        QVERIFY(tx);
        for (int i = 1; i <= kEvents; ++i) {
            AuditEvent event;
            event.actor = i % 3 ? QStringLiteral("olivia") : QStringLiteral("larry");
            event.role = i % 3 ? QStringLiteral("compliance_officer") : QStringLiteral("legal");
            event.time_ms = 1714550000000LL + i * 1000;
            event.action = i % 2 ? QStringLiteral("recording.view") : QStringLiteral("hold.place");
            event.target = QStringLiteral("rec-%1").arg(i);
            event.details = QStringLiteral("{\"n\":%1,\"note\":\"café\"}").arg(i);
            Result<AuditEvent> appended = log.append(event);
            QVERIFY2(appended, qPrintable(appended.errorMessage()));
            QCOMPARE(appended->seq, i);
        }
        QVERIFY(tx->commit());
    }

    void chainIsValid()
    {
        Result<AuditVerification> v = AuditVerifier(*m_db).verify();
        QVERIFY2(v, qPrintable(v.errorMessage()));
        QVERIFY2(v->ok, qPrintable(v->problem));
        QCOMPARE(v->eventsChecked, kEvents);

        Result<QList<AuditEvent>> events = AuditLog(*m_db).list({}, 100);
        QVERIFY(events);
        QCOMPARE(events->size(), kEvents);
        QCOMPARE(events->first().seq, kEvents); // newest first
        QCOMPARE(events->last().prevHash, QByteArray(kGenesisHash));
        QCOMPARE(events->first().hash, v->headHash);
        // The hash is SHA-256 over the documented canonical form.
        const AuditEvent& first = events->last();
        QCOMPARE(first.hash, crypto::Sha256::hashHex(first.canonicalBytes()));
        QVERIFY(first.canonicalBytes().startsWith("holdfast.audit/1\n1:1\n6:olivia\n"));
    }

    void appendNeedsATransactionAndValidDetails()
    {
        AuditLog log(*m_db);
        AuditEvent event{
            0, QStringLiteral("a"), QStringLiteral("r"), 0, QStringLiteral("x"), QString(), QString(), {},
            {}};
        Result<AuditEvent> r = log.append(event);
        QVERIFY(!r);
        QVERIFY(r.errorMessage().contains(QLatin1String("transaction")));
        Result<DatabaseTransaction> tx = DatabaseTransaction::begin(*m_db);
        QVERIFY(tx);
        event.details = QStringLiteral("not json");
        QVERIFY(!log.append(event));
        event.details.clear();
        r = log.append(event);
        QVERIFY(r);
        QCOMPARE(r->details, QStringLiteral("{}"));
        QVERIFY(r->time_ms > 0);
        tx->rollback();
        QCOMPARE(*log.count(), kEvents); // rolled back with the transaction
    }

    void listFilters()
    {
        AuditLog log(*m_db);
        AuditFilter filter;
        filter.actor = QStringLiteral("larry");
        QCOMPARE(log.list(filter, 100)->size(), 4);
        filter = {};
        filter.action = QStringLiteral("hold.");
        QCOMPARE(log.list(filter, 100)->size(), 6);
        filter.newestFirst = false;
        filter.from_ms = 1714550000000LL + 5000;
        Result<QList<AuditEvent>> events = log.list(filter, 2);
        QCOMPARE(events->size(), 2);
        QCOMPARE(events->at(0).seq, 6);
        QCOMPARE(events->at(1).seq, 8);
    }

    void detectsTampering_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("firstBad");
        QTest::addColumn<QString>("problem");
        QTest::newRow("modify actor")
            << "UPDATE audit_events SET actor = 'mallory' WHERE seq = 5" << qint64(5) << "modified";
        QTest::newRow("modify details")
            << "UPDATE audit_events SET details = '{\"n\":7}' WHERE seq = 7" << qint64(7) << "modified";
        QTest::newRow("modify time") << "UPDATE audit_events SET time_ms = time_ms + 1 WHERE seq = 3"
                                     << qint64(3) << "modified";
        QTest::newRow("delete row") << "DELETE FROM audit_events WHERE seq = 4" << qint64(4) << "deleted";
        QTest::newRow("delete first") << "DELETE FROM audit_events WHERE seq = 1" << qint64(1) << "deleted";
        QTest::newRow("delete last") << "DELETE FROM audit_events WHERE seq = 12" << qint64(12) << "deleted";
        QTest::newRow("forged row appended") << "INSERT INTO audit_events VALUES (13, 'mallory', 'legal', "
                                                "1714550099000, 'hold.release', 'rec-1', "
                                                "'{}', (SELECT hash FROM audit_events WHERE seq = 12), '" +
                                                    QString(64, u'f') + "')"
                                             << qint64(13) << "modified";
        QTest::newRow("forged row inserted") << "UPDATE audit_events SET seq = seq + 1000 WHERE seq >= 6; "
                                                "UPDATE audit_events SET seq = seq - 999 WHERE seq >= 1000; "
                                                "INSERT INTO audit_events VALUES (6, 'mallory', 'legal', "
                                                "1714550005500, 'hold.release', 'rec-1', "
                                                "'{}', (SELECT hash FROM audit_events WHERE seq = 5), '" +
                                                    QString(64, u'0') + "')"
                                             << qint64(6) << "modified";
        QTest::newRow("swap rows") << "UPDATE audit_events SET seq = -1 WHERE seq = 8; UPDATE audit_events "
                                      "SET seq = 8 WHERE seq = 9; "
                                      "UPDATE audit_events SET seq = 9 WHERE seq = -1"
                                   << qint64(8) << "modified";
        QTest::newRow("swap contents")
            << "UPDATE audit_events SET actor = CASE seq WHEN 2 THEN (SELECT actor FROM audit_events WHERE "
               "seq = 10) "
               "ELSE (SELECT actor FROM audit_events WHERE seq = 2) END, "
               "time_ms = CASE seq WHEN 2 THEN (SELECT time_ms FROM audit_events WHERE seq = 10) "
               "ELSE (SELECT time_ms FROM audit_events WHERE seq = 2) END, "
               "target = CASE seq WHEN 2 THEN 'rec-10' ELSE 'rec-2' END, "
               "hash = CASE seq WHEN 2 THEN (SELECT hash FROM audit_events WHERE seq = 10) "
               "ELSE (SELECT hash FROM audit_events WHERE seq = 2) END WHERE seq IN (2, 10)"
            << qint64(2) << "modified";
    }

    void detectsTampering()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, firstBad);
        QFETCH(QString, problem);
        QVERIFY2(m_db->exec(sql, QStringLiteral("tamper")), qPrintable(sql));
        Result<AuditVerification> v = AuditVerifier(*m_db).verify();
        QVERIFY2(v, qPrintable(v.errorMessage()));
        QVERIFY(!v->ok);
        QVERIFY2(v->firstBadSeq == firstBad, qPrintable(v->problem));
        QVERIFY2(v->problem.startsWith(QStringLiteral("seq %1: ").arg(firstBad)), qPrintable(v->problem));
        QVERIFY2(v->problem.contains(problem), qPrintable(v->problem));
    }

    // A forger who recomputes the forged event's hash still breaks the link
    // to the next event (its seq changed, so its own hash no longer matches).
    void detectsAWellFormedForgery()
    {
        AuditEvent forged;
        forged.seq = 6;
        forged.actor = QStringLiteral("mallory");
        forged.role = QStringLiteral("legal");
        forged.time_ms = 1714550005500;
        forged.action = QStringLiteral("hold.release");
        forged.target = QStringLiteral("rec-1");
        forged.details = QStringLiteral("{}");
        forged.prevHash = AuditLog(*m_db).list({}, 100)->at(kEvents - 5).hash; // seq 5
        forged.hash = forged.computeHash();
        QVERIFY(m_db->exec(
            QStringLiteral("UPDATE audit_events SET seq = seq + 1000 WHERE seq >= 6; "
                           "UPDATE audit_events SET seq = seq - 999 WHERE seq >= 1000; "
                           "INSERT INTO audit_events VALUES (6, 'mallory', 'legal', 1714550005500, "
                           "'hold.release', 'rec-1', '{}', '%1', '%2')")
                .arg(QString::fromLatin1(forged.prevHash), QString::fromLatin1(forged.hash)),
            QStringLiteral("forge")));
        Result<AuditVerification> v = AuditVerifier(*m_db).verify();
        QVERIFY(v);
        QVERIFY(!v->ok);
        QCOMPARE(v->firstBadSeq, 7);
        QVERIFY2(v->problem.startsWith(QLatin1String("seq 7: ")), qPrintable(v->problem));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_audit_log.moc"
