#include "link_proxy.h"

#include <QHostAddress>

namespace motcua::test {

LinkProxy::LinkProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_target(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LinkProxy::accept);
}

bool LinkProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost);
}

void LinkProxy::setUp(bool up)
{
    m_up = up;
    if (up)
        return;
    for (auto &[client, upstream] : m_pairs) {
        if (client)
            client->abort();
        if (upstream)
            upstream->abort();
    }
    m_pairs.clear();
}

void LinkProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setParent(this);
        if (!m_up) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto *upstream = new QTcpSocket(this);
        m_pairs.append(qMakePair(QPointer<QTcpSocket>(client), QPointer<QTcpSocket>(upstream)));
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(client->readAll());
        });
        connect(upstream, &QTcpSocket::connected, client,
                [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
            const QByteArray bytes = upstream->readAll();
            m_bytesDown += bytes.size();
            client->write(bytes);
        });
        const QPointer<QTcpSocket> c(client);
        const QPointer<QTcpSocket> u(upstream);
        const auto close = [c, u] {
            for (const auto &s : {c, u}) {
                if (s && s->state() != QAbstractSocket::UnconnectedState)
                    s->disconnectFromHost();
                if (s)
                    s->deleteLater();
            }
        };
        connect(client, &QTcpSocket::disconnected, this, close);
        connect(upstream, &QTcpSocket::disconnected, this, close);
        connect(upstream, &QTcpSocket::errorOccurred, this, [c] {
            if (c)
                c->abort();
        });
        upstream->connectToHost(QHostAddress::LocalHost, m_target);
    }
}

} // namespace motcua::test
