#pragma once

// A TCP forwarder between a client and the server on loopback, whose link can be cut and restored:
// a counter's network going down without touching the server. Down: open connections are dropped
// and new ones are accepted and closed at once (the client sees the host close the connection).
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace motcua::test {

class LinkProxy : public QObject
{
    Q_OBJECT
public:
    explicit LinkProxy(quint16 targetPort, QObject *parent = nullptr);
    bool listen();
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] bool isUp() const { return m_up; }
    void setUp(bool up);
    // Bytes carried from the server to clients so far (what a counter's link downloads).
    [[nodiscard]] qint64 bytesDown() const { return m_bytesDown; }

private:
    void accept();
    quint16 m_target;
    QTcpServer m_server;
    bool m_up = true;
    qint64 m_bytesDown = 0;
    QList<QPair<QPointer<QTcpSocket>, QPointer<QTcpSocket>>> m_pairs;
};

} // namespace motcua::test
