// FolderVault: the blob-level Vault over a local directory.

#include "vault/FolderVault.h"
#include "vault/VaultFactory.h"
#include "vault/VaultUrl.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <thread>
#include <vector>

using namespace holdfast::vault;

class TestFolderVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listPagesInNameOrder();
    void listWithPrefix();
    void statAndNotFound();
    void readRanges();
    void readToDeviceWithProgress();
    void putConditions();
    void putCreatesDirectoriesAndHidesTempFiles();
    void rejectsUnsafeNames();
    void missingRootIsContainerNotFound();
    void concurrentCreateOnlyOneWins();
    void cancelledRead();
    void vaultUrls();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FolderVault> m_vault;
};

static QByteArray pattern(int bytes, int seed)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        data[i] = char((i * 31 + seed * 7) & 0xff);
    return data;
}

void TestFolderVault::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_vault = std::make_unique<FolderVault>(m_dir->path());
}

void TestFolderVault::listPagesInNameOrder()
{
    for (int i = 0; i < 25; ++i) {
        auto etag =
            m_vault->put(QStringLiteral("recordings/b%1.bin").arg(i, 2, 10, QLatin1Char('0')), pattern(i, i));
        QVERIFY2(etag, qPrintable(etag.errorMessage()));
    }
    QStringList names;
    QString marker;
    int pages = 0;
    do {
        auto page = m_vault->list(QStringLiteral("recordings/"), marker, 10);
        QVERIFY2(page, qPrintable(page.errorMessage()));
        ++pages;
        for (const BlobEntry& entry : page->entries) {
            names.append(entry.name);
            QVERIFY(!entry.etag.isEmpty());
            QVERIFY(entry.lastModified.isValid());
        }
        marker = page->nextMarker;
    } while (!marker.isEmpty());
    QCOMPARE(pages, 3);
    QCOMPARE(names.size(), 25);
    QCOMPARE(names.first(), QStringLiteral("recordings/b00.bin"));
    QCOMPARE(names.last(), QStringLiteral("recordings/b24.bin"));
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
}

void TestFolderVault::listWithPrefix()
{
    QVERIFY(m_vault->put(QStringLiteral("keys/node-a.pem"), "a"));
    QVERIFY(m_vault->put(QStringLiteral("recordings/2024/05/01/x/manifest.json"), "{}"));
    QVERIFY(m_vault->put(QStringLiteral("recordings/2024/05/02/y/manifest.json"), "{}"));
    auto page = m_vault->list(QStringLiteral("recordings/2024/05/01"));
    QVERIFY(page);
    QCOMPARE(page->entries.size(), 1);
    QCOMPARE(page->entries.first().name, QStringLiteral("recordings/2024/05/01/x/manifest.json"));
    QCOMPARE(page->entries.first().bytes, 2);
    auto none = m_vault->list(QStringLiteral("nothing/here/"));
    QVERIFY(none);
    QVERIFY(none->entries.isEmpty());
    auto all = m_vault->list({});
    QVERIFY(all);
    QCOMPARE(all->entries.size(), 3);
}

void TestFolderVault::statAndNotFound()
{
    const QByteArray data = pattern(1000, 1);
    auto etag = m_vault->put(QStringLiteral("a/b.bin"), data);
    QVERIFY(etag);
    auto entry = m_vault->stat(QStringLiteral("a/b.bin"));
    QVERIFY(entry);
    QCOMPARE(entry->bytes, 1000);
    QCOMPARE(entry->etag, *etag);
    auto missing = m_vault->stat(QStringLiteral("a/missing.bin"));
    QVERIFY(!missing);
    QCOMPARE(missing.kind(), ErrorKind::NotFound);
    QVERIFY2(missing.errorMessage().contains(QLatin1String("a/missing.bin")),
             qPrintable(missing.errorMessage()));
    auto missingRead = m_vault->read(QStringLiteral("a/missing.bin"));
    QCOMPARE(missingRead.kind(), ErrorKind::NotFound);
}

void TestFolderVault::readRanges()
{
    const QByteArray data = pattern(3 * 1024 * 1024 + 17, 2);
    QVERIFY(m_vault->put(QStringLiteral("m.bin"), data));
    QCOMPARE(m_vault->read(QStringLiteral("m.bin")).value(), data);
    QCOMPARE(m_vault->read(QStringLiteral("m.bin"), 5, 10).value(), data.mid(5, 10));
    QCOMPARE(m_vault->read(QStringLiteral("m.bin"), 1024 * 1024, -1).value(), data.mid(1024 * 1024));
    // Past the end: what exists.
    QCOMPARE(m_vault->read(QStringLiteral("m.bin"), data.size() - 3, 100).value(), data.right(3));
    auto beyond = m_vault->read(QStringLiteral("m.bin"), data.size() + 1, 10);
    QCOMPARE(beyond.kind(), ErrorKind::InvalidArgument);
    QVERIFY(m_vault->put(QStringLiteral("empty.bin"), QByteArray()));
    QCOMPARE(m_vault->read(QStringLiteral("empty.bin")).value(), QByteArray());
}

void TestFolderVault::readToDeviceWithProgress()
{
    const QByteArray data = pattern(5 * 1024 * 1024, 3);
    QVERIFY(m_vault->put(QStringLiteral("big.bin"), data));
    QFile out(m_dir->filePath(QStringLiteral("out.bin")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    qint64 lastDone = 0;
    int calls = 0;
    auto written = m_vault->readTo(QStringLiteral("big.bin"), &out, 0, -1, [&](qint64 done, qint64 total) {
        QVERIFY(done > lastDone);
        QCOMPARE(total, qint64(data.size()));
        lastDone = done;
        ++calls;
    });
    QVERIFY2(written, qPrintable(written.errorMessage()));
    out.close();
    QCOMPARE(*written, qint64(data.size()));
    QVERIFY(calls > 1);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(out.readAll(), data);
}

void TestFolderVault::putConditions()
{
    const QString name = QStringLiteral("holds/h1.json");
    auto first = m_vault->put(name, "v1", Condition::ifNoneMatchAny());
    QVERIFY2(first, qPrintable(first.errorMessage()));
    auto again = m_vault->put(name, "v2", Condition::ifNoneMatchAny());
    QCOMPARE(again.kind(), ErrorKind::PreconditionFailed);
    QVERIFY(again.errorMessage().contains(name));
    QCOMPARE(m_vault->read(name).value(), QByteArray("v1"));

    auto second = m_vault->put(name, "v2", Condition::ifMatch(*first));
    QVERIFY2(second, qPrintable(second.errorMessage()));
    QVERIFY(*second != *first);
    auto stale = m_vault->put(name, "v3", Condition::ifMatch(*first));
    QCOMPARE(stale.kind(), ErrorKind::PreconditionFailed);
    QCOMPARE(m_vault->read(name).value(), QByteArray("v2"));
    auto absent = m_vault->put(QStringLiteral("holds/none.json"), "x", Condition::ifMatch(*first));
    QCOMPARE(absent.kind(), ErrorKind::PreconditionFailed);
    auto unconditional = m_vault->put(name, "v4");
    QVERIFY(unconditional);
    QCOMPARE(m_vault->read(name).value(), QByteArray("v4"));
    QCOMPARE(m_vault->setMetadata(name, {{QStringLiteral("a"), QStringLiteral("b")}}).kind(),
             ErrorKind::InvalidArgument);
}

void TestFolderVault::putCreatesDirectoriesAndHidesTempFiles()
{
    QVERIFY(m_vault->put(QStringLiteral("deep/er/still/x.bin"), "x"));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("deep/er/still/x.bin"))));
    QVERIFY(QFile(m_dir->filePath(QStringLiteral("deep/er/still/.holdfast-tmp-left-over")))
                .open(QIODevice::WriteOnly));
    auto page = m_vault->list(QStringLiteral("deep/"));
    QVERIFY(page);
    QCOMPARE(page->entries.size(), 1);
    const QStringList files = QDir(m_dir->filePath(QStringLiteral("deep/er/still"))).entryList(QDir::Files);
    QCOMPARE(files, QStringList{QStringLiteral("x.bin")});
}

void TestFolderVault::rejectsUnsafeNames()
{
    for (const QString& name :
         {QStringLiteral("../escape"), QStringLiteral("/abs"), QStringLiteral("a//b"),
          QStringLiteral("a/./b"), QStringLiteral("a\\b"), QString(), QStringLiteral("a/")}) {
        auto put = m_vault->put(name, "x");
        QCOMPARE(put.kind(), ErrorKind::InvalidArgument);
        QCOMPARE(m_vault->stat(name).kind(), ErrorKind::InvalidArgument);
    }
    QVERIFY(!QFile::exists(QDir(m_dir->path()).filePath(QStringLiteral("../escape"))));
}

void TestFolderVault::missingRootIsContainerNotFound()
{
    FolderVault missing(m_dir->filePath(QStringLiteral("no-such-dir")));
    auto page = missing.list({});
    QCOMPARE(page.kind(), ErrorKind::ContainerNotFound);
    QVERIFY(page.errorMessage().contains(QLatin1String("no-such-dir")));
    QCOMPARE(missing.put(QStringLiteral("a"), "x").kind(), ErrorKind::ContainerNotFound);
    QCOMPARE(missing.stat(QStringLiteral("a")).kind(), ErrorKind::ContainerNotFound);
}

void TestFolderVault::concurrentCreateOnlyOneWins()
{
    std::atomic<int> wins{0};
    std::atomic<int> conflicts{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            auto result = m_vault->put(QStringLiteral("audit/head"), QByteArray::number(t),
                                       Condition::ifNoneMatchAny());
            if (result)
                ++wins;
            else if (result.kind() == ErrorKind::PreconditionFailed)
                ++conflicts;
        });
    }
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(wins.load(), 1);
    QCOMPARE(conflicts.load(), 7);
}

void TestFolderVault::cancelledRead()
{
    QVERIFY(m_vault->put(QStringLiteral("c.bin"), pattern(4 * 1024 * 1024, 4)));
    std::atomic_bool cancel{true};
    auto read = m_vault->read(QStringLiteral("c.bin"), 0, -1, &cancel);
    QCOMPARE(read.kind(), ErrorKind::Cancelled);
}

void TestFolderVault::vaultUrls()
{
    auto file = VaultUrl::parse(QStringLiteral("file:///srv/vault/"));
    QVERIFY(file);
    QCOMPARE(file->scheme, VaultUrl::Scheme::File);
    QCOMPARE(file->localPath, QStringLiteral("/srv/vault"));
    auto azure = VaultUrl::parse(QStringLiteral("azure://recordings-vault/tenant-a/"));
    QVERIFY(azure);
    QCOMPARE(azure->scheme, VaultUrl::Scheme::Azure);
    QCOMPARE(azure->container, QStringLiteral("recordings-vault"));
    QCOMPARE(azure->prefix, QStringLiteral("tenant-a/"));
    QCOMPARE(azure->toString(), QStringLiteral("azure://recordings-vault/tenant-a"));
    QCOMPARE(VaultUrl::parse(QStringLiteral("azure://Bad_Name")).kind(), ErrorKind::InvalidArgument);
    QCOMPARE(VaultUrl::parse(QStringLiteral("azure://ok-name/../x")).kind(), ErrorKind::InvalidArgument);
    QCOMPARE(VaultUrl::parse(QStringLiteral("s3://bucket")).kind(), ErrorKind::InvalidArgument);
    QCOMPARE(VaultUrl::parse(QStringLiteral("file://host/x")).kind(), ErrorKind::InvalidArgument);

    auto opened = openVault(QUrl::fromLocalFile(m_dir->path()).toString());
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QVERIFY((*opened)->put(QStringLiteral("x"), "y"));
    QCOMPARE((*opened)->describe(), QUrl::fromLocalFile(m_dir->path()).toString());
}

QTEST_GUILESS_MAIN(TestFolderVault)
#include "tst_folder_vault.moc"
