#include "tokensettingsdialog.h"

#include "labels.h"
#include "signingsession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <signing/moduledetect.h>

namespace motcua::ui {

namespace {

// "C=VN,O=…,CN=Nguyễn Văn A" → "Nguyễn Văn A" (the whole subject when it has no CN).
QString commonNameOf(const QString &subject)
{
    const qsizetype at = subject.lastIndexOf(QLatin1String("CN="));
    if (at < 0)
        return subject;
    const QString rest = subject.mid(at + 3);
    const qsizetype comma = rest.indexOf(QLatin1Char(','));
    return comma < 0 ? rest : rest.left(comma);
}

} // namespace

TokenSettingsDialog::TokenSettingsDialog(SigningSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_module(new QComboBox)
    , m_token(new QComboBox)
    , m_account(new QLineEdit)
    , m_password(new QLineEdit)
    , m_accountRow(new QWidget)
    , m_certificates(new QTreeWidget)
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("tokenSettings"));
    setWindowTitle(tr("Signing token of this workstation"));
    m_module->setObjectName(QStringLiteral("moduleBox"));
    m_module->setEditable(true);
    m_module->setInsertPolicy(QComboBox::NoInsert);
    m_module->setMinimumWidth(420);
    const TokenConfig current = session.config();
    for (const auto &m : signing::detectModules())
        m_module->addItem(QStringLiteral("%1 — %2").arg(m.vendor, m.path), m.path);
    const QString chosen = signing::chooseModule(current.modulePath);
    const int at = m_module->findData(chosen);
    if (at >= 0)
        m_module->setCurrentIndex(at);
    else
        m_module->setEditText(chosen);
    m_account->setObjectName(QStringLiteral("remoteAccount"));
    m_account->setText(current.remoteUser);
    m_password->setObjectName(QStringLiteral("remotePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("used to list the certificates, not kept"));
    m_token->setObjectName(QStringLiteral("tokenBox"));
    m_certificates->setObjectName(QStringLiteral("certificateList"));
    m_certificates->setHeaderLabels(
        {tr("Issued to"), tr("Certificate"), tr("Valid from"), tr("Valid until")});
    m_certificates->setRootIsDecorated(false);
    m_certificates->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_certificates->setColumnWidth(0, 200);
    m_status->setObjectName(QStringLiteral("tokenStatus"));
    m_status->setWordWrap(true);

    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("browseModule"));
    auto *refresh = new QPushButton(tr("&Read the token (F5)"));
    refresh->setObjectName(QStringLiteral("readTokens"));
    refresh->setShortcut(QKeySequence::Refresh);
    auto *moduleRow = new QHBoxLayout;
    moduleRow->addWidget(m_module, 1);
    moduleRow->addWidget(browse);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(refresh);
    auto *form = new QFormLayout;
    auto *moduleLabel = new QLabel(tr("Token &driver (PKCS#11) or remote signing service:"));
    moduleLabel->setBuddy(m_module);
    form->addRow(moduleLabel, moduleRow);
    auto *accountLayout = new QHBoxLayout(m_accountRow);
    accountLayout->setContentsMargins(0, 0, 0, 0);
    auto *accountLabel = new QLabel(tr("&Account:"));
    accountLabel->setBuddy(m_account);
    auto *passwordLabel = new QLabel(tr("Pass&word:"));
    passwordLabel->setBuddy(m_password);
    accountLayout->addWidget(accountLabel);
    accountLayout->addWidget(m_account, 1);
    accountLayout->addWidget(passwordLabel);
    accountLayout->addWidget(m_password, 1);
    form->addRow(QString(), m_accountRow);
    const auto showAccount = [this] {
        m_accountRow->setVisible(TokenConfig::isRemoteAddress(m_module->currentText().trimmed()));
    };
    connect(m_module, &QComboBox::currentTextChanged, this, showAccount);
    showAccount();
    auto *tokenLabel = new QLabel(tr("&Token:"));
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, tokenRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *certLabel = new QLabel(tr("&Certificate to sign with:"));
    certLabel->setBuddy(m_certificates);
    layout->addWidget(certLabel);
    layout->addWidget(m_certificates, 1);
    layout->addWidget(m_status);
    layout->addWidget(new QLabel(tr("The PIN is never stored: it is asked once per session, at "
                                    "the first signing.")));
    layout->addWidget(buttons);
    resize(760, 460);

    connect(browse, &QPushButton::clicked, this, &TokenSettingsDialog::browse);
    connect(refresh, &QPushButton::clicked, this, &TokenSettingsDialog::readTokens);
    connect(m_token, &QComboBox::currentIndexChanged, this, &TokenSettingsDialog::readCertificates);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!m_module->currentText().isEmpty())
        readTokens();
    else
        setStatus(tr("No token driver was found on this workstation. Install your certificate "
                     "provider's driver, or browse for its PKCS#11 library."),
                  true);
}

TokenSettingsDialog::~TokenSettingsDialog() = default;

void TokenSettingsDialog::setStatus(const QString &text, bool bad)
{
    m_status->setText(text);
    m_status->setStyleSheet(bad ? QStringLiteral("color:#8b1a10; font-weight:bold;")
                                : QStringLiteral("color:#1b5e20;"));
}

QString TokenSettingsDialog::modulePath() const
{
    // A detected driver shows "vendor — path"; a typed or browsed path is the text itself.
    const int i = m_module->currentIndex();
    if (i >= 0 && m_module->currentText() == m_module->itemText(i))
        return m_module->itemData(i).toString();
    return m_module->currentText().trimmed();
}

void TokenSettingsDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("PKCS#11 library of the token driver"), QString(),
        tr("PKCS#11 libraries (*.so *.so.* *.dll *.dylib);;All files (*)"));
    if (path.isEmpty())
        return;
    m_module->setEditText(path);
    readTokens();
}

void TokenSettingsDialog::readTokens()
{
    const QString path = modulePath();
    m_token->blockSignals(true);
    m_token->clear();
    m_token->blockSignals(false);
    m_certificates->clear();
    m_certs.clear();
    m_backend.reset();
    const bool remote = TokenConfig::isRemoteAddress(path);
    auto backend
        = openSigningBackend(path, m_account->text().trimmed(), m_password->text().toUtf8());
    if (!backend)
        return setStatus(SigningSession::messageFor(backend.error()), true);
    m_backend = std::move(backend).value();
    auto tokens = m_backend->tokens();
    if (!tokens)
        return setStatus(SigningSession::messageFor(tokens.error()), true);
    if (tokens->isEmpty())
        return setStatus(remote ? tr("This account has no signing certificate at the service.")
                                : tr("No signing token is plugged in. Plug in your USB token and "
                                     "press F5."),
                         true);
    m_token->blockSignals(true);
    for (const auto &t : tokens.value()) {
        m_token->addItem(
            QStringLiteral("%1 (%2 %3, %4)").arg(t.label, t.manufacturer, t.model, t.serial),
            t.label);
    }
    const int at = m_token->findData(m_session.config().tokenLabel);
    m_token->setCurrentIndex(at >= 0 ? at : 0);
    m_token->blockSignals(false);
    readCertificates();
}

void TokenSettingsDialog::readCertificates()
{
    m_certificates->clear();
    m_certs.clear();
    if (!m_backend || m_token->currentIndex() < 0)
        return;
    auto certs = m_backend->certificates(m_token->currentData().toString());
    if (!certs)
        return setStatus(SigningSession::messageFor(certs.error()), true);
    m_certs = certs.value();
    const QString wanted = m_session.config().keyId;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &c : std::as_const(m_certs)) {
        auto *item = new QTreeWidgetItem(m_certificates,
                                         {commonNameOf(c.subject), c.subject,
                                          Labels::date(c.notBefore.date()),
                                          Labels::date(c.notAfter.date())});
        item->setToolTip(1, c.subject);
        if (c.notAfter < now || c.notBefore > now) {
            item->setForeground(3, QColor(0x8b, 0x1a, 0x10));
            item->setToolTip(3, tr("This certificate is not valid today."));
        }
        if (QString::fromLatin1(c.id.toHex()) == wanted)
            m_certificates->setCurrentItem(item);
    }
    if (!m_certificates->currentItem() && m_certificates->topLevelItemCount() > 0)
        m_certificates->setCurrentItem(m_certificates->topLevelItem(0));
    setStatus(m_certs.isEmpty()
                  ? tr("This token holds no certificate.")
                  : tr("%n certificate(s) on the token.", nullptr, int(m_certs.size())),
              m_certs.isEmpty());
}

bool TokenSettingsDialog::save()
{
    const int row = m_certificates->currentItem()
        ? m_certificates->indexOfTopLevelItem(m_certificates->currentItem())
        : -1;
    if (!m_backend || m_token->currentIndex() < 0 || row < 0 || row >= m_certs.size()) {
        setStatus(tr("Choose a token driver, a token and a certificate first."), true);
        return false;
    }
    const auto &cert = m_certs.at(row);
    TokenConfig config;
    config.modulePath = modulePath();
    if (m_accountRow->isVisibleTo(this))
        config.remoteUser = m_account->text().trimmed();
    config.tokenLabel = m_token->currentData().toString();
    config.keyId = QString::fromLatin1(cert.id.toHex());
    config.certificateSubject = cert.subject;
    config.notAfter = cert.notAfter;
    m_backend.reset(); // the session opens its own
    if (auto st = m_session.setConfig(config); !st) {
        setStatus(st.error().message, true);
        return false;
    }
    return true;
}

} // namespace motcua::ui
