#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// The test PKI and SoftHSM2 tokens of make-pki.sh in a private temporary directory; sets
// SOFTHSM2_CONF for this process so the token backend sees only these tokens.
class PkiFixture
{
public:
    bool make(); // false (with the script's output on stderr) when the script failed
    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }
    [[nodiscard]] QString module() const { return m_module; }
    [[nodiscard]] int ocspPort() const { return m_port; }

    // Runs `program args` to completion; returns its exit code, its output in *output.
    static int run(const QString &program, const QStringList &args, QByteArray *output = nullptr);

    // An NSS database trusting the test root, for `pdfsig -nssdir`: "sql:DIR", empty on failure.
    QString makeNssDatabase() const;

    // Starts `openssl ocsp` for the intermediate CA on ocspPort(); true once it listens.
    bool startOcsp();
    void stopOcsp();

    static constexpr const char *kToken = "MotCua Test";
    static constexpr const char *kPin = "123456";

private:
    QTemporaryDir m_dir;
    QString m_module;
    int m_port = 0;
    std::unique_ptr<QProcess> m_ocsp;
};
