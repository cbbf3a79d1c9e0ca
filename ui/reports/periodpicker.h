#pragma once

// The report period (kỳ báo cáo): a month, a quarter, a year, year-to-date (lũy kế từ đầu năm, to
// a chosen day) or custom days, dates dd/MM/yyyy. Keyboard: Tab between the pickers.
#include <QDate>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QSpinBox;

namespace motcua::ui {

class PeriodPicker : public QWidget
{
    Q_OBJECT
public:
    enum Kind {
        Month,
        Quarter,
        Year,
        YearToDate,
        Custom
    };

    explicit PeriodPicker(const QDate &today, QWidget *parent = nullptr);

    [[nodiscard]] Kind kind() const;
    [[nodiscard]] QDate from() const;
    [[nodiscard]] QDate to() const;
    // month: 1–12 for Month, 1–4 for Quarter (ignored otherwise); day: the end of year-to-date.
    void setMonth(int year, int month);
    void setQuarter(int year, int quarter);
    void setYear(int year);
    void setYearToDate(const QDate &day);
    void setCustom(const QDate &from, const QDate &to);
    // "Tháng 03/2026", "Quý I/2026"…: for titles.
    [[nodiscard]] QString describe() const;

Q_SIGNALS:
    void changed();

private:
    void kindChanged();

    QComboBox *m_kind;
    QSpinBox *m_year;
    QComboBox *m_part;
    QDateEdit *m_from;
    QDateEdit *m_to;
};

} // namespace motcua::ui
