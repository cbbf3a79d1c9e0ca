#include "pkifixture.h"

#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>

#include <cstdio>

bool PkiFixture::make()
{
    // A free loopback port for the OCSP and CRL responders named in the certificates.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return false;
    m_port = probe.serverPort();
    probe.close();
    QByteArray output;
    const int code = run(motcua::testing::sourcePath(QStringLiteral("tests/signing/make-pki.sh")),
                         {m_dir.path(), QString::number(m_port)}, &output);
    if (code != 0) {
        std::fputs(output.constData(), stderr);
        return false;
    }
    QFile moduleFile(path(QStringLiteral("module.txt")));
    if (!moduleFile.open(QIODevice::ReadOnly))
        return false;
    m_module = QString::fromUtf8(moduleFile.readAll()).trimmed();
    qputenv("SOFTHSM2_CONF", QFile::encodeName(path(QStringLiteral("softhsm2.conf"))));
    return true;
}

QString PkiFixture::makeNssDatabase() const
{
    const QString dir = path(QStringLiteral("nss"));
    const QString nss = QStringLiteral("sql:") + dir;
    const bool made = QDir().mkpath(dir)
        && run(QStringLiteral("certutil"),
               {QStringLiteral("-N"), QStringLiteral("-d"), nss,
                QStringLiteral("--empty-password")})
            == 0
        && run(QStringLiteral("certutil"),
               {QStringLiteral("-A"), QStringLiteral("-d"), nss, QStringLiteral("-n"),
                QStringLiteral("root"), QStringLiteral("-t"), QStringLiteral("CT,C,C"),
                QStringLiteral("-i"), path(QStringLiteral("root.pem"))})
            == 0;
    return made ? nss : QString();
}

int PkiFixture::run(const QString &program, const QStringList &args, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForFinished(120000))
        return -1;
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool PkiFixture::startOcsp()
{
    m_ocsp = std::make_unique<QProcess>();
    m_ocsp->setProcessChannelMode(QProcess::MergedChannels);
    m_ocsp->setWorkingDirectory(m_dir.path());
    m_ocsp->start(QStringLiteral("openssl"),
                  {QStringLiteral("ocsp"), QStringLiteral("-index"),
                   QStringLiteral("ca/intermediate/index.txt"), QStringLiteral("-port"),
                   QString::number(m_port), QStringLiteral("-rsigner"), QStringLiteral("ocsp.pem"),
                   QStringLiteral("-rkey"), QStringLiteral("ocsp.key"), QStringLiteral("-CA"),
                   QStringLiteral("intermediate.pem")});
    // It says when it listens; wait for that line, not for a fixed time.
    QByteArray seen;
    while (!seen.contains("waiting for OCSP client connections")) {
        if (!m_ocsp->waitForReadyRead(20000))
            return false;
        seen += m_ocsp->readAll();
    }
    return true;
}

void PkiFixture::stopOcsp()
{
    if (m_ocsp) {
        m_ocsp->kill();
        m_ocsp->waitForFinished();
        m_ocsp.reset();
    }
}
