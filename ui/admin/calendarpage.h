#pragma once

// Administration › Work calendar (issue 10 item 4): one year of the national holiday calendar the
// server keeps. The year's days off (the law's holidays, read-only, and the government's extra
// days off) and its swapped working days (làm bù) in two tables; add, edit and delete with the
// fault shown at the field; the day beside 2/9; the year as CSV (import: every faulty row and
// column, nothing taken; export: UTF-8 with BOM). A preview computes a due date with the edited
// calendar next to the one in force. The office hours every office keeps (one line per weekday,
// "07:30-11:30, 13:30-17:00", blank = closed; Saturday mornings at one tick) belong to the same
// calendar. Save (Ctrl+S) sends it with the version read: a calendar changed meanwhile by another
// admin is refused, not overwritten. Online only.
#include <QWidget>

#include <domain/holidays.h>
#include <domain/procedureimport.h>

#include <array>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace motcua::services {
class AdminService;
}

namespace motcua::ui {

class CalendarPage : public QWidget
{
    Q_OBJECT
public:
    explicit CalendarPage(services::AdminService &admin, QWidget *parent = nullptr);

    void refresh(); // F5: reads the server's calendar (edits not saved are dropped)
    void setYear(int year);
    // Ctrl+Shift+N / Ctrl+Shift+L: the date (dd/MM/yyyy) and name in the fields; false with the
    // message at the field when refused.
    bool addDayOff();
    bool addWorkingDay();
    bool replaceSelected(); // Ctrl+Shift+E: the selected row takes the fields' date (and name)
    bool removeSelected();  // Delete
    void save();            // Ctrl+S
    bool importCsv(const QString &path); // Ctrl+O asks for it
    bool exportCsv(const QString &path); // Ctrl+Shift+X asks for it
    void selectDay(const QDate &date);   // in whichever table lists it
    // Ctrl+H focuses Monday's hours. A weekday's hours as typed ("07:30-11:30, 13:30-17:00",
    // blank = closed); false with the fault shown under the hours when refused.
    bool setHoursText(int weekday, const QString &text);
    void setSaturdayMorning(bool open); // the tick: 07:30-11:30 on Saturday, or closed

    [[nodiscard]] int year() const;
    [[nodiscard]] const domain::HolidayCalendar &edited() const { return m_edited; }
    [[nodiscard]] const domain::HolidayCalendar &saved() const { return m_saved; }
    [[nodiscard]] bool modified() const;
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString fieldError() const;
    [[nodiscard]] QString status() const;
    [[nodiscard]] QString previewText() const;
    [[nodiscard]] QString hoursError() const;
    [[nodiscard]] QString hoursText(int weekday) const;
    [[nodiscard]] QTableView *daysOffTable() const { return m_daysOff; }
    [[nodiscard]] QTableView *workingTable() const { return m_working; }
    [[nodiscard]] QTableView *problemsTable() const { return m_problems; }

Q_SIGNALS:
    void loaded();
    void savedToServer();

private:
    void render();
    void renderHours();
    bool applyHours(); // every weekday's line into m_edited; false (nothing taken) on a fault
    void updatePreview();
    void setDecision(const domain::YearDecision &decision);
    void report(const QString &text, bool error = false);
    void fieldFault(const QString &text);
    void showProblems(const QList<domain::ImportProblem> &problems);

    services::AdminService &m_admin;
    domain::HolidayCalendar m_saved;
    domain::HolidayCalendar m_edited;
    QByteArray m_tag;
    bool m_busy = false;
    QDate m_selected; // the selected row's date
    bool m_selectedWorking = false;

    QSpinBox *m_year;
    QTableView *m_daysOff;
    QStandardItemModel *m_daysOffModel;
    QTableView *m_working;
    QStandardItemModel *m_workingModel;
    QLineEdit *m_date;
    QLineEdit *m_name;
    QLabel *m_fieldError;
    QComboBox *m_adjacent;
    QLineEdit *m_source;
    std::array<QLineEdit *, 8> m_hours{}; // Qt::Monday … Qt::Sunday
    QCheckBox *m_saturdayMorning;
    QLabel *m_hoursError;
    QLineEdit *m_previewDate;
    QSpinBox *m_previewDays;
    QLabel *m_preview;
    QTableView *m_problems;
    QStandardItemModel *m_problemsModel;
    QLabel *m_status;
};

} // namespace motcua::ui
