#include "server_config.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QThread>

namespace motcua::server::http {

using domain::makeError;
using domain::Result;

QString ServerConfig::listenDisplay() const
{
    const QString host = listenAddress.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(listenAddress.toString())
        : listenAddress.toString();
    return QStringLiteral("%1:%2").arg(host).arg(listenPort);
}

int ServerConfig::workerThreads() const
{
    if (threads > 0)
        return threads;
    return qMax(4, 2 * QThread::idealThreadCount());
}

Result<std::pair<QHostAddress, quint16>> parseListen(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\[([0-9a-fA-F:.]+)\\]|([^:\\[\\]]+)):([0-9]{1,5})$"));
    const auto m = re.match(text.trimmed());
    const auto bad = [&] {
        return makeError(
            QStringLiteral("config.bad_listen"),
            QStringLiteral("Địa chỉ lắng nghe \"%1\" không hợp lệ: cần dạng HOST:CỔNG, "
                           "ví dụ 127.0.0.1:8080.")
                .arg(text),
            QStringLiteral("listen"));
    };
    if (!m.hasMatch())
        return bad();
    QString host = m.captured(2).isEmpty() ? m.captured(3) : m.captured(2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    const QHostAddress address(host);
    const int port = m.captured(4).toInt();
    if (address.isNull() || port > 65535)
        return bad();
    return std::pair{address, quint16(port)};
}

Result<qint64> parseByteSize(const QString &text, const QString &option)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,12})\\s*([kKmMgG]?)(i?[bB])?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch()) {
        return makeError(
            QStringLiteral("config.bad_size"),
            QStringLiteral("Kích thước \"%1\" không hợp lệ (ví dụ: 16M, 16777216).").arg(text),
            option);
    }
    qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    if (unit == QLatin1String("k"))
        n *= 1024;
    else if (unit == QLatin1String("m"))
        n *= 1024 * 1024;
    else if (unit == QLatin1String("g"))
        n *= 1024LL * 1024 * 1024;
    if (n < 1024) {
        return makeError(
            QStringLiteral("config.bad_size"),
            QStringLiteral("Giới hạn kích thước (%1) phải từ 1 KiB trở lên.").arg(option), option);
    }
    return n;
}

namespace {

bool isLogLevel(const QString &level)
{
    static const QStringList levels{QStringLiteral("debug"), QStringLiteral("info"),
                                    QStringLiteral("warning"), QStringLiteral("error")};
    return levels.contains(level);
}

Result<bool> parseBool(const QString &text, const QString &key)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1")
        || t == QLatin1String("on")) {
        return true;
    }
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0")
        || t == QLatin1String("off")) {
        return false;
    }
    return makeError(
        QStringLiteral("config.bad_bool"),
        QStringLiteral("Giá trị \"%1\" của \"%2\" phải là true hoặc false.").arg(text, key), key);
}

// Takes the value of `--name VALUE` or `--name=VALUE` at args[i]; advances i.
bool takeValue(const QStringList &args, qsizetype &i, const QString &name, QString *value)
{
    const QString &a = args.at(i);
    const QString flag = QStringLiteral("--") + name;
    if (a == flag && i + 1 < args.size()) {
        *value = args.at(++i);
        return true;
    }
    if (a.startsWith(flag + QLatin1Char('='))) {
        *value = a.mid(flag.size() + 1);
        return true;
    }
    return false;
}

} // namespace

QString serverUsage()
{
    return QStringLiteral(
        "Cách dùng: motcua-server [--db URL] [--listen HOST:CỔNG] [--demo] [--config TỆP]\n"
        "                         [--body-limit CỠ] [--blob-limit CỠ] [--feed-cache CỠ]\n"
        "                         [--log-level MỨC]\n"
        "                         [--trust-proxy] [--threads N] [--print-routes]\n"
        "\n"
        "  --db URL            sqlite:ĐƯỜNG_DẪN hoặc postgresql://user@host:port/db\n"
        "                      (mặc định: sqlite trong thư mục dữ liệu của người dùng; biến "
        "MOTCUA_DB)\n"
        "  --listen HOST:CỔNG  địa chỉ lắng nghe (mặc định 127.0.0.1:8080; biến MOTCUA_LISTEN;\n"
        "                      cổng 0 = cổng trống bất kỳ)\n"
        "  --demo              nạp dữ liệu mẫu (mật khẩu: MOTCUA_DEMO_PASSWORD, hoặc sinh ngẫu "
        "nhiên\n"
        "                      và in một lần ra màn hình)\n"
        "  --config TỆP        tệp cấu hình INI, mục [server] (xem /etc/motcua/server.conf)\n"
        "  --body-limit CỠ     giới hạn kích thước nội dung yêu cầu (mặc định 16M)\n"
        "  --blob-limit CỠ     kích thước tối đa của một tệp đính kèm, tải lên theo từng phần\n"
        "                      (mặc định 256M)\n"
        "  --feed-cache CỠ     bộ nhớ giữ các thay đổi đã nén của luồng đồng bộ (mặc định 64M;\n"
        "                      0 = tắt)\n"
        "  --log-level MỨC     debug, info, warning, error (mặc định info)\n"
        "  --trust-proxy       tin X-Forwarded-For khi yêu cầu đến từ proxy trên cùng máy (nginx)\n"
        "  --threads N         số luồng xử lý (mặc định max(4, 2 × số lõi))\n"
        "  --print-routes      in bảng các tuyến API rồi thoát\n"
        "\n"
        "Thứ tự ưu tiên: dòng lệnh > biến môi trường > tệp cấu hình > mặc định.\n");
}

Result<ServerConfig> loadServerConfig(const QStringList &arguments,
                                      const QProcessEnvironment &environment,
                                      const QString &defaultDb)
{
    ServerConfig config;
    QString db, listen, bodyLimit, blobLimit, feedCache, logLevel, threads;
    bool trustProxy = false;
    bool trustProxySet = false;

    // ---- command line --------------------------------------------------------------------
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (takeValue(arguments, i, QStringLiteral("db"), &db)
            || takeValue(arguments, i, QStringLiteral("listen"), &listen)
            || takeValue(arguments, i, QStringLiteral("config"), &config.configFile)
            || takeValue(arguments, i, QStringLiteral("body-limit"), &bodyLimit)
            || takeValue(arguments, i, QStringLiteral("blob-limit"), &blobLimit)
            || takeValue(arguments, i, QStringLiteral("feed-cache"), &feedCache)
            || takeValue(arguments, i, QStringLiteral("log-level"), &logLevel)
            || takeValue(arguments, i, QStringLiteral("threads"), &threads)) {
            continue;
        }
        if (a == QLatin1String("--demo")) {
            config.demo = true;
        } else if (a == QLatin1String("--trust-proxy")) {
            trustProxy = trustProxySet = true;
        } else if (a == QLatin1String("--print-routes")) {
            config.printRoutes = true;
        } else {
            return makeError(
                QStringLiteral("config.bad_option"),
                QStringLiteral("Tùy chọn không hợp lệ hoặc thiếu giá trị: \"%1\".").arg(a), a);
        }
    }

    // ---- environment ---------------------------------------------------------------------
    if (db.isEmpty())
        db = environment.value(QStringLiteral("MOTCUA_DB"));
    if (listen.isEmpty())
        listen = environment.value(QStringLiteral("MOTCUA_LISTEN"));

    // ---- config file ---------------------------------------------------------------------
    if (!config.configFile.isEmpty()) {
        if (!QFileInfo(config.configFile).isReadable()) {
            return makeError(
                QStringLiteral("config.unreadable"),
                QStringLiteral("Không đọc được tệp cấu hình \"%1\".").arg(config.configFile),
                QStringLiteral("config"));
        }
        QSettings ini(config.configFile, QSettings::IniFormat);
        if (ini.status() != QSettings::NoError) {
            return makeError(
                QStringLiteral("config.malformed"),
                QStringLiteral("Tệp cấu hình \"%1\" sai định dạng INI.").arg(config.configFile),
                QStringLiteral("config"));
        }
        ini.beginGroup(QStringLiteral("server"));
        const auto fill = [&](QString &target, const char *key) {
            if (target.isEmpty())
                target = ini.value(QLatin1String(key)).toString();
        };
        fill(db, "db");
        fill(listen, "listen");
        fill(bodyLimit, "body-limit");
        fill(blobLimit, "blob-limit");
        fill(feedCache, "feed-cache");
        fill(logLevel, "log-level");
        fill(threads, "threads");
        if (!trustProxySet && ini.contains(QStringLiteral("trust-proxy"))) {
            auto b = parseBool(ini.value(QStringLiteral("trust-proxy")).toString(),
                               QStringLiteral("trust-proxy"));
            if (!b)
                return b.error();
            trustProxy = b.value();
        }
        for (const QString &key : ini.childKeys()) {
            static const QStringList known{
                QStringLiteral("db"),         QStringLiteral("listen"),
                QStringLiteral("body-limit"), QStringLiteral("blob-limit"),
                QStringLiteral("feed-cache"), QStringLiteral("log-level"),
                QStringLiteral("threads"),    QStringLiteral("trust-proxy")};
            if (!known.contains(key)) {
                return makeError(
                    QStringLiteral("config.unknown_key"),
                    QStringLiteral("Khóa \"%1\" trong mục [server] của tệp cấu hình không "
                                   "được hỗ trợ.")
                        .arg(key),
                    key);
            }
        }
    }

    // ---- defaults and validation ---------------------------------------------------------
    config.dbUrl = db.isEmpty() ? defaultDb : db;
    if (!listen.isEmpty()) {
        auto l = parseListen(listen);
        if (!l)
            return l.error();
        config.listenAddress = l->first;
        config.listenPort = l->second;
    }
    if (!bodyLimit.isEmpty()) {
        auto n = parseByteSize(bodyLimit);
        if (!n)
            return n.error();
        config.bodyLimit = n.value();
    }
    if (!blobLimit.isEmpty()) {
        auto n = parseByteSize(blobLimit, QStringLiteral("blob-limit"));
        if (!n)
            return n.error();
        config.blobLimit = n.value();
    }
    if (!feedCache.isEmpty()) {
        if (feedCache.trimmed() == QLatin1String("0")) {
            config.feedCache = 0;
        } else {
            auto n = parseByteSize(feedCache, QStringLiteral("feed-cache"));
            if (!n)
                return n.error();
            config.feedCache = n.value();
        }
    }
    if (!logLevel.isEmpty()) {
        if (!isLogLevel(logLevel)) {
            return makeError(
                QStringLiteral("config.bad_log_level"),
                QStringLiteral("Mức ghi nhật ký \"%1\" không hợp lệ (debug, info, warning, "
                               "error).")
                    .arg(logLevel),
                QStringLiteral("log-level"));
        }
        config.logLevel = logLevel;
    }
    if (!threads.isEmpty()) {
        bool ok = false;
        config.threads = threads.toInt(&ok);
        if (!ok || config.threads < 1 || config.threads > 256) {
            return makeError(QStringLiteral("config.bad_threads"),
                             QStringLiteral("Số luồng phải từ 1 đến 256."),
                             QStringLiteral("threads"));
        }
    }
    config.trustProxy = trustProxy;
    return config;
}

} // namespace motcua::server::http
