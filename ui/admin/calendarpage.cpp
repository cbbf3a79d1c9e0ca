#include "calendarpage.h"

#include "adminwidgets.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <domain/calendarcsv.h>
#include <domain/workcalendar.h>
#include <services/adminservice.h>

#include <algorithm>

namespace motcua::ui {

namespace {

constexpr int kDateRole = Qt::UserRole;
constexpr int kEditableRole = Qt::UserRole + 1;

QString display(const QDate &date)
{
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

QTableView *makeTable(QStandardItemModel *model, const QString &name)
{
    auto *t = new QTableView;
    t->setObjectName(name);
    t->setModel(model);
    admin::setUpRecordTable(t);
    return t;
}

} // namespace

CalendarPage::CalendarPage(services::AdminService &admin, QWidget *parent)
    : QWidget(parent)
    , m_admin(admin)
    , m_year(new QSpinBox)
    , m_daysOffModel(new QStandardItemModel(this))
    , m_workingModel(new QStandardItemModel(this))
    , m_date(new QLineEdit)
    , m_name(new QLineEdit)
    , m_fieldError(new QLabel)
    , m_adjacent(new QComboBox)
    , m_source(new QLineEdit)
    , m_saturdayMorning(new QCheckBox(tr("Open on Saturday &mornings (07:30–11:30)")))
    , m_hoursError(new QLabel)
    , m_previewDate(new QLineEdit)
    , m_previewDays(new QSpinBox)
    , m_preview(new QLabel)
    , m_problemsModel(new QStandardItemModel(this))
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("calendarPage"));
    m_daysOff = makeTable(m_daysOffModel, QStringLiteral("calendarDaysOff"));
    m_working = makeTable(m_workingModel, QStringLiteral("calendarWorkingDays"));
    m_problems = makeTable(m_problemsModel, QStringLiteral("calendarProblems"));
    m_problems->hide();
    m_year->setObjectName(QStringLiteral("calendarYear"));
    m_year->setRange(1900, 2199);
    m_year->setValue(QDate::currentDate().year());
    m_date->setObjectName(QStringLiteral("calendarDate"));
    m_date->setPlaceholderText(tr("dd/MM/yyyy"));
    m_name->setObjectName(QStringLiteral("calendarName"));
    m_name->setPlaceholderText(tr("Name of the day off, e.g. Nghỉ hoán đổi (làm bù thứ Bảy 25/4)"));
    m_fieldError->setObjectName(QStringLiteral("calendarFieldError"));
    m_fieldError->setWordWrap(true);
    m_fieldError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_adjacent->setObjectName(QStringLiteral("calendarAdjacent"));
    m_source->setObjectName(QStringLiteral("calendarSource"));
    m_source->setPlaceholderText(tr("The Prime Minister's notice or decision for this year"));
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        auto *line = new QLineEdit;
        line->setObjectName(QStringLiteral("hours_") + domain::weekdayKey(day));
        line->setPlaceholderText(tr("closed (e.g. 07:30-11:30, 13:30-17:00)"));
        connect(line, &QLineEdit::editingFinished, this, [this] { applyHours(); });
        m_hours[day] = line;
    }
    m_saturdayMorning->setObjectName(QStringLiteral("saturdayMorning"));
    connect(m_saturdayMorning, &QCheckBox::clicked, this,
            [this](bool open) { setSaturdayMorning(open); });
    m_hoursError->setObjectName(QStringLiteral("hoursError"));
    m_hoursError->setWordWrap(true);
    m_hoursError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_hoursError->hide();
    m_previewDate->setObjectName(QStringLiteral("previewDate"));
    m_previewDate->setPlaceholderText(tr("dd/MM/yyyy"));
    m_previewDays->setObjectName(QStringLiteral("previewDays"));
    m_previewDays->setRange(1, 365);
    m_previewDays->setValue(5);
    m_previewDays->setSuffix(tr(" working days"));
    m_preview->setObjectName(QStringLiteral("previewResult"));
    m_preview->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("calendarStatus"));
    m_status->setWordWrap(true);

    auto *reload = admin::pageAction(this, tr("Reload (F5)"), QKeySequence(Qt::Key_F5),
                                     [this] { refresh(); });
    auto *importAction = admin::pageAction(
        this, tr("Import CSV (Ctrl+O)"), QKeySequence(Qt::CTRL | Qt::Key_O), [this] {
            const QString path = QFileDialog::getOpenFileName(this, tr("A year's days off as CSV"),
                                                              {}, tr("CSV (*.csv)"));
            if (!path.isEmpty())
                importCsv(path);
        });
    auto *exportAction = admin::pageAction(this, tr("Export CSV (Ctrl+Shift+X)"),
                                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), [this] {
                                               const QString path = QFileDialog::getSaveFileName(
                                                   this, tr("Export the year's days off"),
                                                   QStringLiteral("lich-nghi-%1.csv").arg(year()),
                                                   tr("CSV (*.csv)"));
                                               if (!path.isEmpty())
                                                   exportCsv(path);
                                           });
    auto *saveAction = admin::pageAction(this, tr("Save to the server (Ctrl+S)"),
                                         QKeySequence(Qt::CTRL | Qt::Key_S), [this] { save(); });
    auto *addOff = admin::pageAction(this, tr("Add day off (Ctrl+Shift+N)"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                                     [this] { addDayOff(); });
    auto *addWorking = admin::pageAction(this, tr("Add swapped working day (Ctrl+Shift+L)"),
                                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                                         [this] { addWorkingDay(); });
    auto *replace = admin::pageAction(this, tr("Change selected (Ctrl+Shift+E)"),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                                      [this] { replaceSelected(); });
    auto *remove
        = admin::pageAction(this, tr("Delete selected (Del)"), QKeySequence(QKeySequence::Delete),
                            [this] { removeSelected(); });
    auto *yearAction
        = admin::pageAction(this, tr("Year"), QKeySequence(Qt::CTRL | Qt::Key_Y), [this] {
              m_year->setFocus();
              m_year->selectAll();
          });
    Q_UNUSED(yearAction)
    auto *hoursAction
        = admin::pageAction(this, tr("Office hours"), QKeySequence(Qt::CTRL | Qt::Key_H), [this] {
              m_hours[Qt::Monday]->setFocus();
              m_hours[Qt::Monday]->selectAll();
          });
    auto *standardHours = new QAction(tr("Standard hours"), this);
    standardHours->setToolTip(tr("07:30–11:30 and 13:30–17:00, Monday to Friday"));
    connect(standardHours, &QAction::triggered, this, [this] {
        for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
            m_hours[day]->setText(
                domain::intervalsText(domain::OfficeHours::standard().intervals(day)));
        applyHours();
    });
    Q_UNUSED(hoursAction)

    connect(m_year, &QSpinBox::valueChanged, this, [this] {
        m_selected = {};
        render();
        updatePreview();
    });
    const auto selection = [this](QTableView *table, bool working) {
        connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, table, working](const QModelIndex &current) {
                    if (!current.isValid())
                        return;
                    const auto *model = static_cast<QStandardItemModel *>(table->model());
                    const QDate date = model->item(current.row(), 0)->data(kDateRole).toDate();
                    m_selected = date;
                    m_selectedWorking = working;
                    m_date->setText(display(date));
                    m_name->setText(working ? QString() : model->item(current.row(), 2)->text());
                    (working ? m_daysOff : m_working)->clearSelection();
                });
    };
    selection(m_daysOff, false);
    selection(m_working, true);
    connect(m_adjacent, &QComboBox::activated, this, [this] {
        domain::YearDecision d = domain::yearDecision(m_edited, year());
        d.nationalDayAdjacent = m_adjacent->currentData().toDate();
        setDecision(d);
    });
    connect(m_source, &QLineEdit::editingFinished, this, [this] {
        domain::YearDecision d = domain::yearDecision(m_edited, year());
        if (d.source == m_source->text().trimmed())
            return;
        d.source = m_source->text().trimmed();
        setDecision(d);
    });
    connect(m_previewDate, &QLineEdit::textChanged, this, &CalendarPage::updatePreview);
    connect(m_previewDays, &QSpinBox::valueChanged, this, &CalendarPage::updatePreview);
    m_previewDate->setText(display(QDate::currentDate()));

    auto *bar = new QHBoxLayout;
    auto *yearLabel = new QLabel(tr("&Year (Ctrl+Y):"));
    yearLabel->setBuddy(m_year);
    bar->addWidget(yearLabel);
    bar->addWidget(m_year);
    bar->addStretch(1);
    for (QAction *a : {reload, importAction, exportAction, saveAction})
        bar->addWidget(admin::actionButton(a));

    auto *offBox = new QGroupBox(tr("Days off"));
    (new QVBoxLayout(offBox))->addWidget(m_daysOff);
    auto *workingBox = new QGroupBox(tr("Swapped working days (làm bù)"));
    (new QVBoxLayout(workingBox))->addWidget(m_working);
    auto *tables = new QHBoxLayout;
    tables->addWidget(offBox, 3);
    tables->addWidget(workingBox, 1);

    auto *edit = new QHBoxLayout;
    auto *dateLabel = new QLabel(tr("&Date:"));
    dateLabel->setBuddy(m_date);
    auto *nameLabel = new QLabel(tr("Na&me:"));
    nameLabel->setBuddy(m_name);
    edit->addWidget(dateLabel);
    edit->addWidget(m_date);
    edit->addWidget(nameLabel);
    edit->addWidget(m_name, 1);
    auto *editButtons = new QHBoxLayout;
    for (QAction *a : {addOff, addWorking, replace, remove})
        editButtons->addWidget(admin::actionButton(a));
    editButtons->addStretch(1);

    auto *yearForm = new QFormLayout;
    yearForm->addRow(tr("Day beside National Day (2/9):"), m_adjacent);
    yearForm->addRow(tr("Legal basis:"), m_source);

    auto *hoursBox = new QGroupBox(tr("Office hours of every office, every year (Ctrl+H)"));
    auto *hoursForm = new QFormLayout;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        auto *label = new QLabel(domain::weekdayName(day) + QLatin1Char(':'));
        label->setBuddy(m_hours[day]);
        hoursForm->addRow(label, m_hours[day]);
    }
    auto *hoursButtons = new QHBoxLayout;
    hoursButtons->addWidget(m_saturdayMorning);
    hoursButtons->addStretch(1);
    hoursButtons->addWidget(admin::actionButton(standardHours));
    auto *hoursLayout = new QVBoxLayout(hoursBox);
    hoursLayout->addLayout(hoursForm);
    hoursLayout->addLayout(hoursButtons);
    hoursLayout->addWidget(m_hoursError);
    hoursLayout->addWidget(new QLabel(tr("Due dates count working time within these hours; a "
                                         "swapped working weekend day keeps Monday's hours.")));

    auto *previewBox = new QGroupBox(tr("Preview with the edited calendar"));
    auto *previewRow = new QHBoxLayout;
    auto *previewLabel = new QLabel(tr("A dossier &received on"));
    previewLabel->setBuddy(m_previewDate);
    previewRow->addWidget(previewLabel);
    previewRow->addWidget(m_previewDate);
    previewRow->addWidget(new QLabel(tr("with a deadline of")));
    previewRow->addWidget(m_previewDays);
    previewRow->addStretch(1);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addLayout(previewRow);
    previewLayout->addWidget(m_preview);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(tables, 1);
    layout->addLayout(edit);
    layout->addLayout(editButtons);
    layout->addWidget(m_fieldError);
    auto *left = new QVBoxLayout;
    left->addLayout(yearForm);
    left->addWidget(previewBox);
    left->addStretch(1);
    auto *lower = new QHBoxLayout;
    lower->addLayout(left, 3);
    lower->addWidget(hoursBox, 2);
    layout->addLayout(lower);
    layout->addWidget(m_problems);
    layout->addWidget(m_status);
    m_fieldError->hide();
    render();
    renderHours();
}

int CalendarPage::year() const
{
    return m_year->value();
}

void CalendarPage::setYear(int year)
{
    m_year->setValue(year);
}

bool CalendarPage::modified() const
{
    return m_edited.toJson() != m_saved.toJson();
}

QString CalendarPage::fieldError() const
{
    return m_fieldError->isVisible() ? m_fieldError->text() : QString();
}

QString CalendarPage::status() const
{
    return m_status->text();
}

QString CalendarPage::previewText() const
{
    return m_preview->text();
}

QString CalendarPage::hoursError() const
{
    return m_hoursError->isVisible() ? m_hoursError->text() : QString();
}

QString CalendarPage::hoursText(int weekday) const
{
    return weekday >= Qt::Monday && weekday <= Qt::Sunday ? m_hours.at(weekday)->text() : QString();
}

bool CalendarPage::setHoursText(int weekday, const QString &text)
{
    if (weekday < Qt::Monday || weekday > Qt::Sunday)
        return false;
    m_hours.at(weekday)->setText(text);
    return applyHours();
}

void CalendarPage::setSaturdayMorning(bool open)
{
    const domain::OfficeHours standard = domain::OfficeHours::standard(true);
    m_hours.at(Qt::Saturday)
        ->setText(open ? domain::intervalsText(standard.intervals(Qt::Saturday)) : QString());
    applyHours();
}

void CalendarPage::renderHours()
{
    const domain::OfficeHours hours = m_edited.officeHours();
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
        m_hours.at(day)->setText(domain::intervalsText(hours.intervals(day)));
    const QSignalBlocker block(m_saturdayMorning);
    m_saturdayMorning->setChecked(!hours.intervals(Qt::Saturday).isEmpty());
    m_hoursError->hide();
}

bool CalendarPage::applyHours()
{
    domain::OfficeHours hours;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        auto parsed = domain::parseIntervals(m_hours.at(day)->text());
        if (!parsed) {
            m_hoursError->setText(
                tr("%1: %2.").arg(domain::weekdayName(day), parsed.error().message));
            m_hoursError->show();
            m_hours.at(day)->setFocus();
            return false;
        }
        hours.byWeekday[day] = parsed.value();
    }
    if (!hours.hasWorkingDay()) {
        m_hoursError->setText(tr("Give the office hours of at least one day of the week."));
        m_hoursError->show();
        m_hours.at(Qt::Monday)->setFocus();
        return false;
    }
    if (hours != m_edited.officeHours()) {
        // The standard hours again, on a calendar that had none of its own: nothing to store.
        const bool asSaved
            = !m_saved.hasOwnOfficeHours() && hours == domain::OfficeHours::standard();
        m_edited.setOfficeHours(asSaved ? std::nullopt : std::optional<domain::OfficeHours>(hours));
        updatePreview();
    }
    renderHours(); // written back the one way (sorted, "07:30–11:30, 13:30–17:00"), the tick too
    if (modified())
        report(tr("Changed, not saved yet: Ctrl+S sends it to the server."));
    return true;
}

void CalendarPage::refresh()
{
    m_busy = true;
    report(tr("Reading the calendar from the server…"));
    m_admin.calendar([this](const auto &result) {
        m_busy = false;
        if (!result) {
            report(result.error().message, true);
            return;
        }
        m_saved = result->calendar;
        m_edited = result->calendar;
        m_tag = result->tag;
        m_selected = {};
        showProblems({});
        render();
        renderHours();
        updatePreview();
        report(tr("The calendar in force on the server."));
        Q_EMIT loaded();
    });
}

void CalendarPage::setDecision(const domain::YearDecision &decision)
{
    m_edited.setDecision(decision);
    render();
    updatePreview();
    report(tr("Changed, not saved yet: Ctrl+S sends it to the server."));
}

void CalendarPage::render()
{
    const int y = year();
    const domain::YearDecision d = domain::yearDecision(m_edited, y);
    m_daysOffModel->clear();
    m_daysOffModel->setHorizontalHeaderLabels({tr("Date"), tr("Day"), tr("Name"), tr("Kind")});
    for (const domain::Holiday &h : m_edited.holidays(y)) {
        const bool editable = h.kind == domain::Holiday::Kind::GovernmentDayOff;
        const QString kind = h.kind == domain::Holiday::Kind::Statutory ? tr("Holiday (by law)")
            : h.kind == domain::Holiday::Kind::Compensatory             ? tr("Compensatory day")
                                                                        : tr("Government day off");
        QList<QStandardItem *> row{new QStandardItem(display(h.date)),
                                   new QStandardItem(domain::vietnameseWeekday(h.date)),
                                   new QStandardItem(h.name), new QStandardItem(kind)};
        row.first()->setData(h.date, kDateRole);
        row.first()->setData(editable, kEditableRole);
        for (auto *item : row) {
            if (!editable)
                item->setForeground(QColor(0x60, 0x60, 0x60));
        }
        if (editable)
            row.last()->setForeground(QColor(0x1b, 0x5e, 0x20));
        m_daysOffModel->appendRow(row);
    }
    m_workingModel->clear();
    m_workingModel->setHorizontalHeaderLabels({tr("Date"), tr("Day")});
    QList<QDate> working = d.workingWeekendDays;
    std::sort(working.begin(), working.end());
    for (const QDate &day : working) {
        QList<QStandardItem *> row{new QStandardItem(display(day)),
                                   new QStandardItem(domain::vietnameseWeekday(day))};
        row.first()->setData(day, kDateRole);
        row.first()->setData(true, kEditableRole);
        m_workingModel->appendRow(row);
    }
    m_daysOff->resizeColumnsToContents();
    m_working->resizeColumnsToContents();

    m_adjacent->clear();
    const QDate byRule = domain::HolidayCalendar::defaultNationalDayAdjacent(y);
    m_adjacent->addItem(tr("By the default rule (%1)").arg(display(byRule)), QDate());
    m_adjacent->addItem(display(QDate(y, 9, 1)), QDate(y, 9, 1));
    m_adjacent->addItem(display(QDate(y, 9, 3)), QDate(y, 9, 3));
    m_adjacent->setCurrentIndex(!d.nationalDayAdjacent.isValid()       ? 0
                                    : d.nationalDayAdjacent.day() == 1 ? 1
                                                                       : 2);
    m_source->setText(d.source);
    if (m_selected.isValid())
        selectDay(m_selected);
}

void CalendarPage::selectDay(const QDate &date)
{
    for (QTableView *table : {m_daysOff, m_working}) {
        auto *model = static_cast<QStandardItemModel *>(table->model());
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->item(r, 0)->data(kDateRole).toDate() == date) {
                table->setCurrentIndex(model->index(r, 0));
                table->selectRow(r);
                return;
            }
        }
    }
}

void CalendarPage::fieldFault(const QString &text)
{
    m_fieldError->setText(text);
    m_fieldError->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        m_date->setFocus();
}

bool CalendarPage::addDayOff()
{
    const QDate date = domain::parseDisplayDate(m_date->text());
    if (const QString fault = domain::dayOffProblem(m_edited, year(), date); !fault.isEmpty()) {
        fieldFault(fault);
        return false;
    }
    fieldFault({});
    domain::YearDecision d = domain::yearDecision(m_edited, year());
    const QString name = m_name->text().simplified();
    d.daysOff.append({date,
                      name.isEmpty() ? QStringLiteral("Nghỉ theo quyết định của Chính phủ") : name,
                      domain::Holiday::Kind::GovernmentDayOff});
    m_selected = date;
    m_selectedWorking = false;
    setDecision(d);
    return true;
}

bool CalendarPage::addWorkingDay()
{
    const QDate date = domain::parseDisplayDate(m_date->text());
    if (const QString fault = domain::swappedDayProblem(m_edited, year(), date); !fault.isEmpty()) {
        fieldFault(fault);
        return false;
    }
    fieldFault({});
    domain::YearDecision d = domain::yearDecision(m_edited, year());
    d.workingWeekendDays.append(date);
    m_selected = date;
    m_selectedWorking = true;
    setDecision(d);
    return true;
}

bool CalendarPage::replaceSelected()
{
    if (!m_selected.isValid()) {
        fieldFault(tr("Select a day off or a swapped working day in the tables first."));
        return false;
    }
    domain::YearDecision d = domain::yearDecision(m_edited, year());
    const QDate date = domain::parseDisplayDate(m_date->text());
    if (m_selectedWorking) {
        const QString fault = domain::swappedDayProblem(m_edited, year(), date, m_selected);
        if (!fault.isEmpty()) {
            fieldFault(fault);
            return false;
        }
        const qsizetype at = d.workingWeekendDays.indexOf(m_selected);
        if (at < 0)
            return false;
        d.workingWeekendDays.replace(at, date);
    } else {
        const auto it = std::find_if(d.daysOff.begin(), d.daysOff.end(),
                                     [this](const auto &h) { return h.date == m_selected; });
        if (it == d.daysOff.end()) {
            fieldFault(tr("Holidays and compensatory days follow from the Labour Code and cannot "
                          "be changed; only the government's days off and swapped working days "
                          "can."));
            return false;
        }
        const QString fault = domain::dayOffProblem(m_edited, year(), date, m_selected);
        if (!fault.isEmpty()) {
            fieldFault(fault);
            return false;
        }
        it->date = date;
        const QString name = m_name->text().simplified();
        if (!name.isEmpty())
            it->name = name;
    }
    fieldFault({});
    m_selected = date;
    setDecision(d);
    return true;
}

bool CalendarPage::removeSelected()
{
    if (!m_selected.isValid()) {
        fieldFault(tr("Select a day off or a swapped working day in the tables first."));
        return false;
    }
    domain::YearDecision d = domain::yearDecision(m_edited, year());
    if (m_selectedWorking) {
        d.workingWeekendDays.removeAll(m_selected);
    } else if (d.daysOff.removeIf([this](const auto &h) { return h.date == m_selected; }) == 0) {
        fieldFault(tr("Holidays and compensatory days follow from the Labour Code and cannot "
                      "be changed; only the government's days off and swapped working days "
                      "can."));
        return false;
    }
    fieldFault({});
    m_selected = {};
    m_date->clear();
    m_name->clear();
    setDecision(d);
    return true;
}

void CalendarPage::updatePreview()
{
    const QDate received = domain::parseDisplayDate(m_previewDate->text());
    if (!received.isValid()) {
        m_preview->setText(tr("Write the date of receipt as dd/MM/yyyy."));
        return;
    }
    const QDateTime at(received, QTime(8, 0), Qt::OffsetFromUTC, 7 * 3600);
    const domain::Deadline deadline{domain::Deadline::Unit::WorkingDays, m_previewDays->value()};
    const auto due = [&](const domain::HolidayCalendar &holidays) {
        const QDateTime when = domain::WorkCalendar(holidays).dueAt(at, deadline);
        return when.isValid()
            ? QStringLiteral("%1 %2, %3")
                  .arg(when.toString(QStringLiteral("HH:mm")),
                       domain::vietnameseWeekday(when.date()), display(when.date()))
            : tr("beyond the calendar");
    };
    const QString edited = due(m_edited);
    const QString inForce = due(m_saved);
    QString text = tr("A dossier received at 08:00 on %1 with a deadline of %n working day(s) is "
                      "due at %2.",
                      nullptr, m_previewDays->value())
                       .arg(display(received), edited);
    if (edited != inForce)
        text += QLatin1Char(' ')
            + tr("With the calendar in force on the server it is due at %1.").arg(inForce);
    m_preview->setText(text);
}

void CalendarPage::save()
{
    if (m_busy)
        return;
    if (!applyHours()) {
        report(tr("The office hours have a fault (shown under them); nothing was saved."), true);
        return;
    }
    m_busy = true;
    report(tr("Saving the calendar…"));
    m_admin.saveCalendar(m_edited, m_tag, [this](const auto &result) {
        m_busy = false;
        if (!result) {
            const QString hint = result.error().code == QLatin1String("calendar.stale")
                ? QLatin1Char(' ') + tr("Reload (F5) and make your changes again.")
                : QString();
            report(result.error().message + hint, true);
            return;
        }
        m_saved = result->calendar;
        m_edited = result->calendar;
        m_tag = result->tag;
        render();
        renderHours();
        updatePreview();
        report(tr("Saved: the server's calendar is the one shown. Workstations take it up at "
                  "their next catalogue update."));
        Q_EMIT savedToServer();
    });
}

bool CalendarPage::importCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report(tr("Cannot read %1.").arg(path), true);
        return false;
    }
    const domain::CalendarCsvImport parsed
        = domain::parseCalendarCsv(file.readAll(), m_edited, year());
    if (!parsed.ok()) {
        showProblems(parsed.problems);
        report(tr("The file has %n fault(s); nothing was taken from it. Correct the rows below "
                  "and import it again.",
                  nullptr, int(parsed.problems.size())),
               true);
        return false;
    }
    showProblems({});
    m_selected = {};
    setDecision(parsed.decision);
    report(tr("Imported %1 day(s) off and %2 swapped working day(s) for %3; not saved yet "
              "(Ctrl+S).")
               .arg(parsed.decision.daysOff.size())
               .arg(parsed.decision.workingWeekendDays.size())
               .arg(year()));
    return true;
}

bool CalendarPage::exportCsv(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(domain::calendarCsv(m_edited, year())) < 0
        || !file.commit()) {
        report(tr("Cannot write %1.").arg(path), true);
        return false;
    }
    report(tr("Exported the days of %1 to %2.").arg(year()).arg(path));
    return true;
}

void CalendarPage::showProblems(const QList<domain::ImportProblem> &problems)
{
    m_problemsModel->clear();
    m_problemsModel->setHorizontalHeaderLabels({tr("Row"), tr("Column"), tr("Problem")});
    for (const auto &p : problems)
        m_problemsModel->appendRow({new QStandardItem(p.row ? QString::number(p.row) : QString()),
                                    new QStandardItem(p.column), new QStandardItem(p.message)});
    m_problems->resizeColumnsToContents();
    m_problems->setVisible(!problems.isEmpty());
}

void CalendarPage::report(const QString &text, bool error)
{
    admin::showStatus(m_status, text, error);
}

} // namespace motcua::ui
