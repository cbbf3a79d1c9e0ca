#pragma once

// When to try again after a failure (Nextcloud's libsync is the model): exponential backoff with
// jitter on a timer — a retry happens on its own, not only on the officer's next write — and a
// "stuck" state when the same item fails again and again, exposed with its error.
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <domain/error.h>

#include <functional>
#include <optional>

namespace motcua::sync {

// Delays 1 s, 2 s, 4 s … up to a ceiling, each shortened by a random part (jitter) so counters
// that lost the link together do not come back in step. A server's Retry-After is a floor.
struct BackoffOptions
{
    int initialMs = 1000;
    int maxMs = 5 * 60 * 1000;
    double factor = 2.0;
    double jitter = 0.5; // the delay is drawn from [d·(1 − jitter), d]
};

class Backoff
{
public:
    using Options = BackoffOptions;
    // `random` answers in [0, 1); the default draws from QRandomGenerator.
    explicit Backoff(Options options = {}, std::function<double()> random = {});

    // The delay before the next attempt; counts the failure.
    int nextDelayMs(int retryAfterSeconds = 0);
    void reset() { m_failures = 0; }
    [[nodiscard]] int failures() const { return m_failures; }
    [[nodiscard]] const Options &options() const { return m_options; }

private:
    Options m_options;
    std::function<double()> m_random;
    int m_failures = 0;
};

// A Backoff on a QTimer: failed() schedules `due()`, succeeded() resets; retryNow() fires at once
// (a connectivity change, the officer's "Đồng bộ ngay").
class RetryTimer : public QObject
{
    Q_OBJECT
public:
    explicit RetryTimer(Backoff backoff = Backoff(), QObject *parent = nullptr);

    // Schedules the next attempt after a failure; returns the delay chosen.
    int failed(const domain::Error &error);
    void succeeded();
    void retryNow();
    void cancel() { m_timer.stop(); }

    [[nodiscard]] bool isScheduled() const { return m_timer.isActive(); }
    [[nodiscard]] int remainingMs() const { return m_timer.remainingTime(); }
    [[nodiscard]] int failures() const { return m_backoff.failures(); }

Q_SIGNALS:
    void due();

private:
    Backoff m_backoff;
    QTimer m_timer;
};

// An item (an action id, "pull", "lease") that failed `threshold` times in a row.
struct StuckItem
{
    QString key;
    domain::Error error; // the last error, with its Vietnamese message
    int failures = 0;
    QDateTime since; // the first failure of the run
    bool operator==(const StuckItem &) const = default;
};

// Counts consecutive failures of the same item. A failure of another item starts a new count (the
// queue moved on); a success of the item clears it.
class StuckTracker
{
public:
    explicit StuckTracker(int threshold = 5)
        : m_threshold(threshold)
    {}
    // True when this failure makes the item stuck (exactly at the threshold).
    bool failed(const QString &key, const domain::Error &error);
    // True when this clears a stuck item.
    bool succeeded(const QString &key);
    void clear() { m_current.reset(); }

    [[nodiscard]] std::optional<StuckItem> stuck() const;
    // The item being counted, stuck or not yet.
    [[nodiscard]] const std::optional<StuckItem> &current() const { return m_current; }
    [[nodiscard]] int threshold() const { return m_threshold; }

private:
    int m_threshold;
    std::optional<StuckItem> m_current;
};

} // namespace motcua::sync
