#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace holdfast::test {

// Runs Azurite's Blob service (tests/node_modules/.bin/azurite-blob) on a free
// 127.0.0.1 port with its data in a temporary directory. The destructor stops
// it by its process group (never by name), also when a test fails midway.
class AzuriteServer
{
public:
    struct Tls
    {
        QString certPath; // PEM server certificate (subjectAltName IP:127.0.0.1)
        QString keyPath;  // PEM private key
    };

    AzuriteServer() = default;
    ~AzuriteServer();
    AzuriteServer(const AzuriteServer&) = delete;
    AzuriteServer& operator=(const AzuriteServer&) = delete;

    // Starts and waits (up to timeout_ms) until the port accepts connections.
    // On failure returns false and errorString() says why (with Azurite's output).
    bool start(const Tls& tls = {}, int timeout_ms = 60000);
    void stop();

    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    bool isHttps() const { return m_https; }
    // http(s)://127.0.0.1:<port>/devstoreaccount1
    QString blobEndpoint() const;
    // A connection string for the development account at this server.
    QString connectionString() const;

    // ${HOLDFAST_SOURCE_DIR}/tests/node_modules/.bin/azurite-blob, or empty if missing.
    static QString azuritePath();
    static QString nodePath(); // /usr/bin/node or the first node on PATH
    // A port nobody listens on right now (bound and released on 127.0.0.1).
    static quint16 freePort();

    // Makes a CA and a server certificate for 127.0.0.1 with the openssl
    // command in dir: ca.pem, server.pem, server.key. Empty string on success.
    static QString makeTestCertificates(const QString& dir);

private:
    std::unique_ptr<QProcess> m_process;
    QTemporaryDir m_dataDir;
    quint16 m_port = 0;
    bool m_https = false;
    QString m_error;
};

} // namespace holdfast::test
