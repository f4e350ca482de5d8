#pragma once

#include <QObject>
#include <QTimer>

namespace holdfast::desktop {

// Emits idle() when the user has not touched the application (keyboard,
// mouse, wheel, touch) for the configured time. An application-wide event
// filter restarts the timer; zero minutes turns it off.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    void setTimeout(int timeout_ms); // 0: never
    int timeout() const { return m_timeout_ms; }
    void setActive(bool active); // off while locked
    bool isActive() const { return m_timer.isActive(); }

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
    int m_timeout_ms = 0;
    bool m_active = false;
};

} // namespace holdfast::desktop
