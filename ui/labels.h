#pragma once

// What the UI calls statuses, stages, channels, actions, roles and queues, through tr() so that
// the English UI reads English (the domain's own names are Vietnamese only).
#include <QCoreApplication>
#include <QString>

#include <domain/action.h>
#include <domain/entities.h>
#include <services/queues.h>

namespace motcua::ui {

class Labels
{
    Q_DECLARE_TR_FUNCTIONS(Labels)
public:
    static QString stage(domain::Stage stage);
    static QString status(domain::Status status);
    static QString channel(domain::Channel channel);
    static QString action(domain::ActionType type);
    static QString role(domain::Role role);
    static QString queue(services::QueueId id);
    // dd/MM/yyyy and dd/MM/yyyy HH:mm in Vietnam time; empty for an invalid value.
    static QString date(const QDate &date);
    static QString dateTime(const QDateTime &at);
};

} // namespace motcua::ui
