#include "periodpicker.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace motcua::ui {

namespace {
const QStringList &romans()
{
    static const QStringList r{QStringLiteral("I"), QStringLiteral("II"), QStringLiteral("III"),
                               QStringLiteral("IV")};
    return r;
}
} // namespace

PeriodPicker::PeriodPicker(const QDate &today, QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox)
    , m_year(new QSpinBox)
    , m_part(new QComboBox)
    , m_from(new QDateEdit(today))
    , m_to(new QDateEdit(today))
{
    m_kind->setObjectName(QStringLiteral("periodKind"));
    m_kind->addItems({tr("Month"), tr("Quarter"), tr("Year"), tr("Year to date"), tr("Custom")});
    m_kind->setToolTip(tr("Report period"));
    m_year->setObjectName(QStringLiteral("periodYear"));
    m_year->setRange(2000, 2100);
    m_year->setValue(today.year());
    m_year->setAccessibleName(tr("Year"));
    m_part->setObjectName(QStringLiteral("periodPart"));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
        e->setCalendarPopup(true);
    }
    m_from->setObjectName(QStringLiteral("periodFrom"));
    m_to->setObjectName(QStringLiteral("periodTo"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *kindLabel = new QLabel(tr("&Period:"));
    kindLabel->setBuddy(m_kind);
    layout->addWidget(kindLabel);
    layout->addWidget(m_kind);
    layout->addWidget(m_part);
    layout->addWidget(m_year);
    auto *fromLabel = new QLabel(tr("from"));
    auto *toLabel = new QLabel(tr("to"));
    layout->addWidget(fromLabel);
    layout->addWidget(m_from);
    layout->addWidget(toLabel);
    layout->addWidget(m_to);
    layout->addStretch(1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &PeriodPicker::kindChanged);
    for (QSpinBox *s : {m_year})
        connect(s, &QSpinBox::valueChanged, this, [this] { kindChanged(); });
    connect(m_part, &QComboBox::currentIndexChanged, this, [this] { kindChanged(); });
    connect(m_from, &QDateEdit::dateChanged, this, &PeriodPicker::changed);
    connect(m_to, &QDateEdit::dateChanged, this, &PeriodPicker::changed);
    setMonth(today.year(), today.month());
}

PeriodPicker::Kind PeriodPicker::kind() const
{
    return Kind(m_kind->currentIndex());
}

void PeriodPicker::kindChanged()
{
    const Kind k = kind();
    const int year = m_year->value();
    {
        const QSignalBlocker b(m_part);
        const int part = m_part->currentIndex();
        const bool wantMonths = k == Month;
        const bool haveMonths = m_part->count() == 12;
        if (k == Month || k == Quarter) {
            if (wantMonths != haveMonths || m_part->count() == 0) {
                m_part->clear();
                if (wantMonths) {
                    for (int m = 1; m <= 12; ++m)
                        m_part->addItem(tr("Month %1").arg(m, 2, 10, QLatin1Char('0')));
                } else {
                    for (const QString &r : romans())
                        m_part->addItem(tr("Quarter %1").arg(r));
                }
                m_part->setCurrentIndex(std::clamp(part, 0, m_part->count() - 1));
            }
        }
    }
    m_part->setVisible(k == Month || k == Quarter);
    m_year->setVisible(k == Month || k == Quarter || k == Year);
    m_from->setEnabled(k == Custom);
    m_to->setEnabled(k == Custom || k == YearToDate);
    const QSignalBlocker bf(m_from);
    const QSignalBlocker bt(m_to);
    switch (k) {
    case Month: {
        const QDate first(year, m_part->currentIndex() + 1, 1);
        m_from->setDate(first);
        m_to->setDate(first.addMonths(1).addDays(-1));
        break;
    }
    case Quarter: {
        const QDate first(year, m_part->currentIndex() * 3 + 1, 1);
        m_from->setDate(first);
        m_to->setDate(first.addMonths(3).addDays(-1));
        break;
    }
    case Year:
        m_from->setDate(QDate(year, 1, 1));
        m_to->setDate(QDate(year, 12, 31));
        break;
    case YearToDate:
        m_from->setDate(QDate(m_to->date().year(), 1, 1));
        break;
    case Custom:
        break;
    }
    Q_EMIT changed();
}

QDate PeriodPicker::from() const
{
    if (kind() == YearToDate)
        return QDate(m_to->date().year(), 1, 1);
    return m_from->date();
}

QDate PeriodPicker::to() const
{
    return m_to->date();
}

void PeriodPicker::setMonth(int year, int month)
{
    const QSignalBlocker b(m_kind);
    m_kind->setCurrentIndex(Month);
    const QSignalBlocker by(m_year);
    m_year->setValue(year);
    kindChanged();
    m_part->setCurrentIndex(month - 1);
}

void PeriodPicker::setQuarter(int year, int quarter)
{
    const QSignalBlocker b(m_kind);
    m_kind->setCurrentIndex(Quarter);
    const QSignalBlocker by(m_year);
    m_year->setValue(year);
    kindChanged();
    m_part->setCurrentIndex(quarter - 1);
}

void PeriodPicker::setYear(int year)
{
    const QSignalBlocker b(m_kind);
    m_kind->setCurrentIndex(Year);
    const QSignalBlocker by(m_year);
    m_year->setValue(year);
    kindChanged();
}

void PeriodPicker::setYearToDate(const QDate &day)
{
    const QSignalBlocker b(m_kind);
    m_kind->setCurrentIndex(YearToDate);
    {
        const QSignalBlocker bt(m_to);
        m_to->setDate(day);
    }
    kindChanged();
}

void PeriodPicker::setCustom(const QDate &from, const QDate &to)
{
    const QSignalBlocker b(m_kind);
    m_kind->setCurrentIndex(Custom);
    kindChanged();
    m_from->setDate(from);
    m_to->setDate(to);
}

QString PeriodPicker::describe() const
{
    const QString f = from().toString(QStringLiteral("dd/MM/yyyy"));
    const QString t = to().toString(QStringLiteral("dd/MM/yyyy"));
    switch (kind()) {
    case Month:
        return tr("Month %1/%2").arg(from().month(), 2, 10, QLatin1Char('0')).arg(from().year());
    case Quarter:
        return tr("Quarter %1/%2").arg(romans().at((from().month() - 1) / 3)).arg(from().year());
    case Year:
        return tr("Year %1").arg(from().year());
    case YearToDate:
        return tr("Year to date, %1 to %2").arg(f, t);
    case Custom:
        break;
    }
    return tr("%1 to %2").arg(f, t);
}

} // namespace motcua::ui
