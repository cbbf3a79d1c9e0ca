#pragma once

// motcua-server's settings: command line > environment (MOTCUA_DB, MOTCUA_LISTEN) > config file
// (INI, section [server]; see installer/server.conf) > defaults.
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <domain/result.h>

namespace motcua::server::http {

inline constexpr qint64 kDefaultBodyLimit = 16 * 1024 * 1024;  // 16 MiB, as nginx's site
inline constexpr qint64 kDefaultBlobLimit = 256 * 1024 * 1024; // largest blob (chunked uploads)
inline constexpr qint64 kDefaultFeedCache = 64 * 1024 * 1024;  // the feed's pieces in memory
// With the pieces, the pages' numbers (FeedRanges, 8 bytes a number): one per this many bytes of
// feed-cache, i.e. a thirty-second more memory (64M: 262,144 numbers, 2 MiB).
inline constexpr qint64 kFeedCacheBytesPerSeq = 256;

struct ServerConfig
{
    QString dbUrl; // "sqlite:PATH" or "postgresql://…"
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;
    qint64 bodyLimit = kDefaultBodyLimit;
    qint64 blobLimit = kDefaultBlobLimit;
    qint64 feedCache = kDefaultFeedCache;      // 0: off
    QString logLevel = QStringLiteral("info"); // debug, info, warning, error
    bool trustProxy = false; // X-Forwarded-For from a loopback peer (nginx on the same host)
    int threads = 0;         // worker threads; 0 = max(4, 2 × cores)
    bool demo = false;
    bool printRoutes = false;
    QString configFile;

    [[nodiscard]] QString listenDisplay() const; // "127.0.0.1:8080", "[::1]:8080"
    [[nodiscard]] int workerThreads() const;
};

// "HOST:PORT" or "[IPv6]:PORT"; port 0 = any free port.
domain::Result<std::pair<QHostAddress, quint16>> parseListen(const QString &text);
// "16777216", "16M", "16MiB", "512k", "1g"; at least 1 KiB. Errors name `option`.
domain::Result<qint64> parseByteSize(const QString &text,
                                     const QString &option = QStringLiteral("body-limit"));

// Parses `arguments` (argv, program name first). Errors are Vietnamese and name the option.
// `defaultDb` is used when nothing sets the database.
domain::Result<ServerConfig> loadServerConfig(const QStringList &arguments,
                                              const QProcessEnvironment &environment,
                                              const QString &defaultDb);

QString serverUsage(); // the --help text

} // namespace motcua::server::http
