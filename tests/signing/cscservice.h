#pragma once

// A small remote signing service in the shape of the Cloud Signature Consortium API v2, for the
// tests of core/signing/csc.h. It listens on loopback on its own thread (so a client blocking the
// test's thread, or motcuactl run to completion, still gets answers) and signs with keys on the
// SoftHSM2 token through the project's PKCS#11 backend, the way a real service signs in its HSM.
//
// Routes under /csc/v2: info, auth/login (HTTP Basic → bearer), credentials/list,
// credentials/info, credentials/authorize (PIN; 202 + authorizationID when the signer must
// confirm on their phone), credentials/authorizeCheck, signatures/signHash (SAD, RSA PKCS#1 v1.5
// or ECDSA over the hashes given). Errors are {"error", "error_description"} as in the
// specification, with "remainingTries" after a wrong PIN.
#include <QByteArray>
#include <QString>

#include <signing/token.h>

#include <atomic>
#include <memory>

class CscService
{
public:
    // How the signer answers a request that needs their confirmation on the phone.
    enum class Phone {
        NotAsked, // explicit PIN only: the SAD comes at once
        Confirms, // after `checksBeforeAnswer` authorizeCheck calls
        Declines, // likewise, then access_denied
        NeverAnswers
    };
    struct Credential
    {
        motcua::signing::SignerCredentials signer; // key on the token, certificate, chain
        QByteArray pin;
        int triesLeft = 3;
        Phone phone = Phone::NotAsked;
        int checksBeforeAnswer = 2;
    };

    CscService();
    ~CscService();
    CscService(const CscService &) = delete;
    CscService &operator=(const CscService &) = delete;

    bool start();
    [[nodiscard]] QString url() const; // "http://127.0.0.1:PORT/csc/v2"
    void addAccount(const QString &user, const QByteArray &password);
    void addCredential(const QString &id, const Credential &credential);

    std::atomic<int> signedHashes{0};
    std::atomic<int> authorizeChecks{0};

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
