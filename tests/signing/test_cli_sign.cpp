// motcuactl sign / verify, run as a program against the SoftHSM2 token and the test PKI.
#include "pkifixture.h"
#include "testpaths.h"

#include <QFile>
#include <QProcess>
#include <QTest>

class TestCliSign : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.make());
        QVERIFY(m_pki.startOcsp());
        QFile doc(m_pki.path(QStringLiteral("doc.txt")));
        QVERIFY(doc.open(QIODevice::WriteOnly));
        doc.write("Quyết định cấp giấy phép xây dựng\n");
    }

    void cleanupTestCase() { m_pki.stopOcsp(); }

    void signThenVerify()
    {
        const QString out = m_pki.path(QStringLiteral("doc.txt.p7s"));
        auto signing = sign("01", out, PkiFixture::kPin);
        QVERIFY2(signing.code == 0, signing.err.constData());
        QVERIFY(signing.out.contains("signed:"));
        QCOMPARE(PkiFixture::run(QStringLiteral("openssl"),
                                 {QStringLiteral("cms"), QStringLiteral("-verify"),
                                  QStringLiteral("-binary"), QStringLiteral("-inform"),
                                  QStringLiteral("DER"), QStringLiteral("-in"), out,
                                  QStringLiteral("-content"), m_pki.path(QStringLiteral("doc.txt")),
                                  QStringLiteral("-CAfile"), m_pki.path(QStringLiteral("root.pem")),
                                  QStringLiteral("-purpose"), QStringLiteral("any"),
                                  QStringLiteral("-out"), QStringLiteral("/dev/null")}),
                 0);
        auto verified = verify(out, {});
        QVERIFY2(verified.code == 0, verified.out.constData());
        QVERIFY(verified.out.contains("signature status: valid"));
        QVERIFY(verified.out.contains("certificate status: trusted"));
        // Offline, from the answers the online run cached.
        auto offline = verify(out, {QStringLiteral("--offline")});
        QVERIFY2(offline.code == 0, offline.out.constData());
    }

    void tamperedContentFails()
    {
        const QString out = m_pki.path(QStringLiteral("doc.txt.p7s"));
        QVERIFY(sign("01", out, PkiFixture::kPin).code == 0);
        const QString other = m_pki.path(QStringLiteral("other.txt"));
        QFile file(other);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Quyết định cấp giấy phép xây dựng!\n");
        file.close();
        auto verified = verify(out, {QStringLiteral("--content"), other});
        QCOMPARE(verified.code, 1);
        QVERIFY(verified.out.contains("signature status: digest-mismatch"));
    }

    void revokedAndExpiredSigners()
    {
        const QString revoked = m_pki.path(QStringLiteral("revoked.p7s"));
        QVERIFY(sign("03", revoked, PkiFixture::kPin).code == 0);
        auto r
            = verify(revoked, {QStringLiteral("--content"), m_pki.path(QStringLiteral("doc.txt"))});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.contains("certificate status: revoked"));
        const QString expired = m_pki.path(QStringLiteral("expired.p7s"));
        QVERIFY(sign("04", expired, PkiFixture::kPin).code == 0);
        auto e
            = verify(expired, {QStringLiteral("--content"), m_pki.path(QStringLiteral("doc.txt"))});
        QCOMPARE(e.code, 1);
        QVERIFY(e.out.contains("certificate status: expired"));
    }

    void unknownIssuerWithAnotherTrustStore()
    {
        const QString out = m_pki.path(QStringLiteral("doc.txt.p7s"));
        QVERIFY(sign("01", out, PkiFixture::kPin).code == 0);
        auto verified = runCli({QStringLiteral("verify"), out, QStringLiteral("--trust"),
                                m_pki.path(QStringLiteral("ocsp.pem")), QStringLiteral("--cache"),
                                m_pki.path(QStringLiteral("cache"))});
        QCOMPARE(verified.code, 1);
        QVERIFY(verified.out.contains("certificate status: unknown-issuer"));
    }

    void padesSignThenVerify()
    {
        const QString pdf = m_pki.path(QStringLiteral("in.pdf"));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPdf);
        file.close();
        const QString out = m_pki.path(QStringLiteral("signed.pdf"));
        auto signing = runCli(
            {QStringLiteral("sign"), QStringLiteral("--module"), m_pki.module(),
             QStringLiteral("--token"), QLatin1String(PkiFixture::kToken),
             QStringLiteral("--pin-env"), QStringLiteral("TEST_PIN"), QStringLiteral("--key-id"),
             QStringLiteral("02"), QStringLiteral("--chain"),
             m_pki.path(QStringLiteral("intermediate.pem")), QStringLiteral("--format"),
             QStringLiteral("pades"), QStringLiteral("--reason"), QStringLiteral("Trả kết quả"),
             QStringLiteral("--in"), pdf, QStringLiteral("--out"), out},
            PkiFixture::kPin);
        QVERIFY2(signing.code == 0, signing.err.constData());
        auto verified = verify(out, {});
        QVERIFY2(verified.code == 0, verified.out.constData());
        QVERIFY(verified.out.contains("covers whole document: yes"));
        QVERIFY(verified.out.contains("certificate status: trusted"));
        QFile signedFile(out);
        QVERIFY(signedFile.open(QIODevice::Append));
        signedFile.write("\n% later\n");
        signedFile.close();
        auto changed = verify(out, {});
        QCOMPARE(changed.code, 1);
        QVERIFY(changed.out.contains("document changed since the last signature"));
    }

    void wrongPinWritesNothing()
    {
        const QString out = m_pki.path(QStringLiteral("wrong-pin.p7s"));
        auto result = sign("01", out, "999999");
        QVERIFY(result.code != 0);
        QVERIFY(QString::fromUtf8(result.err).contains(QStringLiteral("Mã PIN không đúng")));
        QVERIFY(!QFile::exists(out));
    }

    void wrongTokenAndUnknownKey()
    {
        const QString out = m_pki.path(QStringLiteral("wrong-token.p7s"));
        auto wrongToken = runCli(
            {QStringLiteral("sign"), QStringLiteral("--module"), m_pki.module(),
             QStringLiteral("--token"), QStringLiteral("Token Khác"), QStringLiteral("--pin-env"),
             QStringLiteral("TEST_PIN"), QStringLiteral("--in"),
             m_pki.path(QStringLiteral("doc.txt")), QStringLiteral("--out"), out},
            PkiFixture::kPin);
        QVERIFY(wrongToken.code != 0);
        QVERIFY(QString::fromUtf8(wrongToken.err).contains(QStringLiteral("không phải token")));
        auto noKey = sign("7f", out, PkiFixture::kPin);
        QVERIFY(noKey.code != 0);
        QVERIFY(!QFile::exists(out));
    }

    void missingPinVariableIsAnError()
    {
        auto result = runCli({QStringLiteral("sign"), QStringLiteral("--token"),
                              QLatin1String(PkiFixture::kToken), QStringLiteral("--pin-env"),
                              QStringLiteral("NO_SUCH_VARIABLE_HERE"), QStringLiteral("--in"),
                              m_pki.path(QStringLiteral("doc.txt")), QStringLiteral("--out"),
                              m_pki.path(QStringLiteral("x.p7s"))});
        QCOMPARE(result.code, 1);
        QVERIFY(result.err.contains("NO_SUCH_VARIABLE_HERE"));
    }

private:
    struct Outcome
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    Outcome runCli(const QStringList &args, const QByteArray &pin = {})
    {
        QProcess process;
        auto env = QProcessEnvironment::systemEnvironment();
        if (!pin.isEmpty())
            env.insert(QStringLiteral("TEST_PIN"), QString::fromLatin1(pin));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_pki.path(QStringLiteral("xdg")));
        process.setProcessEnvironment(env);
        process.start(motcua::testing::motcuactlPath(), args);
        process.waitForFinished(120000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    Outcome sign(const QByteArray &keyId, const QString &out, const QByteArray &pin)
    {
        return runCli({QStringLiteral("sign"), QStringLiteral("--module"), m_pki.module(),
                       QStringLiteral("--token"), QLatin1String(PkiFixture::kToken),
                       QStringLiteral("--pin-env"), QStringLiteral("TEST_PIN"),
                       QStringLiteral("--key-id"), QString::fromLatin1(keyId),
                       QStringLiteral("--chain"), m_pki.path(QStringLiteral("intermediate.pem")),
                       QStringLiteral("--in"), m_pki.path(QStringLiteral("doc.txt")),
                       QStringLiteral("--out"), out},
                      pin);
    }

    Outcome verify(const QString &file, const QStringList &extra)
    {
        return runCli(QStringList{QStringLiteral("verify"), file, QStringLiteral("--trust"),
                                  m_pki.path(QStringLiteral("trust")), QStringLiteral("--cache"),
                                  m_pki.path(QStringLiteral("cache"))}
                      + extra);
    }

    PkiFixture m_pki;
    // A one-page PDF, offsets computed by hand.
    const QByteArray kPdf = makePdf();

    static QByteArray makePdf()
    {
        const QList<QByteArray> objects{"<< /Type /Catalog /Pages 2 0 R >>",
                                        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
        QByteArray pdf = "%PDF-1.7\n";
        QList<qsizetype> offsets;
        for (int i = 0; i < objects.size(); ++i) {
            offsets << pdf.size();
            pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
        }
        const qsizetype xref = pdf.size();
        pdf += "xref\n0 4\n0000000000 65535 f \n";
        for (auto offset : offsets)
            pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
        pdf += "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref)
            + "\n%%EOF\n";
        return pdf;
    }
};

QTEST_GUILESS_MAIN(TestCliSign)
#include "test_cli_sign.moc"
