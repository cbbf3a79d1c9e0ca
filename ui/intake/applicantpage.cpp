#include "applicantpage.h"

#include "intakewizard.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <services/cccdimage.h>
#include <services/workstation.h>

namespace motcua::ui {

using domain::ApplicantType;

namespace {
const QString kDateFormat = QStringLiteral("dd/MM/yyyy");
}

ApplicantPage::ApplicantPage(IntakeWizard *wizard)
    : m_wizard(wizard)
    , m_type(new QComboBox)
    , m_gender(new QComboBox)
    , m_readPhoto(new QPushButton(tr("Read CCCD &photo… (Ctrl+Shift+O)")))
{
    setTitle(tr("2. Applicant"));
    setSubTitle(tr("Type the details, scan the CCCD QR code into any field, or read a photo of "
                   "the card."));
    m_type->setObjectName(QStringLiteral("applicantType"));
    m_type->addItem(tr("Citizen"), int(ApplicantType::Person));
    m_type->addItem(tr("Organisation or business"), int(ApplicantType::Organisation));
    m_gender->setObjectName(QStringLiteral("gender"));
    m_gender->addItem(QString());
    m_gender->addItem(tr("Male"), QStringLiteral("Nam"));
    m_gender->addItem(tr("Female"), QStringLiteral("Nữ"));
    m_readPhoto->setObjectName(QStringLiteral("readCccdPhoto"));
    m_readPhoto->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Applicant &type:"), m_type);
    form->addRow(QString(), m_errors.add(QStringLiteral("applicant.type"), m_type));
    m_taxCode = addLine(form, QStringLiteral("applicant.taxCode"), tr("&Tax code:"),
                        QStringLiteral("taxCode"));
    m_organisation = addLine(form, QStringLiteral("applicant.organisationName"),
                             tr("&Organisation name:"), QStringLiteral("organisationName"));
    m_personalId = addLine(form, QStringLiteral("applicant.personalId"), tr("Personal &ID (CCCD):"),
                           QStringLiteral("personalId"));
    m_fullName = addLine(form, QStringLiteral("applicant.fullName"), tr("Full &name:"),
                         QStringLiteral("fullName"));
    m_birthDate = addLine(form, QStringLiteral("applicant.birthDate"), tr("&Date of birth:"),
                          QStringLiteral("birthDate"));
    m_birthDate->setPlaceholderText(tr("dd/MM/yyyy"));
    form->addRow(tr("&Gender:"), m_gender);
    m_address = addLine(form, QStringLiteral("applicant.address"), tr("&Address:"),
                        QStringLiteral("address"));
    m_phone
        = addLine(form, QStringLiteral("applicant.phone"), tr("P&hone:"), QStringLiteral("phone"));
    m_email
        = addLine(form, QStringLiteral("applicant.email"), tr("&E-mail:"), QStringLiteral("email"));
    m_personalId->setMaxLength(12);
    m_personRows = {m_personalId, m_birthDate, m_gender};
    m_organisationRows = {m_taxCode, m_organisation};

    auto *photoError = m_errors.add(QStringLiteral("applicant.cccdPhoto"), m_readPhoto);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addStretch();
    top->addWidget(m_readPhoto);
    layout->addLayout(top);
    layout->addWidget(photoError);
    layout->addLayout(form);
    layout->addStretch();

    connect(m_type, &QComboBox::currentIndexChanged, this, &ApplicantPage::typeChanged);
    connect(m_readPhoto, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Photo or scan of the CCCD"),
            QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
            tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)"));
        if (!path.isEmpty())
            readCardImage(path);
    });
    typeChanged();
}

QLineEdit *ApplicantPage::addLine(QFormLayout *form, const QString &field, const QString &label,
                                  const QString &objectName)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    auto *box = new QWidget;
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(edit);
    v->addWidget(m_errors.add(field, edit));
    form->addRow(label, box);
    if (auto *l = qobject_cast<QLabel *>(form->labelForField(box)))
        l->setBuddy(edit);
    return edit;
}

void ApplicantPage::typeChanged()
{
    const bool person = m_type->currentData().toInt() == int(ApplicantType::Person);
    auto *form = findChild<QFormLayout *>();
    for (QWidget *w : m_personRows) {
        QWidget *row = w->parentWidget() && w->parentWidget() != this ? w->parentWidget() : w;
        form->setRowVisible(row, person);
    }
    for (QWidget *w : m_organisationRows)
        form->setRowVisible(w->parentWidget(), !person);
}

QWidget *ApplicantPage::firstInput() const
{
    return m_type->currentIndex() == 0 ? static_cast<QWidget *>(m_personalId) : m_taxCode;
}

void ApplicantPage::initializePage()
{
    loadFromDraft();
    (m_type->currentIndex() == 0 ? m_personalId : m_taxCode)->setFocus();
}

void ApplicantPage::loadFromDraft()
{
    const auto &a = m_wizard->draft().applicant;
    m_type->setCurrentIndex(a.type == ApplicantType::Person ? 0 : 1);
    m_personalId->setText(a.personalId);
    m_fullName->setText(a.fullName);
    m_birthDate->setText(a.birthDate.toString(kDateFormat));
    m_gender->setCurrentIndex(std::max(0, m_gender->findData(a.gender)));
    m_address->setText(a.address);
    m_phone->setText(a.phone);
    m_email->setText(a.email);
    m_taxCode->setText(a.taxCode);
    m_organisation->setText(a.organisationName);
    m_errors.clear();
}

void ApplicantPage::storeToDraft()
{
    auto &a = m_wizard->draft().applicant;
    a.type = ApplicantType(m_type->currentData().toInt());
    a.personalId = m_personalId->text().trimmed();
    a.fullName = m_fullName->text().simplified();
    a.birthDate = QDate::fromString(m_birthDate->text().trimmed(), kDateFormat);
    a.gender = m_gender->currentData().toString();
    a.address = m_address->text().simplified();
    a.phone = m_phone->text().remove(QLatin1Char(' ')).remove(QLatin1Char('.'));
    a.email = m_email->text().trimmed();
    a.taxCode = m_taxCode->text().trimmed();
    a.organisationName = m_organisation->text().simplified();
    if (a.type == ApplicantType::Organisation) {
        a.personalId.clear();
        a.birthDate = {};
    } else {
        a.taxCode.clear();
        a.organisationName.clear();
    }
}

QList<services::FieldError> ApplicantPage::formatErrors() const
{
    const QString text = m_birthDate->text().trimmed();
    if (m_type->currentIndex() == 0 && !text.isEmpty()
        && !QDate::fromString(text, kDateFormat).isValid()) {
        return {{QStringLiteral("applicant.birthDate"),
                 QString::fromUtf8("Ngày sinh phải có dạng ngày/tháng/năm, ví dụ 01/01/1990.")}};
    }
    return {};
}

bool ApplicantPage::validatePage()
{
    storeToDraft();
    auto problems = formatErrors();
    problems += services::validateApplicantFields(m_wizard->draft().applicant,
                                                  services::Workstation::now().date());
    if (const auto proc = m_wizard->procedure(); proc && !proc->applicantTypes.isEmpty()
        && !proc->applicantTypes.contains(m_wizard->draft().applicant.type)) {
        problems.prepend(
            {QStringLiteral("applicant.type"),
             QString::fromUtf8("Thủ tục này không áp dụng cho loại người nộp đã chọn.")});
    }
    m_errors.show(problems);
    return problems.isEmpty();
}

void ApplicantPage::showErrors(const QList<services::FieldError> &errors)
{
    m_errors.show(errors);
}

void ApplicantPage::readCardImage(const QString &path)
{
    m_readPhoto->setEnabled(false);
    auto *watcher = new QFutureWatcher<domain::Result<domain::CccdCard>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_readPhoto->setEnabled(true);
        const auto result = watcher->result();
        if (!result) {
            m_errors.show({{QStringLiteral("applicant.cccdPhoto"), result.error().message}});
            return;
        }
        m_errors.clear();
        Q_EMIT cardRead(result.value());
    });
    watcher->setFuture(QtConcurrent::run(&services::readCccdImageFile, path));
}

} // namespace motcua::ui
