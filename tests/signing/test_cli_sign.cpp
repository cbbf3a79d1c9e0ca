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

    void jwsSignThenVerify()
    {
        const QString json = writeJson(QStringLiteral("ketqua.json"), kJson);
        for (const auto &[key, extra] :
             {std::pair{QStringLiteral("01"), QStringList{}},
              std::pair{QStringLiteral("01"), QStringList{QStringLiteral("--pss")}},
              std::pair{QStringLiteral("02"), QStringList{}}}) {
            const QString out = json + QStringLiteral(".jws");
            QFile::remove(out);
            auto signing = signJws(key, json, out, extra);
            QVERIFY2(signing.code == 0, signing.err.constData());
            QVERIFY(signing.out.contains("(jws"));
            auto verified = verify(out, {});
            QVERIFY2(verified.code == 0, verified.out.constData());
            QVERIFY(verified.out.contains("signature status: valid"));
            QVERIFY(verified.out.contains("certificate status: trusted"));
        }
        // Detached: the payload is FILE without .jws, or --content.
        const QString detached = json + QStringLiteral(".jws");
        QVERIFY(signJws(QStringLiteral("02"), json, detached, {QStringLiteral("--detached")}).code
                == 0);
        auto verified = verify(detached, {});
        QVERIFY2(verified.code == 0, verified.out.constData());
        const QString changed = writeJson(QStringLiteral("changed.json"), "{\"a\": 2}");
        auto tampered
            = verify(detached, {QStringLiteral("--offline"), QStringLiteral("--content"), changed});
        QCOMPARE(tampered.code, 1);
        QVERIFY(tampered.out.contains("signature status: invalid"));
    }

    void jwsBadInput()
    {
        // Not JSON: refused, nothing written.
        const QString text = m_pki.path(QStringLiteral("doc.txt"));
        const QString out = m_pki.path(QStringLiteral("doc.txt.jws"));
        auto notJson = signJws(QStringLiteral("01"), text, out, {});
        QCOMPARE(notJson.code, 1);
        QVERIFY(notJson.err.contains("JSON"));
        QVERIFY(!QFile::exists(out));
        // A tampered payload: invalid, exit 1.
        const QString json = writeJson(QStringLiteral("t.json"), kJson);
        const QString signedJws = json + QStringLiteral(".jws");
        QVERIFY(signJws(QStringLiteral("01"), json, signedJws, {}).code == 0);
        QFile file(signedJws);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> parts = file.readAll().split('.');
        file.close();
        parts[1] = QByteArray("{\"a\":1}")
                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QString forged = writeJson(QStringLiteral("forged.jws"), parts.join('.'));
        auto tampered = verify(forged, {QStringLiteral("--offline")});
        QCOMPARE(tampered.code, 1);
        QVERIFY(tampered.out.contains("signature status: invalid"));
        // alg none: refused.
        parts[0] = QByteArray(R"({"alg":"none"})")
                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        parts[2].clear();
        auto none = verify(writeJson(QStringLiteral("none.jws"), parts.join('.')),
                           {QStringLiteral("--offline")});
        QCOMPARE(none.code, 1);
        QVERIFY(none.out.contains("signature status: unsupported"));
        // Malformed: a clear error, exit 1.
        auto malformed = verify(writeJson(QStringLiteral("bad.jws"), "eyJ.only-two"),
                                {QStringLiteral("--offline")});
        QCOMPARE(malformed.code, 1);
        QVERIFY(!malformed.err.isEmpty());
    }

    void xadesSignThenVerify()
    {
        const QString xml = writeJson(QStringLiteral("ketqua.xml"),
                                      "<ketQua><maHoSo>000.17.22.H56-261129-0001</maHoSo>"
                                      "<noiDung>Đã giải quyết</noiDung></ketQua>\n");
        const QString out = m_pki.path(QStringLiteral("ketqua.signed.xml"));
        auto signing = signAs(QStringLiteral("xades"), QStringLiteral("02"), xml, out);
        QVERIFY2(signing.code == 0, signing.err.constData());
        QVERIFY(signing.out.contains("(xades, SHA256)"));
        auto verified = verify(out, {});
        QVERIFY2(verified.code == 0, verified.out.constData());
        QVERIFY(verified.out.contains("signature status: valid"));
        QVERIFY(verified.out.contains("certificate status: trusted"));
        QVERIFY(verified.out.contains("covers whole document: yes"));
        QVERIFY(verified.out.contains("signing time: "));
        // Tampered: exit 1, the signature says so.
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray changed = file.readAll().replace("Đã giải quyết", "Không giải quyết");
        file.close();
        auto tampered = verify(writeJson(QStringLiteral("changed.xml"), changed),
                               {QStringLiteral("--offline")});
        QCOMPARE(tampered.code, 1);
        QVERIFY(tampered.out.contains("signature status: digest-mismatch"));
        // A revoked signer: valid signature, revoked certificate, exit 1.
        const QString revoked = m_pki.path(QStringLiteral("revoked.signed.xml"));
        QVERIFY(signAs(QStringLiteral("xades"), QStringLiteral("03"), xml, revoked).code == 0);
        auto r = verify(revoked, {});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.contains("signature status: valid"));
        QVERIFY(r.out.contains("certificate status: revoked"));
        // A JSON form becomes XML, then is signed; xmlsec1 agrees.
        const QString form = writeJson(QStringLiteral("form.json"), kJson);
        const QString formOut = m_pki.path(QStringLiteral("form.signed.xml"));
        auto formSigning = signAs(QStringLiteral("xades"), QStringLiteral("01"), form, formOut);
        QVERIFY2(formSigning.code == 0, formSigning.err.constData());
        QVERIFY(formSigning.out.contains("JSON form converted to XML"));
        QByteArray output;
        QCOMPARE(
            PkiFixture::run(QStringLiteral("xmlsec1"),
                            {QStringLiteral("--verify"), QStringLiteral("--trusted-pem"),
                             m_pki.path(QStringLiteral("root.pem")), QStringLiteral("--id-attr:Id"),
                             QStringLiteral("http://uri.etsi.org/01903/v1.3.2#:SignedProperties"),
                             formOut},
                            &output),
            0);
        QVERIFY(verify(formOut, {}).code == 0);
        // Neither XML nor a JSON object: refused, nothing written.
        const QString text = m_pki.path(QStringLiteral("doc.txt"));
        const QString nothing = m_pki.path(QStringLiteral("doc.signed.xml"));
        auto refused = signAs(QStringLiteral("xades"), QStringLiteral("01"), text, nothing);
        QCOMPARE(refused.code, 1);
        QVERIFY(refused.err.contains("JSON"));
        QVERIFY(!QFile::exists(nothing));
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

    Outcome signJws(const QString &keyId, const QString &in, const QString &out,
                    const QStringList &extra)
    {
        return runCli(QStringList{QStringLiteral("sign"), QStringLiteral("--module"),
                                  m_pki.module(), QStringLiteral("--token"),
                                  QLatin1String(PkiFixture::kToken), QStringLiteral("--pin-env"),
                                  QStringLiteral("TEST_PIN"), QStringLiteral("--key-id"), keyId,
                                  QStringLiteral("--chain"),
                                  m_pki.path(QStringLiteral("intermediate.pem")),
                                  QStringLiteral("--format"), QStringLiteral("jws"),
                                  QStringLiteral("--in"), in, QStringLiteral("--out"), out}
                          + extra,
                      PkiFixture::kPin);
    }

    Outcome signAs(const QString &format, const QString &keyId, const QString &in,
                   const QString &out)
    {
        return runCli({QStringLiteral("sign"), QStringLiteral("--module"), m_pki.module(),
                       QStringLiteral("--token"), QLatin1String(PkiFixture::kToken),
                       QStringLiteral("--pin-env"), QStringLiteral("TEST_PIN"),
                       QStringLiteral("--key-id"), keyId, QStringLiteral("--chain"),
                       m_pki.path(QStringLiteral("intermediate.pem")), QStringLiteral("--format"),
                       format, QStringLiteral("--in"), in, QStringLiteral("--out"), out},
                      PkiFixture::kPin);
    }

    QString writeJson(const QString &name, const QByteArray &data)
    {
        QFile file(m_pki.path(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(data);
        return file.fileName();
    }

    const QByteArray kJson
        = "{\"maHoSo\": \"000.17.22.H56-261129-0001\", \"ketQua\": \"Đã giải quyết\"}\n";

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
