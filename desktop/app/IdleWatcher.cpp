#include "app/IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace holdfast::desktop {

IdleWatcher::IdleWatcher(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::idle);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setTimeout(int timeout_ms)
{
    m_timeout_ms = std::max(0, timeout_ms);
    setActive(m_active);
}

void IdleWatcher::setActive(bool active)
{
    m_active = active;
    if (m_active && m_timeout_ms > 0)
        m_timer.start(m_timeout_ms);
    else
        m_timer.stop();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        if (m_timer.isActive())
            m_timer.start(m_timeout_ms);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace holdfast::desktop
