#include "AzuriteServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <csignal>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>

namespace holdfast::test {

namespace {

constexpr char kDevKey[] =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

QString runOpenssl(const QStringList& args, const QString& dir)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral("openssl"), args);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return QStringLiteral("openssl %1 failed: %2")
            .arg(args.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()));
    return {};
}

} // namespace

AzuriteServer::~AzuriteServer()
{
    stop();
}

QString AzuriteServer::azuritePath()
{
    const QString source =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("HOLDFAST_SOURCE_DIR"));
    if (source.isEmpty())
        return {};
    const QString path = source + QStringLiteral("/tests/node_modules/.bin/azurite-blob");
    return QFileInfo::exists(path) ? path : QString();
}

QString AzuriteServer::nodePath()
{
    if (QFileInfo::exists(QStringLiteral("/usr/bin/node")))
        return QStringLiteral("/usr/bin/node");
    return QStandardPaths::findExecutable(QStringLiteral("node"));
}

quint16 AzuriteServer::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QString AzuriteServer::blobEndpoint() const
{
    return QStringLiteral("%1://127.0.0.1:%2/devstoreaccount1").arg(m_https ? u"https" : u"http").arg(m_port);
}

QString AzuriteServer::connectionString() const
{
    return QStringLiteral(
               "DefaultEndpointsProtocol=%1;AccountName=devstoreaccount1;AccountKey=%2;BlobEndpoint=%3;")
        .arg(m_https ? u"https" : u"http", QString::fromLatin1(kDevKey), blobEndpoint());
}

bool AzuriteServer::start(const Tls& tls, int timeout_ms)
{
    stop();
    const QString azurite = azuritePath();
    const QString node = nodePath();
    if (azurite.isEmpty() || node.isEmpty()) {
        m_error =
            QStringLiteral("azurite-blob or node not found (HOLDFAST_SOURCE_DIR=%1)")
                .arg(QProcessEnvironment::systemEnvironment().value(QStringLiteral("HOLDFAST_SOURCE_DIR")));
        return false;
    }
    if (!m_dataDir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    m_https = !tls.certPath.isEmpty();
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freePort();
        QStringList args{azurite,
                         QStringLiteral("--blobHost"),
                         QStringLiteral("127.0.0.1"),
                         QStringLiteral("--blobPort"),
                         QString::number(m_port),
                         QStringLiteral("--location"),
                         m_dataDir.path(),
                         QStringLiteral("--silent"),
                         QStringLiteral("--disableProductStyleUrl"),
                         QStringLiteral("--disableTelemetry")};
        if (m_https)
            args << QStringLiteral("--cert") << tls.certPath << QStringLiteral("--key") << tls.keyPath;
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        // Own process group, so stop() reaches anything node spawns; and if this test
        // process dies without running destructors (abort, crash), the kernel stops Azurite.
        m_process->setChildProcessModifier([] {
            ::setpgid(0, 0);
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        });
        m_process->start(node, args);
        if (!m_process->waitForStarted(10000)) {
            m_error = QStringLiteral("cannot start %1: %2").arg(node, m_process->errorString());
            m_process.reset();
            return false;
        }
        QDeadlineTimer deadline(timeout_ms);
        while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(200)) {
                probe.disconnectFromHost();
                return true;
            }
            m_process->waitForReadyRead(100);
        }
        const QString output = QString::fromLocal8Bit(m_process->readAll());
        m_error = QStringLiteral("Azurite did not start on port %1: %2").arg(m_port).arg(output.right(2000));
        stop();
        if (!output.contains(QLatin1String("EADDRINUSE")))
            break; // only a lost race for the port is worth another try
    }
    return false;
}

void AzuriteServer::stop()
{
    if (!m_process)
        return;
    const qint64 pid = m_process->processId();
    if (pid > 0 && m_process->state() != QProcess::NotRunning) {
        ::kill(-static_cast<pid_t>(pid), SIGTERM);
        if (!m_process->waitForFinished(5000)) {
            ::kill(-static_cast<pid_t>(pid), SIGKILL);
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QString AzuriteServer::makeTestCertificates(const QString& dir)
{
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    QString error = runOpenssl(
        QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
            QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                        QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=Holdfast Test CA"),
                        QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                        QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
        dir);
    if (!error.isEmpty())
        return error;
    error = runOpenssl(QStringList{QStringLiteral("req")} + ec +
                           QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                       QStringLiteral("-out"), QStringLiteral("server.csr"),
                                       QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")},
                       dir);
    if (!error.isEmpty())
        return error;
    QFile ext(dir + QStringLiteral("/server.ext"));
    if (!ext.open(QIODevice::WriteOnly) ||
        ext.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                  "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n") < 0)
        return QStringLiteral("cannot write %1").arg(ext.fileName());
    ext.close();
    return runOpenssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                       QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                       QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                       QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("server.ext")},
                      dir);
}

} // namespace holdfast::test
