// Helper of bench_sync.sh: builds large signed vaults fast (random bytes as
// media: the sync engine hashes and encrypts bytes, it does not decode them),
// uploads them to Azurite on several threads, and prints a SAS token so curl
// can fetch the same blobs.
//
//   bench_sync_vault make <vault-dir> <packages> <tracks-per-package> <bytes-per-track>
//   bench_sync_vault upload <vault-dir> <blob-endpoint> <container> <threads>
//   bench_sync_vault sas

#include "crypto/Ed25519PrivateKey.h"
#include "model/Manifest.h"
#include "vault/AzureBlobVault.h"
#include "vault/AzureConnectionString.h"
#include "vault/AzureSharedKeySigner.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTextStream>
#include <QUuid>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace holdfast;

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "bench_sync_vault: %s\n", qPrintable(message));
    return 1;
}

bool writeRandomFile(const QString& path, qint64 bytes, quint64 seed, QByteArray* sha256Hex)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QCryptographicHash sha(QCryptographicHash::Sha256);
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    quint64 x = seed * 0x9E3779B97F4A7C15ull + 1;
    for (qint64 done = 0; done < bytes;) {
        const qint64 n = std::min<qint64>(block.size(), bytes - done);
        auto* words = reinterpret_cast<quint64*>(block.data());
        for (qint64 i = 0; i < n / 8 + 1 && i < block.size() / 8; ++i) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            words[i] = x;
        }
        sha.addData(QByteArrayView(block.constData(), n));
        if (file.write(block.constData(), n) != n)
            return false;
        done += n;
    }
    *sha256Hex = sha.result().toHex();
    return true;
}

int makeVault(const QString& root, int packages, int tracks, qint64 trackBytes)
{
    const QString node = QStringLiteral("bench-node");
    auto key = crypto::Ed25519PrivateKey::generate();
    if (!key)
        return fail(key.errorMessage());
    QDir().mkpath(root + QStringLiteral("/keys"));
    QFile pem(root + QStringLiteral("/keys/") + node + QStringLiteral(".pem"));
    if (!pem.open(QIODevice::WriteOnly) || pem.write(key->publicKeyPem()) < 0)
        return fail(QStringLiteral("cannot write %1").arg(pem.fileName()));
    pem.close();
    const QDateTime base(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
    for (int p = 0; p < packages; ++p) {
        model::Manifest manifest;
        manifest.id = QUuid::createUuidV5(QUuid(), QStringLiteral("bench/%1").arg(p));
        manifest.captureNode = node;
        manifest.startedAt = base.addSecs(qint64(p) * 3600 * 7);
        manifest.endedAt = manifest.startedAt.addSecs(600);
        manifest.source = QStringLiteral("sip");
        manifest.direction = model::CallDirection::Inbound;
        manifest.title = QStringLiteral("Benchmark call %1").arg(p);
        manifest.participants = {
            {QStringLiteral("p1"), QStringLiteral("Agent %1").arg(p), QStringLiteral("agent"), {}, {}}};
        const QString dir = root + QLatin1Char('/') + manifest.vaultDirectory();
        QDir().mkpath(dir + QStringLiteral("/media"));
        for (int t = 0; t < tracks; ++t) {
            const QString path = QStringLiteral("media/t%1.webm").arg(t + 1);
            QByteArray sha;
            if (!writeRandomFile(dir + QLatin1Char('/') + path, trackBytes, quint64(p) * 1000 + quint64(t),
                                 &sha))
                return fail(QStringLiteral("cannot write %1/%2").arg(dir, path));
            model::Track track;
            track.id = QStringLiteral("t%1").arg(t + 1);
            track.kind = model::TrackKind::Audio;
            track.participant = QStringLiteral("p1");
            track.path = path;
            track.mediaType = QStringLiteral("audio/webm");
            track.codec = QStringLiteral("opus");
            track.duration_ms = 600000;
            manifest.tracks.append(track);
            manifest.files.append({path, sha, trackBytes});
        }
        if (const Status valid = model::validateManifest(manifest); !valid)
            return fail(valid.errorMessage());
        const QByteArray json = model::serializeManifestJson(manifest);
        QFile out(dir + QStringLiteral("/manifest.json"));
        QFile sig(dir + QStringLiteral("/manifest.json.sig"));
        if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size() ||
            !sig.open(QIODevice::WriteOnly) || sig.write(key->sign(json)) != 64)
            return fail(QStringLiteral("cannot write the manifest of %1").arg(dir));
    }
    return 0;
}

int upload(const QString& root, const QString& endpoint, const QString& container, int threads)
{
    QStringList names;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        names << QDir(root).relativeFilePath(it.next());
    vault::AzureBlobVault::Options options;
    options.credentials = vault::AzureConnectionString::developmentStorage(endpoint);
    options.container = container;
    auto first = vault::AzureBlobVault::create(options);
    if (!first)
        return fail(first.errorMessage());
    if (auto created = (*first)->createContainer(); !created)
        return fail(created.errorMessage());
    std::atomic<qsizetype> next{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&] {
            auto vault = vault::AzureBlobVault::create(options);
            for (qsizetype i = next++; vault && i < names.size(); i = next++) {
                QFile file(root + QLatin1Char('/') + names.at(i));
                if (!file.open(QIODevice::ReadOnly) ||
                    !(*vault)->putFrom(names.at(i), &file, file.size(), vault::Condition::ifNoneMatchAny())) {
                    ++failures;
                    return;
                }
            }
        });
    for (std::thread& worker : workers)
        worker.join();
    return failures > 0 ? fail(QStringLiteral("%1 uploads failed").arg(failures.load())) : 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("make") && args.size() == 5)
        return makeVault(args.at(1), args.at(2).toInt(), args.at(3).toInt(), args.at(4).toLongLong());
    if (args.value(0) == QLatin1String("upload") && args.size() == 5)
        return upload(args.at(1), args.at(2), args.at(3), args.at(4).toInt());
    if (args.value(0) == QLatin1String("sas") && args.size() == 1) {
        vault::AzureSharedKeySigner signer(QString::fromLatin1(vault::kDevelopmentAccountName),
                                           QByteArray::fromBase64(vault::kDevelopmentAccountKeyBase64));
        vault::AzureSharedKeySigner::AccountSas sas;
        sas.permissions = QStringLiteral("rl");
        sas.start = QDateTime::currentDateTimeUtc().addSecs(-3600);
        sas.expiry = QDateTime::currentDateTimeUtc().addSecs(6 * 3600);
        std::printf("%s\n", qPrintable(signer.accountSas(sas)));
        return 0;
    }
    return fail(QStringLiteral("usage: make <dir> <packages> <tracks> <bytes> | upload <dir> <endpoint> "
                               "<container> <threads> | sas"));
}
