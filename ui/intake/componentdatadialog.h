#pragma once

// The form of one component's electronic data (R05.1b), built from its document type (R02): the
// standard items every document carries, those the type requires marked with *, then the type's
// own fields (text, number, date dd/MM/yyyy, or a list to choose from). Values read off a scan
// come pre-filled. OK checks every value and keeps the dialog open, with the message at the
// field, until they are right (F4 on the components page).
#include "../fielderrors.h"

#include <QDialog>

#include <domain/documenttypes.h>
#include <services/intakedraft.h>

namespace motcua::ui {

class ComponentDataDialog : public QDialog
{
    Q_OBJECT
public:
    ComponentDataDialog(const QString &componentName, const domain::DocumentType &type,
                        const services::ComponentEntry &entry, const QDate &today,
                        QWidget *parent = nullptr);

    // What the form holds, by key (after OK: every value well-formed).
    [[nodiscard]] QMap<QString, QString> values() const;
    void accept() override;

private:
    [[nodiscard]] QString valueOf(const domain::DataField &field) const;

    QList<domain::DataField> m_form;
    QHash<QString, QWidget *> m_inputs;
    FieldErrors m_errors;
    QDate m_today;
};

} // namespace motcua::ui
