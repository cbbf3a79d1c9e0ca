#pragma once

// The report template designer (R24.1, R24.3): name and printed title, shared with the agency or
// personal, up to three dimensions, the measures, filters (service level, channel, field,
// department), the period (relative to the day it runs, or fixed days) and the chart. Faults are
// shown at the field on Save and the dialog stays open.
#include <QDialog>

#include <reports/reporttemplate.h>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace motcua::ui {

// What the filters offer: codes with their names, from the catalogues of the cache.
struct FilterChoices
{
    QList<std::pair<QString, QString>> fields;      // code, name
    QList<std::pair<QString, QString>> departments; // "agency/department", name
};

class TemplateDesigner : public QDialog
{
    Q_OBJECT
public:
    TemplateDesigner(const reports::ReportTemplate &initial, bool canShare,
                     const FilterChoices &choices, QWidget *parent = nullptr);

    // The template as designed (the initial one's id, owner and version kept).
    [[nodiscard]] reports::ReportTemplate result() const;

    // Shows `message` at the widget for `field` (an API field name) and focuses it; Save works
    // again.
    void showError(const QString &field, const QString &message);
    // The template was stored: closes the dialog.
    void saved();

    // Save: checks the template and asks for it to be stored (saveRequested); the dialog stays
    // open until saved() or showError().
    void accept() override;

Q_SIGNALS:
    void saveRequested(const motcua::reports::ReportTemplate &designed);

private:
    QListWidget *checkList(const QString &objectName);
    void periodChanged();

    reports::ReportTemplate m_initial;
    QLineEdit *m_name;
    QLineEdit *m_title;
    QCheckBox *m_shared;
    QList<QComboBox *> m_dimensions;
    QListWidget *m_measures;
    QListWidget *m_levels;
    QListWidget *m_channels;
    QListWidget *m_fields;
    QListWidget *m_departments;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_chart;
    QLabel *m_error;
    QPushButton *m_save = nullptr;
};

} // namespace motcua::ui
